// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>
/// The compliance report: everything an authority attaches to its Territoire Numérique Libre application to show that its
/// .NET software is free and pooled. Built by <see cref="ComplianceReportBuilder"/>; written by
/// <see cref="ReportHtmlWriter"/>, <see cref="ReportMarkdownWriter"/> and <see cref="ReportJsonWriter"/>. Holds no absolute
/// machine path: every path is relative to the repository root (or to the checked folder outside git), so that two
/// clones of the same commit give the same report.
/// </summary>
public sealed class ComplianceReport
{
    /// <summary>Date of the report (from <c>SOURCE_DATE_EPOCH</c>, else the last commit); null when neither is known.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Licence changes and new packages since the baseline (PCP0020, PCP0021); empty without a baseline.</summary>
    public IReadOnlyList<LicenceChangeRecord> LicenceChanges { get; init; } = Array.Empty<LicenceChangeRecord>();

    /// <summary>Version of PublicCodePolicy.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>SPDX licence list version used to classify licences.</summary>
    public required string LicenseListVersion { get; init; }

    /// <summary>The software described.</summary>
    public required SoftwareIdentity Software { get; init; }

    /// <summary>publiccode.yml status and the reuse evidence it declares.</summary>
    public required PublicCodeStatus PublicCode { get; init; }

    /// <summary>One summary per project (deliverables first, then test projects), sorted by path.</summary>
    public required IReadOnlyList<DeliverableSummary> Deliverables { get; init; }

    /// <summary>Counts over distinct packages (id and version) of the whole solution, each with its worst verdict.</summary>
    public required VerdictCounts Totals { get; init; }

    /// <summary>
    /// Counts over the distinct packages that ship: runtime scope of a deliverable (not a test project). The headline
    /// ratio is on these, since development and test tools do not reach the authority's users.
    /// </summary>
    public VerdictCounts Shipped { get; init; } = new(0, 0, 0, 0);

    /// <summary>Counts over the distinct packages that never ship (development tools, test frameworks, test projects).</summary>
    public VerdictCounts NotShipped { get; init; } = new(0, 0, 0, 0);

    /// <summary>Every distinct dependency (id and version), sorted by id then version: what a later dossier compares with.</summary>
    public IReadOnlyList<ReportPackage> Packages { get; init; } = Array.Empty<ReportPackage>();

    /// <summary>What changed since the previous dossier; null when none was given.</summary>
    public ReportEvolution? Evolution { get; init; }

    /// <summary>Whether the dossier is complete, apart from the dependency verdict.</summary>
    public DossierStatus Dossier { get; init; } = new();

    /// <summary>Every denied or unknown dependency, per project, with its evidence.</summary>
    public required IReadOnlyList<DependencyIssue> NonAllowed { get; init; }

    /// <summary>
    /// Enforced findings that are not a row of <see cref="NonAllowed"/> (an expired exception, PCP0003, and any other
    /// blocking finding about no single dependency verdict), so that every blocking finding the header counts is listed.
    /// </summary>
    public IReadOnlyList<ReportFinding> OtherFindings { get; init; } = Array.Empty<ReportFinding>();

    /// <summary>Every exception of the policy, with the packages it accepted.</summary>
    public required IReadOnlyList<ExceptionRecord> Exceptions { get; init; }

    /// <summary>The date exception expiry was judged against (<c>--as-of</c>, else the day of the check); null when unknown.</summary>
    public DateOnly? ExceptionsJudgedOn { get; init; }

    /// <summary>SBOM files attached to the report.</summary>
    public required IReadOnlyList<SbomAttachment> Sboms { get; init; }

    /// <summary>Contributors from the git history, grouped by e-mail domain.</summary>
    public required ContributorSummary Contributors { get; init; }

    /// <summary>Proof links of usedBy entries, by name (<c>publiccode-report.json</c> <c>usedByProofs</c>).</summary>
    public IReadOnlyDictionary<string, string> UsedByProofs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Contributions to upstream free software, as declared in <c>publiccode-report.json</c>.</summary>
    public required IReadOnlyList<UpstreamContribution> UpstreamContributions { get; init; }

    /// <summary>The policy applied.</summary>
    public required PolicySummary Policy { get; init; }

