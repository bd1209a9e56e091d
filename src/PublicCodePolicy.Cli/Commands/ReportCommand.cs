// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.IO;
using PublicCodePolicy.Report;
using PublicCodePolicy.Sbom;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode report</c>: writes the compliance report (HTML, Markdown, JSON) for the Territoire Numérique Libre label.</summary>
internal static class ReportCommand
{
    /// <summary>Base name of the written files.</summary>
    public const string FileBaseName = "publiccode-report";

    private static readonly string[] Formats = { "html", "md", "json" };

    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var lang = new Option<string>("--lang", "-l")
        {
            Description = "Language of the HTML and Markdown reports: fr (default, the label's language) or en. The JSON is language-neutral.",
            DefaultValueFactory = _ => "fr",
            HelpName = "LANG",
        };
        lang.AcceptOnlyFromAmong("fr", "en");
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to write, comma-separated or repeated: html (self-contained, prints to PDF), md (to paste into a form), json (docs/schemas/compliance-report.schema.json). Default: all three.",
            DefaultValueFactory = _ => new[] { "html,md,json" },
            HelpName = "FORMATS",
            AllowMultipleArgumentsPerToken = false,
        };
        format.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                foreach (var f in token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!Formats.Contains(f, StringComparer.Ordinal)) result.AddError("Unknown report format '" + f + "'; use html, md or json (comma-separated).");
                }
            }
        });
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder to write " + FileBaseName + ".{html,md,json} to (created if needed). Default: the current folder.",
            DefaultValueFactory = _ => ".",
            HelpName = "DIR",
        };
        var sbom = new Option<string[]>("--sbom")
        {
            Description = "SBOM file to attach (repeatable): copied into DIR when elsewhere, listed with its SHA-256. Files named *.cdx.json, *.cdx.xml or *.spdx.json already in DIR are attached too.",
            HelpName = "FILE",
        };
        var publicCode = new Option<string?>("--publiccode")
        {
            Description = "publiccode.yml to report on (default: publiccode.yml in the checked folder, else at the repository root).",
            HelpName = "FILE",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Report configuration declaring upstream contributions (default: " + ReportConfig.FileName + " in the checked folder or a parent, up to the repository root; schema: docs/schemas/publiccode-report.schema.json).",
            HelpName = "FILE",
        };
        var command = new Command("report",
            "Write the compliance report an authority attaches to its Territoire Numérique Libre application.\n\n" +
            "Runs the same check as 'publiccode check', then gathers the evidence the label looks at: the software's own\n" +
            "licence (free? on the French administration list?), its public forge, publiccode.yml and the reuse it declares\n" +
            "(isBasedOn, usedBy, fundedBy), dependencies per deliverable with a chart, every non-allowed dependency with its\n" +
            "evidence, every exception, the attached SBOMs with their SHA-256, contributors grouped by e-mail domain (git\n" +
            "history), upstream contributions (" + ReportConfig.FileName + ") and a one-command way to verify the result.\n" +
            "See docs/label.md (in French) for how to use it in the application.\n\n" +
            "The output is deterministic: the date comes from SOURCE_DATE_EPOCH, else the last commit. Nothing is fetched\n" +
            "from the network; each deliverable is evaluated once with 'dotnet msbuild -getProperty' for its own facts.\n\n" +
            "Examples:\n" +
            "  publiccode report                                   # French HTML, Markdown and JSON in the current folder\n" +
            "  publiccode report samples/Valmont -o dossier-label\n" +
            "  publiccode report App.sln --lang en --format html -o out\n" +
            "  publiccode report App.sln --preset fr-administration --sbom out/App.cdx.json -o out\n" +
            "  SOURCE_DATE_EPOCH=1764374400 publiccode report App.sln -o out   # fixed date, byte-identical output\n\n" +
            "Exit codes: 0 report written and the policy passes, 1 report written but the policy fails (the report says why),\n" +
            "2 usage or input error (nothing written: not restored, bad policy, bad " + ReportConfig.FileName + ", bad SOURCE_DATE_EPOCH),\n" +
            "3 internal error.");
        common.AddTo(command);
        command.Add(lang);
        command.Add(format);
        command.Add(output);
        command.Add(sbom);
        command.Add(publicCode);
        command.Add(config);
        command.SetAction(parse =>
        {
            ReportLanguages.TryParse(parse.GetValue(lang), out var language);
            var formats = (parse.GetValue(format) ?? Array.Empty<string>())
                .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)
                .ToArray();

            DateTimeOffset? date;
            try
            {
                date = SourceDateEpoch.FromEnvironment();
            }
            catch (FormatException ex)
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, ex.Message);
                return (int)ExitCode.InputError;
            }

            var sbomFiles = parse.GetValue(sbom) ?? Array.Empty<string>();
            var sbomContents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var f in sbomFiles)
            {
                if (!File.Exists(f))
                {
                    EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "The SBOM file '" + f + "' does not exist.");
                    return (int)ExitCode.InputError;
                }
                try
                {
                    // Only a regular file that is an SBOM is attached: '--sbom /etc/passwd' must not copy the file into the dossier.
                    var bytes = InputFile.ReadAllBytes(f, ComplianceReportBuilder.MaxSbomBytes);
                    if (ComplianceReportBuilder.DetectSbomFormat(bytes) == "unknown")
                    {
                        EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, "--sbom '" + f + "' is not a CycloneDX or SPDX document.");
                        return (int)ExitCode.InputError;
                    }
                    sbomContents[Path.GetFullPath(f)] = bytes;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, "--sbom: " + ex.Message);
                    return (int)ExitCode.InputError;
                }
            }
            var ymlPath = parse.GetValue(publicCode);
            if (ymlPath != null && !File.Exists(ymlPath))
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "The publiccode.yml file '" + ymlPath + "' does not exist.");
                return (int)ExitCode.InputError;
            }
            ReportConfig? reportConfig = null;
            if (parse.GetValue(config) is { } configPath)
            {
                if (!File.Exists(configPath))
                {
                    EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "The report configuration '" + configPath + "' does not exist.");
                    return (int)ExitCode.InputError;
                }
                try
                {
                    reportConfig = ReportConfig.Load(configPath);
                }
                catch (Exception ex) when (ex is ReportConfigException or IOException)
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidPolicy.Id, ex.Message);
                    return (int)ExitCode.InputError;
                }
            }

            var outDirGiven = parse.GetValue(output) ?? ".";
            if (outDirGiven.Length == 0 || File.Exists(outDirGiven) || outDirGiven.Contains('\0', StringComparison.Ordinal))
            {
                EngineRunner.WriteError(context, RuleCatalog.OutputNotWritten.Id, "--output '" + outDirGiven + "' must name a folder (created if needed). Nothing was done.");
                return (int)ExitCode.InputError;
            }
            var result = EngineRunner.Run(context, parse, common);
            if (result == null) return (int)ExitCode.InputError;
            foreach (var f in result.Findings.Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration))
            {
                EngineRunner.WriteError(context, f.RuleId, f.Message);
            }
            if (result.HasInputErrors) return (int)ExitCode.InputError;

            var outDir = Path.GetFullPath(parse.GetValue(output) ?? ".");
            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                EngineRunner.WriteError(context, RuleCatalog.OutputNotWritten.Id, "The report folder '" + outDir + "' cannot be created: " + ex.Message);
                return (int)ExitCode.InputError;
            }
            var attached = new List<string>();
            foreach (var (full, bytes) in sbomContents)
            {
                var target = Path.Combine(outDir, Path.GetFileName(full));
                // The dossier must carry its attachments: a file named from elsewhere is copied beside the report.
                if (!string.Equals(Path.GetDirectoryName(full), outDir.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
                    && !EngineRunner.TryWriteOutput(context, target, stream => stream.Write(bytes))) return (int)ExitCode.InputError;
                attached.Add(target);
            }
            foreach (var pattern in new[] { "*.cdx.json", "*.cdx.xml", "*.spdx.json" })
            {
                // A FIFO or device named like an SBOM in the folder is not attached (it would hang or never end).
                attached.AddRange(Directory.EnumerateFiles(outDir, pattern).Where(InputFile.IsRegularFile));
            }

            ComplianceReport report;
            try
            {
                DateOnly? asOf = parse.GetValue(common.AsOf) is { } a && DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                report = ComplianceReportBuilder.Build(result, new ReportOptions
                {
                    ReadFacts = ProjectFacts.Read,
                    PublicCodePath = ymlPath,
                    Config = reportConfig,
                    SbomFiles = attached.Distinct(StringComparer.Ordinal).ToArray(),
                    OutputDirectory = outDir,
                    Date = date,
                    AsOf = asOf,
                });
            }
            catch (ReportConfigException ex)
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidPolicy.Id, ex.Message);
                return (int)ExitCode.InputError;
            }
            catch (InputFileException ex)
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, ex.Message);
                return (int)ExitCode.InputError;
            }

            foreach (var f in Formats.Where(formats.Contains))
            {
                var path = Path.Combine(outDir, FileBaseName + "." + f);
                bool written = EngineRunner.TryWriteOutput(context, path, stream =>
                {
                    switch (f)
                    {
                        case "html": ReportHtmlWriter.Write(report, language, stream); break;
                        case "md": ReportMarkdownWriter.Write(report, language, stream); break;
                        default: ReportJsonWriter.Write(report, stream); break;
                    }
                });
                if (!written) return (int)ExitCode.InputError;
                context.Out.WriteLine("Wrote " + path);
            }
            context.Out.WriteLine(ComplianceReportBuilder.CheckSummaryLine(result.Summary));
            context.Out.WriteLine(report.Passed
                ? "Result: PASSED — no enforced finding."
                : "Result: FAILED — " + report.EnforcedFindings.ToString(CultureInfo.InvariantCulture) + " enforced findings; the report lists them. Run 'publiccode check' for details.");
            return (int)EngineRunner.ExitCodeOf(result);
        });
        return command;
    }
}
