// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Sbom;

using PublicCodePolicy.Cli.Metadata;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode sbom</c>: writes a CycloneDX or SPDX SBOM of a project or of a solution's deliverables.</summary>
internal static class SbomCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions(context.Texts);
        var format = new Option<string>("--format", "-f")
        {
            Description = context.Texts.S("Help.Sbom.Format"),
            DefaultValueFactory = _ => "cyclonedx",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("cyclonedx", "spdx");
        var specVersion = new Option<string?>("--spec-version")
        {
            Description = context.Texts.S("Help.Sbom.SpecVersion"),
            HelpName = "VERSION",
        };
        specVersion.AcceptOnlyFromAmong("1.6", "1.7", "2.3");
        var output = new Option<string?>("--output", "-o")
        {
            Description = context.Texts.S("Help.Sbom.Output"),
            HelpName = context.Texts.S("HelpName.FILE"),
        };
        var command = new Command("sbom", context.Texts.S("Help.Sbom"));
        common.AddTo(command);
        command.Add(format);
        command.Add(specVersion);
        command.Add(output);
        command.SetAction(parse =>
        {
            var isSpdx = parse.GetValue(format) == "spdx";
            var spec = parse.GetValue(specVersion) ?? (isSpdx ? "2.3" : "1.6");
            if (isSpdx != (spec == "2.3"))
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, "--spec-version " + spec + " does not apply to --format " + parse.GetValue(format) + " (CycloneDX: 1.6 or 1.7; SPDX: 2.3).");
                return (int)ExitCode.InputError;
            }
            DateTimeOffset? timestamp;
            try
            {
                timestamp = SourceDateEpoch.FromEnvironment();
            }
            catch (FormatException ex)
            {
                EngineRunner.WriteError(context, RuleCatalog.InvalidUsage.Id, ex.Message);
                return (int)ExitCode.InputError;
            }

            // A new dossier folder is created (docs/label.md's first step writes into one); a deeper missing path is an error.
            if (!EngineRunner.TryValidateOutput(context, parse.GetValue(output), createDirectory: true)) return (int)ExitCode.InputError;
            var result = EngineRunner.Run(context, parse, common);
            if (result == null) return (int)ExitCode.InputError;
            // Without SOURCE_DATE_EPOCH the SBOM is dated by the last commit, as the report is: never by the clock.
            timestamp ??= CommitTime(result.RootPath);
            if (result.HasInputErrors)
            {
                foreach (var f in result.Findings.Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration))
                {
                    EngineRunner.WriteError(context, f.RuleId, f.MessageIn(context.Texts.Culture));
                }
                return (int)ExitCode.InputError;
            }

            // Two projects of the same name in different folders share one entry: facts are looked up by name.
            var deliverables = result.Projects.Where(p => p.Loaded && !p.IsTestProject).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray();
            var byPath = ProjectFacts.ReadAll(deliverables);
            var facts = deliverables.ToDictionary(p => p.Name, p => byPath[p.ProjectPath], StringComparer.OrdinalIgnoreCase);
            var options = new SbomOptions { Timestamp = timestamp, Projects = facts };
            var single = IsProjectFile(result.RootPath) && result.Projects.Count == 1 ? result.Projects[0] : null;
            SbomDocument document;
            if (single != null)
            {
                var subject = facts.TryGetValue(single.Name, out var s) ? s : new SbomSubject { Name = single.Name, Version = single.Version };
                document = isSpdx ? new SpdxWriter(options).WriteProject(result, single, subject) : new CycloneDxWriter(CdxVersion(spec), options).WriteProject(result, single, subject);
            }
            else
            {
                var subject = SolutionSubject(result.RootPath, facts.Values.ToArray());
                document = isSpdx ? new SpdxWriter(options).WriteSolution(result, subject) : new CycloneDxWriter(CdxVersion(spec), options).WriteSolution(result, subject);
            }

            var outPath = parse.GetValue(output);
            if (outPath != null && !EngineRunner.TryWriteOutput(context, outPath, stream => stream.Write(document.Content.Span), createDirectory: true)) return (int)ExitCode.InputError;
            if (outPath == null) context.Out.Write(Encoding.UTF8.GetString(document.Content.Span));
            foreach (var f in document.Findings)
            {
                context.Error.WriteLine("warning " + f.RuleId + ": " + IO.SafeText.ForTerminal(f.Message) + " (" + f.HelpUri + ")");
            }
            if (outPath != null) context.Error.WriteLine(context.Texts.F("Sbom.Written", IO.SafeText.ForTerminal(outPath), document.Identifier));
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>The time of the last commit of the repository holding <paramref name="rootPath"/>; null outside git.</summary>
    internal static DateTimeOffset? CommitTime(string rootPath)
    {
        var dir = File.Exists(rootPath) ? Path.GetDirectoryName(rootPath)! : rootPath;
        // Outside a repository (or before the first commit) git answers nothing: null, as before, with one process less.
        return Report.GitHistory.HeadTime(dir);
    }

    /// <summary>The deliverables of a check result that get SBOMs in the dossier: loaded, not test projects, one per name, by name.</summary>
    internal static ProjectResult[] Deliverables(CheckResult result)
        => result.Projects.Where(p => p.Loaded && !p.IsTestProject).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The file names of a deliverable's SBOMs in the dossier (<c>Project.cdx.json</c>, <c>Project.spdx.json</c>).</summary>
    internal static string[] DeliverableSbomNames(ProjectResult deliverable) => new[] { deliverable.Name + ".cdx.json", deliverable.Name + ".spdx.json" };

    /// <summary>The format <see cref="Report.ComplianceReportBuilder.DetectSbomFormat"/> gives each of <see cref="DeliverableSbomNames"/>.</summary>
    internal static readonly string[] DeliverableSbomFormats = { "CycloneDX 1.6", "SPDX-2.3" };

    /// <summary>
    /// The CycloneDX and SPDX documents of one deliverable (see <see cref="DeliverableSbomNames"/>), the report's dossier.
    /// <paramref name="options"/> carries the facts of every deliverable (a project reference names the other's facts).
    /// </summary>
    internal static SbomDocument[] DeliverableSboms(CheckResult result, ProjectResult deliverable, SbomOptions options)
    {
        var subject = options.Projects[deliverable.Name];
        return new[]
        {
            new CycloneDxWriter(CycloneDxSpecVersion.V1_6, options).WriteProject(result, deliverable, subject),
            new SpdxWriter(options).WriteProject(result, deliverable, subject),
        };
    }

    private static CycloneDxSpecVersion CdxVersion(string spec) => spec == "1.7" ? CycloneDxSpecVersion.V1_7 : CycloneDxSpecVersion.V1_6;

    private static bool IsProjectFile(string path) => Path.GetExtension(path).ToLowerInvariant() is ".csproj" or ".fsproj" or ".vbproj";

    // A solution's own facts are the ones its deliverables share (usually set once in Directory.Build.props).
    private static SbomSubject SolutionSubject(string rootPath, IReadOnlyList<SbomSubject> projects)
    {
        string? Common(Func<SbomSubject, string?> get)
        {
            var values = projects.Select(get).Distinct(StringComparer.Ordinal).ToArray();
            return values.Length == 1 ? values[0] : null;
        }
        var name = IsProjectFile(rootPath) || Path.HasExtension(rootPath) ? Path.GetFileNameWithoutExtension(rootPath) : Path.GetFileName(Path.TrimEndingDirectorySeparator(rootPath));
        return new SbomSubject
        {
            Name = name,
            Version = Common(p => p.Version),
            License = Common(p => p.License),
            RepositoryUrl = Common(p => p.RepositoryUrl),
            Supplier = Common(p => p.Supplier),
            Type = projects.Any(p => p.Type == SbomComponentType.Application) ? SbomComponentType.Application : SbomComponentType.Library,
        };
    }
}

