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
        var t = context.Texts;
        var common = new CommonOptions(t);
        var format = new Option<string[]>("--format", "-f")
        {
            Description = t.S("Help.Check.Format"),
            DefaultValueFactory = _ => new[] { "table" },
            HelpName = "FORMATS",
            AllowMultipleArgumentsPerToken = false,
        };
        format.Validators.Add(result =>
        {
            foreach (var f in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (!FileNames.ContainsKey(f)) result.AddError(t.F("Help.Check.UnknownFormat", f));
            }
        });
        var output = new Option<string?>("--output", "-o")
        {
            Description = t.F("Help.Check.Output", string.Join(", ", FileNames.Where(p => p.Key != "table").Select(p => p.Value + " (" + p.Key + ")"))),
            HelpName = context.Texts.S("HelpName.FILE|DIR"),
        };
        var problemsOnly = new Option<bool>("--problems-only")
        {
            Description = t.S("Help.Check.ProblemsOnly"),
        };
        var command = new Command("check", t.S("Help.Check"));
        common.AddTo(command);
        command.Add(format);
        command.Add(output);
        command.Add(problemsOnly);
        command.Validators.Add(result =>
        {
            if (Formats(result.GetValue(format)).Count > 1 && result.GetValue(output) == null)
                result.AddError(t.S("Help.Check.SeveralFormatsNeedOutput"));
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
                context.Error.WriteLine(context.Texts.F("Check.InputErrorsKept", SafeText.ForTerminal(outPath)));
                if (formats.Contains("table")) TableRenderer.Render(result, context.Out, context.Console, problems, context.Texts);
            }
            else if (formats.Count > 1)
            {
                foreach (var f in formats)
                {
                    if (f == "table") TableRenderer.Render(result, context.Out, context.Console, problems, context.Texts);
                    else if (!Write(Path.Combine(outPath!, FileNames[f]), stream => Writer(f)(result, stream), createDirectory: true)) return (int)ExitCode.InputError;
                }
            }
            else if (formats[0] == "table")
            {
                if (outPath == null) TableRenderer.Render(result, context.Out, context.Console, problems, context.Texts);
                else if (!Write(outPath, stream => RenderTable(result, stream, problems, context.Texts))) return (int)ExitCode.InputError;
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
                EngineRunner.WriteError(context, f.RuleId, f.MessageIn(context.Texts.Culture));
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

    private static void RenderTable(CheckResult result, Stream stream, bool problemsOnly, CliTexts texts)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        TableRenderer.Render(result, writer, ConsoleEnvironment.Plain, problemsOnly, texts);
    }
}

