// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublicCodePolicy.Licensing.Text;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 15: every notice phrase of the product (src/PublicCodePolicy.Core/Data/license-notices.json) against evidence
/// kept here, apart from the product: the SPDX list's own name or identifier of the licence, an SPDX list text that
/// contains the phrase, the stored real licence file of a package, or (for proprietary terms, which no licence list
/// holds) a reason written by hand plus the check that matters for precision: the phrase occurs in no free licence
/// text of the SPDX list. Moving a phrase to another licence, or adding one without evidence, fails.
/// </summary>
public sealed class LicenseNoticeEvidenceTests
{
    public enum Evidence
    {
        /// <summary>The phrase names the licence by its SPDX list name or identifier (tests/data/spdx/licenses-3.28.0.json).</summary>
        SpdxName,

        /// <summary>The phrase occurs in the named SPDX list text (a public-domain dedication of the list).</summary>
        SpdxText,

        /// <summary>The phrase occurs in the stored licence file of a real package (tests/data/licences/package-files).</summary>
        StoredFile,

        /// <summary>No list holds it: a reason written by hand, and the phrase is absent from every free licence text of the list.</summary>
        Reasoned,
    }

    /// <summary>(licence, kind, phrase) → evidence kind and its source (SPDX id, stored file, or reason).</summary>
    internal static readonly (string License, string Kind, string Phrase, Evidence Evidence, string Source)[] Expected =
    {
        ("CC-BY-4.0", "notice", "licensed under a Creative Commons Attribution 4.0 International License", Evidence.SpdxName, "CC-BY-4.0"),
        ("CC-BY-4.0", "notice", "licensed under the Creative Commons Attribution 4.0 International License", Evidence.SpdxName, "CC-BY-4.0"),
        ("CC-BY-4.0", "notice", "licensed under CC BY 4.0", Evidence.SpdxName, "CC-BY-4.0"),
        ("CC-BY-4.0", "notice", "licensed under CC-BY-4.0", Evidence.SpdxName, "CC-BY-4.0"),
        ("CC-BY-4.0", "notice", "available under the Creative Commons Attribution 4.0 International License", Evidence.SpdxName, "CC-BY-4.0"),
        ("CC-BY-SA-4.0", "notice", "licensed under a Creative Commons Attribution-ShareAlike 4.0 International License", Evidence.SpdxName, "CC-BY-SA-4.0"),
        ("CC-BY-SA-4.0", "notice", "licensed under the Creative Commons Attribution-ShareAlike 4.0 International License", Evidence.SpdxName, "CC-BY-SA-4.0"),
        ("CC-BY-SA-4.0", "notice", "licensed under CC BY-SA 4.0", Evidence.SpdxName, "CC-BY-SA-4.0"),
        ("CC0-1.0", "notice", "has waived all copyright and related or neighboring rights to", Evidence.Reasoned, "the notice Creative Commons publishes for applying CC0 (\"To the extent possible under law, <name> has waived all copyright and related or neighboring rights to <work>\"); the CC0 legal code itself words the waiver differently"),
        ("CC0-1.0", "notice", "licensed under CC0 1.0 Universal", Evidence.SpdxName, "CC0-1.0"),
        ("CC0-1.0", "notice", "dedicated to the public domain under CC0 1.0", Evidence.SpdxName, "CC0-1.0"),
        ("LicenseRef-PublicDomain", "public-domain", "released into the public domain", Evidence.SpdxText, "Unlicense"),
        ("LicenseRef-PublicDomain", "public-domain", "dedicated to the public domain", Evidence.Reasoned, "a dedication in the author's own words; in the SPDX list it occurs only inside the CC BY 4.0 family texts (a different sense), which are never short notices"),
        ("LicenseRef-PublicDomain", "public-domain", "placed in the public domain", Evidence.SpdxText, "SAX-PD"),
        ("LicenseRef-PublicDomain", "public-domain", "placed into the public domain", Evidence.SpdxText, "GCR-docs"),
        ("LicenseRef-PublicDomain", "public-domain", "put into the public domain", Evidence.Reasoned, "wording variant of \"placed into the public domain\" (SPDX GCR-docs)"),
        ("LicenseRef-PublicDomain", "public-domain", "is in the public domain", Evidence.SpdxText, "NCBI-PD"),
        ("LicenseRef-PublicDomain", "public-domain", "is public domain", Evidence.SpdxText, "libselinux-1.0"),
        ("LicenseRef-PublicDomain", "public-domain", "dedicate this work to the public domain", Evidence.Reasoned, "first-person form of a dedication; the CC-PDDC text of the list is the certification form of the same act"),
        ("LicenseRef-PublicDomain", "public-domain", "dedicates this work to the public domain", Evidence.Reasoned, "third-person form of the line above"),
        ("LicenseRef-MICROSOFT-NET-LIBRARY", "proprietary", "MICROSOFT SOFTWARE LICENSE TERMS MICROSOFT .NET LIBRARY", Evidence.StoredFile, "microsoft.netcore.platforms.1.1.0/dotnet_library_license.txt"),
        ("LicenseRef-MICROSOFT-NET-LIBRARY", "proprietary", "MICROSOFT .NET LIBRARY LICENSE TERMS", Evidence.Reasoned, "title order used by later copies of the same terms (product name first); no free licence names Microsoft's library"),
        ("LicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS", "proprietary", "MICROSOFT SOFTWARE LICENSE TERMS", Evidence.StoredFile, "microsoft.netcore.platforms.1.1.0/dotnet_library_license.txt"),
        ("LicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS", "proprietary", "These license terms are an agreement between Microsoft Corporation", Evidence.StoredFile, "microsoft.netcore.platforms.1.1.0/dotnet_library_license.txt"),
        ("LicenseRef-Proprietary", "proprietary", "END USER LICENSE AGREEMENT", Evidence.SpdxText, "IEC-Code-Components-EULA"),
        ("LicenseRef-Proprietary", "proprietary", "END-USER LICENSE AGREEMENT", Evidence.SpdxText, "IEC-Code-Components-EULA"),
        ("LicenseRef-Proprietary", "proprietary", "EULA", Evidence.SpdxText, "IEC-Code-Components-EULA"),
        ("LicenseRef-Proprietary", "proprietary", "proprietary and confidential", Evidence.Reasoned, "the usual closed-source file header (\"Unauthorized copying of this file, via any medium is strictly prohibited. Proprietary and confidential\")"),
        ("LicenseRef-Proprietary", "proprietary", "this software is proprietary", Evidence.Reasoned, "states the terms are proprietary"),
        ("LicenseRef-Proprietary", "proprietary", "unauthorized copying of this file via any medium is strictly prohibited", Evidence.Reasoned, "the usual closed-source file header: copying forbidden"),
        ("LicenseRef-Proprietary", "proprietary", "you may not copy modify distribute", Evidence.Reasoned, "forbids the three acts every free licence grants"),
        ("LicenseRef-Proprietary", "proprietary", "may not be reproduced or distributed without", Evidence.Reasoned, "forbids reproduction and distribution without permission"),
        ("LicenseRef-Proprietary", "proprietary", "Microsoft APIs Terms of Use", Evidence.Reasoned, "the title of Microsoft's terms for its online APIs, which Microsoft.Graph.Communications.Core 1.2.0.18742 ships as its LICENSE.txt (tests/PublicCodePolicy.Core.Tests/Licensing/Corpus); terms of use of a service, no free licence"),
        ("LicenseRef-Proprietary", "reserved", "all rights reserved", Evidence.Reasoned, "reserves every right and grants none; only a proprietary conclusion when none of the free-licence grant words (\"unless\") occurs"),
    };