/// <summary>Reads a project's own facts (version, licence, repository, supplier) from MSBuild.</summary>
internal static class ProjectFacts
{
    private static readonly string[] s_properties = { "Version", "PackageLicenseExpression", "RepositoryUrl", "PackageProjectUrl", "Company", "AssemblyName", "Description", "OutputType", "PackageId", "IsPackable" };

    /// <summary>
    /// The facts of each project (keyed by project path), all evaluated at once (see <see cref="ProjectMetadata"/>); for a
    /// project MSBuild cannot evaluate, the name and version restore recorded.
    /// </summary>
    public static Dictionary<string, SbomSubject> ReadAll(IEnumerable<ProjectResult> projects)
    {
        var list = projects.ToArray();
        var metadata = ProjectMetadata.Read(list.Select(p => p.ProjectPath).ToArray(), s_properties);
        var facts = new Dictionary<string, SbomSubject>(StringComparer.Ordinal);
        foreach (var p in list)
        {
            facts[p.ProjectPath] = FromValues(p, metadata.TryGetValue(p.ProjectPath, out var m) ? m?.Values : null);
        }
        return facts;
    }

    private static SbomSubject FromValues(ProjectResult project, IReadOnlyDictionary<string, string>? values)
    {
        var fallback = new SbomSubject { Name = project.Name, Version = project.Version };
        if (values == null) return fallback;
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        // The SDK defaults Company to the assembly name and Description to "Package Description": neither says anything.
        var company = Get("Company");
        if (company == Get("AssemblyName")) company = null;
        var description = Get("Description");
        if (description == "Package Description") description = null;
        bool isExe = Get("OutputType") is { } type && (type.Equals("Exe", StringComparison.OrdinalIgnoreCase) || type.Equals("WinExe", StringComparison.OrdinalIgnoreCase));
        return new SbomSubject
        {
            Name = project.Name,
            Version = Get("Version") ?? project.Version,
            License = Get("PackageLicenseExpression"),
            RepositoryUrl = Get("RepositoryUrl") ?? Get("PackageProjectUrl"),
            Supplier = company,
            Description = description,
            Type = isExe ? SbomComponentType.Application : SbomComponentType.Library,
        };
    }
}
