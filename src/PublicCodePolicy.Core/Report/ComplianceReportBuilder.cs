// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Output;
using PublicCodePolicy.Policy;
using PublicCodePolicy.PublicCode;
using PublicCodePolicy.Sbom;

namespace PublicCodePolicy.Report;

/// <summary>What the report needs beyond the check result. Everything is optional.</summary>
public sealed class ReportOptions
{
    /// <summary>
    /// Reads a deliverable's own facts (licence, version, repository, supplier), the same ones the SBOM describes it
    /// with; null skips them. The CLI reads them with <c>dotnet msbuild -getProperty</c>.
    /// </summary>
    public Func<ProjectResult, SbomSubject?>? ReadFacts { get; init; }

    /// <summary>publiccode.yml to use; default: the one in the checked folder, else at the repository root.</summary>
    public string? PublicCodePath { get; init; }

    /// <summary>The report configuration; default: <see cref="ReportConfig.Find"/> from the checked folder.</summary>
    public ReportConfig? Config { get; init; }

    /// <summary>SBOM files to attach (full paths); they are named relative to <see cref="OutputDirectory"/>.</summary>
    public IReadOnlyList<string> SbomFiles { get; init; } = Array.Empty<string>();

    /// <summary>
    /// SBOMs already described by the caller, typically the ones it has just written into the report's folder (name
    /// relative to <see cref="OutputDirectory"/>, format, size, SHA-256): attached without being read again. A name also
    /// in <see cref="SbomFiles"/> is attached once, as read from the file.
    /// </summary>
    public IReadOnlyList<SbomAttachment> Sboms { get; init; } = Array.Empty<SbomAttachment>();

    /// <summary>Folder the report is written to (SBOM names are relative to it); default: the base directory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Report date: pass <c>SOURCE_DATE_EPOCH</c>; when null, the last commit's time is used, else no date.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The date exceptions were checked against (<c>--as-of</c>), repeated in the verification command; null when the check used today.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The previous dossier's <c>publiccode-report.json</c> to compare with (Évolution section); null for none.</summary>
    public string? PreviousReport { get; init; }

    /// <summary>Read git history (default true). Tests and sandboxes without git may turn it off.</summary>
    public bool UseGit { get; init; } = true;
}

