// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Globalization;

namespace PublicCodePolicy.Cli.Tests.Hostile;

/// <summary>
/// Runs every case of <see cref="HostileCorpus"/> through the real command-line entry point, in process (fast): the
/// exit code is one the case allows, an error carries its PCP code, there is no internal error or stack trace, the
/// run ends in bounded time, and every guarded file (a previous output, a file that must not be written) is intact
/// with no temporary file left beside it.
/// </summary>
public sealed class HostileCorpusTests
{
    /// <summary>
    /// Longest a case may take before it counts as a hang. The slowest cases (a 6,000-package chain, 100,000 YAML keys)
    /// take a few seconds alone; the margin is for a machine busy with other test classes and builds.
    /// </summary>
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);

    public static IEnumerable<object[]> Cases => HostileCorpus.All.Select(c => new object[] { c.Id });

    [Fact]
    public void Corpus_HasEveryFamilyOfIssue16()
    {
        var families = HostileCorpus.All.GroupBy(c => c.Family).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(HostileCorpus.All.Count >= 250, "the corpus has " + HostileCorpus.All.Count.ToString(CultureInfo.InvariantCulture) + " cases");
        foreach (var family in new[] { "assets", "graph", "nuspec", "licence-file", "policy", "publiccode", "merge", "output", "usage", "injection" })
        {
            Assert.True(families.ContainsKey(family), "no case for " + family);
        }
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The README's table of the corpus states each family's number of cases and their total: they are this corpus's.</summary>
    [Fact]
    public void ReadmeTable_StatesEachFamilysNumberOfCases()
    {
        var readme = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var rows = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["assets files"] = "assets", ["nuspecs"] = "nuspec", ["licence files"] = "licence-file", ["policy files"] = "policy",
            ["publiccode.yml"] = "publiccode", ["merge inputs"] = "merge", ["output paths"] = "output", ["command line"] = "usage",
            ["terminal and Markdown injection"] = "injection", ["dependency graphs"] = "graph",
        };
        var families = HostileCorpus.All.GroupBy(c => c.Family).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(rows.Values.Order(StringComparer.Ordinal), families.Keys.Order(StringComparer.Ordinal));
        foreach (var (label, family) in rows)
        {
            var row = Assert.Single(readme, l => l.StartsWith("| " + label + " | ", StringComparison.Ordinal));
            var stated = row.Split('|')[2].Trim();
            Assert.True(families[family].ToString(CultureInfo.InvariantCulture) == stated, "README states " + stated + " " + label + " cases; the corpus has " + families[family].ToString(CultureInfo.InvariantCulture));
        }
        var total = HostileCorpus.All.Count.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(readme, l => l.StartsWith("Measured on this 2-core machine: " + total + " cases,", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string id)
    {
        var c = HostileCorpus.Find(id);
        using var world = new HostileWorld();
        var arrange = Stopwatch.StartNew();
        var args = c.Arrange(world);
        arrange.Stop();
        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => Cli.Run(args));
        var first = await Task.WhenAny(run, Task.Delay(s_limit));
        Assert.True(first == run, id + " did not end within " + s_limit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        watch.Stop();
        var r = await run;
        var all = r.StdOut + r.StdErr;
        string Explain() => id + " exited " + r.ExitCode.ToString(CultureInfo.InvariantCulture) + "\nstderr: " + Head(r.StdErr) + "\nstdout: " + Head(r.StdOut);

        Assert.True(c.Exits.Contains(r.ExitCode), "unexpected exit code: " + Explain());
        Assert.DoesNotContain("internal error", all, StringComparison.Ordinal);
        Assert.DoesNotContain("\n   at ", all, StringComparison.Ordinal);
        if (r.ExitCode == 2) Assert.True(r.StdErr.Contains("error PCP", StringComparison.Ordinal), "exit 2 without a PCP code: " + Explain());
        if (c.Code != null) Assert.True(all.Contains(c.Code, StringComparison.Ordinal), "expected " + c.Code + ": " + Explain());
        Assert.Empty(world.Damaged());
        c.Verify?.Invoke(world, r);
        Assert.True(arrange.Elapsed + watch.Elapsed < s_limit, id + ": arranging took " + arrange.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms, running " + watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
    }

    private static string Head(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}
