// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Each decision of <see cref="LicenseResolver"/>, on a package folder written by the test and a text identifier
/// that knows a few fixed texts (so that the resolver's own logic, not the matcher, is what is checked).
/// </summary>
public sealed class LicenseResolverDecisionTests : IDisposable
{
    private static readonly CultureInfo s_french = CultureInfo.GetCultureInfo("fr-FR");

    private readonly TempDirectory _dir = new("resolver-decisions");

    public void Dispose() => _dir.Dispose();

    /// <summary>Knows texts by their exact content; anything else is not recognised.</summary>
    private sealed class FakeIdentifier : ILicenseTextIdentifier
    {
        private readonly Dictionary<string, LicenseTextMatch> _known = new(StringComparer.Ordinal);

        public FakeIdentifier Add(string text, string expression, double score = 1.0, string? note = null)
        {
            _known[text] = new LicenseTextMatch(expression == "NOASSERTION" ? SpdxExpression.NoAssertion : LicenseList.Default.TryParse(expression, out var e, out _) ? e! : throw new ArgumentException(expression), score, note);
            return this;
        }

        public LicenseTextMatch? Identify(string text) => _known.TryGetValue(text, out var m) ? m : null;
    }

    private static FakeIdentifier Texts() => new FakeIdentifier()
        .Add("mit text", "MIT")
        .Add("apache text", "Apache-2.0")
        .Add("isc text", "ISC", 0.95, "near-exact ISC")
        .Add("gpl3 text", "GPL-3.0-only")
        .Add("lgpl3 text", "LGPL-3.0-only")
        .Add("dual text", "MIT OR Apache-2.0")
        .Add("near text", "NOASSERTION", 0.7, "near match to MIT (0.70)");

    private PackageMetadata Package(DeclaredLicenseKind kind = DeclaredLicenseKind.None, string? license = null, string? url = null, string? origin = null, params (string Name, string Content)[] files)
    {
        foreach (var (name, content) in files) _dir.Write(name, content);
        return new PackageMetadata
        {
            Id = "Contoso.Lib",
            Version = "1.0.0",
            NuspecPath = Path.Combine(_dir.Path, "contoso.lib.nuspec"),
            Origin = origin,
            LicenseKind = kind,
            License = license,
            LicenseUrl = url,
        };
    }

    private static LicenseResolver Resolver(ILicenseTextIdentifier? identifier = null) => new(textIdentifier: identifier ?? Texts());

    // ---- declared expression ----

