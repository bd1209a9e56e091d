// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Globalization;
using PublicCodePolicy.Cli.Output;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.IO;
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
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Output formats, comma-separated or repeated: table (for people), json (documented schema: docs/schemas/check-result.schema.json), sarif (SARIF 2.1.0 for GitHub code scanning), codequality (GitLab Code Quality), junit (JUnit XML, GitLab's test report). Several formats need --output DIR.",
            DefaultValueFactory = _ => new[] { "table" },
            HelpName = "FORMATS",
            AllowMultipleArgumentsPerToken = false,
        };
        format.Validators.Add(result =>
        {
            foreach (var f in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (!FileNames.ContainsKey(f)) result.AddError("Unknown check format '" + f + "'; use table, json, sarif, codequality or junit (comma-separated).");
            }
        });
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the result to FILE instead of standard output. With several formats, a folder DIR (created if needed) that receives one file per format: " + string.Join(", ", FileNames.Where(p => p.Key != "table").Select(p => p.Value + " (" + p.Key + ")")) + "; the table still goes to standard output.",
            HelpName = "FILE|DIR",
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
            "  publiccode check . --format table,codequality,junit,sarif -o publiccode   # GitLab: one run, one folder\n" +
            "  publiccode check App.sln --policy publiccode-policy.json --preset fr-administration\n" +
            "  publiccode check App.sln --online   # also ask your nuget.config sources: missing metadata, deprecations\n\n" +
            "Exit codes: 0 no enforced finding, 1 the policy fails, 2 usage or input error (e.g. PCP9001 not restored).");
        common.AddTo(command);
        command.Add(format);
        command.Add(output);
        command.Add(problemsOnly);
        command.Validators.Add(result =>
        {
            if (Formats(result.GetValue(format)).Count > 1 && result.GetValue(output) == null)
                result.AddError("Several formats need --output DIR: the folder that receives one file per format.");
        });
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output);
            var formats = Formats(parse.GetValue(format));
            // Checked before any work: one file, or with several formats one file per format in the (new) folder.
            var outputs = outPath == null ? Array.Empty<string>() : formats.Count > 1 ? formats.Where(f => f != "table").Select(f => Path.Combine(outPath, FileNames[f])).ToArray() : new[] { outPath };
            if (!outputs.All(o => EngineRunner.TryValidateOutput(context, o, createDirectory: formats.Count > 1))) return (int)ExitCode.InputError;
            var result = EngineRunner.Run(context, parse, common);
            if (result == null) return (int)ExitCode.InputError;
            bool problems = parse.GetValue(problemsOnly);
            bool machineOutputOnStdout = false;
            // Every file goes through the one atomic writer: a failure is PCP9010 and leaves the previous file intact.
            bool Write(string path, Action<Stream> write, bool createDirectory = false) => EngineRunner.TryWriteOutput(context, path, write, createDirectory);
            if (outPath != null && result.HasInputErrors)
            {
                // A result with input errors is not a result: the last good file stays for the next step to find.
                context.Error.WriteLine("Input errors: " + SafeText.ForTerminal(outPath) + " was left as it was.");
                if (formats.Contains("table")) TableRenderer.Render(result, context.Out, context.Console, problems);
            }
            else if (formats.Count > 1)
            {
                foreach (var f in formats)
                {
                    if (f == "table") TableRenderer.Render(result, context.Out, context.Console, problems);
                    else if (!Write(Path.Combine(outPath!, FileNames[f]), stream => Writer(f)(result, stream), createDirectory: true)) return (int)ExitCode.InputError;
                }
            }
            else if (formats[0] == "table")
            {
                if (outPath == null) TableRenderer.Render(result, context.Out, context.Console, problems);
                else if (!Write(outPath, stream => RenderTable(result, stream, problems))) return (int)ExitCode.InputError;
            }
            else if (outPath != null)
            {
                if (!Write(outPath, stream => Writer(formats[0])(result, stream))) return (int)ExitCode.InputError;
            }
            else
            {
                using var buffer = new MemoryStream();
                Writer(formats[0])(result, buffer);
                context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                machineOutputOnStdout = true;
            }
            // On GitHub Actions and Azure Pipelines, annotations on the pull request's files, unless standard output
            // carries a document that the lines would corrupt.
            if (!machineOutputOnStdout) CiAnnotations.Write(result, context.Console.Ci, context.Out);
            foreach (var f in result.Findings.Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration))
            {
                EngineRunner.WriteError(context, f.RuleId, f.Message);
            }
            return (int)EngineRunner.ExitCodeOf(result);
        });
        return command;
    }

    /// <summary>The documented file name of each format in the --output folder (docs/cli.md).</summary>
    internal static IReadOnlyDictionary<string, string> FileNames { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["codequality"] = "gl-code-quality-report.json",
        ["json"] = "publiccode-check.json",
        ["junit"] = "publiccode-junit.xml",
        ["sarif"] = "publiccode.sarif",
        ["table"] = "publiccode-check.txt",
    };

    private static IReadOnlyList<string> Formats(string[]? values)
    {
        var list = (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? new[] { "table" } : list;
    }

    private static Action<CheckResult, Stream> Writer(string format) => format switch
    {
        "json" => CheckResultJsonWriter.Write,
        "sarif" => SarifWriter.Write,
        "codequality" => CodeQualityWriter.Write,
        "junit" => JUnitWriter.Write,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static void RenderTable(CheckResult result, Stream stream, bool problemsOnly)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        TableRenderer.Render(result, writer, ConsoleEnvironment.Plain, problemsOnly);
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
            + (result.Policy.SourcePath != null ? " (" + T(Path.GetFileName(result.Policy.SourcePath)) + ")" : " (built-in)")
            + " · SPDX licence list " + result.LicenseListVersion);
        foreach (var project in result.Projects)
        {
            console.WriteLine();
            var title = T(project.Name) + (project.IsTestProject ? " (test project)" : string.Empty) + (project.Loaded ? " — " + T(string.Join(", ", project.TargetFrameworks)) : " — not restored");
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
                    Markup.Escape(T(p.Id) + (p.IsDirect ? string.Empty : " (transitive)")),
                    Markup.Escape(T(p.Version)),
                    Markup.Escape(p.Scope.ToName()),
                    Markup.Escape(T(p.License.Concluded.ToString())),
                    Markup.Escape(CheckResultJsonWriter.SourceName(p.License.Source)),
                    VerdictMarkup(p.Verdict),
                    Markup.Escape(T(p.Reason)));
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
                var where = f.ProjectPath != null ? T(Path.GetFileName(f.ProjectPath)) + ": " : string.Empty;
                console.MarkupLine((env.Color ? SeverityColor(f.Severity) : string.Empty) + Markup.Escape(where + sev + " " + f.RuleId + ": " + T(f.Message)) + (env.Color ? "[/]" : string.Empty));
                foreach (var path in f.Paths.Take(3)) console.WriteLine("    via " + T(path));
                if (f.Paths.Count > 3) console.WriteLine("    … and " + (f.Paths.Count - 3).ToString(CultureInfo.InvariantCulture) + " more paths");
                if (f.Remedy != null) console.WriteLine("    fix: " + T(f.Remedy));
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

    // Every value from the inputs is shown on one line, without control characters (see SafeText).
    // Long values (a 100 KB licence expression) are cut: a table cell is for reading, the JSON output keeps them whole.
    private static string T(string? value)
    {
        var text = SafeText.ForTerminal(value);
        return text.Length > MaxCell ? text[..MaxCell] + "… (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)" : text;
    }

    private const int MaxCell = 400;

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
