// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Policy;
using PublicCodePolicy.PublicCode;

using PublicCodePolicy.Cli.Metadata;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode yml validate|generate</c>: publiccode.yml checked like the official parser, generated from the project.</summary>
internal static class YmlCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("yml", context.Texts.S("Help.Yml"))
        {
            Validate(context),
            Generate(context),
        };
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var file = new Argument<string>("file") { Description = context.Texts.S("Help.Yml.Validate.File"), DefaultValueFactory = _ => PublicCodeFile.FileName };
        var format = new Option<string>("--format", "-f") { Description = context.Texts.S("Help.Yml.Validate.Format"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var noFiles = new Option<bool>("--no-file-checks") { Description = context.Texts.S("Help.Yml.Validate.NoFileChecks") };
        var command = new Command("validate", context.Texts.S("Help.Yml.Validate"))
        {
            file, format, noFiles,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "'" + path + "' does not exist. Create one with 'publiccode yml generate' or 'publiccode init'.");
                return (int)ExitCode.InputError;
            }
            var result = PublicCodeValidator.ValidateFile(path, new PublicCodeValidationOptions { CheckFiles = !parse.GetValue(noFiles) });
            if (parse.GetValue(format) == "json") context.Out.WriteLine(result.ToJson());
            else
            {
                var text = result.ToText(Path.GetFileName(path));
                if (text.Length > 0) context.Out.Write(text.EndsWith('\n') ? text : text + "\n");
                context.Out.WriteLine(context.Texts.F(result.HasErrors ? "Yml.Invalid" : "Yml.Valid", Path.GetFileName(path)));
            }
            return (int)(result.HasErrors ? ExitCode.PolicyFailed : ExitCode.Success);
        });
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var common = new CommonOptions(context.Texts);
        var output = new Option<string?>("--output", "-o") { Description = context.Texts.S("Help.Yml.Generate.Output"), HelpName = context.Texts.S("HelpName.FILE") };
        var command = new Command("generate", context.Texts.S("Help.Yml.Generate"));
        common.AddTo(command);
        command.Add(output);
        command.SetAction(parse =>
        {
            if (!EngineRunner.TryFullPath(context, parse.GetValue(common.Path) ?? ".", out var path)) return (int)ExitCode.InputError;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "'" + path + "' does not exist.");
                return (int)ExitCode.InputError;
            }
            var own = Path.Combine(Directory.Exists(path) ? path : Path.GetDirectoryName(path)!, PublicCodeFile.FileName);
            var target = parse.GetValue(output) ?? own;
            // A new folder one level deep is created (a dossier folder); a deeper missing path is PCP9010.
            if (!EngineRunner.TryValidateOutput(context, target, createDirectory: true)) return (int)ExitCode.InputError;
            var facts = ReadFacts(context, path, parse.GetValue(common.Policy));
            if (facts == null) return (int)ExitCode.InputError;
            bool existed = File.Exists(target);
            // A new file elsewhere starts from the folder's own publiccode.yml, refreshed, rather than from the facts alone.
            // The write (AtomicFile) creates the new folder only when there is a file to write.
            var result = PublicCodeFile.GenerateOrUpdate(target, facts, File.Exists(own) ? own : null);
            foreach (var f in result.Findings)
            {
                var sev = f.Severity == FindingSeverity.Error ? "error" : f.Severity == FindingSeverity.Warning ? "warning" : "info";
                context.Error.WriteLine(sev + " " + f.RuleId + ": " + IO.SafeText.ForTerminal(f.Message + (f.Remedy != null ? " " + f.Remedy : string.Empty)));
            }
            if (result.Text == null)
            {
                context.Error.WriteLine(context.Texts.S("Yml.NotWritten"));
                return (int)ExitCode.PolicyFailed;
            }
            context.Out.WriteLine(!existed ? context.Texts.F("Yml.Written", target) : result.ChangedKeys.Count > 0 ? context.Texts.F("Yml.Updated", target, string.Join(", ", result.ChangedKeys)) : context.Texts.F("Yml.UpToDate", target));
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>
    /// The publiccode.yml facts of the main project of <paramref name="path"/>: the policy file's publicCode section,
    /// then the project's evaluated properties (which win). Null after printing an error.
    /// </summary>
    internal static PublicCodeFacts? ReadFacts(CliContext context, string path, string? policyPath)
    {
        var project = MainProject(path);
        if (project == null)
        {
            EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "No project was found in '" + path + "'.");
            return null;
        }
        IReadOnlyDictionary<string, string?> fromPolicy = new Dictionary<string, string?>();
        try
        {
            var policyFile = policyPath ?? PolicyDocument.Find(Directory.Exists(path) ? path : Path.GetDirectoryName(path)!);
            if (policyFile != null) fromPolicy = PolicyDocument.Load(policyFile).PublicCodeProperties;
        }
        catch (Exception ex) when (ex is PolicyFormatException or IOException)
        {
            EngineRunner.WriteError(context, RuleCatalog.InvalidPolicy.Id, ex.Message);
            return null;
        }
        var names = PublicCodeFactsBuilder.PropertyNames
            .Concat(PublicCodeFactsBuilder.LanguagePropertyStems.SelectMany(stem => new[] { stem + "Fr", stem + "En" }));
        var evaluated = ProjectMetadata.Read(new[] { project }, names)[project];
        var fromProject = evaluated?.Values.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        if (fromProject == null)
        {
            EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "MSBuild could not evaluate '" + project + "'.");
            return null;
        }
        // The SDK defaults Description to "Package Description": it says nothing about the software.
        if (fromProject.TryGetValue("Description", out var d) && d == "Package Description") fromProject["Description"] = null;
        return PublicCodeFactsBuilder.FromMsBuildProperties(PublicCodeFactsBuilder.Merge(fromPolicy, fromProject), Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"));
    }

    /// <summary>
    /// The project that publiccode.yml describes: the project itself; in a solution or folder, the first non-test
    /// project (by path) that is an application, else the first non-test project.
    /// </summary>
    internal static string? MainProject(string path)
    {
        var ws = Workspace.Load(path);
        var candidates = ws.Projects.Select(p => p.ProjectPath)
            .Where(p => !Path.GetFileNameWithoutExtension(p).EndsWith("Tests", StringComparison.OrdinalIgnoreCase) && !Path.GetFileNameWithoutExtension(p).EndsWith(".Test", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (candidates.Length == 0) return ws.Projects.FirstOrDefault()?.ProjectPath;
        foreach (var c in candidates)
        {
            string text;
            try
            {
                text = IO.InputFile.ReadAllText(c, 16L * 1024 * 1024);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (text.Contains("<OutputType>Exe</OutputType>", StringComparison.OrdinalIgnoreCase) || text.Contains("<OutputType>WinExe</OutputType>", StringComparison.OrdinalIgnoreCase) || text.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
                return c;
        }
        return candidates[0];
    }
}