    /// <summary>True when no enforced finding remains.</summary>
    public required bool Passed { get; init; }

    /// <summary>Number of enforced findings.</summary>
    public required int EnforcedFindings { get; init; }

    /// <summary>How a reviewer reproduces the result.</summary>
    public required VerificationInfo Verification { get; init; }
}

/// <summary>
/// What the label asks of the dossier beyond the dependencies: a free licence for the software, a public (https) forge,
/// a valid publiccode.yml, and SBOMs of the checked commit. "The dependencies pass the policy" and "the dossier is
/// complete" are two different statements; the report makes both.
/// </summary>
public sealed class DossierStatus
{
    /// <summary>The software's own licence is declared and free.</summary>
    public bool LicenseFree { get; init; }

    /// <summary>The forge URL is declared and https.</summary>
    public bool ForgePublic { get; init; }

    /// <summary>publiccode.yml is found and valid.</summary>
    public bool PublicCodeValid { get; init; }

    /// <summary>At least one SBOM of the checked solution is attached (written by the same run, or checked when attached).</summary>
    public bool SbomsAttached { get; init; }

    /// <summary>Every item above holds.</summary>
    public bool Complete => LicenseFree && ForgePublic && PublicCodeValid && SbomsAttached;

    /// <summary>The keys of the items that do not hold, in a fixed order: <c>license</c>, <c>forge</c>, <c>publiccode</c>, <c>sbom</c>.</summary>
    public IReadOnlyList<string> Missing
    {
        get
        {
            var list = new List<string>();
            if (!LicenseFree) list.Add("license");
            if (!ForgePublic) list.Add("forge");
            if (!PublicCodeValid) list.Add("publiccode");
            if (!SbomsAttached) list.Add("sbom");
            return list;
        }
    }
}

/// <summary>Where a fact about the software comes from.</summary>
public enum FactSource
{
    /// <summary>Not found anywhere.</summary>
    None,
    /// <summary>The repository's publiccode.yml.</summary>
    PublicCodeYml,
    /// <summary>The projects' MSBuild properties.</summary>
    MsBuild,
    /// <summary>The solution, project or folder name.</summary>
    FileName,
}

/// <summary>Identity of the software: name, version, own licence, forge.</summary>
public sealed class SoftwareIdentity
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the name comes from.</summary>
    public required FactSource NameSource { get; init; }

    /// <summary>Version; null when unknown.</summary>
    public string? Version { get; init; }

    /// <summary>Short description (French first, as the label reads French); null when none.</summary>
    public string? Description { get; init; }

    /// <summary>Short descriptions by language tag (<c>fr</c>, <c>en</c>) from publiccode.yml.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The description in <paramref name="languageTag"/> when publiccode.yml has one, else <see cref="Description"/>.</summary>
    public string? DescriptionIn(string languageTag) => Descriptions.TryGetValue(languageTag, out var d) ? d : Description;

    /// <summary>Publishing organisation (publiccode.yml <c>organisation</c>, else the deliverables' supplier, MSBuild <c>Company</c>).</summary>
    public string? Organisation { get; init; }

    /// <summary>The software's own licence (SPDX expression); null when none is declared.</summary>
    public string? License { get; init; }

    /// <summary>Where the licence comes from.</summary>
    public required FactSource LicenseSource { get; init; }

    /// <summary>Whether the licence is free (every needed licence OSI-approved or FSF-libre); null when no licence is declared.</summary>
    public bool? LicenseIsFree { get; init; }

    /// <summary>Whether the licence is on the French administration list (CRPA art. D323-2-1); null when no licence is declared.</summary>
    public bool? LicenseOnFrenchList { get; init; }

    /// <summary>Licences declared by deliverables that differ from <see cref="License"/>, sorted.</summary>
    public IReadOnlyList<string> OtherLicenses { get; init; } = Array.Empty<string>();

    /// <summary>Public forge URL (publiccode.yml <c>url</c> or MSBuild <c>RepositoryUrl</c>).</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>Whether <see cref="RepositoryUrl"/> is an https URL, as a public forge must be.</summary>
    public bool RepositoryUrlIsPublic => RepositoryUrl != null && RepositoryUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One diagnostic about publiccode.yml.</summary>
