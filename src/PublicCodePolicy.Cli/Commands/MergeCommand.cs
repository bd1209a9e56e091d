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
            Description = "JSON results of 'publiccode check --format json', one per repository (files or folders holding *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table, json, md (Markdown).",
            DefaultValueFactory = _ => "table",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "json", "md");
        var lang = new Option<string>("--lang", "-l")
        {
            Description = "Language of the Markdown and table output: fr (default) or en.",
            DefaultValueFactory = _ => "fr",
        };
        lang.AcceptOnlyFromAmong("fr", "en");
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command("merge",
            "Combine the check results of many repositories into one organisation-wide report: which repositories pass,\n" +
            "which dependencies they share (pooling), and which dependencies to act on, with the repositories that use them.\n\n" +
            "Examples:\n" +
            "  publiccode merge results/*.json\n" +
            "  publiccode merge results/ --format md --lang fr -o rapport-organisation.md\n" +
            "  publiccode merge a.json b.json c.json --format json -o organisation.json\n\n" +
            "Exit codes: 0 every repository passed, 1 at least one failed, 2 a result file is missing or unreadable.")
        {
            files, format, lang, output,
        };
        command.SetAction(parse =>
        {
            if (!EngineRunner.TryValidateOutput(context, parse.GetValue(output))) return (int)ExitCode.InputError;
            var inputs = new List<string>();
            foreach (var f in parse.GetValue(files) ?? Array.Empty<string>())
            {
                if (Directory.Exists(f)) inputs.AddRange(Directory.EnumerateFiles(f, "*.json").OrderBy(x => x, StringComparer.Ordinal));
                else inputs.Add(f);
            }
            var read = new List<(RepositoryResult, IReadOnlyList<(string, string, string, string, string)>)>();
            foreach (var input in inputs)
            {
                try
                {
                    // Only regular files, capped while read: a FIFO or a link to /dev/zero among the results must not hang the job.
                    using var stream = InputFile.OpenRead(input, ResultMerger.MaxBytes);
                    read.Add(ResultMerger.Read(stream, Path.GetFileNameWithoutExtension(input)));
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
            var report = ResultMerger.Merge(read);
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

    private static string Table(MergedReport report, bool french)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var r in report.Repositories)
        {
            sw.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(r.Passed ? (french ? "conforme    " : "passed      ") : (french ? "NON CONFORME" : "FAILED      "))}  {SafeText.ForTerminal(r.Name)}  ({r.Packages} packages: {r.Allowed} allowed, {r.Denied} denied, {r.Unknown} unknown, {r.Excepted} excepted)"));
        }
        sw.WriteLine();
        foreach (var p in report.Problems)
        {
            sw.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SafeText.ForTerminal(p.Verdict),-8} {SafeText.ForTerminal(p.Id)} {SafeText.ForTerminal(p.Version)} ({SafeText.ForTerminal(p.License)}) — {SafeText.ForTerminal(string.Join(", ", p.Repositories))}"));
        }
        sw.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Repositories.Count(r => r.Passed)}/{report.Repositories.Count} {(french ? "dépôts conformes" : "repositories passed")}; {report.Packages.Count} {(french ? "dépendances distinctes, dont" : "distinct dependencies,")} {report.Packages.Count(p => p.Repositories.Count > 1)} {(french ? "partagées" : "shared")}; {report.Problems.Count} {(french ? "à traiter" : "to act on")}."));
        return sw.ToString();
    }
}
