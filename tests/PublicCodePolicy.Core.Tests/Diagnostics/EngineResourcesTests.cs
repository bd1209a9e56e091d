// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Core.Tests.Diagnostics;

/// <summary>Issue 13: the engine's reasons, findings and remedies exist in English and French, and render in the reader's language.</summary>
public sealed class EngineResourcesTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    internal static IReadOnlyDictionary<string, string> Read(string suffix)
        => XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Diagnostics", "EngineResources" + suffix + ".resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void FrenchAndEnglish_HaveTheSameKeys_AndTheSamePlaceholders()
    {
        var en = Read(string.Empty);
        var fr = Read(".fr");
        Assert.Empty(en.Keys.Except(fr.Keys, StringComparer.Ordinal));
        Assert.Empty(fr.Keys.Except(en.Keys, StringComparer.Ordinal));
        Assert.Equal(en.Keys.OrderBy(k => k, StringComparer.Ordinal), EngineText.Keys());
        foreach (var (key, english) in en)
        {
            Assert.Equal(Placeholders(english), Placeholders(fr[key]));
            if (english.Split(' ').Length >= 3) Assert.True(english != fr[key], key + " is not translated: " + english);
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().OrderBy(x => x, StringComparer.Ordinal);

    [Fact]
    public void EveryKeyTheSourcesName_Exists()
    {
        var en = Read(string.Empty);
        var src = Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core");
        var named = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"EngineText\.Of\(""([^""]+)""[,)]").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.True(named.Length > 40, "expected the engine to name more than 40 texts; found " + named.Length);
        Assert.All(named, key => Assert.True(en.ContainsKey(key), key + " is named in the code but missing from EngineResources.resx"));
        // Keys the engine builds from a name.
        foreach (var scope in Enum.GetValues<DependencyScope>()) Assert.True(en.ContainsKey("Scope." + scope.ToName()), scope.ToString());
    }

    private static LicenseVerdict Eval(string expression, PolicyPreset preset = PolicyPreset.Osi)
    {
        Assert.True(LicenseList.Default.TryParse(expression, out var e, out _), expression);
        return new LicenseEvaluator(new PolicyDocument { Preset = preset }).Evaluate(e!);
    }

    [Theory]
    [InlineData("LicenseRef-MICROSOFT-NET-LIBRARY", PolicyPreset.Osi, "LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence.", "LicenseRef-MICROSOFT-NET-LIBRARY n'est pas une licence libre.")]
    [InlineData("NOASSERTION", PolicyPreset.Osi, "No licence could be determined (NOASSERTION).", "Aucune licence n'a pu être établie (NOASSERTION).")]
    [InlineData("MIT", PolicyPreset.Osi, "MIT is OSI-approved.", "MIT est approuvée par l'OSI.")]
    [InlineData("ISC", PolicyPreset.FrAdministration, "ISC is not on the French administration list (CRPA D323-2-1).", "ISC ne figure pas sur la liste des licences de l'administration (article D. 323-2-1 du CRPA).")]
    [InlineData("CC-BY-NC-4.0 OR Apache-2.0", PolicyPreset.Osi, "Choice of Apache-2.0: Apache-2.0 is OSI-approved.", "Licence au choix, Apache-2.0 retenue : Apache-2.0 est approuvée par l'OSI.")]
    [InlineData("MIT AND CECILL-B", PolicyPreset.Osi, "All of MIT AND CECILL-B apply, and CECILL-B is not OSI-approved.", "Les licences MIT AND CECILL-B s'appliquent toutes, or CECILL-B n'est pas approuvée par l'OSI.")]
    [InlineData("CECILL-B OR CC-BY-NC-4.0", PolicyPreset.Osi, "No branch of the choice is allowed: CECILL-B is not OSI-approved. CC-BY-NC-4.0 is not OSI-approved.", "Aucune des licences proposées au choix n'est autorisée : CECILL-B n'est pas approuvée par l'OSI. CC-BY-NC-4.0 n'est pas approuvée par l'OSI.")]
    public void Reasons_RenderInEnglishAndFrench(string expression, PolicyPreset preset, string english, string french)
    {
        var v = Eval(expression, preset);
        Assert.Equal(english, v.Reason);
        Assert.Equal(english, v.ReasonText!.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(english, v.ReasonText.ToString(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(french, v.ReasonText.ToString(French));
        Assert.Equal(french, v.ReasonText.ToString(CultureInfo.GetCultureInfo("fr")));
    }

    [Fact]
    public void EveryPreset_HasItsOwnFrenchSentences()
    {
        foreach (var preset in Enum.GetValues<PolicyPreset>())
        {
            foreach (var v in new[] { Eval("MIT", preset), Eval("CC-BY-NC-4.0", preset) })
            {
                var fr = v.ReasonText!.ToString(French);
                Assert.NotEqual(v.Reason, fr);
                Assert.StartsWith(v.Reason.Split(' ')[0] + " ", fr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void UnknownKey_IsRefused()
        => Assert.Throws<System.Resources.MissingManifestResourceException>(() => EngineText.Of("No.Such.Key"));

    [Fact]
    public void Verbatim_AndInputs_AreNotTranslated()
    {
        var t = EngineText.Of("Reason.CustomRule", "ACME001", EngineText.Verbatim("Vendor Foo is forbidden."));
        Assert.Equal("ACME001: Vendor Foo is forbidden.", t.ToString());
        Assert.Equal("ACME001 : Vendor Foo is forbidden.", t.ToString(French));
    }
}

/// <summary>The resolver's own notes reach the reader in their language; the English note (JSON, SBOMs) is unchanged.</summary>
public sealed class ResolverNoteLanguageTests
{
    [Fact]
    public void NoLicence_NoteIsEnglishInNote_AndFrenchInNoteText()
    {
        var metadata = new PublicCodePolicy.Graph.PackageMetadata { Id = "Sans.Licence", Version = "1.0.0", NuspecPath = "sans.licence.nuspec", LicenseKind = PublicCodePolicy.Graph.DeclaredLicenseKind.None };
        var resolution = new PublicCodePolicy.Licensing.LicenseResolver().Resolve(metadata);
        Assert.Equal("The package declares no licence (licence files were not read).", resolution.Note);
        Assert.NotNull(resolution.NoteText);
        Assert.Equal(resolution.Note, resolution.NoteText!.ToString());
        Assert.Equal("Le paquet ne déclare aucune licence (les fichiers de licence n'ont pas été lus).", resolution.NoteText.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr", predefinedOnly: false)));
    }
}
