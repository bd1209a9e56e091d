// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Tests;

public sealed class RuleCatalogTests
{
    private static string RulesDir => Path.Combine(TestPaths.RepositoryRoot, "docs", "rules");

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var r in RuleCatalog.All) data.Add(r.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasADocsPageWithItsTitle_AndSections(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var page = Path.Combine(RulesDir, id + ".md");
        Assert.True(File.Exists(page), "Missing docs page " + page);
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + " - " + rule.Title + "\n", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## How to record a justified exception", "## Configuration" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
        Assert.Equal(rule.Category, RuleCatalog.CategoryOf(id));
        Assert.Equal(RuleCatalog.HelpBaseUri + id + ".md", rule.HelpUri);
    }

    [Fact]
    public void Identifiers_AreUniqueAndWellFormed()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^PCP[0-9]{4}$", id));
    }

    [Fact]
    public void Index_ListsEveryRulePage()
    {
        var index = File.ReadAllText(Path.Combine(RulesDir, "README.md"));
        foreach (var page in Directory.EnumerateFiles(RulesDir, "PCP*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var heading = File.ReadLines(page).First();
            var m = Regex.Match(heading, "^# (PCP[0-9]{4}) - (.+)$");
            Assert.True(m.Success, page + " must start with '# PCPxxxx - Title'");
            Assert.Equal(id, m.Groups[1].Value);
            Assert.Contains("[" + id + "](" + id + ".md) | " + m.Groups[2].Value + " |", index, StringComparison.Ordinal);
        }
    }
}