/// <summary>Builds a <see cref="ComplianceReport"/> from a check result and what the repository says about itself.</summary>
public static class ComplianceReportBuilder
{
    /// <summary>Builds the report. Reads git, publiccode.yml and the SBOM files; never uses the network.</summary>
    /// <exception cref="IOException">An SBOM file cannot be read.</exception>
    public static ComplianceReport Build(CheckResult result, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ReportOptions();
        var checkedDir = File.Exists(result.RootPath) ? Path.GetDirectoryName(result.RootPath)! : result.RootPath.TrimEnd(Path.DirectorySeparatorChar);
        var repoRoot = options.UseGit ? GitHistory.FindRepositoryRoot(checkedDir) : null;
        var baseDir = repoRoot ?? checkedDir;

        // Facts of every loaded deliverable (test projects describe nothing that ships).
        var facts = new Dictionary<string, SbomSubject>(StringComparer.Ordinal);
        if (options.ReadFacts != null)
        {
            foreach (var p in result.Projects.Where(p => p.Loaded && !p.IsTestProject))
            {
                if (options.ReadFacts(p) is { } f) facts[p.ProjectPath] = f;
            }
        }

        var ymlPath = options.PublicCodePath != null ? Path.GetFullPath(options.PublicCodePath)
            : new[] { Path.Combine(checkedDir, "publiccode.yml"), Path.Combine(baseDir, "publiccode.yml") }.FirstOrDefault(File.Exists);
        var (publicCode, yml) = ymlPath != null && File.Exists(ymlPath) ? ReadPublicCode(ymlPath, baseDir) : (new PublicCodeStatus(), null);

        var config = options.Config;
        if (config == null)
        {
            var found = ReportConfig.Find(checkedDir, baseDir);
            config = found != null ? ReportConfig.Load(found) : ReportConfig.Empty;
        }

        var head = repoRoot != null ? GitHistory.Head(checkedDir) : default;
        var date = options.Date ?? head.Time;
        var commit = head.Commit;
        var outputDir = options.OutputDirectory ?? baseDir;

        var software = BuildIdentity(result, facts, yml);
        var sboms = options.SbomFiles
            .Select(f => Attach(f, outputDir))
            .Concat(options.Sboms)
            .DistinctBy(s => s.FileName, StringComparer.Ordinal)
            .OrderBy(s => s.FileName, StringComparer.Ordinal)
            .ToArray();
        // Shipped: a deliverable's runtime packages. Everything else (development, test, test projects) never ships.
        var shippedKeys = result.Projects.Where(p => !p.IsTestProject).SelectMany(p => p.Packages).Where(p => p.Scope == DependencyScope.Runtime)
            .Select(p => (p.Id.ToUpperInvariant(), p.Version)).ToHashSet();
        var distinct = result.Projects.SelectMany(p => p.Packages)
            .GroupBy(p => (p.Id.ToUpperInvariant(), p.Version))
            .Select(g => (g.Key, Verdict: g.Select(x => x.Verdict).OrderByDescending(Rank).First()))
            .ToArray();
        var packageList = result.Projects.SelectMany(p => p.Packages.Select(x => (Package: x, Shipped: !p.IsTestProject && x.Scope == DependencyScope.Runtime)))
            .GroupBy(x => (x.Package.Id.ToUpperInvariant(), x.Package.Version))
            .Select(g => new ReportPackage(g.First().Package.Id, g.First().Package.Version, g.First().Package.License.Concluded.ToString(),
                g.Select(x => x.Package.Verdict).OrderByDescending(Rank).First().ToName(), g.Any(x => x.Shipped)))
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ToArray();
        var exceptionRecords = BuildExceptions(result, options.AsOf);
        ReportEvolution? evolution = null;
        if (options.PreviousReport != null)
        {
            using var previous = File.OpenRead(options.PreviousReport);
            evolution = ReportEvolution.Compare(previous, packageList, exceptionRecords);
        }
        return new ComplianceReport
        {
            Date = date,
            Packages = packageList,
            Evolution = evolution,
            Shipped = VerdictCounts.Count(distinct.Where(d => shippedKeys.Contains(d.Key)).Select(d => d.Verdict)),
            NotShipped = VerdictCounts.Count(distinct.Where(d => !shippedKeys.Contains(d.Key)).Select(d => d.Verdict)),
            Dossier = new DossierStatus
            {
                LicenseFree = software.LicenseIsFree == true,
                ForgePublic = software.RepositoryUrlIsPublic,
                PublicCodeValid = publicCode.Valid,
                SbomsAttached = sboms.Length > 0,
            },
            ToolVersion = result.ToolVersion,
            LicenseListVersion = result.LicenseListVersion,
            Software = software,
            PublicCode = publicCode,
            Deliverables = BuildDeliverables(result, facts, baseDir),
            Totals = VerdictCounts.Count(result.Projects.SelectMany(p => p.Packages)
                .GroupBy(p => (p.Id.ToUpperInvariant(), p.Version))
                .Select(g => g.Select(x => x.Verdict).OrderByDescending(Rank).First())),
            NonAllowed = BuildIssues(result),
            OtherFindings = BuildOtherFindings(result),
            Exceptions = exceptionRecords,
            ExceptionsJudgedOn = options.AsOf,
            LicenceChanges = result.Findings
                .Where(f => (f.RuleId == RuleCatalog.LicenceChanged.Id || f.RuleId == RuleCatalog.NewPackage.Id) && f.PackageId != null)
                .Select(f => (Record: new LicenceChangeRecord(f.RuleId, f.PackageId!, f.PackageVersion ?? string.Empty, f.Message), f.Text))
                .DistinctBy(c => c.Record)
                .Select(c => c.Record with { Text = c.Text })
                .OrderBy(c => c.RuleId, StringComparer.Ordinal).ThenBy(c => c.Package, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Version, StringComparer.Ordinal)
                .ToArray(),
            Sboms = sboms,
            Contributors = repoRoot != null
                ? GitHistory.MapOrganisations(GitHistory.ReadContributors(checkedDir), new[] { publicCode.Organisation }.Where(o => o != null).Select(o => o!).Concat(publicCode.FundedBy))
                : ContributorSummary.None,
            UpstreamContributions = config.UpstreamContributions,
            UsedByProofs = config.UsedByProofs,
            Policy = new PolicySummary
            {
                Preset = result.Policy.Preset.ToName(),
                File = result.Policy.SourcePath == null ? null : CheckResultJsonWriter.Relative(baseDir, result.Policy.SourcePath),
                EnforcedScopes = result.Policy.EnforcedScopes.OrderBy(s => s).ToArray(),
                FailOnUnknown = result.Policy.FailOnUnknown,
                Allow = result.Policy.Allow.OrderBy(s => s, StringComparer.Ordinal).ToArray(),
                Deny = result.Policy.Deny.OrderBy(s => s, StringComparer.Ordinal).ToArray(),
            },
            Passed = result.Passed,
            EnforcedFindings = result.Summary.EnforcedFindings,
            Verification = BuildVerification(result, baseDir, repoRoot != null, commit, options),
        };
    }

