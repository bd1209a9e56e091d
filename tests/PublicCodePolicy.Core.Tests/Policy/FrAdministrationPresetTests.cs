// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests.FrenchPreset;

/// <summary>
/// Issue 15: the fr-administration preset (src/PublicCodePolicy.Core/Data/fr-administration.json) compared entry by
/// entry with the compiled French reference list (tests/data/licences/french-public-sector-licences.json, CRPA
/// art. D323-2-1 with the DINUM SPDX mapping), and the evaluator's verdict for each entry.
/// </summary>
public sealed class FrAdministrationPresetTests
{
    private static readonly Lazy<JsonDocument> s_reference = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "licences", "french-public-sector-licences.json"))));

    private static readonly Lazy<JsonDocument> s_preset = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "fr-administration.json"))));

    /// <summary>The decree's software families of one group, as the reference list maps them to SPDX.</summary>
    private static string[] Reference(string group) => s_reference.Value.RootElement.GetProperty("crpa_D323-2-1").GetProperty("software").GetProperty(group).EnumerateArray()
        .SelectMany(f => f.GetProperty("spdx").EnumerateArray().Select(e => e.GetString()!)).Order(StringComparer.Ordinal).ToArray();

    private static string[] Preset(string group) => s_preset.Value.RootElement.GetProperty(group).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("permissive")]
    [InlineData("reciprocal")]
    public void PresetGroup_IsExactlyTheReferenceGroup(string group)
    {
        Assert.Equal(Reference(group), Preset(group));
    }

    [Fact]
    public void Reference_HasTheDecreesFamilies()
    {
        // The decree names 9 families for software (7 in 2017, EUPL and EPL added in 2021): the reference must have them all.
        var families = s_reference.Value.RootElement.GetProperty("crpa_D323-2-1").GetProperty("software").EnumerateObject()
            .SelectMany(g => g.Value.EnumerateArray().Select(f => f.GetProperty("decree_name").GetString()!)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Apache", "Berkeley Software Distribution License", "CeCILL", "CeCILL-B", "Eclipse Public License", "European Union Public License", "GNU General Public License", "Massachusetts Institute of Technology License", "Mozilla Public License" }, families);
        Assert.Equal(16, Reference("permissive").Length + Reference("reciprocal").Length);
    }

    public static TheoryData<string> ReferenceIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Reference("permissive").Concat(Reference("reciprocal"))) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceIds))]
    public void EachReferenceEntry_IsAllowed_AndListed(string id)
    {
        Assert.True(LicenseList.Default.TryGetLicense(id, out var info) && !info.IsDeprecated, id + " must be a current SPDX identifier");
        Assert.Contains(id, PolicyPresets.FrenchAdministrationLicenses);
        Assert.Equal(Verdict.Allowed, new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.FrAdministration }).Evaluate(Parse(id)).Verdict);
    }

    [Fact]
    public void ListedSet_HasNothingElse()
    {
        Assert.Equal(Reference("permissive").Concat(Reference("reciprocal")).Order(StringComparer.Ordinal), PolicyPresets.FrenchAdministrationLicenses.Order(StringComparer.Ordinal));
    }

    [Theory]
    // Free licences outside the decree's families or versions: the preset must not allow them.
    [InlineData("ISC")]
    [InlineData("LGPL-2.1-only")]
    [InlineData("GPL-2.0-only")]
    [InlineData("EUPL-1.1")]
    [InlineData("CECILL-2.0")]
    [InlineData("MPL-1.1")]
    [InlineData("EPL-1.0")]
    [InlineData("etalab-2.0")]
    [InlineData("ODbL-1.0")]
    [InlineData("Unlicense")]
    public void LicenceOutsideTheSoftwareList_IsDenied(string id)
    {
        Assert.Equal(Verdict.Denied, new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.FrAdministration }).Evaluate(Parse(id)).Verdict);
    }

    [Theory]
    // "-or-later" of a listed -only licence includes the listed version; "+" reads as or-later.
    [InlineData("GPL-3.0+", Verdict.Allowed)]
    [InlineData("LGPL-3.0-or-later", Verdict.Allowed)]
    [InlineData("GPL-2.0-or-later", Verdict.Denied)]
    [InlineData("MIT OR ISC", Verdict.Allowed)]
    [InlineData("MIT AND ISC", Verdict.Denied)]
    public void Combinations(string expression, Verdict expected)
    {
        Assert.Equal(expected, new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.FrAdministration }).Evaluate(Parse(expression)).Verdict);
    }

    private static SpdxExpression Parse(string text)
    {
        Assert.True(LicenseList.Default.TryParse(text, out var e, out _), text);
        return e!;
    }
}
