// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Merge;

namespace PublicCodePolicy.Tests.Merging;

/// <summary>
/// Issue 15: every combination of verdicts a package version can have in two (and three) repositories, with the
/// merged verdict written out by hand: the worst wins, in the order denied, unknown, excepted, allowed.
/// </summary>
public sealed class ResultMergerVerdictTests
{
    private static readonly string[] s_verdicts = { "allowed", "excepted", "unknown", "denied" };

    private static (RepositoryResult, IReadOnlyList<(string Id, string Version, string License, string Verdict, string Scope)>) Repo(string name, bool passed, params (string Id, string Version, string License, string Verdict, string Scope)[] packages)
        => (new RepositoryResult(name, "0.1.0", "3.28.0", "osi", passed, 1, packages.Length, 0, 0, 0, 0, 0), packages);

    private static string LicenceFor(string verdict) => verdict switch
    {
        "allowed" => "MIT",
        "excepted" => "LicenseRef-Excepted",
        "unknown" => "NOASSERTION",
        _ => "LicenseRef-Proprietary",
    };

    /// <summary>(first repository's verdict, second's, merged): all 16 ordered pairs.</summary>
    public static TheoryData<string, string, string> Pairs() => new()
    {
        { "allowed", "allowed", "allowed" },
        { "allowed", "excepted", "excepted" },
        { "allowed", "unknown", "unknown" },
        { "allowed", "denied", "denied" },
        { "excepted", "allowed", "excepted" },
        { "excepted", "excepted", "excepted" },
        { "excepted", "unknown", "unknown" },
        { "excepted", "denied", "denied" },
        { "unknown", "allowed", "unknown" },
        { "unknown", "excepted", "unknown" },
        { "unknown", "unknown", "unknown" },
        { "unknown", "denied", "denied" },
        { "denied", "allowed", "denied" },
        { "denied", "excepted", "denied" },
        { "denied", "unknown", "denied" },
        { "denied", "denied", "denied" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TwoRepositories_WorstVerdictWins_WithItsLicence(string first, string second, string merged)
    {
        var report = ResultMerger.Merge(new[]
        {
            Repo("a", first is "allowed" or "excepted", ("Pkg", "1.0.0", LicenceFor(first), first, "runtime")),
            Repo("b", second is "allowed" or "excepted", ("pkg", "1.0.0", LicenceFor(second), second, "development")),
        });
        var p = Assert.Single(report.Packages);
        Assert.Equal(merged, p.Verdict);
        Assert.Equal(LicenceFor(merged), p.License);
        // The id keeps the first spelling met; both repositories and both scopes are kept.
        Assert.Equal("Pkg", p.Id);
        Assert.Equal(new[] { "a", "b" }, p.Repositories);
        Assert.Equal(new[] { "development", "runtime" }, p.Scopes);
        Assert.Equal(merged is "denied" or "unknown", report.Problems.Count == 1);
        Assert.Equal(first is "allowed" or "excepted" && second is "allowed" or "excepted", report.Passed);
    }

    [Fact]
    public void ThreeRepositories_EveryOrder_GiveTheSameWorst()
    {
        foreach (var a in s_verdicts)
        {
            foreach (var b in s_verdicts)
            {
                foreach (var c in s_verdicts)
                {
                    var report = ResultMerger.Merge(new[]
                    {
                        Repo("r1", true, ("P", "1.0.0", LicenceFor(a), a, "runtime")),
                        Repo("r2", true, ("P", "1.0.0", LicenceFor(b), b, "runtime")),
                        Repo("r3", true, ("P", "1.0.0", LicenceFor(c), c, "runtime")),
                    });
                    // Expected, computed here from the order the docs state.
                    string worst = new[] { a, b, c }.OrderByDescending(v => Array.IndexOf(s_verdicts, v)).First();
                    var p = Assert.Single(report.Packages);
                    Assert.Equal(worst, p.Verdict);
                    Assert.Equal(LicenceFor(worst), p.License);
                    Assert.Equal(3, p.Repositories.Count);
                }
            }
        }
    }

    [Fact]
    public void DifferentVersions_StayApart_AndSameNames_AreNumbered()
    {
        var report = ResultMerger.Merge(new[]
        {
            Repo("app", false, ("P", "1.0.0", "MIT", "allowed", "runtime"), ("Q", "2.0.0", "NOASSERTION", "unknown", "runtime")),
            Repo("app", true, ("P", "1.1.0", "LicenseRef-Proprietary", "denied", "runtime")),
            Repo("app", true),
        });
        Assert.Equal(new[] { "app", "app (2)", "app (3)" }, report.Repositories.Select(r => r.Name));
        Assert.Equal(new[] { ("P", "1.0.0", "allowed"), ("P", "1.1.0", "denied"), ("Q", "2.0.0", "unknown") }, report.Packages.Select(p => (p.Id, p.Version, p.Verdict)));
        Assert.Equal(new[] { "app" }, report.Packages[0].Repositories);
        Assert.Equal(new[] { "app (2)" }, report.Packages[1].Repositories);
        Assert.Equal(new[] { ("P", "1.1.0"), ("Q", "2.0.0") }, report.Problems.Select(p => (p.Id, p.Version)));
        Assert.False(report.Passed);
    }
}