    /// <summary>The one-line summary <c>publiccode check</c> prints, which the verification compares.</summary>
    public static string CheckSummaryLine(CheckSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture,
            $"Summary: {s.Projects} projects, {s.Packages} distinct packages: {s.Allowed} allowed, {s.Denied} denied, {s.Unknown} unknown, {s.Excepted} excepted.");
    }

    /// <summary>Largest SBOM file attached (docs/limits.md).</summary>
    public const long MaxSbomBytes = 256L * 1024 * 1024;

    /// <summary>Attaches an SBOM: its SHA-256 and detected format, named relative to <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SbomAttachment Attach(string path, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var bytes = IO.InputFile.ReadAllBytes(path, MaxSbomBytes);
        var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var full = Path.GetFullPath(path);
        var rel = CheckResultJsonWriter.Relative(Path.GetFullPath(outputDirectory), full);
        // A file outside the report's folder is named by its file name alone: no machine path enters the report.
        if (rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel)) rel = Path.GetFileName(full);
        return new SbomAttachment(rel, DetectSbomFormat(bytes), bytes.LongLength, hash);
    }

    /// <summary>
    /// Checks that an SBOM to attach is one, and describes the checked software: its subject is the solution or one of
    /// its projects, and every NuGet package it lists is one the check found. Returns null when it does, else why not
    /// (English; the CLI prints it with <see cref="SbomRules.AttachedSbomRejected"/>). A jury must not receive another
    /// solution's SBOM, or a file that only carries an SBOM's name.
    /// </summary>
    public static string? CheckAttachedSbom(ReadOnlySpan<byte> content, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var format = DetectSbomFormat(content);
        if (format == "unknown") return "it is neither a CycloneDX nor an SPDX document.";
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            // XML and tag-value documents are attached as they are: their format is known, their content is not read.
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            var subjects = new List<string>();
            var purls = new List<string>();
            if (format.StartsWith("CycloneDX", StringComparison.Ordinal))
            {
                if (root.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object && md.TryGetProperty("component", out var c) && c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) subjects.Add(n.GetString()!);
                if (root.TryGetProperty("components", out var comps) && comps.ValueKind == JsonValueKind.Array)
                {
                    foreach (var comp in comps.EnumerateArray())
                    {
                        if (comp.ValueKind == JsonValueKind.Object && comp.TryGetProperty("purl", out var pu) && pu.ValueKind == JsonValueKind.String) purls.Add(pu.GetString()!);
                    }
                }
            }
            else
            {
                var described = new HashSet<string>(StringComparer.Ordinal);
                if (root.TryGetProperty("documentDescribes", out var dd) && dd.ValueKind == JsonValueKind.Array)
                {
                    foreach (var d in dd.EnumerateArray()) if (d.ValueKind == JsonValueKind.String) described.Add(d.GetString()!);
                }
                if (root.TryGetProperty("relationships", out var rels) && rels.ValueKind == JsonValueKind.Array)
                {
                    foreach (var r in rels.EnumerateArray())
                    {
                        if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("relationshipType", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "DESCRIBES"
                            && r.TryGetProperty("relatedSpdxElement", out var e) && e.ValueKind == JsonValueKind.String) described.Add(e.GetString()!);
                    }
                }
                if (root.TryGetProperty("packages", out var pkgs) && pkgs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var pkg in pkgs.EnumerateArray())
                    {
                        if (pkg.ValueKind != JsonValueKind.Object) continue;
                        if (pkg.TryGetProperty("SPDXID", out var id) && id.ValueKind == JsonValueKind.String && described.Contains(id.GetString()!)
                            && pkg.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) subjects.Add(n.GetString()!);
                        if (pkg.TryGetProperty("externalRefs", out var refs) && refs.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var r in refs.EnumerateArray())
                            {
                                if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("referenceType", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "purl"
                                    && r.TryGetProperty("referenceLocator", out var l) && l.ValueKind == JsonValueKind.String) purls.Add(l.GetString()!);
                            }
                        }
                    }
                }
            }

            var names = new HashSet<string>(result.Projects.Select(p => p.Name), StringComparer.OrdinalIgnoreCase)
            {
                Path.GetFileNameWithoutExtension(result.RootPath.TrimEnd(Path.DirectorySeparatorChar)),
                Path.GetFileName(result.RootPath.TrimEnd(Path.DirectorySeparatorChar)),
            };
            if (subjects.Count == 0) return "it names no described software (CycloneDX metadata.component, SPDX documentDescribes).";
            if (!subjects.Any(names.Contains))
                return "it describes '" + string.Join("', '", subjects) + "', not the checked solution or one of its projects (" + string.Join(", ", names.OrderBy(x => x, StringComparer.Ordinal)) + ").";
            // A project's SBOM lists that project's packages; a solution's, those of any of its projects.
            var subjectProjects = result.Projects.Where(p => subjects.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
            var known = new HashSet<string>((subjectProjects.Length > 0 ? subjectProjects : result.Projects).SelectMany(p => p.Packages).Select(p => p.Id.ToUpperInvariant() + "@" + p.Version.ToUpperInvariant()), StringComparer.Ordinal);
            foreach (var purl in purls)
            {
                if (!PackageUrl.TryParse(purl, out var parts) || parts.Type != "nuget") continue;
                if (!known.Contains(parts.Name.ToUpperInvariant() + "@" + (parts.Version ?? string.Empty).ToUpperInvariant()))
                    return "it lists " + parts.Name + " " + parts.Version + ", which the checked solution does not restore: it describes another state of the software; regenerate it.";
            }
            return null;
        }
    }

    /// <summary>Detects CycloneDX (JSON or XML) and SPDX (JSON or tag-value) documents; <c>unknown</c> otherwise.</summary>
    public static string DetectSbomFormat(ReadOnlySpan<byte> content)
    {
        try
        {
            var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("bomFormat", out var bf) && bf.ValueKind == JsonValueKind.String && bf.GetString() == "CycloneDX")
                    return "CycloneDX " + (root.TryGetProperty("specVersion", out var sv) && sv.ValueKind == JsonValueKind.String ? sv.GetString() : "?");
                if (root.TryGetProperty("spdxVersion", out var spdx) && spdx.ValueKind == JsonValueKind.String)
                    return spdx.GetString()!;
            }
        }
        catch (InvalidOperationException)
        {
            // A name or string that is not valid UTF-8 (System.Text.Json checks only when reading it): not an SBOM this tool can name.
            return "unknown";
        }
        catch (JsonException)
        {
            var head = Encoding.UTF8.GetString(content.Slice(0, Math.Min(content.Length, 4096)));
            if (head.Contains("http://cyclonedx.org/schema/bom/", StringComparison.Ordinal))
            {
                var i = head.IndexOf("http://cyclonedx.org/schema/bom/", StringComparison.Ordinal) + "http://cyclonedx.org/schema/bom/".Length;
                var end = head.IndexOf('"', i);
                return "CycloneDX " + (end > i ? head.Substring(i, end - i) : "?");
            }
            var line = head.Split('\n').FirstOrDefault(l => l.StartsWith("SPDXVersion:", StringComparison.Ordinal));
            if (line != null) return line.Substring("SPDXVersion:".Length).Trim();
        }
        return "unknown";
    }

    private static int Rank(Verdict v) => v switch { Verdict.Denied => 3, Verdict.Unknown => 2, Verdict.Excepted => 1, _ => 0 };

    private static (PublicCodeStatus Status, PublicCodeYmlContent? Content) ReadPublicCode(string ymlPath, string baseDir)
    {
        // The validator reproduces the official parser's verdicts offline (its network checks are not made), with
        // limits on size, depth and aliases: the values are read only from a file it could parse.
        IReadOnlyList<PublicCodeFinding> findings;
        try
        {
            findings = PublicCodeValidator.ValidateFile(ymlPath).Diagnostics
                .Select(d => new PublicCodeFinding(d.Severity == PublicCodeSeverity.Error, d.Key, d.Message, d.Line))
                .ToArray();
        }
        catch (IOException ex)
        {
            findings = new[] { new PublicCodeFinding(true, string.Empty, "publiccode.yml cannot be read: " + ex.Message, 0) };
        }
        var path = RelativeOrName(baseDir, ymlPath);
        var unreadable = findings.Any(f => f.IsError && f.Key.Length == 0);
        var yml = unreadable ? null : PublicCodeYmlReader.Read(ymlPath);
        if (yml == null || yml.ParseError != null) return (new PublicCodeStatus { Path = path, Findings = findings }, null);
        var status = new PublicCodeStatus
        {
            Path = path,
            Findings = findings,
            IsBasedOn = yml.IsBasedOn,
            UsedBy = yml.UsedBy,
            FundedBy = yml.FundedBy,
            Organisation = yml.Organisation,
            MaintenanceType = yml.MaintenanceType,
        };
        return (status, yml);
    }

    private static string RelativeOrName(string baseDir, string path)
    {
        var rel = CheckResultJsonWriter.Relative(baseDir, path);
        return rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? Path.GetFileName(path) : rel;
    }

    private static SoftwareIdentity BuildIdentity(CheckResult result, IReadOnlyDictionary<string, SbomSubject> facts, PublicCodeYmlContent? yml)
    {
        // Applications describe the software better than its libraries: look at them first, then by name.
        var ordered = result.Projects.Where(p => facts.ContainsKey(p.ProjectPath))
            .Select(p => facts[p.ProjectPath])
            .OrderBy(f => f.Type == SbomComponentType.Application ? 0 : 1)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();
        string? FirstFact(Func<SbomSubject, string?> get) => ordered.Select(get).FirstOrDefault(v => v != null);

        string name;
        FactSource nameSource;
        if (yml?.Name != null) (name, nameSource) = (yml.Name, FactSource.PublicCodeYml);
        else (name, nameSource) = (Path.GetFileNameWithoutExtension(result.RootPath.TrimEnd(Path.DirectorySeparatorChar)), FactSource.FileName);

        string? license;
        FactSource licenseSource;
        var projectLicenses = ordered.Select(f => f.License).Where(l => l != null).Select(l => l!).Distinct(StringComparer.Ordinal).ToArray();
        if (yml?.License != null) (license, licenseSource) = (yml.License, FactSource.PublicCodeYml);
        else if (projectLicenses.Length > 0) (license, licenseSource) = (FirstFact(f => f.License), FactSource.MsBuild);
        else (license, licenseSource) = (null, FactSource.None);

        bool? free = null, french = null;
        if (license != null)
        {
            if (LicenseList.Default.TryParse(license, out var expression, out _) && expression != null)
            {
                free = new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.OsiOrFsf }).Evaluate(expression).Verdict == Verdict.Allowed;
                french = new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.FrAdministration }).Evaluate(expression).Verdict == Verdict.Allowed;
            }
            else
            {
                free = false;
                french = false;
            }
        }

        var organisation = yml?.Organisation?.Name ?? yml?.Organisation?.Uri ?? FirstFact(f => f.Supplier);
        return new SoftwareIdentity
        {
            Name = name,
            NameSource = nameSource,
            Version = yml?.SoftwareVersion ?? FirstFact(f => f.Version) ?? result.Projects.Where(p => !p.IsTestProject).Select(p => p.Version).FirstOrDefault(v => v != null),
            Description = yml?.ShortDescriptionFr ?? yml?.ShortDescriptionEn ?? FirstFact(f => f.Description),
            Descriptions = DescriptionsOf(yml),
            Organisation = organisation,
            License = license,
            LicenseSource = licenseSource,
            LicenseIsFree = free,
            LicenseOnFrenchList = french,
            OtherLicenses = projectLicenses.Where(l => !string.Equals(l, license, StringComparison.Ordinal)).OrderBy(l => l, StringComparer.Ordinal).ToArray(),
            RepositoryUrl = yml?.Url ?? FirstFact(f => f.RepositoryUrl),
        };
    }

    private static IReadOnlyDictionary<string, string> DescriptionsOf(PublicCodeYmlContent? yml)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (yml?.ShortDescriptionFr is { } fr) map["fr"] = fr;
        if (yml?.ShortDescriptionEn is { } en) map["en"] = en;
        return map;
    }

    private static IReadOnlyList<DeliverableSummary> BuildDeliverables(CheckResult result, IReadOnlyDictionary<string, SbomSubject> facts, string baseDir)
    {
        return result.Projects
            .OrderBy(p => p.IsTestProject ? 1 : 0)
            .ThenBy(p => CheckResultJsonWriter.Relative(baseDir, p.ProjectPath), StringComparer.Ordinal)
            .Select(p =>
            {
                facts.TryGetValue(p.ProjectPath, out var f);
                var byScope = new SortedDictionary<DependencyScope, VerdictCounts>();
                foreach (var scope in Enum.GetValues<DependencyScope>())
                    byScope[scope] = VerdictCounts.Count(p.Packages.Where(x => x.Scope == scope).Select(x => x.Verdict));
                return new DeliverableSummary
                {
                    Name = p.Name,
                    Path = CheckResultJsonWriter.Relative(baseDir, p.ProjectPath),
                    IsTestProject = p.IsTestProject,
                    Restored = p.Loaded,
                    Version = f?.Version ?? p.Version,
                    License = f?.License,
                    All = VerdictCounts.Count(p.Packages.Select(x => x.Verdict)),
                    ByScope = byScope,
                };
            })
            .ToArray();
    }

    private static IReadOnlyList<DependencyIssue> BuildIssues(CheckResult result)
    {
        return result.Projects
            .SelectMany(p => p.Packages.Where(x => x.Verdict is Verdict.Denied or Verdict.Unknown).Select(x => (Project: p, Package: x)))
            .Select(t => new DependencyIssue
            {
                Project = t.Project.Name,
                Id = t.Package.Id,
                Version = t.Package.Version,
                Scope = t.Package.Scope,
                IsDirect = t.Package.IsDirect,
                Verdict = t.Package.Verdict,
                Enforced = result.Policy.EnforcedScopes.Contains(t.Package.Scope) && (t.Package.Verdict == Verdict.Denied || result.Policy.FailOnUnknown),
                License = t.Package.License.Concluded.ToString(),
                DeclaredLicense = t.Package.License.Declared,
                LicenseSource = CheckResultJsonWriter.SourceName(t.Package.License.Source),
                Evidence = t.Package.License.Evidence,
                Reason = t.Package.Reason,
                ReasonText = t.Package.ReasonText,
                Paths = t.Package.Paths,
                Family = t.Package.Verdict is Verdict.Denied or Verdict.Unknown ? LicenseFamilies.Of(t.Package.License.Concluded.ToString(), t.Package.Verdict) : null,
                Remedy = t.Package.Verdict == Verdict.Denied ? RemedyFinder.Find(t.Package.Id, t.Package.Version, t.Package.IsDirect, t.Package.IntroducedBy, t.Project.TargetFrameworks) : null,
            })
            .OrderBy(i => i.Enforced ? 0 : 1)
            .ThenBy(i => i.Project, StringComparer.Ordinal)
            .ThenBy(i => i.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ThenBy(i => i.Version, StringComparer.Ordinal)
            .ToArray();
    }

    private static IReadOnlyList<ReportFinding> BuildOtherFindings(CheckResult result)
    {
        // PCP0001/PCP0002 and a custom rule's verdict on a package are rows of the non-allowed table already.
        var names = result.Projects.ToDictionary(p => p.ProjectPath, p => p.Name, StringComparer.Ordinal);
        return result.Findings
            .Where(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) != RuleCategory.Configuration)
            .Where(f => f.RuleId != RuleCatalog.DeniedLicense.Id && f.RuleId != RuleCatalog.UnknownLicense.Id && !(f.PackageId != null && RuleCatalog.CategoryOf(f.RuleId) == null))
            .Select(f => new ReportFinding(
                f.RuleId,
                f.ProjectPath != null && names.TryGetValue(f.ProjectPath, out var n) ? n : null,
                f.PackageId != null ? f.PackageId + (f.PackageVersion != null ? " " + f.PackageVersion : string.Empty) : null,
                f.Message,
                f.RuleId == RuleCatalog.ExpiredException.Id && f.PackageId != null && f.PackageVersion != null
                    ? result.Policy.Exceptions.Where(e => e.Expires != null && e.Matches(f.PackageId, f.PackageVersion)).Select(e => e.Expires).Min()
                    : null) { Text = f.Text })
            .ToArray();
    }

    private static IReadOnlyList<ExceptionRecord> BuildExceptions(CheckResult result, DateOnly? judgedOn)
    {
        var applied = result.Projects.SelectMany(p => p.Packages).Where(p => p.AppliedException != null).ToArray();
        return result.Policy.Exceptions
            .Select(e => new ExceptionRecord
            {
                Package = e.Package,
                Versions = e.Versions?.ToString(),
                Justification = e.Justification,
                ApprovedBy = e.ApprovedBy,
                Expires = e.Expires,
                State = judgedOn == null || e.Expires == null ? ExceptionState.Valid
                    : e.Expires.Value < judgedOn.Value ? ExceptionState.Expired
                    : e.Expires.Value.DayNumber - judgedOn.Value.DayNumber <= ExceptionRecord.SoonDays ? ExceptionState.ExpiresSoon
                    : ExceptionState.Valid,
                AppliedTo = applied.Where(p => ReferenceEquals(p.AppliedException, e))
                    .Select(p => p.Id + " " + p.Version)
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(s => s, StringComparer.Ordinal)
                    .ToArray(),
            })
            .ToArray();
    }

    private static VerificationInfo BuildVerification(CheckResult result, string baseDir, bool isRepository, string? commit, ReportOptions options)
    {
        var target = CheckResultJsonWriter.Relative(baseDir, result.RootPath.TrimEnd(Path.DirectorySeparatorChar));
        var args = new List<string> { "publiccode", "check", Quote(target.Length == 0 ? "." : target) };
        if (result.Policy.SourcePath != null) args.AddRange(new[] { "--policy", Quote(CheckResultJsonWriter.Relative(baseDir, result.Policy.SourcePath)) });
        args.AddRange(new[] { "--preset", result.Policy.Preset.ToName() });
        if (options.AsOf is { } asOf) args.AddRange(new[] { "--as-of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var summary = result.Summary;
        return new VerificationInfo
        {
            BaseIsRepositoryRoot = isRepository,
            Command = string.Join(' ', args),
            Commit = commit,
            ExpectedSummary = CheckSummaryLine(summary),
            ExpectedExitCode = result.HasInputErrors ? 2 : result.Passed ? 0 : 1,
        };
    }

    private static string Quote(string arg)
        => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