/// <param name="IsError">Error (the file is invalid) or warning.</param>
/// <param name="Key">Dotted key; empty for the whole file.</param>
/// <param name="Message">The message.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
public sealed record PublicCodeFinding(bool IsError, string Key, string Message, int Line);

/// <summary>An organisation named in publiccode.yml.</summary>
/// <param name="Name">Name, when given.</param>
/// <param name="Uri">URI, when given.</param>
public sealed record PublicCodeOrganisationRef(string? Name, string? Uri);

/// <summary>Whether publiccode.yml exists and is valid, and the reuse evidence it declares.</summary>
public sealed class PublicCodeStatus
{
    /// <summary>Path relative to the base directory; null when no publiccode.yml was found.</summary>
    public string? Path { get; init; }

    /// <summary>True when the file was found.</summary>
    public bool Found => Path != null;

    /// <summary>True when the file was found and the validator reported no error (warnings allowed).</summary>
    public bool Valid => Found && !Findings.Any(f => f.IsError);

    /// <summary>Errors and warnings of the publiccode.yml validator (the official parser's rules, without its network checks), in its order.</summary>
    public IReadOnlyList<PublicCodeFinding> Findings { get; init; } = Array.Empty<PublicCodeFinding>();

    /// <summary><c>isBasedOn</c>: the software this one reuses.</summary>
    public IReadOnlyList<string> IsBasedOn { get; init; } = Array.Empty<string>();

    /// <summary><c>usedBy</c>: the administrations that use it.</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = Array.Empty<string>();

    /// <summary><c>fundedBy</c>: who funded it.</summary>
    public IReadOnlyList<PublicCodeOrganisationRef> FundedBy { get; init; } = Array.Empty<PublicCodeOrganisationRef>();

    /// <summary><c>organisation</c>: the publisher.</summary>
    public PublicCodeOrganisationRef? Organisation { get; init; }

    /// <summary><c>maintenance.type</c>.</summary>
    public string? MaintenanceType { get; init; }
}

/// <summary>Counts by verdict.</summary>
/// <param name="Allowed">Allowed by the policy.</param>
/// <param name="Excepted">Accepted by a justified exception.</param>
/// <param name="Unknown">Licence unknown.</param>
/// <param name="Denied">Not free.</param>
public sealed record VerdictCounts(int Allowed, int Excepted, int Unknown, int Denied)
{
    /// <summary>Total.</summary>
    public int Total => Allowed + Excepted + Unknown + Denied;

    /// <summary>Share of dependencies under an allowed free licence, 0 to 1; null when there are none.</summary>
    public double? FreeShare => Total == 0 ? null : (double)Allowed / Total;

    /// <summary>The count of one verdict.</summary>
    public int Of(Verdict verdict) => verdict switch
    {
        Verdict.Allowed => Allowed,
        Verdict.Excepted => Excepted,
        Verdict.Unknown => Unknown,
        _ => Denied,
    };

    /// <summary>Counts a sequence of verdicts.</summary>
    public static VerdictCounts Count(IEnumerable<Verdict> verdicts)
    {
        int a = 0, e = 0, u = 0, d = 0;
        foreach (var v in verdicts)
        {
            switch (v)
            {
                case Verdict.Allowed: a++; break;
                case Verdict.Excepted: e++; break;
                case Verdict.Unknown: u++; break;
                default: d++; break;
            }
        }
        return new VerdictCounts(a, e, u, d);
    }
}

/// <summary>Dependency summary of one project.</summary>
public sealed class DeliverableSummary
{
    /// <summary>Project name.</summary>
    public required string Name { get; init; }

    /// <summary>Project file, relative, forward slashes.</summary>
    public required string Path { get; init; }

    /// <summary>Test project (its packages are never shipped).</summary>
    public required bool IsTestProject { get; init; }

    /// <summary>Whether the project was restored and read.</summary>
    public required bool Restored { get; init; }

    /// <summary>Version (MSBuild, else restore).</summary>
    public string? Version { get; init; }

    /// <summary>Own licence declared by the project.</summary>
    public string? License { get; init; }

    /// <summary>Counts of all packages.</summary>
    public required VerdictCounts All { get; init; }

    /// <summary>Counts per scope (every scope present, even when empty).</summary>
    public required IReadOnlyDictionary<DependencyScope, VerdictCounts> ByScope { get; init; }
}

