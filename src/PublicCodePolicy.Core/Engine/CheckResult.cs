// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Engine;

/// <summary>One package of one project, with its licence, verdict and how it got there.</summary>
public sealed class PackageResult
{
    /// <summary>Package id (as restored).</summary>
    public required string Id { get; init; }

    /// <summary>Resolved version.</summary>
    public required string Version { get; init; }

    /// <summary>Scope in this project.</summary>
    public required DependencyScope Scope { get; init; }

    /// <summary>Referenced directly by the project.</summary>
    public required bool IsDirect { get; init; }

    /// <summary>Target frameworks (and runtime identifiers) where the package is present.</summary>
    public required IReadOnlyList<string> Frameworks { get; init; }

    /// <summary>Packages this one depends on (<c>Id/Version</c>), sorted.</summary>
    public required IReadOnlyList<string> Dependencies { get; init; }

    /// <summary>SHA-512 of the .nupkg, lower-case hex; null when restore did not record it.</summary>
    public string? Sha512 { get; init; }

    /// <summary>Folder of the extracted package; null when it was not found.</summary>
    public string? PackageDirectory { get; init; }

    /// <summary>Nuspec metadata; null when the package was not found or its nuspec is unreadable.</summary>
    public PackageMetadata? Metadata { get; init; }

    /// <summary>The deprecation its source publishes; null when not deprecated or when the check ran offline.</summary>
    public PackageDeprecation? Deprecation { get; init; }

    /// <summary>Licence resolution with evidence.</summary>
    public required LicenseResolution License { get; init; }

    /// <summary>Verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Why (English: what the JSON outputs carry).</summary>
    public required string Reason { get; init; }

    /// <summary>Why, in any language the engine ships; null when the reason exists only in English.</summary>
    public EngineText? ReasonText { get; init; }

    /// <summary>The reason in the language of <paramref name="culture"/> (English when it has no translation).</summary>
    public string ReasonIn(System.Globalization.CultureInfo culture) => ReasonText?.ToString(culture) ?? Reason;

    /// <summary>The exception that accepted the package, if any.</summary>
    public PolicyException? AppliedException { get; init; }

    /// <summary>Shortest dependency path from the project, one per direct reference that brings it in.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>The direct references (packages or projects) that bring the package in.</summary>
    public required IReadOnlyList<string> IntroducedBy { get; init; }
}

/// <summary>The result for one project.</summary>
public sealed class ProjectResult
{
    /// <summary>Project name.</summary>
    public required string Name { get; init; }

    /// <summary>Full path of the project file.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>Assets file read; null when the project was not restored.</summary>
    public string? AssetsFilePath { get; init; }

    /// <summary>Whether it is a test project (its packages are in the test scope).</summary>
    public bool IsTestProject { get; init; }

    /// <summary>The project's version (restore metadata).</summary>
    public string? Version { get; init; }

    /// <summary>Targets of the assets file.</summary>
    public IReadOnlyList<string> TargetFrameworks { get; init; } = Array.Empty<string>();

    /// <summary>Project references (full paths), sorted.</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = Array.Empty<string>();

    /// <summary>Packages, sorted by id then version.</summary>
    public IReadOnlyList<PackageResult> Packages { get; init; } = Array.Empty<PackageResult>();

    /// <summary>True when the project could be read.</summary>
    public bool Loaded { get; init; }
}

/// <summary>Counts over a whole check.</summary>
public sealed record CheckSummary(int Projects, int Packages, int Allowed, int Denied, int Unknown, int Excepted, int EnforcedFindings);

/// <summary>The result of a check: every project, every finding, and what was used to decide.</summary>
public sealed class CheckResult
{
    /// <summary>Version of PublicCodePolicy.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>SPDX licence list version.</summary>
    public required string LicenseListVersion { get; init; }

    /// <summary>The policy applied.</summary>
    public required PolicyDocument Policy { get; init; }

    /// <summary>What was checked.</summary>
    public required string RootPath { get; init; }

    /// <summary>Projects, sorted by path.</summary>
    public required IReadOnlyList<ProjectResult> Projects { get; init; }

    /// <summary>Findings, sorted by project, package, rule.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>True when an input could not be read (a tool error rather than a policy failure).</summary>
    public bool HasInputErrors => Findings.Any(f => f.IsEnforced && RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration);

    /// <summary>True when no enforced finding remains.</summary>
    public bool Passed => !Findings.Any(f => f.IsEnforced);

    /// <summary>Counts; a package is counted once per distinct id and version, with its worst verdict.</summary>
    public CheckSummary Summary
    {
        get
        {
            var distinct = Projects.SelectMany(p => p.Packages)
                .GroupBy(p => (p.Id.ToLowerInvariant(), p.Version))
                .Select(g => g.Select(x => x.Verdict).OrderByDescending(Rank).First())
                .ToArray();
            return new CheckSummary(
                Projects.Count,
                distinct.Length,
                distinct.Count(v => v == Verdict.Allowed),
                distinct.Count(v => v == Verdict.Denied),
                distinct.Count(v => v == Verdict.Unknown),
                distinct.Count(v => v == Verdict.Excepted),
                Findings.Count(f => f.IsEnforced));
        }
    }

    private static int Rank(Verdict v) => v switch { Verdict.Denied => 3, Verdict.Unknown => 2, Verdict.Excepted => 1, _ => 0 };
}
