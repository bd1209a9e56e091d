// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Core.Tests.Report;

/// <summary>Issue 13: every report text exists in French and in English, and the French is not the English.</summary>
public sealed class ReportResourcesTests
{
    private static string ResxPath(string suffix) => Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Report", "ReportResources" + suffix + ".resx");

    internal static IReadOnlyDictionary<string, string> Read(string suffix)
        => XDocument.Load(ResxPath(suffix)).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void FrenchAndEnglish_HaveTheSameKeys()
    {
        var en = Read(string.Empty);
        var fr = Read(".fr");
        Assert.Empty(en.Keys.Except(fr.Keys, StringComparer.Ordinal));
        Assert.Empty(fr.Keys.Except(en.Keys, StringComparer.Ordinal));
        Assert.True(en.Count > 200, "the report has more than 200 texts; found " + en.Count);
    }

    [Fact]
    public void EveryTypedText_ResolvesInBothLanguages_FromItsOwnFile()
    {
        var en = Read(string.Empty);
        var fr = Read(".fr");
        foreach (var language in new[] { ReportLanguage.French, ReportLanguage.English })
        {
            var t = ReportTexts.For(language);
            var file = language == ReportLanguage.French ? fr : en;
            foreach (var p in typeof(ReportTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.Name != "Lang" && p.Name != "Colon"))
            {
                // The property reads the key of its own name from the language's own file (no silent fallback to English).
                Assert.True(file.ContainsKey(p.Name), p.Name + " has no key in " + language);
                Assert.Equal(file[p.Name], (string)p.GetValue(t)!);
            }
            foreach (var family in LicenseFamilies.Keys)
            {
                var f = t.Family(family);
                Assert.Equal(file["Family." + family + ".Title"], f.Title);
                Assert.False(string.IsNullOrWhiteSpace(f.What + f.Why + f.Do));
            }
        }
    }

    [Fact]
    public void FrenchSentences_AreNotTheEnglishOnes_AndFormatsKeepTheirPlaceholders()
    {
        var en = Read(string.Empty);
        var fr = Read(".fr");
        foreach (var (key, english) in en)
        {
            var placeholders = Regex.Matches(english, @"\{\d+\}").Select(m => m.Value).Distinct().OrderBy(x => x, StringComparer.Ordinal);
            Assert.Equal(placeholders, Regex.Matches(fr[key], @"\{\d+\}").Select(m => m.Value).Distinct().OrderBy(x => x, StringComparer.Ordinal));
            if (english.Split(' ').Length >= 4) Assert.True(english != fr[key], key + " is not translated: " + english);
        }
    }

    [Theory]
    [InlineData("LicenseRef-MICROSOFT-NET-LIBRARY", "dotnet-library")]
    [InlineData("LicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS", "microsoft-software")]
    [InlineData("BUSL-1.1", "source-available")]
    [InlineData("MIT AND SSPL-1.0", "source-available")]
    [InlineData("CC-BY-NC-SA-4.0", "cc-noncommercial")]
    [InlineData("CC-BY-ND-4.0", "cc-noderivatives")]
    [InlineData("JSON", "field-of-use")]
    [InlineData("LicenseRef-Proprietary", "proprietary")]
    [InlineData("LicenseRef-Acme-Commercial", "proprietary")]
    public void LicenceFamilies_AreRecognised(string license, string family)
        => Assert.Equal(family, LicenseFamilies.Of(license, PublicCodePolicy.Policy.Verdict.Denied));

    [Fact]
    public void LicenceFamilies_LeaveFreeLicencesDeniedByPolicyUnexplained()
    {
        Assert.Null(LicenseFamilies.Of("GPL-3.0-only", PublicCodePolicy.Policy.Verdict.Denied));
        Assert.Equal("unknown", LicenseFamilies.Of("NOASSERTION", PublicCodePolicy.Policy.Verdict.Unknown));
    }

    [Theory]
    [InlineData("System.Net.Http", "4.3.4", "net10.0", RemedyKind.RemoveInboxReference)]
    [InlineData("System.Net.Http", "4.3.4", "net8.0", null)]
    [InlineData("System.Net.Http", "4.3.4", "net472", null)]
    [InlineData("System.Text.Json", "99.0.0", "net10.0", null)]
    [InlineData("FluentAssertions", "8.0.0", "net10.0", RemedyKind.UseFreeVersion)]
    [InlineData("FluentAssertions", "7.2.0", "net10.0", null)]
    public void Remedies_ComeFromTheFrameworkListOrTheCuratedTable(string id, string version, string framework, RemedyKind? expected)
    {
        var remedy = RemedyFinder.Find(id, version, isDirect: true, Array.Empty<string>(), new[] { framework });
        Assert.Equal(expected, remedy?.Kind);
        if (remedy != null) Assert.StartsWith("https://", remedy.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Remedy_ForATransitivePackage_ActsOnTheOneReferenceThatBringsIt()
    {
        var remedy = RemedyFinder.Find("runtime.native.System", "4.3.0", isDirect: false, new[] { "System.Net.Http 4.3.4" }, new[] { "net10.0" });
        Assert.Equal("System.Net.Http 4.3.4", remedy?.Reference);
        Assert.Null(RemedyFinder.Find("runtime.native.System", "4.3.0", isDirect: false, new[] { "System.Net.Http 4.3.4", "Other 1.0.0" }, new[] { "net10.0" }));
    }
}