/// <summary>A dependency that is not allowed (denied or unknown), with its evidence.</summary>
public sealed class DependencyIssue
{
    /// <summary>Project where it was found.</summary>
    public required string Project { get; init; }

    /// <summary>Package id.</summary>
    public required string Id { get; init; }

    /// <summary>Version.</summary>
    public required string Version { get; init; }

    /// <summary>Scope in that project.</summary>
    public required DependencyScope Scope { get; init; }

    /// <summary>Referenced directly.</summary>
    public required bool IsDirect { get; init; }

    /// <summary>Denied or unknown.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Whether the scope is enforced by the policy (the finding fails the check).</summary>
    public required bool Enforced { get; init; }

    /// <summary>Concluded licence.</summary>
    public required string License { get; init; }

    /// <summary>What the package declares.</summary>
    public string? DeclaredLicense { get; init; }

    /// <summary>Where the licence was found (<c>expression</c>, <c>file</c>, <c>url</c>…).</summary>
    public required string LicenseSource { get; init; }

    /// <summary>The evidence (URL, file, expression).</summary>
    public string? Evidence { get; init; }

    /// <summary>Why the policy decided so (English).</summary>
    public required string Reason { get; init; }

    /// <summary>Why the policy decided so, in any language the engine ships; null when it exists only in English.</summary>
    public Diagnostics.EngineText? ReasonText { get; init; }

    /// <summary>Dependency paths from the project.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>The licence family the report explains (<see cref="LicenseFamilies.Keys"/>); null when none applies.</summary>
    public string? Family { get; init; }

    /// <summary>A concrete remedy, when the report knows one.</summary>
    public DependencyRemedy? Remedy { get; init; }
}

/// <summary>A blocking finding of the check that is not a dependency row of the report.</summary>
/// <param name="RuleId">Rule identifier (e.g. <c>PCP0003</c>).</param>
/// <param name="Project">Project name, when the finding is about one.</param>
/// <param name="Package">Package id and version, when the finding is about one.</param>
/// <param name="Message">The engine's message (English).</param>
/// <param name="ExpiredOn">For an expired exception (PCP0003), its last valid day.</param>
public sealed record ReportFinding(string RuleId, string? Project, string? Package, string Message, DateOnly? ExpiredOn = null)
{
    /// <summary>The message in any language the engine ships; null when it exists only in English.</summary>
    public Diagnostics.EngineText? Text { get; init; }
}

/// <summary>Where an exception stands on the date it was judged against.</summary>
public enum ExceptionState
{
    /// <summary>Valid, without an expiry date or expiring more than <see cref="ExceptionRecord.SoonDays"/> days after the date.</summary>
    Valid,
    /// <summary>Valid, but expires within <see cref="ExceptionRecord.SoonDays"/> days of the date.</summary>
    ExpiresSoon,
    /// <summary>Expired before the date: it no longer accepts anything.</summary>
    Expired,
}

/// <summary>One exception of the policy and what it accepted.</summary>
/// <summary>A licence change (PCP0020) or a new package (PCP0021) since the baseline, as the check reported it.</summary>
/// <param name="RuleId">PCP0020 or PCP0021.</param>
/// <param name="Package">Package id.</param>
/// <param name="Version">Version now.</param>
/// <param name="Message">The finding's message: both licences for a change.</param>
public sealed record LicenceChangeRecord(string RuleId, string Package, string Version, string Message)
{
    /// <summary>The message in any language the engine ships; null when it exists only in English.</summary>
    public Diagnostics.EngineText? Text { get; init; }
}

/// <summary>An exception of the policy and what it was applied to.</summary>
public sealed class ExceptionRecord
{
    /// <summary>Days before expiry from which an exception is shown as expiring soon.</summary>
    public const int SoonDays = 90;

    /// <summary>State on <see cref="ComplianceReport.ExceptionsJudgedOn"/>.</summary>
    public ExceptionState State { get; init; }

    /// <summary>Package id or prefix pattern.</summary>
    public required string Package { get; init; }

    /// <summary>Version range; null for every version.</summary>
    public string? Versions { get; init; }

    /// <summary>Justification.</summary>
    public required string Justification { get; init; }

