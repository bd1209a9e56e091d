// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PublicCodePolicy.Build.Tests;

/// <summary>Issue 13: every message of the task exists in English and French, with the same placeholders.</summary>
public sealed class StringsResourcesTests
{
    private static IReadOnlyDictionary<string, string> Read(string suffix)
        => XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Build", "Strings" + suffix + ".resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static IEnumerable<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    [Fact]
    public void FrenchAndEnglish_HaveTheSameKeys_Placeholders_AndAreTranslated()
    {
        var en = Read(string.Empty);
        var fr = Read(".fr");
        Assert.Empty(en.Keys.Except(fr.Keys, StringComparer.Ordinal));
        Assert.Empty(fr.Keys.Except(en.Keys, StringComparer.Ordinal));
        foreach (var (key, english) in en)
        {
            Assert.Equal(Placeholders(english), Placeholders(fr[key]));
            if (english.Split(' ').Length >= 3) Assert.True(english != fr[key], key + " is not translated: " + english);
        }
    }

    [Fact]
    public void EveryMessageTheTaskNames_IsInTheResources()
    {
        var en = Read(string.Empty);
        var code = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Build", "Strings.cs"));
        var named = Regex.Matches(code, @"Format\(nameof\((\w+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(named.Length >= 15, "expected the task to name at least 15 messages; found " + named.Length);
        Assert.All(named, key => Assert.True(en.ContainsKey(key), key + " is named in Strings.cs but missing from Strings.resx"));
    }
}
