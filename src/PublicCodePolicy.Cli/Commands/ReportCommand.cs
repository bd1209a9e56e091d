// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
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

    /// <summary>The manifest of the dossier, in <c>sha256sum</c>'s format.</summary>
    public const string ManifestFileName = "SHA256SUMS";

    /// <summary>The publiccode.yml validation result, in the format of <c>publiccode yml validate</c>.</summary>
    public const string ValidationFileName = "publiccode-yml-validation.txt";

    /// <summary>
    /// Every file of the dossier goes through this one method: staged in <paramref name="dossier"/> (UTF-8 bytes, no
    /// byte-order mark added), which puts all of them in place together once all are written (<see cref="OutputFileSet"/>);
    /// its SHA-256 is recorded for the manifest. On failure PCP9010 is printed, no previous file is touched, and false
    /// is returned.
    /// </summary>
    private static bool StageDossierFile(CliContext context, OutputFileSet dossier, string path, ReadOnlyMemory<byte> content, ConcurrentDictionary<string, string> hashes)
    {
        try
        {
            dossier.Add(path, content);
        }
        catch (OutputWriteException ex)
        {
            EngineRunner.WriteOutputError(context, ex);
            return false;
        }
        hashes[path] = Sha256Hex(content.Span);
        return true;
    }

    private static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>
    /// Stages the CycloneDX and SPDX SBOMs of every deliverable in the dossier, several deliverables at once, each
    /// document staged as soon as it is made (a 300-project solution never holds its 600 documents in memory); returns
    /// what the report says of them, or null (after PCP9010) when a file cannot be written.
    /// </summary>
    private static IReadOnlyList<SbomAttachment>? StageDeliverableSboms(CliContext context, OutputFileSet dossier, CheckResult result, IReadOnlyList<ProjectResult> deliverables, SbomOptions options, string outDir, ConcurrentDictionary<string, string> hashes)
    {
        var attachments = new ConcurrentBag<SbomAttachment>();
        var gate = new object();
        var failed = false;
        Parallel.ForEach(deliverables, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (deliverable, state) =>
        {
            var names = SbomCommand.DeliverableSbomNames(deliverable);
            var documents = SbomCommand.DeliverableSboms(result, deliverable, options);
            for (var i = 0; i < documents.Length; i++)
            {
                var path = Path.Combine(outDir, names[i]);
                try
                {
                    dossier.Add(path, documents[i].Content);
                }
                catch (OutputWriteException ex)
                {
                    // One error printed, whichever thread meets it first; the others stop.
                    lock (gate)
                    {
                        if (!failed) EngineRunner.WriteOutputError(context, ex);
                        failed = true;
                    }
                    state.Stop();
                    return;
                }
                var hash = Sha256Hex(documents[i].Content.Span);
                hashes[path] = hash;
                attachments.Add(new SbomAttachment(names[i], SbomCommand.DeliverableSbomFormats[i], documents[i].Content.Length, hash));
            }
        });
        return failed ? null : attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).ToArray();
    }

    private static string ValidationText(PublicCodeStatus status)
    {
        if (!status.Found) return "publiccode.yml: not found\n";
        var sb = new StringBuilder();
        foreach (var f in status.Findings)
        {
            sb.Append(status.Path).Append(':').Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(f.IsError ? "error" : "warning").Append(": ")
                .Append(f.Key.Length > 0 ? f.Key + ": " : string.Empty).Append(f.Message).Append('\n');
        }
        sb.Append(status.Path).Append(status.Valid ? ": valid\n" : ": invalid\n");
        return sb.ToString();
    }

    public static Command Create(CliContext context)
    {
        var common = new CommonOptions(context.Texts);
        var lang = new Option<string>("--lang", "-l")
        {
            Description = context.Texts.S("Help.Report.Lang"),
            DefaultValueFactory = _ => "fr",
            HelpName = context.Texts.S("HelpName.LANG"),
        };
        lang.AcceptOnlyFromAmong("fr", "en");
        var format = new Option<string[]>("--format", "-f")
        {
            Description = context.Texts.S("Help.Report.Format"),
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
                    if (!Formats.Contains(f, StringComparer.Ordinal)) result.AddError(context.Texts.F("Help.Report.UnknownFormat", f));
                }
            }
        });
        var output = new Option<string>("--output", "-o")
        {
            Description = context.Texts.F("Help.Report.Output", FileBaseName),
            DefaultValueFactory = _ => ".",
            HelpName = context.Texts.S("HelpName.DIR"),
        };
        var sbom = new Option<string[]>("--sbom")
        {
            Description = context.Texts.S("Help.Report.Sbom"),
            HelpName = context.Texts.S("HelpName.FILE"),
        };
        var previous = new Option<string?>("--previous")
        {
            Description = context.Texts.S("Help.Report.Previous"),
            HelpName = context.Texts.S("HelpName.FILE"),
        };
        var noSbom = new Option<bool>("--no-sbom")
        {
            Description = context.Texts.S("Help.Report.NoSbom"),
        };
        var publicCode = new Option<string?>("--publiccode")
        {
            Description = context.Texts.S("Help.Report.PublicCode"),
            HelpName = context.Texts.S("HelpName.FILE"),
        };
        var config = new Option<string?>("--config")
        {
            Description = context.Texts.F("Help.Report.Config", ReportConfig.FileName),
            HelpName = context.Texts.S("HelpName.FILE"),
        };
        var command = new Command("report", context.Texts.F("Help.Report", ReportConfig.FileName));
        common.AddTo(command);
        command.Add(lang);
        command.Add(format);
        command.Add(output);
        command.Add(sbom);
        command.Add(noSbom);
        command.Add(previous);
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
            foreach (var f in sbomFiles)
            {
                if (!File.Exists(f))
                {
                    EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "The SBOM file '" + f + "' does not exist.");
                    return (int)ExitCode.InputError;
                }
            }
            var previousPath = parse.GetValue(previous);
            if (previousPath != null && !File.Exists(previousPath))
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "The previous report '" + previousPath + "' does not exist.");
                return (int)ExitCode.InputError;
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
            // Exceptions are judged against one date, which the report shows and the verification command pins.
            DateOnly asOf;
            if (parse.GetValue(common.AsOf) is { } a)
            {
                if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, "--as-of takes a date of the form YYYY-MM-DD.");
                    return (int)ExitCode.InputError;
                }
            }
            else
            {
                asOf = DateOnly.FromDateTime(DateTime.UtcNow);
            }
            var result = EngineRunner.Run(context, parse, common, asOf);
            if (result == null) return (int)ExitCode.InputError;
            foreach (var f in result.Findings.Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration))
            {
                EngineRunner.WriteError(context, f.RuleId, f.MessageIn(language == ReportLanguage.English ? CliLanguage.English : CliLanguage.French));
            }
            if (result.HasInputErrors) return (int)ExitCode.InputError;

            var outDir = Path.GetFullPath(parse.GetValue(output) ?? ".");
            var candidates = sbomFiles.Select(Path.GetFullPath).ToList();
            if (Directory.Exists(outDir))
            {
                // A FIFO or device named like an SBOM in the folder is not attached (it would hang or never end).
                foreach (var pattern in new[] { "*.cdx.json", "*.cdx.xml", "*.spdx.json" })
                    candidates.AddRange(Directory.EnumerateFiles(outDir, pattern).Where(InputFile.IsRegularFile).OrderBy(x => x, StringComparer.Ordinal));
            }
            // Each SBOM to attach must be one, of this solution: checked before anything is written.
            var writeSboms = !parse.GetValue(noSbom);
            // All deliverables evaluated at once rather than one MSBuild run per project.
            var facts = ProjectFacts.ReadAll(result.Projects.Where(p => p.Loaded && !p.IsTestProject));
            SbomSubject? ReadFacts(ProjectResult p) => facts.GetValueOrDefault(p.ProjectPath);
            var sbomTime = date ?? SbomCommand.CommitTime(result.RootPath);
            var deliverables = writeSboms ? SbomCommand.Deliverables(result) : Array.Empty<ProjectResult>();
            var sbomOptions = new SbomOptions
            {
                Timestamp = sbomTime,
                Projects = deliverables.ToDictionary(p => p.Name, p => ReadFacts(p) ?? new SbomSubject { Name = p.Name, Version = p.Version }, StringComparer.OrdinalIgnoreCase),
            };
            var generatedNames = new HashSet<string>(deliverables.SelectMany(SbomCommand.DeliverableSbomNames).Select(n => Path.Combine(outDir, n)), StringComparer.Ordinal);
            var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var f in candidates.Distinct(StringComparer.Ordinal).Where(f => !generatedNames.Contains(f)))
            {
                byte[] bytes;
                try
                {
                    // Only a regular file, capped while read: '--sbom /dev/zero' or a FIFO must not hang the job.
                    bytes = InputFile.ReadAllBytes(f, ComplianceReportBuilder.MaxSbomBytes);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    EngineRunner.WriteError(context, SbomRules.AttachedSbomRejected.Id, "'" + f + "' cannot be attached: " + ex.Message);
                    return (int)ExitCode.InputError;
                }
                contents[f] = bytes;
                var problem = ComplianceReportBuilder.CheckAttachedSbom(bytes, result);
                if (problem != null)
                {
                    EngineRunner.WriteError(context, SbomRules.AttachedSbomRejected.Id, "'" + f + "' cannot be attached: " + problem);
                    return (int)ExitCode.InputError;
                }
            }

            // A previous report that cannot be read stops everything before anything is written.
            if (previousPath != null)
            {
                try
                {
                    // A regular file, capped while read, like every input.
                    using var previousStream = InputFile.OpenRead(previousPath, ComplianceReportBuilder.MaxSbomBytes);
                    ReportEvolution.Compare(previousStream, Array.Empty<ReportPackage>(), Array.Empty<ExceptionRecord>());
                }
                catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                {
                    EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, "The previous report '" + previousPath + "' cannot be read: " + ex.Message);
                    return (int)ExitCode.InputError;
                }
            }

            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                EngineRunner.WriteError(context, RuleCatalog.OutputNotWritten.Id, "The report folder '" + outDir + "' cannot be created: " + ex.Message);
                return (int)ExitCode.InputError;
            }
            // Every file of the dossier is staged in this set and put in place with the others once all are written: a
            // failure at any of them leaves the whole previous dossier as it was, never new SBOMs beside an old report
            // and manifest.
            using var dossier = new OutputFileSet();
            // The SHA-256 of each file this run writes, for the manifest (the bytes are at hand: no file is read back).
            var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var generatedSboms = StageDeliverableSboms(context, dossier, result, deliverables, sbomOptions, outDir, hashes);
            if (generatedSboms == null) return (int)ExitCode.InputError;
            var written = new List<string>(generatedNames.Order(StringComparer.Ordinal));
            // Files staged in the dossier: the report reads their bytes from memory, not from the folder (not there yet).
            var staged = new HashSet<string>(generatedNames, StringComparer.Ordinal);
            var copiedSboms = new List<SbomAttachment>();
            var attached = new List<string>();
            foreach (var full in sbomFiles.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
            {
                var target = Path.Combine(outDir, Path.GetFileName(full));
                // The dossier must carry its attachments: a file named from elsewhere is copied beside the report (one
                // named like a generated SBOM, or like another attachment, is refused by the set: PCP9010).
                if (!string.Equals(Path.GetDirectoryName(full), outDir.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    var bytes = contents[full];
                    if (!StageDossierFile(context, dossier, target, bytes, hashes)) return (int)ExitCode.InputError;
                    staged.Add(target);
                    copiedSboms.Add(new SbomAttachment(Path.GetFileName(target), ComplianceReportBuilder.DetectSbomFormat(bytes), bytes.LongLength, hashes[target]));
                }
                attached.Add(target);
            }
            foreach (var pattern in new[] { "*.cdx.json", "*.cdx.xml", "*.spdx.json" })
            {
                attached.AddRange(Directory.EnumerateFiles(outDir, pattern).Where(InputFile.IsRegularFile));
            }

            ComplianceReport report;
            try
            {
                report = ComplianceReportBuilder.Build(result, new ReportOptions
                {
                    ReadFacts = ReadFacts,
                    PublicCodePath = ymlPath,
                    Config = reportConfig,
                    SbomFiles = attached.Where(f => !staged.Contains(f)).Distinct(StringComparer.Ordinal).ToArray(),
                    Sboms = generatedSboms.Concat(copiedSboms).ToArray(),
                    OutputDirectory = outDir,
                    Date = date,
                    AsOf = asOf,
                    PreviousReport = previousPath,
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
            catch (FormatException ex) when (previousPath != null)
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidResultFile.Id, "The previous report '" + previousPath + "' cannot be read: " + ex.Message);
                return (int)ExitCode.InputError;
            }

            var console = ConsoleTexts.For(language);
            // The formats are rendered at once (each is a second's work at 300 projects), then written in order.
            var selected = Formats.Where(formats.Contains).ToArray();
            var rendered = new byte[selected.Length][];
            var failures = new Exception?[selected.Length];
            Parallel.For(0, selected.Length, i =>
            {
                try
                {
                    using var stream = new MemoryStream();
                    switch (selected[i])
                    {
                        case "html": ReportHtmlWriter.Write(report, language, stream); break;
                        case "md": ReportMarkdownWriter.Write(report, language, stream); break;
                        default: ReportJsonWriter.Write(report, stream); break;
                    }
                    rendered[i] = stream.ToArray();
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                }
            });
            // As if rendered one after the other: the first format's failure goes on unchanged, and nothing is written.
            if (Array.Find(failures, ex => ex != null) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            for (int i = 0; i < selected.Length; i++)
            {
                var path = Path.Combine(outDir, FileBaseName + "." + selected[i]);
                if (!StageDossierFile(context, dossier, path, rendered[i], hashes)) return (int)ExitCode.InputError;
                written.Add(path);
            }
            var validationPath = Path.Combine(outDir, ValidationFileName);
            if (!StageDossierFile(context, dossier, validationPath, Encoding.UTF8.GetBytes(ValidationText(report.PublicCode)), hashes)) return (int)ExitCode.InputError;
            written.Add(validationPath);

            // The manifest lists every file of the dossier, so that the jury checks them all with 'sha256sum -c'.
            var manifest = new StringBuilder();
            foreach (var file in written.Concat(attached).Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
            {
                var full = Path.Combine(outDir, file);
                var hash = hashes.TryGetValue(full, out var known) ? known : Sha256Hex(File.ReadAllBytes(full));
                manifest.Append(hash).Append("  ").Append(file).Append('\n');
            }
            var sums = Path.Combine(outDir, ManifestFileName);
            if (!StageDossierFile(context, dossier, sums, Encoding.UTF8.GetBytes(manifest.ToString()), hashes)) return (int)ExitCode.InputError;
            written.Add(sums);
            try
            {
                dossier.Commit();
            }
            catch (OutputWriteException ex)
            {
                EngineRunner.WriteOutputError(context, ex);
                return (int)ExitCode.InputError;
            }
            foreach (var path in written) context.Out.WriteLine(console.F(console.Wrote, SafeText.ForTerminal(path)));
            context.Out.WriteLine(console.Summary(result.Summary));
            context.Out.WriteLine(report.Passed ? console.Passed : console.F(console.Failed, report.EnforcedFindings));
            return (int)EngineRunner.ExitCodeOf(result);
        });
        return command;
    }
}
