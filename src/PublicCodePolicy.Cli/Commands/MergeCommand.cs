// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.IO;
using PublicCodePolicy.Merge;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode merge</c>: one organisation-wide report from many repositories' check results.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("results")
        {
            Description = context.Texts.S("Help.Merge.Files"),
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = context.Texts.S("Help.Merge.Format"),
            DefaultValueFactory = _ => "table",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "json", "md", "html");
        var lang = new Option<string>("--lang", "-l")
        {
            Description = context.Texts.S("Help.Merge.Lang"),
            DefaultValueFactory = _ => "fr",
        };
        lang.AcceptOnlyFromAmong("fr", "en");
        var output = new Option<string?>("--output", "-o") { Description = context.Texts.S("Help.Merge.Output"), HelpName = context.Texts.S("HelpName.FILE") };
        var command = new Command("merge", context.Texts.S("Help.Merge"))
        {
            files, format, lang, output,
        };
        command.SetAction(parse =>
        {
            if (!EngineRunner.TryValidateOutput(context, parse.GetValue(output))) return (int)ExitCode.InputError;
            var texts = ConsoleTexts.For(parse.GetValue(lang) != "en");
            var outFull = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : null;
            var inputs = new List<(string Path, bool FromFolder)>();
            foreach (var f in parse.GetValue(files) ?? Array.Empty<string>())
            {
                // A folder of results may also hold this command's own earlier output: it is not a check result.
                if (Directory.Exists(f)) inputs.AddRange(Directory.EnumerateFiles(f, "*.json").Where(x => !string.Equals(Path.GetFullPath(x), outFull, StringComparison.Ordinal)).OrderBy(x => x, StringComparer.Ordinal).Select(x => (x, true)));
                else inputs.Add((f, false));
            }
            var read = new List<(RepositoryResult Repository, IReadOnlyList<(string, string, string, string, string)> Packages, string Source)>();
            foreach (var (input, fromFolder) in inputs)
            {
                if (fromFolder)
                {
                    try
                    {
                        using var peek = InputFile.OpenRead(input, ResultMerger.MaxBytes);
                        if (ResultMerger.IsMergeOutput(peek))
                        {
                            context.Error.WriteLine(texts.F(texts.MergeSkipped, SafeText.ForTerminal(input)));
                            continue;
                        }
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // Read again below, where the failure is reported with its code.
                    }
                }
                if (!File.Exists(input))
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, "'" + input + "' does not exist.");
                    return (int)ExitCode.InputError;
                }
                try
                {
                    // Only regular files, capped while read: a FIFO or a link to /dev/zero among the results must not hang the job.
                    using var stream = InputFile.OpenRead(input, ResultMerger.MaxBytes);
                    var (repository, packages) = ResultMerger.Read(stream, Path.GetFileNameWithoutExtension(input));
                    read.Add((repository, packages, input));
                }
                catch (ResultFormatException ex)
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, ex.Message);
                    return (int)ExitCode.InputError;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, ex.Message);
                    return (int)ExitCode.InputError;
                }
            }
            if (read.Count == 0)
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, "No result file was given.");
                return (int)ExitCode.InputError;
            }
            // Two repositories with the same name are told apart by their result file, whatever the order they are given in.
            var named = read.GroupBy(r => r.Repository.Name, StringComparer.Ordinal)
                .SelectMany(g => g.Count() == 1
                    ? g.Select(r => (r.Repository, r.Packages))
                    : g.Select(r => (r.Repository with { Name = r.Repository.Name + " (" + Distinct(r.Source, g.Select(x => x.Source)) + ")" }, r.Packages)))
                .OrderBy(r => r.Item1.Name, StringComparer.Ordinal)
                .ToArray();
            var report = ResultMerger.Merge(named);
            bool french = parse.GetValue(lang) != "en";
            string text;
            switch (parse.GetValue(format))
            {
                case "json":
                    using (var ms = new MemoryStream())
                    {
                        ResultMerger.WriteJson(report, ms);
                        text = System.Text.Encoding.UTF8.GetString(ms.ToArray());
                    }
                    break;
                case "md":
                    text = ResultMerger.WriteMarkdown(report, french);
                    break;
                case "html":
                    text = MergeHtmlWriter.WriteToString(report, french ? Report.ReportLanguage.French : Report.ReportLanguage.English);
                    break;
                default:
                    text = Table(report, french);
                    break;
            }
            var outPath = parse.GetValue(output);
            if (outPath != null)
            {
                if (!EngineRunner.TryWriteOutput(context, outPath, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)))) return (int)ExitCode.InputError;
            }
            else
            {
                context.Out.Write(text);
            }
            return (int)(report.Passed ? ExitCode.Success : ExitCode.PolicyFailed);
        });
        return command;
    }

    /// <summary>The shortest distinguishing name of a result file among those of the same repository name: its file name, else its path.</summary>
    private static string Distinct(string source, IEnumerable<string> all)
    {
        var name = Path.GetFileNameWithoutExtension(source);
        return all.Count(x => string.Equals(Path.GetFileNameWithoutExtension(x), name, StringComparison.Ordinal)) == 1 ? name : source.Replace('\\', '/');
    }

    private static string Table(MergedReport report, bool french)
    {
        var t = ConsoleTexts.For(french);
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var r in report.Repositories)
        {
            sw.WriteLine(t.F(t.MergeRepositoryLine, r.Passed ? t.MergePassed : t.MergeFailed, SafeText.ForTerminal(r.Name), r.Packages, r.Allowed, r.Denied, r.Unknown, r.Excepted));
        }
        sw.WriteLine();
        foreach (var p in report.Problems)
        {
            sw.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Verdict(p.Verdict),-8} {SafeText.ForTerminal(p.Id)} {SafeText.ForTerminal(p.Version)} ({SafeText.ForTerminal(p.License)}) — {SafeText.ForTerminal(string.Join(", ", p.Repositories))}"));
        }
        sw.WriteLine(t.F(t.MergeTotals, report.Repositories.Count(r => r.Passed), report.Repositories.Count, report.Packages.Count, report.Packages.Count(p => p.Repositories.Count > 1), report.Problems.Count));
        return sw.ToString();
    }
}
