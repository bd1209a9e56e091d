// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

/// <summary>The counts of a check (each package once, with its worst verdict), whether it passed, and input errors.</summary>
public sealed class CheckResultSummaryTests
{
    private static PackageResult Package(string id, string version, Verdict verdict) => new()
    {
        Id = id,
        Version = version,
        Scope = DependencyScope.Runtime,
        IsDirect = true,
        Frameworks = new[] { "net10.0" },
        Dependencies = Array.Empty<string>(),
        License = new LicenseResolution { Concluded = Mit() },
        Verdict = verdict,
        Reason = "reason",
        Paths = Array.Empty<string>(),
        IntroducedBy = Array.Empty<string>(),
    };

    private static SpdxExpression Mit()
    {
        Assert.True(LicenseList.Default.TryParse("MIT", out var e, out _));
        return e!;
    }

    private static ProjectResult Project(string name, params PackageResult[] packages)
        => new() { Name = name, ProjectPath = "/src/" + name + "/" + name + ".csproj", Packages = packages, Loaded = true };

    private static Finding Finding(string ruleId, bool enforced)
        => new() { RuleId = ruleId, Severity = enforced ? FindingSeverity.Error : FindingSeverity.Warning, Message = ruleId, IsEnforced = enforced };

    private static CheckResult Result(IReadOnlyList<ProjectResult> projects, params Finding[] findings) => new()
    {
        ToolVersion = "1.0.0",
        LicenseListVersion = "3.27",
        Policy = PolicyDocument.Default,
        RootPath = "/src",
        Projects = projects,
        Findings = findings,
    };

    [Fact]
    public void Summary_CountsEachPackageOnce_WithItsWorstVerdict()
    {
        var result = Result(
            new[]
            {
                // "Shared" 1.0.0 is Allowed in A, Excepted in B, Denied in C: counted once, as Denied.
                Project("A", Package("Shared", "1.0.0", Verdict.Allowed), Package("Ok1", "1.0.0", Verdict.Allowed), Package("Maybe", "1.0.0", Verdict.Excepted)),
                Project("B", Package("shared", "1.0.0", Verdict.Excepted), Package("Maybe", "1.0.0", Verdict.Unknown), Package("Ok2", "1.0.0", Verdict.Allowed)),
                Project("C", Package("Shared", "1.0.0", Verdict.Denied), Package("Shared", "2.0.0", Verdict.Allowed), Package("Exc", "1.0.0", Verdict.Excepted)),
                Project("D", Package("Exc", "1.0.0", Verdict.Allowed), Package("U2", "1.0.0", Verdict.Unknown), Package("U3", "1.0.0", Verdict.Unknown)),
            },
            Finding("PCP0001", enforced: true), Finding("PCP0004", enforced: false), Finding("PCP0002", enforced: true));

        // Distinct: Shared 1.0.0 Denied, Ok1 Allowed, Maybe Unknown, Ok2 Allowed, Shared 2.0.0 Allowed, Exc Excepted, U2 and U3 Unknown.
        Assert.Equal(new CheckSummary(Projects: 4, Packages: 8, Allowed: 3, Denied: 1, Unknown: 3, Excepted: 1, EnforcedFindings: 2), result.Summary);
    }

    [Fact]
    public void Summary_OfAnEmptyCheck_IsZero()
    {
        Assert.Equal(new CheckSummary(0, 0, 0, 0, 0, 0, 0), Result(Array.Empty<ProjectResult>()).Summary);
    }

    [Fact]
    public void Passed_WhenNoFindingIsEnforced()
    {
        Assert.True(Result(Array.Empty<ProjectResult>()).Passed);
        Assert.True(Result(Array.Empty<ProjectResult>(), Finding("PCP0004", enforced: false)).Passed);
        Assert.False(Result(Array.Empty<ProjectResult>(), Finding("PCP0004", enforced: false), Finding("PCP0001", enforced: true)).Passed);
    }

    [Fact]
    public void HasInputErrors_OnlyForAnEnforcedConfigurationFinding()
    {
        Assert.False(Result(Array.Empty<ProjectResult>()).HasInputErrors);
        Assert.False(Result(Array.Empty<ProjectResult>(), Finding("PCP0001", enforced: true)).HasInputErrors);
        Assert.False(Result(Array.Empty<ProjectResult>(), Finding("PCP9004", enforced: false)).HasInputErrors);
        Assert.True(Result(Array.Empty<ProjectResult>(), Finding("PCP0001", enforced: true), Finding("PCP9004", enforced: true)).HasInputErrors);
        // An input error is also a failed check.
        Assert.False(Result(Array.Empty<ProjectResult>(), Finding("PCP9004", enforced: true)).Passed);
    }

    [Fact]
    public void ReasonIn_IsTranslated_WhenTheReasonHasAText()
    {
        var translated = new PackageResult
        {
            Id = "A", Version = "1.0.0", Scope = DependencyScope.Runtime, IsDirect = true, Frameworks = Array.Empty<string>(), Dependencies = Array.Empty<string>(),
            License = new LicenseResolution { Concluded = Mit() }, Verdict = Verdict.Allowed, Paths = Array.Empty<string>(), IntroducedBy = Array.Empty<string>(),
            Reason = "MIT is allowed by the policy's allow list.",
            ReasonText = EngineText.Of("Reason.AllowList", "MIT"),
        };

        Assert.Equal("MIT figure dans la liste des licences autorisées par la politique.", translated.ReasonIn(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("MIT is allowed by the policy's allow list.", translated.ReasonIn(CultureInfo.InvariantCulture));
        Assert.Equal("reason", Package("B", "1.0.0", Verdict.Allowed).ReasonIn(CultureInfo.GetCultureInfo("fr-FR")));
    }
}