/// <summary>
/// Human output: one table per project, then findings with their dependency paths, then a summary, in the console's
/// language (<see cref="CliTexts"/>). Rule codes and the MSBuild-like "error PCPxxxx:" prefix of findings stay as
/// they are, for CI problem matchers; identifiers, versions and licence expressions are shown as restored.
/// </summary>
internal static class TableRenderer
{
    public static void Render(CheckResult result, TextWriter writer, ConsoleEnvironment env, bool problemsOnly, CliTexts t)
    {
        var culture = t.Culture;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = env.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = env.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!env.Interactive) console.Profile.Width = 200;
        console.WriteLine(t.F("Table.Header", result.ToolVersion, result.Policy.Preset.ToName(),
            result.Policy.SourcePath != null ? T(Path.GetFileName(result.Policy.SourcePath)) : t.S("Table.BuiltInPolicy"), result.LicenseListVersion));
        foreach (var project in result.Projects)
        {
            console.WriteLine();
            var title = T(project.Name) + (project.IsTestProject ? " " + t.S("Table.TestProject") : string.Empty) + " — " + (project.Loaded ? T(string.Join(", ", project.TargetFrameworks)) : t.S("Table.NotRestored"));
            var rows = project.Packages.Where(p => !problemsOnly || p.Verdict != Verdict.Allowed).ToArray();
            if (rows.Length == 0)
            {
                console.WriteLine(title + (t.IsFrench ? " : " : ": ") + (project.Loaded ? (project.Packages.Count == 0 ? t.S("Table.NoPackages") : t.F("Table.AllAllowed", project.Packages.Count)) : t.S("Table.SeeErrorBelow")));
                continue;
            }
            var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = env.Color ? TableBorder.Rounded : TableBorder.Ascii2 };
            table.AddColumns(t.S("Table.Column.Package"), t.S("Table.Column.Version"), t.S("Table.Column.Scope"), t.S("Table.Column.Licence"), t.S("Table.Column.Source"), t.S("Table.Column.Verdict"), t.S("Table.Column.Why"));
            foreach (var p in rows)
            {
                table.AddRow(
                    Markup.Escape(T(p.Id) + (p.IsDirect ? string.Empty : " " + t.S("Table.Transitive"))),
                    Markup.Escape(T(p.Version)),
                    Markup.Escape(t.S("Scope." + p.Scope.ToName())),
                    Markup.Escape(T(p.License.Concluded.ToString())),
                    Markup.Escape(t.S("Source." + CheckResultJsonWriter.SourceName(p.License.Source))),
                    VerdictMarkup(p.Verdict, t),
                    Markup.Escape(T(p.ReasonIn(culture))));
            }
            console.Write(table);
        }

        var shown = result.Findings.Where(f => f.Severity != FindingSeverity.Info || f.RuleId == RuleCatalog.ExceptedDependency.Id || f.RuleId == RuleCatalog.NewPackage.Id).ToArray();
        if (shown.Length > 0)
        {
            console.WriteLine();
            console.WriteLine(t.S("Table.Findings"));
            foreach (var f in shown)
            {
                var sev = f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "info" };
                var where = f.ProjectPath != null ? T(Path.GetFileName(f.ProjectPath)) + ": " : string.Empty;
                console.MarkupLine((env.Color ? SeverityColor(f.Severity) : string.Empty) + Markup.Escape(where + sev + " " + f.RuleId + ": " + T(f.MessageIn(culture))) + (env.Color ? "[/]" : string.Empty));
                foreach (var path in f.Paths.Take(3)) console.WriteLine("    " + t.F("Table.Via", T(path)));
                if (f.Paths.Count > 3) console.WriteLine("    " + t.F("Table.MorePaths", f.Paths.Count - 3));
                if (f.RemedyIn(culture) is { } remedy) console.WriteLine("    " + t.F("Table.Fix", T(remedy)));
                if (!string.IsNullOrEmpty(f.HelpUri)) console.WriteLine("    " + t.F("Table.See", f.HelpUri));
            }
        }

        var s = result.Summary;
        console.WriteLine();
        console.WriteLine(t.F("Summary", s.Projects, s.Packages, s.Allowed, s.Denied, s.Unknown, s.Excepted));
        console.WriteLine(result.Passed
            ? t.S("Passed")
            : t.F("Table.Failed", s.EnforcedFindings, string.Join(", ", result.Policy.EnforcedScopes.OrderBy(x => x).Select(x => t.S("Scope." + x.ToName())))));
    }

    // Every value from the inputs is shown on one line, without control characters (see SafeText).
    // Long values (a 100 KB licence expression) are cut: a table cell is for reading, the JSON output keeps them whole.
    private static string T(string? value)
    {
        var text = SafeText.ForTerminal(value);
        return text.Length > MaxCell ? text[..MaxCell] + "… (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)" : text;
    }

    private const int MaxCell = 400;

    private static string VerdictMarkup(Verdict v, CliTexts t) => v switch
    {
        Verdict.Allowed => "[green]" + Markup.Escape(t.S("Verdict.allowed")) + "[/]",
        Verdict.Denied => "[red]" + Markup.Escape(t.S("Verdict.denied")) + "[/]",
        Verdict.Unknown => "[yellow]" + Markup.Escape(t.S("Verdict.unknown")) + "[/]",
        _ => "[blue]" + Markup.Escape(t.S("Verdict.excepted")) + "[/]",
    };

    private static string SeverityColor(FindingSeverity s) => s switch
    {
        FindingSeverity.Error => "[red]",
        FindingSeverity.Warning => "[yellow]",
        _ => "[blue]",
    };
}