    private static readonly Lazy<IReadOnlyDictionary<string, (string Text, bool Free, string Name)>> s_list = new(LoadList);

    private static readonly Regex s_tags = new("<[^>]+>", RegexOptions.CultureInvariant);

    /// <summary>Words only, lower case, licence/license alike: written here, not taken from the product's tokenizer.</summary>
    internal static string Words(string s)
    {
        var sb = new StringBuilder(" ");
        foreach (char c in s_tags.Replace(s, " ").ToLowerInvariant().Replace("licence", "license", StringComparison.Ordinal))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb[^1] != ' ') sb.Append(' ');
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    private static string Compact(string s) => Words(s).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, (string Text, bool Free, string Name)> LoadList()
    {
        var flags = new Dictionary<string, (bool Free, string Name)>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "spdx", "licenses-3.28.0.json"))))
        {
            foreach (var l in doc.RootElement.GetProperty("licenses").EnumerateArray())
            {
                bool free = l.GetProperty("isOsiApproved").GetBoolean() || (l.TryGetProperty("isFsfLibre", out var f) && f.GetBoolean());
                flags[l.GetProperty("licenseId").GetString()!] = (free, l.GetProperty("name").GetString()!);
            }
        }
        var map = new Dictionary<string, (string, bool, string)>(StringComparer.Ordinal);
        foreach (var entry in SpdxTemplateText.Licenses.Where(e => !e.IsException))
        {
            var (free, name) = flags.TryGetValue(entry.Id, out var x) ? x : (false, entry.Id);
            map[entry.Id] = (Words(File.ReadAllText(entry.Path)), free, name);
        }
        return map;
    }

    private static List<(string License, string Kind, string Phrase)> ProductRows(out List<string> unless)
    {
        var rows = new List<(string, string, string)>();
        unless = new List<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "license-notices.json")));
        foreach (var row in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            foreach (var p in row.GetProperty("phrases").EnumerateArray()) rows.Add((row.GetProperty("license").GetString()!, row.GetProperty("kind").GetString()!, p.GetString()!));
            if (row.TryGetProperty("unless", out var u)) unless.AddRange(u.EnumerateArray().Select(e => e.GetString()!));
        }
        return rows;
    }

    [Fact]
    public void ProductPhrases_AreExactlyTheEvidencedOnes()
    {
        var product = ProductRows(out _).Select(r => r.License + " | " + r.Kind + " | " + r.Phrase).Order(StringComparer.Ordinal).ToArray();
        var expected = Expected.Select(r => r.License + " | " + r.Kind + " | " + r.Phrase).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, product);
    }

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Expected.Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Phrase_IsConfirmedByItsEvidence(int index)
    {
        var (license, kind, phrase, evidence, source) = Expected[index];
        string words = Words(phrase);
        switch (evidence)
        {
            case Evidence.SpdxName:
                Assert.Equal(license, source);
                var (_, _, name) = s_list.Value[source];
                Assert.True(Compact(phrase).Contains(Compact(name), StringComparison.Ordinal) || Compact(phrase).Contains(Compact(source), StringComparison.Ordinal), phrase + " does not name " + name);
                break;
            case Evidence.SpdxText:
                Assert.Contains(words, s_list.Value[source].Text, StringComparison.Ordinal);
                break;
            case Evidence.StoredFile:
                Assert.Contains(words, Words(File.ReadAllText(Path.Combine(TestPaths.TestData, "licences", "package-files", source))), StringComparison.Ordinal);
                break;
            case Evidence.Reasoned:
                Assert.True(source.Length > 20, "a reason is required");
                break;
        }
        // Proprietary phrases apply to texts of any length: none may occur in a free licence of the list.
        if (kind == "proprietary")
        {
            var free = s_list.Value.Where(kv => kv.Value.Free && kv.Value.Text.Contains(words, StringComparison.Ordinal)).Select(kv => kv.Key).ToArray();
            Assert.True(free.Length == 0, phrase + " occurs in free licences: " + string.Join(", ", free));
        }
        // And the product, given the phrase as a short notice, concludes the expected licence.
        Assert.Equal(license, LicenseTextMatcher.Shared.Analyze("Notice.\n" + phrase + ".\n").Expression.ToString());
    }

    [Fact]
    public void ReservedRow_EveryUnlessPhraseIsAGrantOfFreeLicences()
    {
        // "All rights reserved" is not proprietary when a grant follows: each "unless" phrase must be grant wording
        // found in at least five OSI-approved or FSF-free licence texts of the list.
        ProductRows(out var unless);
        Assert.Equal(9, unless.Count);
        foreach (var p in unless)
        {
            int count = s_list.Value.Count(kv => kv.Value.Free && kv.Value.Text.Contains(Words(p), StringComparison.Ordinal));
            Assert.True(count >= 5, p + ": " + count);
        }
    }

    [Fact]
    public void StoredMicrosoftTerms_AreTheNetLibraryLicence()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.TestData, "licences", "package-files", "microsoft.netcore.platforms.1.1.0", "dotnet_library_license.txt"));
        Assert.Equal("LicenseRef-MICROSOFT-NET-LIBRARY", LicenseTextMatcher.Shared.Analyze(text).Expression.ToString());
    }
}