    /// <summary>Approver.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Last valid day.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>Packages it accepted (<c>Id Version</c>), distinct and sorted.</summary>
    public required IReadOnlyList<string> AppliedTo { get; init; }
}

/// <summary>An SBOM file attached to the report.</summary>
/// <param name="FileName">File name, relative to the report's folder.</param>
/// <param name="Format">Detected format (e.g. <c>CycloneDX 1.6</c>, <c>SPDX-2.3</c>); <c>unknown</c> otherwise.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the file, lower-case hex.</param>
public sealed record SbomAttachment(string FileName, string Format, long Size, string Sha256);

/// <summary>Contributors from one e-mail domain.</summary>
/// <param name="Domain">E-mail domain (lower case); empty when the address has none.</param>
/// <param name="Contributors">Author names as git shows them, sorted.</param>
/// <param name="Commits">Commits authored from that domain.</param>
public sealed record ContributorOrganisation(string Domain, IReadOnlyList<string> Contributors, int Commits)
{
    /// <summary>The organisation publiccode.yml names for this domain (<c>organisation</c>, <c>fundedBy</c> by their URI's host); null when none matches.</summary>
    public string? Organisation { get; init; }

    /// <summary>A personal webmail domain (gmail.com, orange.fr…): its contributors are individuals, not an organisation.</summary>
    public bool IsWebmail { get; init; }
}

/// <summary>Contributors found in git history.</summary>
public sealed class ContributorSummary
{
    /// <summary>Whether the checked folder is in a git repository.</summary>
    public required bool IsGitRepository { get; init; }

    /// <summary>Commits in the history of HEAD.</summary>
    public int Commits { get; init; }

    /// <summary>Organisations, most commits first, then by domain (ordinal).</summary>
    public IReadOnlyList<ContributorOrganisation> Organisations { get; init; } = Array.Empty<ContributorOrganisation>();

    /// <summary>Organisations that contribute: domains that are neither personal webmail nor empty.</summary>
    public int OrganisationCount => Organisations.Count(o => !o.IsWebmail && o.Domain.Length > 0);

    /// <summary>No git repository.</summary>
    public static ContributorSummary None { get; } = new() { IsGitRepository = false };
}

/// <summary>A contribution to an upstream free-software project, declared in <c>publiccode-report.json</c>.</summary>
/// <param name="Project">Upstream project name.</param>
/// <param name="Url">Link to the contribution (merge request, commit, issue).</param>
/// <param name="Description">What was contributed.</param>
/// <param name="Date">When (<c>YYYY-MM-DD</c>), when given.</param>
public sealed record UpstreamContribution(string Project, string Url, string? Description, string? Date);

/// <summary>The policy applied.</summary>
public sealed class PolicySummary
{
    /// <summary>Preset name (<c>osi</c>, <c>fr-administration</c>…).</summary>
    public required string Preset { get; init; }

    /// <summary>Policy file relative to the base directory; null for the built-in policy.</summary>
    public string? File { get; init; }

    /// <summary>Scopes whose findings fail the check.</summary>
    public required IReadOnlyList<DependencyScope> EnforcedScopes { get; init; }

    /// <summary>Whether unknown licences fail the check.</summary>
    public required bool FailOnUnknown { get; init; }

    /// <summary>Licences added to the preset.</summary>
    public IReadOnlyList<string> Allow { get; init; } = Array.Empty<string>();

    /// <summary>Licences removed from the preset.</summary>
    public IReadOnlyList<string> Deny { get; init; } = Array.Empty<string>();
}

/// <summary>How to reproduce the report.</summary>
public sealed class VerificationInfo
{
    /// <summary>Whether the command runs from a git repository's root (else from the checked folder).</summary>
    public required bool BaseIsRepositoryRoot { get; init; }

    /// <summary>The <c>publiccode check</c> command, run from the base directory, that reproduces the verdicts.</summary>
    public required string Command { get; init; }

    /// <summary>Commit checked, when in git (full hash).</summary>
    public string? Commit { get; init; }

    /// <summary>The summary line the command prints when the result is reproduced.</summary>
    public required string ExpectedSummary { get; init; }

    /// <summary>The exit code the command returns when the result is reproduced.</summary>
    public required int ExpectedExitCode { get; init; }
}
