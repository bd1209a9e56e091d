// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode init</c>: writes a commented policy file (and, when asked, a publiccode.yml skeleton).</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = context.Texts.S("Help.Init.Folder"),
            DefaultValueFactory = _ => ".",
        };
        var preset = new Option<string>("--preset")
        {
            Description = context.Texts.F("Help.Init.Preset", string.Join(", ", PolicyPresets.Names)),
            DefaultValueFactory = _ => "osi",
        };
        preset.AcceptOnlyFromAmong(PolicyPresets.Names.ToArray());
        var force = new Option<bool>("--force") { Description = context.Texts.S("Help.Init.Force") };
        var noYml = new Option<bool>("--no-yml") { Description = context.Texts.S("Help.Init.NoYml") };
        var command = new Command("init", context.Texts.F("Help.Init", PolicyDocument.FileName))
        {
            folder, preset, force, noYml,
        };
        command.SetAction(parse =>
        {
            if (!EngineRunner.TryFullPath(context, parse.GetValue(folder) ?? ".", out var dir)) return (int)ExitCode.InputError;
            if (!Directory.Exists(dir))
            {
                EngineRunner.WriteError(context, Diagnostics.RuleCatalog.InputNotFound.Id, "'" + dir + "' does not exist.");
                return (int)ExitCode.InputError;
            }
            var path = Path.Combine(dir, PolicyDocument.FileName);
            if (File.Exists(path))
            {
                if (!parse.GetValue(force))
                {
                    EngineRunner.WriteError(context, Diagnostics.RuleCatalog.InvalidUsage.Id, path + " exists; pass --force to replace it (the current file is kept as " + PolicyDocument.FileName + ".bak).");
                    return (int)ExitCode.InputError;
                }
                byte[] previous;
                try
                {
                    previous = IO.InputFile.ReadAllBytes(path, Policy.PolicyDocument.MaxBytes);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    EngineRunner.WriteError(context, Diagnostics.RuleCatalog.InvalidPolicy.Id, "The existing policy file cannot be kept as .bak: " + ex.Message);
                    return (int)ExitCode.InputError;
                }
                if (!EngineRunner.TryWriteOutput(context, path + ".bak", stream => stream.Write(previous))) return (int)ExitCode.InputError;
            }
            if (!EngineRunner.TryWriteOutput(context, path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(PolicyTemplate(parse.GetValue(preset) ?? "osi")))))
                return (int)ExitCode.InputError;
            context.Out.WriteLine(context.Texts.F("Init.WrotePolicy", path, Quote(dir)));
            var yml = Path.Combine(dir, PublicCode.PublicCodeFile.FileName);
            if (parse.GetValue(noYml)) return (int)ExitCode.Success;
            if (File.Exists(yml))
            {
                context.Out.WriteLine(context.Texts.F("Init.YmlExists", yml, Quote(dir)));
                return (int)ExitCode.Success;
            }
            if (YmlCommand.MainProject(dir) == null)
            {
                context.Out.WriteLine(context.Texts.F("Init.NoProject", dir));
                return (int)ExitCode.Success;
            }
            var facts = YmlCommand.ReadFacts(context, dir, path);
            if (facts == null) return (int)ExitCode.InputError;
            if (!EngineRunner.TryWriteOutput(context, yml, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(PublicCode.PublicCodeGenerator.Skeleton(facts)))))
                return (int)ExitCode.InputError;
            context.Out.WriteLine(context.Texts.F("Init.WroteYml", yml, Quote(yml)));
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>The commented policy written by init; it loads with <see cref="PolicyDocument.Load(string)"/> as is.</summary>
    public static string PolicyTemplate(string preset) => $$"""
        {
          // PublicCodePolicy policy — see docs/policy.md. JSON with comments.
          "$schema": "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/schemas/publiccode-policy.schema.json",

          // Base list of allowed licences: osi | fsf | osi-or-fsf | fr-administration (CRPA art. D323-2-1).
          "preset": "{{preset}}",

          // Licences allowed on top of the preset (a LicenseRef- passes only when named here), and licences refused.
          "allow": [],
          "deny": [],

          // Scopes whose findings fail the check: runtime | development | test. Others are reported only.
          "enforceScopes": ["runtime"],

          // A dependency whose licence cannot be determined: "fail" (default) or "warn".
          "unknownLicenses": "fail",

          // Justified, dated decisions to accept a dependency the policy would refuse. Reported, never hidden.
          // { "package": "Id", "versions": "[1.0.0,2.0.0)", "license": "LicenseRef-…", "justification": "why",
          //   "approvedBy": "who, when", "expires": "YYYY-MM-DD" }
          "exceptions": [],

          // Licence corrections with evidence, for packages whose metadata is wrong or missing.
          // { "package": "Id", "versions": "[1.0.0,2.0.0)", "license": "MIT", "source": "URL of the licence text", "reason": "why" }
          "curations": []
        }

        """;

    private static string Quote(string s) => s.Contains(' ', StringComparison.Ordinal) ? "\"" + s + "\"" : s;
}