    [Fact]
    public void Expression_Valid_IsConcludedWithFullConfidenceAndNoNote()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.Expression, "MIT OR Apache-2.0"));
        Assert.Equal("MIT OR Apache-2.0", r.Concluded.ToString());
        Assert.Equal(LicenseSource.Expression, r.Source);
        Assert.Equal("MIT OR Apache-2.0", r.Declared);
        Assert.Equal("MIT OR Apache-2.0", r.Evidence);
        Assert.Equal(1.0, r.Confidence);
        Assert.Null(r.Note);
        Assert.Null(r.NoteText);
        Assert.False(r.IsNoAssertion);
    }

    [Fact]
    public void Expression_WithWarnings_KeepsOnlyTheWarningsInTheNote()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.Expression, "mit or Foo-1"));
        Assert.Equal("MIT OR Foo-1", r.Concluded.ToString());
        Assert.Equal(1.0, r.Confidence);
        Assert.Equal("Operator 'or' should be written in upper case. 'Foo-1' is not on the SPDX licence list.", r.Note);
    }

    [Fact]
    public void Expression_Invalid_IsNoAssertionWithTheParserErrorInBothLanguages()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.Expression, "MIT OR"));
        Assert.True(r.IsNoAssertion);
        Assert.Same(SpdxExpression.NoAssertion, r.Concluded);
        Assert.Equal(LicenseSource.Expression, r.Source);
        Assert.Equal("MIT OR", r.Declared);
        Assert.Equal("MIT OR", r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The declared expression is not valid SPDX: The expression ends where a licence was expected.", r.Note);
        Assert.Equal("The declared expression is not valid SPDX: The expression ends where a licence was expected.", r.NoteText!.ToString());
        Assert.Equal("L'expression déclarée n'est pas une expression SPDX valide : The expression ends where a licence was expected.", r.NoteText.ToString(s_french));
    }

    [Fact]
    public void Expression_InvalidWithWarningAndError_JoinsAllMessages()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.Expression, "MIT or"));
        Assert.Equal("The declared expression is not valid SPDX: Operator 'or' should be written in upper case. The expression ends where a licence was expected.", r.Note);
    }

    [Fact]
    public void Expression_None_IsConcludedAndIsNotNoAssertion()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.Expression, "NONE"));
        Assert.Same(SpdxExpression.None, r.Concluded);
        Assert.False(r.IsNoAssertion);
        Assert.Equal(1.0, r.Confidence);
    }

    [Fact]
    public void NullMetadata_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Resolver().Resolve(null!));
    }

    [Fact]
    public void Constructor_DefaultsToTheEmbeddedList()
    {
        Assert.Same(LicenseList.Default, new LicenseResolver().LicenseList);
    }

    // ---- declared file ----

    [Fact]
    public void File_OfAFetchedNuspec_IsNotOnThisMachine()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", origin: "https://api.nuget.org/v3-flatcontainer/contoso.lib/1.0.0/contoso.lib.nuspec"));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("LICENSE", r.Declared);
        Assert.Equal("LICENSE", r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The licence is a file inside the package, which is not on this machine; restore the project to read it.", r.Note);
        Assert.Equal("La licence est un fichier contenu dans le paquet, absent de ce poste ; restaurez le projet pour la lire.", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void File_Identified_IsConcludedWithTheMatchScoreAndNote()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "docs/LICENSE.txt", files: ("docs/LICENSE.txt", "isc text")));
        Assert.Equal("ISC", r.Concluded.ToString());
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("docs/LICENSE.txt", r.Declared);
        Assert.Equal("docs/LICENSE.txt", r.Evidence);
        Assert.Equal(0.95, r.Confidence);
        Assert.Equal("near-exact ISC", r.Note);
        Assert.Null(r.NoteText);
    }

    [Fact]
    public void File_PathLeavingThePackage_IsNotRead()
    {
        _dir.Write("outside.txt", "mit text");
        var sub = Path.Combine(_dir.Path, "pkg");
        Directory.CreateDirectory(sub);
        var metadata = new PackageMetadata { Id = "X", Version = "1.0.0", NuspecPath = Path.Combine(sub, "x.nuspec"), LicenseKind = DeclaredLicenseKind.File, License = "../outside.txt" };
        var r = Resolver().Resolve(metadata);
        Assert.True(r.IsNoAssertion);
        Assert.Equal("../outside.txt", r.Evidence);
        Assert.Equal("The licence file path leaves the package folder; it was not read.", r.Note);
    }

    [Fact]
    public void File_WithoutATextIdentifier_IsUnidentified()
    {
        var r = new LicenseResolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", "mit text")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("Unidentified licence file.", r.Note);
    }

    [Fact]
    public void File_Missing_SaysSo()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE.md"));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("The licence file is missing from the package folder or is too large.", r.Note);
    }

    [Fact]
    public void File_TooLarge_IsNotRead()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", new string('x', (int)LicenseResolver.MaxLicenseFileBytes + 1))));
        Assert.Equal("The licence file is missing from the package folder or is too large.", r.Note);
    }

    [Fact]
    public void File_AtTheSizeLimit_IsRead()
    {
        var text = new string('x', (int)LicenseResolver.MaxLicenseFileBytes);
        var r = Resolver(Texts().Add(text, "Zlib")).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", text)));
        Assert.Equal("Zlib", r.Concluded.ToString());
    }

    [Fact]
    public void File_NotRecognised_IsUnidentified()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", "some words")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("LICENSE", r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("Unidentified licence file.", r.Note);
    }

    [Fact]
    public void File_NearMatch_IsNoAssertionWithTheSimilarityAsConfidence()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", "near text")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(0.7, r.Confidence);
        Assert.Equal("near match to MIT (0.70)", r.Note);
    }

    [Fact]
    public void File_NamingAnotherFileThatAgrees_IsConfirmed()
    {
        var texts = Texts().Add("lgpl3 notice, please see COPYING.LESSER and COPYING. LICENSE-EXTRA-", "LGPL-3.0-or-later");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "NOTICE.txt",
            files: new[] { ("NOTICE.txt", "lgpl3 notice, please see COPYING.LESSER and COPYING. LICENSE-EXTRA-"), ("COPYING.LESSER", "lgpl3 text"), ("COPYING", "gpl3 text") }));
        Assert.Equal("LGPL-3.0-or-later", r.Concluded.ToString());
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("Confirmed by the files it names: COPYING (GPL-3.0-only), COPYING.LESSER (LGPL-3.0-only).", r.Note);
    }

    [Fact]
    public void File_NamingItself_IsNotReadAgain()
    {
        // The text names "LICENSE" (its own name) and "LICENSE.md", which the package does not ship.
        var texts = Texts().Add("MIT, see LICENSE and LICENSE.md", "MIT", 1.0, "exact");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", "MIT, see LICENSE and LICENSE.md")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal("exact", r.Note);
    }

    [Fact]
    public void File_NamingAFileThatDisagrees_IsNoAssertion()
    {
        var texts = Texts().Add("mit, see LICENSE.apache", "MIT", 1.0, "MIT notice");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see LICENSE.apache"), ("LICENSE.apache", "apache text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("MIT notice. LICENSE.apache, which the licence file names, is Apache-2.0: the files disagree; decide which governs and record a curation.", r.Note);
    }

    [Fact]
    public void File_NamingAFileThatIsNotIdentified_IsNoAssertion()
    {
        var texts = Texts().Add("mit, see COPYING", "MIT");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see COPYING"), ("COPYING", "unknown words") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("COPYING, which the licence file names, was not identified: read it and record a curation.", r.Note);
    }

    [Fact]
    public void File_NamingANearMatch_IsNoAssertion()
    {
        var texts = Texts().Add("mit, see COPYING", "MIT", 1.0, "mit");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see COPYING"), ("COPYING", "near text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("mit. COPYING, which the licence file names, was not identified: read it and record a curation.", r.Note);
    }

    [Fact]
    public void File_NamingAFileWithOneMoreLicence_Disagrees()
    {
        var texts = Texts().Add("mit, see COPYING", "MIT").Add("mit and apache text", "MIT AND Apache-2.0");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see COPYING"), ("COPYING", "mit and apache text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("COPYING, which the licence file names, is MIT AND Apache-2.0: the files disagree; decide which governs and record a curation.", r.Note);
    }

    [Fact]
    public void File_GplBesideAPlainGplNotice_IsNotTheLgplException()
    {
        // GPL-3.0 beside a notice is accepted only when the notice concluded the LGPL-3.0.
        var texts = Texts().Add("mit, see COPYING", "MIT");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see COPYING"), ("COPYING", "gpl3 text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("COPYING, which the licence file names, is GPL-3.0-only: the files disagree; decide which governs and record a curation.", r.Note);
    }

    [Fact]
    public void File_FamilyIgnoresOnlyOrLaterAndPlus()
    {
        var texts = Texts().Add("gpl2+ notice, see COPYING", "GPL-2.0+").Add("gpl2 text", "GPL-2.0-only");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "gpl2+ notice, see COPYING"), ("COPYING", "gpl2 text") }));
        Assert.Equal("GPL-2.0+", r.Concluded.ToString());
        Assert.Equal("Confirmed by the files it names: COPYING (GPL-2.0-only).", r.Note);
    }

    [Fact]
    public void File_WithException_ComparesTheLicenceFamily()
    {
        var texts = Texts().Add("gpl2 with classpath, see COPYING", "GPL-2.0-only WITH Classpath-exception-2.0").Add("gpl2 or later text", "GPL-2.0-or-later");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "gpl2 with classpath, see COPYING"), ("COPYING", "gpl2 or later text") }));
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", r.Concluded.ToString());
        Assert.Equal("Confirmed by the files it names: COPYING (GPL-2.0-or-later).", r.Note);
    }

    [Fact]
    public void File_ProprietaryTermsBesideACommercialAlternative_AreConsistent()
    {
        var texts = Texts().Add("lgpl or commercial, see LICENSE.commercial", "LGPL-3.0-only OR LicenseRef-Commercial").Add("eula text", "LicenseRef-Eula");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "lgpl or commercial, see LICENSE.commercial"), ("LICENSE.commercial", "eula text") }));
        Assert.Equal("LGPL-3.0-only OR LicenseRef-Commercial", r.Concluded.ToString());
        Assert.Equal("Confirmed by the files it names: LICENSE.commercial (LicenseRef-Eula).", r.Note);
    }

    [Fact]
    public void File_ProprietaryTermsBesideAFreeLicence_Disagree()
    {
        var texts = Texts().Add("mit, see LICENSE.commercial", "MIT").Add("eula text", "LicenseRef-Eula");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see LICENSE.commercial"), ("LICENSE.commercial", "eula text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("LICENSE.commercial, which the licence file names, is LicenseRef-Eula: the files disagree; decide which governs and record a curation.", r.Note);
    }

    [Fact]
    public void File_IdentifiedWithoutRemark_HasNoNote()
    {
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: ("LICENSE", "mit text")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(1.0, r.Confidence);
        Assert.Null(r.Note);
    }

    [Fact]
    public void File_NoteEndingWithAFullStop_IsJoinedWithOneFullStop()
    {
        var texts = Texts().Add("mit, see COPYING- and COPYING", "MIT", 1.0, "exact match.");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "mit, see COPYING- and COPYING"), ("COPYING", "mit text") }));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal("exact match. Confirmed by the files it names: COPYING (MIT).", r.Note);
    }

    [Fact]
    public void File_NearMatchNamingAnotherFile_KeepsTheNearMatch()
    {
        var texts = Texts().Add("almost mit, see COPYING", "NOASSERTION", 0.8, "near match to MIT (0.80)");
        var r = Resolver(texts).Resolve(Package(DeclaredLicenseKind.File, "LICENSE", files: new[] { ("LICENSE", "almost mit, see COPYING"), ("COPYING", "apache text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(0.8, r.Confidence);
        Assert.Equal("near match to MIT (0.80)", r.Note);
    }

    [Fact]
    public void File_SymbolicLinkLeavingThePackage_IsNotRead()
    {
        using var outside = new TempDirectory("resolver-outside");
        var target = outside.Write("MIT.txt", "mit text");
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "LICENSE"), target);
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE"));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.File, r.Source);
        Assert.Equal("The licence file is a symbolic link that leaves the package folder; it was not read.", r.Note);
    }

    [Fact]
    public void File_SymbolicLinkInsideThePackage_IsRead()
    {
        var target = _dir.Write("docs/MIT.txt", "mit text");
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "LICENSE"), target);
        var r = Resolver().Resolve(Package(DeclaredLicenseKind.File, "LICENSE"));
        Assert.Equal("MIT", r.Concluded.ToString());
    }

    // ---- no licence element: URL table and conventional files ----

    [Fact]
    public void Url_InTable_NoFiles_IsConcludedWithRowNote()
    {
        var r = Resolver().Resolve(Package(url: "https://spdx.org/licenses/0BSD.html"));
        Assert.Equal("0BSD", r.Concluded.ToString());
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal("https://spdx.org/licenses/0BSD.html", r.Declared);
        Assert.Equal("https://spdx.org/licenses/0BSD.html", r.Evidence);
        Assert.Equal(0.9, r.Confidence);
        Assert.Equal("SPDX identifier in the URL", r.Note);
    }

    [Fact]
    public void Url_InTable_ConfirmedByTheFile_HasFullConfidence()
    {
        var r = Resolver().Resolve(Package(url: "https://spdx.org/licenses/MIT.html", files: ("LICENSE", "mit text")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal(1.0, r.Confidence);
        Assert.Equal("SPDX identifier in the URL. Confirmed by LICENSE in the package.", r.Note);
    }

    [Fact]
    public void Url_InTable_FileNotIdentified_KeepsTheUrlWithLowerConfidence()
    {
        var r = Resolver().Resolve(Package(url: "https://spdx.org/licenses/MIT.html", files: ("LICENSE.txt", "other words")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal(0.9, r.Confidence);
        Assert.Equal("SPDX identifier in the URL. LICENSE.txt in the package was not identified (LICENSE.txt: not identified)", r.Note);
    }

    [Fact]
    public void Url_InTable_FileDisagrees_IsNoAssertionNamingBoth()
    {
        var r = Resolver().Resolve(Package(url: "https://spdx.org/licenses/MIT.html", files: ("LICENSE", "apache text")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal("https://spdx.org/licenses/MIT.html", r.Declared);
        Assert.Equal("https://spdx.org/licenses/MIT.html", r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The licence URL means MIT, but LICENSE in the package is Apache-2.0. The URL is the publisher's declaration and the file ships with this version: decide which governs and record a curation.", r.Note);
    }

    [Fact]
    public void NoUrl_FileIdentified_IsConcludedFromTheFile()
    {
        var r = Resolver().Resolve(Package(files: ("license.md", "isc text")));
        Assert.Equal("ISC", r.Concluded.ToString());
        Assert.Equal(LicenseSource.PackageFile, r.Source);
        Assert.Null(r.Declared);
        Assert.Equal("license.md", r.Evidence);
        Assert.Equal(0.95, r.Confidence);
        Assert.Equal("The package declares no licence; concluded from its licence file. license.md: near-exact ISC", r.Note);
        Assert.Equal("Le paquet ne déclare aucune licence ; conclusion tirée de son fichier de licence. license.md: near-exact ISC", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void NoUrl_FileIdentifiedWithoutNote_HasTheResolverSentenceOnly()
    {
        var r = Resolver().Resolve(Package(files: ("LICENSE", "mit text")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(1.0, r.Confidence);
        Assert.Equal("The package declares no licence; concluded from its licence file.", r.Note);
    }

    [Fact]
    public void DeprecationUrl_CountsAsNoUrl()
    {
        var r = Resolver().Resolve(Package(url: "https://aka.ms/deprecateLicenseUrl", files: ("LICENSE", "mit text")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(LicenseSource.PackageFile, r.Source);
        Assert.Null(r.Declared);
        Assert.Equal("The package declares no licence; concluded from its licence file.", r.Note);
    }

    [Fact]
    public void UnknownUrl_FileIdentified_IsConcludedFromTheFile()
    {
        var r = Resolver().Resolve(Package(url: "https://contoso.example/licence", files: ("LICENSE", "mit text")));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal(LicenseSource.PackageFile, r.Source);
        Assert.Equal("https://contoso.example/licence", r.Declared);
        Assert.Equal("LICENSE", r.Evidence);
        Assert.Equal("The licence URL is not in the curated table (not fetched); concluded from the package's licence file.", r.Note);
        Assert.Equal("L'URL de licence ne figure pas dans la table vérifiée (elle n'est pas consultée) ; conclusion tirée du fichier de licence du paquet.", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void UnknownUrl_FileNotIdentified_IsNoAssertionWithTheFileNote()
    {
        var r = Resolver().Resolve(Package(url: "https://contoso.example/licence", files: ("LICENSE", "near text")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal("https://contoso.example/licence", r.Declared);
        Assert.Equal("https://contoso.example/licence", r.Evidence);
        Assert.Equal(0.7, r.Confidence);
        Assert.Equal("The licence URL is not in the curated table; it was not fetched. LICENSE: LICENSE: near match to MIT (0.70)", r.Note);
    }

    [Fact]
    public void UnknownUrl_NoFiles_IsNoAssertion()
    {
        var r = Resolver().Resolve(Package(url: "https://contoso.example/licence"));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.Url, r.Source);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The licence URL is not in the curated table; it was not fetched.", r.Note);
        Assert.Equal("L'URL de licence ne figure pas dans la table vérifiée ; elle n'a pas été consultée.", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void NoUrl_FileNotIdentified_IsNoAssertionFromThePackageFile()
    {
        var r = Resolver().Resolve(Package(files: ("COPYING", "words")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.PackageFile, r.Source);
        Assert.Null(r.Declared);
        Assert.Equal("COPYING", r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The package declares no licence and its licence file was not identified. COPYING: not identified", r.Note);
        Assert.Equal("Le paquet ne déclare aucune licence et son fichier de licence n'a pas été identifié. COPYING: not identified", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void NoUrl_FileTooLarge_SaysUnreadable()
    {
        var r = Resolver().Resolve(Package(files: ("LICENSE", new string('x', (int)LicenseResolver.MaxLicenseFileBytes + 1))));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("The package declares no licence and its licence file was not identified. LICENSE: unreadable or too large", r.Note);
    }

    [Fact]
    public void Nothing_WithoutIdentifier_SaysFilesWereNotRead()
    {
        var r = new LicenseResolver().Resolve(Package(files: ("LICENSE", "mit text")));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.None, r.Source);
        Assert.Null(r.Declared);
        Assert.Null(r.Evidence);
        Assert.Equal(0, r.Confidence);
        Assert.Equal("The package declares no licence (licence files were not read).", r.Note);
        Assert.Equal("Le paquet ne déclare aucune licence (les fichiers de licence n'ont pas été lus).", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void Nothing_FetchedNuspec_SaysFilesAreNotOnThisMachine()
    {
        var r = Resolver().Resolve(Package(origin: "https://api.nuget.org/x.nuspec"));
        Assert.Equal(LicenseSource.None, r.Source);
        Assert.Equal("The package declares no licence, and its files are not on this machine.", r.Note);
        Assert.Equal("Le paquet ne déclare aucune licence, et ses fichiers sont absents de ce poste.", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void Nothing_NoLicenceFile_SaysSo()
    {
        var r = Resolver().Resolve(Package(files: ("readme.txt", "mit text")));
        Assert.Equal(LicenseSource.None, r.Source);
        Assert.Equal("The package declares no licence and has no licence file at its root.", r.Note);
        Assert.Equal("Le paquet ne déclare aucune licence et ne contient aucun fichier de licence à sa racine.", r.NoteText!.ToString(s_french));
    }

    [Fact]
    public void Nothing_FolderMissing_SaysNoLicenceFile()
    {
        var metadata = new PackageMetadata { Id = "X", Version = "1.0.0", NuspecPath = Path.Combine(_dir.Path, "absent", "x.nuspec") };
        var r = Resolver().Resolve(metadata);
        Assert.Equal(LicenseSource.None, r.Source);
        Assert.Equal("The package declares no licence and has no licence file at its root.", r.Note);
    }

    // ---- conventional files ----

    [Fact]
    public void Notice_IsReadOnlyWhenNoLicenceFileExists()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("NOTICE", "apache text"), ("notice.md", "apache text") }));
        Assert.Equal("Apache-2.0", r.Concluded.ToString());
        Assert.Equal("NOTICE, notice.md", r.Evidence);

        
    }

    [Fact]
    public void Unlicense_IsALicenceFile()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("UNLICENSE", "mit text"), ("NOTICE", "apache text") }));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal("UNLICENSE", r.Evidence);
    }

    [Fact]
    public void LicenceFile_HidesTheNotice()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("NOTICE", "apache text"), ("LICENCE", "mit text") }));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal("LICENCE", r.Evidence);
    }

    [Fact]
    public void SeveralFiles_AreSortedOrdinally_AndAllApply()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("LICENSE.a", "mit text"), ("LICENSE-b", "apache text"), ("COPYING", "isc text") }));
        Assert.Equal("ISC AND Apache-2.0 AND MIT", r.Concluded.ToString());
        Assert.Equal("COPYING, LICENSE-b, LICENSE.a", r.Evidence);
        Assert.Equal(0.95, r.Confidence);
        Assert.Equal("The package declares no licence; concluded from its licence file. COPYING: near-exact ISC", r.Note);
    }

    [Fact]
    public void SameLicenceTwice_IsOneLicence()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("LICENSE", "mit text"), ("LICENSE.txt", "mit text") }));
        var l = Assert.IsType<SpdxLicense>(r.Concluded);
        Assert.Equal("MIT", l.Id);
        Assert.Equal("LICENSE, LICENSE.txt", r.Evidence);
    }

    [Fact]
    public void GplBesideLgpl_IsTheLgplAlone()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("COPYING", "gpl3 text"), ("COPYING.LESSER", "lgpl3 text") }));
        var l = Assert.IsType<SpdxLicense>(r.Concluded);
        Assert.Equal("LGPL-3.0-only", l.Id);
    }

    [Fact]
    public void GplBesideLgplAndMit_KeepsLgplAndMit()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("COPYING", "gpl3 text"), ("COPYING.LESSER", "lgpl3 text"), ("LICENSE", "mit text") }));
        Assert.Equal("LGPL-3.0-only AND MIT", r.Concluded.ToString());
    }

    [Fact]
    public void GplBesideMit_KeepsBoth()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("COPYING", "gpl3 text"), ("LICENSE", "mit text") }));
        Assert.Equal("GPL-3.0-only AND MIT", r.Concluded.ToString());
    }

    [Fact]
    public void DisjunctionBesideAnotherLicence_IsParenthesised()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("LICENSE", "dual text"), ("LICENSE.isc", "mit text") }));
        var and = Assert.IsType<SpdxCompound>(r.Concluded);
        Assert.Equal(SpdxNodeKind.And, and.Kind);
        Assert.Equal("(MIT OR Apache-2.0) AND MIT", r.Concluded.ToString());
    }

    [Fact]
    public void OneUnidentifiedFile_MakesTheWholeUnidentified()
    {
        var r = Resolver().Resolve(Package(files: new[] { ("LICENSE", "isc text"), ("LICENSE.extra", "near text") }));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.PackageFile, r.Source);
        Assert.Equal("LICENSE, LICENSE.extra", r.Evidence);
        Assert.Equal(0.7, r.Confidence);
        Assert.Equal("The package declares no licence and its licence file was not identified. LICENSE: near-exact ISC LICENSE.extra: near match to MIT (0.70)", r.Note);
    }

    [Fact]
    public void AtMostEightFiles_AreRead()
    {
        var files = Enumerable.Range(1, 9).Select(i => ("LICENSE" + i.ToString(CultureInfo.InvariantCulture), i == 9 ? "near text" : "mit text")).ToArray();
        var r = Resolver().Resolve(Package(files: files));
        Assert.Equal("MIT", r.Concluded.ToString());
        Assert.Equal("LICENSE1, LICENSE2, LICENSE3, LICENSE4, LICENSE5, LICENSE6, LICENSE7, LICENSE8", r.Evidence);
    }

    [Fact]
    public void ExactlyEightFiles_AreAllRead()
    {
        var files = Enumerable.Range(1, 8).Select(i => ("LICENSE" + i.ToString(CultureInfo.InvariantCulture), i == 8 ? "near text" : "mit text")).ToArray();
        var r = Resolver().Resolve(Package(files: files));
        Assert.True(r.IsNoAssertion);
        Assert.Equal("LICENSE1, LICENSE2, LICENSE3, LICENSE4, LICENSE5, LICENSE6, LICENSE7, LICENSE8", r.Evidence);
    }

    // ---- online: the only evidence is the URL ----

    [Fact]
    public void OnlyLicenseUrl_UnknownUrlAndNoFile_IsTheTrimmedUrl()
    {
        Assert.Equal("https://contoso.example/licence", Resolver().OnlyLicenseUrl(Package(url: "  https://contoso.example/licence ", files: ("readme.md", "x"))));
    }

    [Fact]
    public void OnlyLicenseUrl_FolderMissing_IsTheUrl()
    {
        var metadata = new PackageMetadata { Id = "X", Version = "1.0.0", NuspecPath = Path.Combine(_dir.Path, "absent", "x.nuspec"), LicenseUrl = "https://contoso.example/l" };
        Assert.Equal("https://contoso.example/l", Resolver().OnlyLicenseUrl(metadata));
        var fetched = new PackageMetadata { Id = "X", Version = "1.0.0", NuspecPath = "https://feed/x.nuspec", Origin = "https://feed/x.nuspec", LicenseUrl = "https://contoso.example/l" };
        Assert.Equal("https://contoso.example/l", Resolver().OnlyLicenseUrl(fetched));
    }

    [Theory]
    [InlineData("LICENSE.txt")]
    [InlineData("copying")]
    [InlineData("NOTICE.md")]
    public void OnlyLicenseUrl_AShippedFile_IsTheEvidence(string file)
    {
        Assert.Null(Resolver().OnlyLicenseUrl(Package(url: "https://contoso.example/licence", files: new[] { ("readme.md", "x"), (file, "x") })));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("https://aka.ms/deprecatelicenseurl")]
    [InlineData("https://spdx.org/licenses/MIT.html")]
    public void OnlyLicenseUrl_NoUrlOrAMappedOne_IsNull(string? url)
    {
        Assert.Null(Resolver().OnlyLicenseUrl(Package(url: url)));
    }

    [Fact]
    public void OnlyLicenseUrl_WithALicenceElement_IsNull()
    {
        Assert.Null(Resolver().OnlyLicenseUrl(Package(DeclaredLicenseKind.Expression, "MIT", url: "https://contoso.example/licence")));
        Assert.Null(Resolver().OnlyLicenseUrl(Package(DeclaredLicenseKind.File, "LICENSE", url: "https://contoso.example/licence")));
    }

    // ---- paths ----

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a\0b")]
    [InlineData("/etc/passwd")]
    [InlineData("\\x")]
    [InlineData("c:x")]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    public void Confine_RefusesPathsLeavingTheFolder(string path)
    {
        Assert.Null(PackagePaths.Confine(_dir.Path, path));
    }

    [Fact]
    public void Confine_KeepsPathsInside()
    {
        Assert.Equal(Path.Combine(_dir.Path, "docs", "LICENSE"), PackagePaths.Confine(_dir.Path, "docs\\LICENSE"));
        Assert.Equal(Path.Combine(_dir.Path, "LICENSE"), PackagePaths.Confine(_dir.Path + Path.DirectorySeparatorChar, "a/../LICENSE"));
        Assert.Null(PackagePaths.Confine(string.Empty, "LICENSE"));
        Assert.Null(PackagePaths.Confine(_dir.Path + "\0", "LICENSE"));
    }

    [Fact]
    public void Confine_RefusesASiblingFolderWithTheSamePrefix()
    {
        var name = Path.GetFileName(_dir.Path);
        Assert.Null(PackagePaths.Confine(_dir.Path, "../" + name + "x/LICENSE"));
    }
}
