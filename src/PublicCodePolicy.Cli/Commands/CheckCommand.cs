// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Output;
using PublicCodePolicy.Policy;
using Spectre.Console;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode check</c>: evaluates every project against the policy.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for people), json (documented schema: docs/schemas/check-result.schema.json), sarif (SARIF 2.1.0 for GitHub code scanning and GitLab).",
            DefaultValueFactory = _ => "table",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "json", "sarif");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the result to FILE instead of standard output.",
            HelpName = "FILE",
        };
        var problemsOnly = new Option<bool>("--problems-only")
        {
            Description = "In the table, list only packages that are not allowed.",
        };
        var command = new Command("check",
            "Check every dependency of a solution or project against the licence policy.\n\n" +
            "Reads each project's obj/project.assets.json (run 'dotnet restore' first, or pass --restore) and each\n" +
            "package's .nuspec from the NuGet package folder; nothing is fetched from the network.\n\n" +
            "Examples:\n" +
            "  publiccode check\n" +
            "  publiccode check samples/Valmont/Valmont.sln --problems-only\n" +
            "  publiccode check App.sln --format json -o publiccode-check.json\n" +
            "  publiccode check App.sln --format sarif -o publiccode.sarif   # upload to code scanning\n" +
            "  publiccode check App.sln --policy publiccode-policy.json --preset fr-administration\n" +
            "  publiccode check App.sln --online   # also ask your nuget.config sources: missing metadata, deprecations\n\n" +
            "Exit codes: 0 no enforced finding, 1 the policy fails, 2 usage or input error (e.g. PCP9001 not restored).");
        common.AddTo(command);
        command.Add(format);
        command.Add(output);
        command.Add(problemsOnly);
        command.SetAction(parse =>
        {
            var result = EngineRunner.Run(context, parse, common);
            if (result == null) return (int)ExitCode.InputError;
            var outPath = parse.GetValue(output);
            var chosen = parse.GetValue(format);
            if (chosen is "json" or "sarif")
            {
                Action<CheckResult, Stream> write = chosen == "json" ? CheckResultJsonWriter.Write : SarifWriter.Write;
                if (outPath != null)
                {
                    using var file = File.Create(outPath);
                    write(result, file);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    write(result, buffer);
                    context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
            }
            else if (outPath != null)
            {
                using var writer = new StreamWriter(outPath);
                TableRenderer.Render(result, writer, ConsoleEnvironment.Plain, parse.GetValue(problemsOnly));
            }
            else
            {
                TableRenderer.Render(result, context.Out, context.Console, parse.GetValue(problemsOnly));
            }
            foreach (var f in result.Findings.Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration))
            {
                EngineRunner.WriteError(context, f.RuleId, f.Message);
            }
            return (int)EngineRunner.ExitCodeOf(result);
        });
        return command;
    }
}

/// <summary>Human output: one table per project, then findings with their dependency paths, then a summary.</summary>
internal static class TableRenderer
{
    public static void Render(CheckResult result, TextWriter writer, ConsoleEnvironment env, bool problemsOnly)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = env.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = env.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!env.Interactive) console.Profile.Width = 200;
        console.WriteLine("PublicCodePolicy " + result.ToolVersion + " · policy " + result.Policy.Preset.ToName()
            + (result.Policy.SourcePath != null ? " (" + Path.GetFileName(result.Policy.SourcePath) + ")" : " (built-in)")
            + " · SPDX licence list " + result.LicenseListVersion);
        foreach (var project in result.Projects)
        {
            console.WriteLine();
            var title = project.Name + (project.IsTestProject ? " (test project)" : string.Empty) + (project.Loaded ? " — " + string.Join(", ", project.TargetFrameworks) : " — not restored");
            var rows = project.Packages.Where(p => !problemsOnly || p.Verdict != Verdict.Allowed).ToArray();
            if (rows.Length == 0)
            {
                console.WriteLine(title + ": " + (project.Loaded ? (project.Packages.Count == 0 ? "no packages" : "all " + project.Packages.Count.ToString(CultureInfo.InvariantCulture) + " packages allowed") : "see the error below"));
                continue;
            }
            var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = env.Color ? TableBorder.Rounded : TableBorder.Ascii2 };
            table.AddColumns("Package", "Version", "Scope", "Licence", "Source", "Verdict", "Why");
            foreach (var p in rows)
            {
                table.AddRow(
                    Markup.Escape(p.Id + (p.IsDirect ? string.Empty : " (transitive)")),
                    Markup.Escape(p.Version),
                    Markup.Escape(p.Scope.ToName()),
                    Markup.Escape(p.License.Concluded.ToString()),
                    Markup.Escape(CheckResultJsonWriter.SourceName(p.License.Source)),
                    VerdictMarkup(p.Verdict),
                    Markup.Escape(p.Reason));
            }
            console.Write(table);
        }

        var shown = result.Findings.Where(f => f.Severity != FindingSeverity.Info || f.RuleId == RuleCatalog.ExceptedDependency.Id || f.RuleId == RuleCatalog.NewPackage.Id).ToArray();
        if (shown.Length > 0)
        {
            console.WriteLine();
            console.WriteLine("Findings:");
            foreach (var f in shown)
            {
                var sev = f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "info" };
                var where = f.ProjectPath != null ? Path.GetFileName(f.ProjectPath) + ": " : string.Empty;
                console.MarkupLine((env.Color ? SeverityColor(f.Severity) : string.Empty) + Markup.Escape(where + sev + " " + f.RuleId + ": " + f.Message) + (env.Color ? "[/]" : string.Empty));
                foreach (var path in f.Paths.Take(3)) console.WriteLine("    via " + path);
                if (f.Paths.Count > 3) console.WriteLine("    … and " + (f.Paths.Count - 3).ToString(CultureInfo.InvariantCulture) + " more paths");
                if (f.Remedy != null) console.WriteLine("    fix: " + f.Remedy);
                if (!string.IsNullOrEmpty(f.HelpUri)) console.WriteLine("    see " + f.HelpUri);
            }
        }

        var s = result.Summary;
        console.WriteLine();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Summary: {s.Projects} projects, {s.Packages} distinct packages: {s.Allowed} allowed, {s.Denied} denied, {s.Unknown} unknown, {s.Excepted} excepted."));
        console.WriteLine(result.Passed
            ? "Result: PASSED — no enforced finding."
            : string.Create(CultureInfo.InvariantCulture, $"Result: FAILED — {s.EnforcedFindings} enforced findings (scopes enforced: {string.Join(", ", result.Policy.EnforcedScopes.OrderBy(x => x).Select(x => x.ToName()))})."));
    }

    private static string VerdictMarkup(Verdict v) => v switch
    {
        Verdict.Allowed => "[green]allowed[/]",
        Verdict.Denied => "[red]denied[/]",
        Verdict.Unknown => "[yellow]unknown[/]",
        _ => "[blue]excepted[/]",
    };

    private static string SeverityColor(FindingSeverity s) => s switch
    {
        FindingSeverity.Error => "[red]",
        FindingSeverity.Warning => "[yellow]",
        _ => "[blue]",
    };
}
