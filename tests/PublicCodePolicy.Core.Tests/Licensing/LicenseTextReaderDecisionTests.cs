// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The reader's rules (issue 12), each with its exact note: SPDX-License-Identifier tags (one value, at most 40
/// words, no restriction), notices made of statements (URLs that confirm or name the licence, holders' lists, the
/// 160-word limit, choices), full texts with harmless extras (holders, "under the same terms", facts about the
/// origin, a statement naming a second licence, licence URLs), and documents made of sections.
/// </summary>
public sealed class LicenseTextReaderDecisionTests
{
    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    private static string Text(string id) => SpdxTemplateText.Render(id);

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("hello", n));

    private static string Concluded(string text) => Matcher.Analyze(text).Expression.ToString();

    [Theory]
    [InlineData("SPDX-License-Identifier: MIT")]
    [InlineData("<!-- SPDX-License-Identifier: MIT -->")]
    [InlineData("// SPDX-License-Identifier: MIT */")]
    [InlineData("SPDX-License-Identifier: MIT\nSPDX-License-Identifier: MIT")]
    public void SpdxTag_IsANotice(string text)
    {
        var a = Matcher.Analyze(text);
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("SPDX-License-Identifier tag: MIT.", a.Note);
        Assert.Equal(0, a.UnmatchedWordCount);
        Assert.Equal(1.0, a.Score);
    }

    [Fact]
    public void SpdxTag_CountsUpTo40Words()
    {
        var a = Matcher.Analyze("SPDX-License-Identifier: MIT\n" + Words(36));
        Assert.Equal("SPDX-License-Identifier tag: MIT.", a.Note);
        Assert.Equal(40, a.WordCount);
        Assert.Equal("NOASSERTION", Concluded("SPDX-License-Identifier: MIT\n" + Words(37)));
    }

    [Theory]
    [InlineData("SPDX-License-Identifier: MIT\nSPDX-License-Identifier: ISC")]
    [InlineData("SPDX-License-Identifier: NOASSERTION")]
    [InlineData("SPDX-License-Identifier: MIT\nNot for commercial use.")]
    public void SpdxTag_ThatIsNotOneLicence_ConcludesNothing(string text)
    {
        Assert.Equal("NOASSERTION", Concluded(text));
    }

    [Theory]
    [InlineData("Licensed under the MIT license.", "MIT", "Licence notice: the statement \"licensed under the mit license\".", 0)]
    [InlineData("Licensed under the MIT license. one two three four five six seven eight nine ten eleven twelve thirteen", "MIT", "Licence notice: the statement \"licensed under the mit license\"; 13 other words (\"one two three four five six seven eight nine ten eleven twelve …\").", 13)]
    [InlineData("Licensed under the MIT license. one two three four five six seven eight nine ten eleven twelve", "MIT", "Licence notice: the statement \"licensed under the mit license\"; 12 other words (\"one two three four five six seven eight nine ten eleven twelve\").", 12)]
    [InlineData("Licensed under the MIT license, see https://opensource.org/licenses/MIT", "MIT", "Licence notice: the statement \"licensed under the mit license\", confirmed by its URL; 1 other words (\"see\").", 1)]
    [InlineData("It is licensed under a Creative Commons Attributeion 4.0 International License, http://creativecommons.org/licenses/by/4.0/.", "CC-BY-4.0", "Licence notice: a licence statement whose licence is named by its URL http://creativecommons.org/licenses/by/4.0/; 10 other words (\"it is licensed under a creative commons attributeion international license\").", 10)]
    [InlineData("Licensed under the MIT license. Also licensed under the ISC license, at your option.", "MIT OR ISC", "Licence notice: the statement \"licensed under the mit license\"; 4 other words (\"also at your option\").", 4)]
    [InlineData("Licensed under the MIT license. Also licensed under the ISC license.", "MIT AND ISC", "Licence notice: the statement \"licensed under the mit license\"; 1 other words (\"also\").", 1)]
    [InlineData("Copyright 2024 Foo\nBar Baz and Qux\n\nLicensed under the MIT license.", "MIT", "Licence notice: the statement \"licensed under the mit license\".", 0)]
    public void Statements_AreANotice(string text, string expression, string note, int other)
    {
        var a = Matcher.Analyze(text);
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal(expression, a.Expression.ToString());
        Assert.Equal(note, a.Note);
        Assert.Equal(other, a.UnmatchedWordCount);
    }

    [Fact]
    public void Statements_AreReadInTextsOfUpTo160Words()
    {
        Assert.Equal("MIT", Concluded("Copyright 2024 Foo\n" + Words(155) + "\n\nLicensed under the MIT license."));
        Assert.Equal("NOASSERTION", Concluded("Copyright 2024 Foo\n" + Words(156) + "\n\nLicensed under the MIT license."));
    }

    [Theory]
    [InlineData("Licensed under the MIT license. " + "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo")]
    [InlineData("It is licensed under a Creative Commons Attributeion licence, see http://creativecommons.org/licenses/by/4.0/ or https://www.apache.org/licenses/LICENSE-2.0 .")]
    [InlineData("Creative Commons Attributeion licence, see http://creativecommons.org/licenses/by/4.0/.")]
    [InlineData("Licensed under the Apache License 2.0 with the Commons Clause.")]
    public void Statements_ThatProveNothing_ConcludeNothing(string text)
    {
        Assert.Equal("NOASSERTION", Concluded(text));
    }

    [Fact]
    public void HoldersList_IsAHarmlessExtra()
    {
        var a = Matcher.Analyze("Copyright 2024 Foo\n" + Words(45) + "\n\n" + Text("MIT"));
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; extra text: 45 words continue the copyright holders' list.", a.Note);
        Assert.Equal(0, a.UnmatchedWordCount);
    }

    [Fact]
    public void SameTermsSentence_IsAHarmlessExtra()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nBundled parts " + Words(40) + " come under the same terms.");
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; extra text: 47 words say bundled parts come under the same terms.", a.Note);
    }

    [Fact]
    public void FactAboutTheOrigin_IsAHarmlessExtra()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nNo code of customer projects was used to create this project. " + Words(40));
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; extra text: 11 words state facts about the work's origin, with no condition; 40 other words (\"" + Words(12) + " …\").", a.Note);
        Assert.Equal(40, a.UnmatchedWordCount);
    }

    [Fact]
    public void StatementNamingASecondLicence_AddsIt()
    {
        // It used to conclude MIT alone: the statement was taken for a title.
        var a = Matcher.Analyze(Text("MIT") + "\n\nThe icons are licensed under the CC BY 4.0 license.");
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("MIT AND CC-BY-4.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, CC-BY-4.0; all apply; extra text: a statement names CC-BY-4.0; 3 other words (\"the icons are\").", a.Note);
        Assert.Equal(new[] { "MIT", "CC-BY-4.0" }, a.Regions.Select(r => r.Id));
    }

    [Theory]
    // A licence named without its version: Apache-1.0 is not OSI-approved, Apache-2.0 is; the reader cannot tell which.
    [InlineData("The icons are licensed under the Apache License.")]
    [InlineData("The icons are licensed under the GPL.")]
    [InlineData("The fonts are covered by the GNU Lesser General Public License.")]
    // "Creative Commons" alone names no licence at all: CC0, CC-BY and CC-BY-NC are all Creative Commons licences.
    [InlineData("The documentation is licensed under a Creative Commons license.")]
    [InlineData("The artwork is released under Creative Commons.")]
    [InlineData("Some images are available under a Creative Commons licence (see each file).")]
    [InlineData("The sample data is published under the Creative Commons Attribution license.")]
    public void StatementNamingAnotherLicenceWithoutVersion_ConcludesNothing(string statement)
    {
        // It used to conclude MIT alone, leaving out the part under the other licence.
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + statement);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.StartsWith("The text contains MIT but also ", a.Note);
    }

    [Theory]
    // A licence the grammar cannot name, after a trigger: it used to be read as a title, and MIT concluded alone.
    [InlineData("The icons are licensed under a proprietary license.")]
    [InlineData("The icons are licensed under CC BY-NC.")]
    [InlineData("The icons are licensed under the BSD license.")]
    [InlineData("The icons are licensed under a BSD-style license.")]
    [InlineData("The icons are licensed under an open source license.")]
    [InlineData("The icons are licensed under the Eclipse Public License.")]
    [InlineData("Les icônes sont publiées sous licence propriétaire.")]
    [InlineData("Les icônes sont sous licence Creative Commons.")]
    [InlineData("The native binaries are subject to the NVIDIA license.")]
    [InlineData("The data files are licensed under XYZ 2.0.")]
    // Terms that are not free, named without a statement: the same, read as a title before.
    [InlineData("Parts of this package are proprietary.")]
    [InlineData("This package bundles a proprietary component.")]
    [InlineData("Documentation: CC BY-NC-SA 4.0")]
    [InlineData("Le logo est la propriété de la commune ; il est propriétaire.")]
    public void SentenceOfTermsTheReaderCannotName_ConcludesNothing(string sentence)
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + sentence);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
    }

    [Theory]
    // A notice whose grant is limited in use, audience or time: each used to conclude the licence named.
    [InlineData("Licensed under the MIT License for educational purposes.")]
    [InlineData("Licensed under the MIT License until 2025-01-01.")]
    [InlineData("Licensed under the MIT License until December 31, 2025.")]
    [InlineData("This library is free for personal use. Licensed under the MIT License.")]
    [InlineData("Licensed under the Apache License 2.0. A license key is needed for production use.")]
    [InlineData("Sous licence MIT, réservée aux collectivités.")]
    public void NoticeWithALimitedGrant_ConcludesNothing(string notice)
    {
        Assert.Equal("NOASSERTION", Concluded(notice));
    }

    [Fact]
    public void PurposeIdiomsBesideTheText_RestrictNothing()
    {
        // "purpose" limits a grant ("for educational purposes"), but not in the idioms of permissive licences.
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\nThe authors make this software available for any purpose."));
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\nFitness for a particular purpose is the user's to judge."));
        Assert.Equal("NOASSERTION", Concluded(Text("MIT") + "\n\nThe authors make this software available for educational purposes."));
    }

    [Theory]
    // A second licence stated without a verb: how it shares the work with the first is not said, so nothing is concluded.
    [InlineData("Copyright (c) Acme\n\nLicensed under the MIT license; the artwork under the Acme Art License.", "\"under the Acme Art License\", a licence it does not name exactly")]
    [InlineData("{MIT}\n\nThe artwork under the Acme Art License.", "\"under the Acme Art License\", a licence it does not name exactly")]
    [InlineData("{MIT}\n\nIcons under CC-BY-4.0.", "\"under CC-BY-4.0\", a second licence (CC-BY-4.0) whose share of the work it cannot tell")]
    [InlineData("{MIT}\n\nFonts: under the SIL Open Font License 1.1.", "\"under the SIL Open Font License 1.1\", a second licence (OFL-1.1)")]
    [InlineData("{MIT}\n\nThe logo, under the GPL, stays ours.", "\"under the GPL\", a licence it does not name exactly")]
    [InlineData("{MIT}\n\nThe artwork is distributed separately under a different licence.", "\"under a different licence\", a licence it does not name exactly")]
    public void SecondLicenceWithoutAVerb_ConcludesNothing_AndTheNoteQuotesIt(string text, string quoted)
    {
        var a = Matcher.Analyze(text.Replace("{MIT}", Text("MIT"), StringComparison.Ordinal));
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Contains("among them " + quoted, a.Note, StringComparison.Ordinal);
    }

    [Theory]
    // "under" without a licence of its own: the licence found, an idiom, a reference, an offer, a name that is no licence.
    [InlineData("{MIT}\n\nEverything, documentation included, under the MIT License.", "MIT")]
    [InlineData("{MIT}\n\nYou can see what happens under the hood in the documentation.", "MIT")]
    [InlineData("{MIT}\n\nIt runs under the Windows Subsystem for Linux.", "MIT")]
    [InlineData("Copyright (c) Acme\n\nLicensed under the MIT license. Documentation under the same terms.", "MIT")]
    [InlineData("Copyright (c) Acme\n\nLicensed under the Apache License, Version 2.0. Parts under the License may be copied.", "Apache-2.0")]
    [InlineData("{MIT}\n\nTested under Windows 10 and under .NET 8.", "MIT")]
    [InlineData("# Licensing\n\nSource code under the MIT License; documentation under CC-BY-4.0.\n\n## MIT License\n\n{MIT}\n\n## CC BY 4.0\n\n{CC-BY-4.0}", "MIT AND CC-BY-4.0")]
    public void UnderWithoutASecondLicence_KeepsTheConclusion(string text, string expected)
    {
        Assert.Equal(expected, Concluded(text.Replace("{MIT}", Text("MIT"), StringComparison.Ordinal).Replace("{CC-BY-4.0}", Text("CC-BY-4.0"), StringComparison.Ordinal)));
    }

    [Theory]
    // A licence URL names the one statement the grammar cannot name only when it follows that statement closely.
    [InlineData("This library is released under the license at https://opensource.org/licenses/MIT. The icons under the Acme Icon License.", "NOASSERTION")]
    [InlineData("This library is released under the license at https://opensource.org/licenses/MIT. The icons are licensed under the Acme Icon License.", "NOASSERTION")]
    [InlineData("This library is released under the license at https://opensource.org/licenses/MIT.", "MIT")]
    [InlineData("It is licensed under a Creative Commons Attributeion 4.0 International License. To view a copy of this license, visit http://creativecommons.org/licenses/by/4.0/.", "CC-BY-4.0")]
    public void LicenceUrl_NamesOnlyTheStatementItFollows(string text, string expected)
    {
        Assert.Equal(expected, Concluded(text));
    }

    [Fact]
    public void TextLeftUnconcluded_QuotesTheStatementThatStoppedIt()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nThe icons are licensed under the Acme Brand License.");
        Assert.EndsWith(", among them \"licensed under the Acme Brand License\", a licence it does not name exactly; nothing is concluded.", a.Note);
        var b = Matcher.Analyze(Text("MIT") + "\n\nThe icons are licensed under the Apache\nLicense.");
        Assert.EndsWith(", among them \"licensed under the Apache License\", a licence it does not name exactly; nothing is concluded.", b.Note);
    }

    [Theory]
    // Ordinary sentences of licence files that hold a word that restricts elsewhere, or a statement that names no
    // other licence: still concluded (a review of the first version of the rules above found each one unconcluded).
    [InlineData("Copyright (c) 2015 SAS Institute Inc., Cary, NC", "")]
    [InlineData("Copyright (c) 2016 Educational Testing Service", "")]
    [InlineData("Copyright (c) 2020 Commune de Valmont. Tous droits réservés.", "")]
    [InlineData("", "When using this library in academic work, please cite our paper.")]
    [InlineData("", "This library is production ready.")]
    [InlineData("", "Vous pouvez l'utiliser à titre personnel ou professionnel.")]
    [InlineData("", "This list of authors is kept up to date until further notice.")]
    [InlineData("", "Contributions are subject to the Contributor License Agreement.")]
    [InlineData("", "Fitness for any particular purpose is the user's to judge.")]
    [InlineData("", "Parts are licensed under the terms in section 2 below.")]
    public void OrdinarySentencesBesideTheText_KeepTheConclusion(string before, string after)
    {
        var text = (before.Length > 0 ? before + "\n\n" : string.Empty) + Text("MIT") + (after.Length > 0 ? "\n\n" + after : string.Empty);
        Assert.Equal("MIT", Concluded(text));
    }

    [Theory]
    [InlineData("GPL-3.0-only", "This program is licensed under the GNU General Public License - see below.")]
    [InlineData("etalab-2.0", "Le code source est sous Licence Ouverte 2.0.")]
    public void StatementOfTheTextsOwnLicence_KeepsTheConclusion(string id, string statement)
    {
        Assert.Equal(id, Concluded(statement + "\n\n" + Text(id)));
    }

    [Theory]
    // Each word that makes a statement refer to the terms this document gives, in a sentence that would otherwise name
    // an unknown licence ("the X license"): the text is still concluded. Words pointing at someone else's terms
    // ("their own", "respective", "applicable") are not among them (next test).
    [InlineData("this")]
    [InlineData("these")]
    [InlineData("those")]
    [InlineData("that")]
    [InlineData("following")]
    [InlineData("same")]
    [InlineData("above")]
    [InlineData("below")]
    [InlineData("its")]
    [InlineData("your")]
    [InlineData("such")]
    [InlineData("said")]
    [InlineData("which")]
    [InlineData("original")]
    [InlineData("compatible")]
    [InlineData("section")]
    [InlineData("sections")]
    [InlineData("article")]
    [InlineData("articles")]
    [InlineData("clause")]
    [InlineData("clauses")]
    [InlineData("paragraph")]
    [InlineData("chapter")]
    [InlineData("annex")]
    [InlineData("appendix")]
    [InlineData("exhibit")]
    [InlineData("contributor")]
    [InlineData("contributors")]
    [InlineData("contribution")]
    [InlineData("contributions")]
    public void ReferringWord_NamesNoOtherLicence(string word)
    {
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\nThe icons are licensed under the " + word + " license."));
    }

    [Theory]
    [InlineData("ce")]
    [InlineData("cette")]
    [InlineData("ces")]
    [InlineData("même")]
    [InlineData("suivante")]
    [InlineData("suivantes")]
    [InlineData("ci")]
    [InlineData("dessous")]
    [InlineData("dessus")]
    public void FrenchReferringWord_NamesNoOtherLicence(string word)
    {
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\nLes icônes sont publiées sous la " + word + " licence."));
    }

    [Theory]
    // A part of the work under terms of someone else's choosing, not given here: those terms are unknown, as with "a
    // different license". (They were taken for references to this document's licence, and MIT was concluded.)
    [InlineData("The icons are licensed under their own license.")]
    [InlineData("The icons are licensed under their own licenses.")]
    [InlineData("The icons are licensed under his license.")]
    [InlineData("The icons are licensed under her license.")]
    [InlineData("The icons are distributed under their respective licenses.")]
    [InlineData("The icons are licensed under the respective license.")]
    [InlineData("The icons are licensed under the applicable license.")]
    [InlineData("The icons are licensed under the appropriate license.")]
    [InlineData("Each icon is licensed under the corresponding license.")]
    [InlineData("Les icônes sont publiées sous leur propre licence.")]
    [InlineData("Les icônes sont publiées sous leurs propres licences.")]
    public void StatementOfSomeoneElsesTerms_ConcludesNothing(string sentence)
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + sentence);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Contains("a licence it does not name exactly", a.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Third-party components are licensed under their own licenses.")]
    [InlineData("Third-party icons are distributed under their respective licenses.")]
    public void SomeoneElsesTerms_OfThirdPartyCode_KeepTheConclusion(string sentence)
    {
        // Bundled third-party code under its own terms is not the package's own licence: concluded, and said.
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + sentence);
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Contains("describe third-party code under its own, separate licence terms", a.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a separate license")]
    [InlineData("individual licenses")]
    [InlineData("another license")]
    [InlineData("different licences")]
    [InlineData("other licences")]
    public void OtherTermsNotNamed_ConcludeNothing(string terms)
    {
        Assert.Equal("NOASSERTION", Concluded(Text("MIT") + "\n\nThe icons are licensed under " + terms + "."));
    }

    [Fact]
    public void StatementOfAChoiceBetweenTwoTexts_IsAChoice()
    {
        var text = "Licensed under either of Apache License, Version 2.0 or MIT license at your option.\n\n" + Text("Apache-2.0") + "\n\n" + Text("MIT");
        Assert.Equal("Apache-2.0 OR MIT", Concluded(text));
    }

    [Theory]
    // A licence file is hard-wrapped: the name goes on after a line break, or past "Inc.".
    [InlineData("The icons are licensed under the\nFont Awesome Pro License.")]
    [InlineData("The icons are licensed under the Acme Inc. Software License Agreement.")]
    // A second licence after one the grammar reads.
    [InlineData("The documentation is licensed under the MIT License and the Acme Font License.")]
    // Another licence than the text's, said without naming it.
    [InlineData("The sample data is licensed under a different license (see data/LICENSE).")]
    public void UnnamedLicenceAfterTheText_ConcludesNothing(string sentence)
    {
        Assert.Equal("NOASSERTION", Concluded(Text("MIT") + "\n\n" + sentence));
    }

    [Theory]
    // Short notices and sectioned documents read the same statements.
    [InlineData("This project is licensed under the MIT License.\nThe logo is licensed under the Acme Brand License.")]
    [InlineData("This project is licensed under the MIT License and the Acme Font License.")]
    [InlineData("This project is licensed under the MIT License.\n\nThe documentation is licensed under the Creative Commons Attribution license.")]
    public void NoticeWithAnUnnamedLicence_ConcludesNothing(string notice)
    {
        Assert.Equal("NOASSERTION", Concluded(notice));
    }

    [Theory]
    // "subject to" names terms but grants nothing: a licence URL elsewhere does not name them.
    [InlineData("Use is subject to the Acme Software License Agreement. Portions: https://opensource.org/licenses/MIT")]
    // A name read in part: the rest of it ("-NC") is read, and restricts.
    [InlineData("Licensed under CC BY-NC, see https://creativecommons.org/licenses/by/4.0/")]
    public void NoticeNamedByAUrl_NeedsAStatementThatGrants(string notice)
    {
        Assert.Equal("NOASSERTION", Concluded(notice));
    }

    [Fact]
    public void UnreadableNameAfterTwoTriggers_IsStillNamedByItsUrl()
    {
        // "licensed under" and "under the terms of" start the same statement: one unnamed licence, named by the URL.
        Assert.Equal("CC-BY-4.0", Concluded("X by Y is licensed under the terms of the Creative Commons Attributeion 4.0 International License, http://creativecommons.org/licenses/by/4.0/."));
    }

    [Fact]
    public void SectionNamingAnUnreadLicence_IsNoIntroduction()
    {
        Assert.Equal("NOASSERTION", Concluded("# License\n\n" + Text("MIT") + "\n\n# Icons\n\nThe icons are licensed under the Font Awesome Pro License."));
        Assert.Equal("NOASSERTION", Concluded("# Licence\n\n" + Text("MIT") + "\n\n# Polices\n\nLes polices sont diffusées sous licence Creative Commons."));
    }

    [Fact]
    public void PartOfACreativeCommonsName_MustSpellTheTextsLicence()
    {
        Assert.Equal("CC-BY-ND-4.0", Concluded("This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.\n\n" + Text("CC-BY-ND-4.0")));
        Assert.Equal("NOASSERTION", Concluded(Text("CC-BY-SA-4.0") + "\n\nPhotos are licensed under Creative Commons Attribution-NoDerivatives 4.0 International."));
    }

    [Fact]
    public void FontsUnderTheSilOpenFontLicence_AreAddedToTheText()
    {
        var a = Matcher.Analyze(Text("Apache-2.0") + "\n\nThe font files are licensed under SIL OFL 1.1.");
        Assert.Equal("Apache-2.0 AND OFL-1.1", a.Expression.ToString());
    }

    [Fact]
    public void PartOfANameOfTheSameFamily_DoesNotRestateTheLicence()
    {
        // "CC BY" is read, then "-NC": a more specific licence than the CC-BY-4.0 text, not a restatement of it.
        Assert.Equal("NOASSERTION", Concluded(Text("CC-BY-4.0") + "\n\nThe icons are licensed under CC BY-NC."));
        Assert.Equal("NOASSERTION", Concluded(Text("MIT") + "\n\nThe icons are licensed under a Creative Commons Attribution-NonCommercial license."));
    }

    [Theory]
    // Statements that refer to terms given elsewhere name no other licence: the text is still concluded.
    [InlineData("The documentation is licensed under the same license.")]
    [InlineData("This software is distributed under the License.")]
    [InlineData("The icons are released under the license below.")]
    [InlineData("The examples are available under the terms of this license.")]
    [InlineData("Les exemples sont publiés sous la même licence.")]
    [InlineData("Licensed under the following license:")]
    public void StatementReferringToTermsGivenElsewhere_KeepsTheConclusion(string statement)
    {
        Assert.Equal("MIT", Concluded(statement + "\n\n" + Text("MIT")));
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\n" + statement));
    }

    [Theory]
    // The same family without a version restates the licence found: still concluded.
    [InlineData("Apache-2.0", "This project is licensed under the Apache License.")]
    [InlineData("GPL-3.0-only", "This program is released under the GPL.")]
    // The grammar reads "Creative Commons Attribution" (family CC-BY) at the start of a longer name: not another licence.
    [InlineData("CC-BY-ND-4.0", "This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.")]
    [InlineData("MIT", "This library is licensed under a GPL-compatible license:")]
    public void StatementOfTheSameFamilyWithoutVersion_KeepsTheConclusion(string id, string statement)
    {
        var a = Matcher.Analyze(statement + "\n\n" + Text(id));
        Assert.Equal(id, a.Expression.ToString());
    }

    [Fact]
    public void StatementOfTheSameLicence_IsATitle()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nThe icons are licensed under the MIT license.");
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; 8 other words (titles, introduction).", a.Note);
    }

    [Fact]
    public void LicenceUrl_OfTheSameLicence_IsExplained_OfAnotherIsNot()
    {
        var head = "Copyright 2024 Foo\n" + Words(45) + "\n\n" + Text("MIT") + "\n\nLicensed under the MIT license, see ";
        var a = Matcher.Analyze(head + "https://opensource.org/licenses/MIT");
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; extra text: 45 words continue the copyright holders' list; 1 other words (\"see\").", a.Note);
        Assert.Equal("NOASSERTION", Concluded(head + "https://www.apache.org/licenses/LICENSE-2.0"));
    }

    [Fact]
    public void SectionsSeparatedByRules_AreReadOneByOne()
    {
        var a = Matcher.Analyze("Licensed under the MIT license.\n\n----------\n\nA commercial license is available for purchase.\n\n----------\n\nYou may choose.");
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("MIT OR LicenseRef-Commercial", a.Expression.ToString());
        Assert.Equal("A document of 3 sections, which states a choice between them: (untitled): MIT; (untitled): commercial terms (LicenseRef-Commercial).", a.Note);
        Assert.Equal(14, a.WordCount);
        Assert.Equal(0, a.UnmatchedWordCount);
    }

    [Fact]
    public void SectionsUnderHeadings_AreNamedByTheirHeadings()
    {
        var a = Matcher.Analyze("Licence\n=======\n\nLicensed under the MIT license.\n\nOther\n-----\n\nA commercial license is available for purchase.\n\n# C\n\nYou may choose.");
        Assert.Equal("MIT OR LicenseRef-Commercial", a.Expression.ToString());
        Assert.Equal("A document of 3 sections, which states a choice between them: \"Licence\": MIT; \"Other\": commercial terms (LicenseRef-Commercial).", a.Note);
    }

    [Theory]
    // No choice stated: a commercial section is a restriction.
    [InlineData("# A\n\nLicensed under the MIT license.\n\n# B\n\nA commercial license is available for purchase.")]
    // Third-party notices list other works' licences.
    [InlineData("Third party software\n\n# A\n\nLicensed under the MIT license.\n\n# B\n\nA commercial license is available for purchase.\n\n# C\n\nYou may choose.")]
    public void Sections_ThatDoNotMakeALicence_ConcludeNothing(string text)
    {
        Assert.Equal("NOASSERTION", Concluded(text));
    }

    [Theory]
    [InlineData(".")]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData(":")]
    [InlineData("*")]
    [InlineData("_")]
    public void UrlFollowedByPunctuation_StillConfirmsTheStatement(string after)
    {
        var a = Matcher.Analyze("Licensed under the MIT license, see https://opensource.org/licenses/MIT" + after);
        Assert.Equal("Licence notice: the statement \"licensed under the mit license\", confirmed by its URL; 1 other words (\"see\").", a.Note);
    }

    [Fact]
    public void UrlOfTheOnlyVersion_ConfirmsAnOrLaterStatement()
    {
        var a = Matcher.Analyze("Licensed under the GNU GPL v3 or later, see https://www.gnu.org/licenses/gpl-3.0.html");
        Assert.Equal("GPL-3.0-or-later", a.Expression.ToString());
        Assert.Equal("Licence notice: the statement \"licensed under the gnu gpl v3 or later\", confirmed by its URL; 1 other words (\"see\").", a.Note);
    }

    private const string ThreeSections = "# A\n\nLicensed under the MIT license.\n\n# B\n\nA commercial license is available for purchase.\n\n# C\n\nYou may choose. ";

    [Fact]
    public void SectionWithoutALicence_MayHoldUpTo80Words()
    {
        var a = Matcher.Analyze(ThreeSections + Words(77));
        Assert.Equal("A document of 3 sections, which states a choice between them: \"A\": MIT; \"B\": commercial terms (LicenseRef-Commercial).", a.Note);
        Assert.Equal(91, a.WordCount);
        Assert.Equal("NOASSERTION", Concluded(ThreeSections + Words(78)));
    }

    [Fact]
    public void Document_OfUpTo16Sections_IsRead()
    {
        static string Doc(int licences) => string.Join("\n\n", Enumerable.Range(0, licences).Select(i => "# S" + i + "\n\nLicensed under the MIT license."))
            + "\n\n# X\n\nA commercial license is available for purchase.\n\n# Y\n\nYou may choose.";
        Assert.Equal("MIT OR LicenseRef-Commercial", Concluded(Doc(14)));
        Assert.Equal("NOASSERTION", Concluded(Doc(15)));
    }

    private const string ApacheNotice = "Copyright 2024 Région Bretagne\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n";

    [Fact]
    public void StandardNoticeOfAnotherLicence_AddsIt()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + ApacheNotice);
        Assert.Equal("MIT AND Apache-2.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, Apache-2.0; all apply; extra text: the standard notice of Apache-2.0 adds it.", a.Note);
    }

    [Fact]
    public void StandardNoticeAboveItsOwnLicence_IsItsOwnWording()
    {
        // The note used to end in "; extra text: ." when every extra word was the licence's own wording.
        var a = Matcher.Analyze(ApacheNotice + "\n\n" + Text("Apache-2.0"));
        Assert.Equal("Apache-2.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to Apache-2.0.", a.Note);
        Assert.Equal(0, a.UnmatchedWordCount);
    }

    [Fact]
    public void StandardNoticeOfItsOwnLicence_WithoutTheAppendix_RestatesIt()
    {
        // Without the optional appendix (which holds the notice), the notice is not the text's own wording: it is read
        // as the standard notice of the same licence.
        var a = Matcher.Analyze(ApacheNotice + "\n\n" + SpdxTemplateText.Render("Apache-2.0", optional: false));
        Assert.Equal("Apache-2.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to Apache-2.0; extra text: the standard notice of Apache-2.0 restates it.", a.Note);
    }

    private const string OrLaterNotice = "\n\nThis program is licensed under the GNU General Public License, either version 3 of the License, or (at your option) any later version.";

    [Fact]
    public void AuthorsOrLaterNotice_NextToTheGplText_GrantsLaterVersions()
    {
        // It used to conclude GPL-3.0-only: the notice was taken for a title.
        var a = Matcher.Analyze(SpdxTemplateText.Render("GPL-3.0-only", optional: false) + OrLaterNotice);
        Assert.Equal("GPL-3.0-or-later", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to GPL-3.0-or-later; extra text: 3 other words (\"this program is\"); the author's notice grants \"any later version\".", a.Note);
        Assert.Empty(Assert.Single(a.Regions).Alternatives);
    }

    [Fact]
    public void AuthorsOrLaterNotice_GrantsLaterVersionsOfTheGplOnly()
    {
        // Next to the GPL and MIT texts, "any later version" widens the GPL; MIT has no versions to widen.
        var a = Matcher.Analyze(SpdxTemplateText.Render("GPL-3.0-only", optional: false) + "\n\n" + Text("MIT") + OrLaterNotice);
        Assert.Equal("GPL-3.0-or-later AND MIT", a.Expression.ToString());
    }

    [Fact]
    public void OrLaterNotice_BesideTheUnfilledHowToApplyAppendix_GrantsNothing()
    {
        var a = Matcher.Analyze(Text("GPL-3.0-only") + OrLaterNotice);
        Assert.Equal("GPL-3.0-only", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to GPL-3.0-only; the same text is also GPL-3.0-or-later; extra text: 3 other words (\"this program is\").", a.Note);
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("\n>\n")]
    [InlineData("\n > \n")]
    public void HoldersList_EndsWithItsParagraph(string gap)
    {
        Assert.Equal("NOASSERTION", Concluded("Copyright 2024 Foo\n" + Words(45) + gap + Words(45) + "\n\n" + Text("MIT")));
    }

    [Fact]
    public void HoldersList_GoesOnOverLineBreaks()
    {
        Assert.Equal("MIT", Concluded("Copyright 2024 Foo\n" + Words(45) + "\n> " + Words(45) + "\n\n" + Text("MIT")));
    }

    [Fact]
    public void SameTerms_CoversItsSentenceOnly()
    {
        Assert.Equal("NOASSERTION", Concluded(Text("MIT") + "\n\n" + Words(41) + ". Bundled parts come under the same terms."));
        Assert.Equal("MIT", Concluded(Text("MIT") + "\n\n" + Words(41) + " version 1.5 bundled parts come under the same terms."));
    }

    [Theory]
    [InlineData("----------", "MIT OR LicenseRef-Commercial")]
    [InlineData("==========", "MIT OR LicenseRef-Commercial")]
    [InlineData("* * * * * *", "MIT OR LicenseRef-Commercial")]
    [InlineData("---------", "NOASSERTION")]
    public void SeparatorLine_OfTenCharactersOrMore_CutsSections(string rule, string expected)
    {
        Assert.Equal(expected, Concluded("Licensed under the MIT license.\n\n" + rule + "\n\nA commercial license is available for purchase.\n\n" + rule + "\n\nYou may choose."));
    }

    [Fact]
    public void HeadingWithoutBody_IsStillASection()
    {
        var a = Matcher.Analyze("# Licences\n\n# A\n\nLicensed under the MIT license.\n\n# B\n\nA commercial license is available for purchase.\n\n# C\n\nYou may choose.");
        Assert.Equal("A document of 4 sections, which states a choice between them: \"A\": MIT; \"B\": commercial terms (LicenseRef-Commercial).", a.Note);
    }

    [Fact]
    public void SectionsThatAllApply_AreJoinedByAnd_KeepingEachSectionsChoice()
    {
        var a = Matcher.Analyze("# A\n\nLicensed under the MIT license. Also licensed under the ISC license, at your option.\n\n# B\n\nLicensed under the Zlib license.\n\n# C\n\n" + Words(50));
        Assert.Equal("(MIT OR ISC) AND Zlib", a.Expression.ToString());
        Assert.Equal("A document of 3 sections, all of which apply: \"A\": MIT OR ISC; \"B\": Zlib.", a.Note);
        Assert.Equal(69, a.WordCount);
    }

    [Fact]
    public void WordsOfAStandardHeader_AreExplainedInAStatementNotice()
    {
        var a = Matcher.Analyze("Licensed under the Apache License, Version 2.0. You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0");
        Assert.Equal("Apache-2.0", a.Expression.ToString());
        Assert.Equal("Licence notice: the statement \"licensed under the apache license version 2 0\", confirmed by its URL.", a.Note);
        Assert.Equal(0, a.UnmatchedWordCount);
    }

    [Fact]
    public void StatementNotice_ToleratesUpTo40OtherWords()
    {
        var a = Matcher.Analyze("Licensed under the MIT license. " + Words(40));
        Assert.Equal("Licence notice: the statement \"licensed under the mit license\"; 40 other words (\"" + Words(12) + " …\").", a.Note);
        var b = Matcher.Analyze("Licensed under the MIT license. " + Words(41));
        Assert.Equal("The text names MIT (\"Licensed under the MIT license\") but also holds 41 other words; nothing is concluded.", b.Note);
        Assert.Equal(0.109, b.Score);
    }

    private const string GplWithClasspath = "\n\nThis library is licensed under the GNU General Public License version 2 with ";

    [Fact]
    public void StatementNamingTheExceptionFoundInFull_IsTheTextsOwn()
    {
        // "with Classpath exception" names the exception whose text is there: only "this library is" is left over.
        var a = Matcher.Analyze(Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0") + GplWithClasspath + "Classpath exception.");
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to GPL-2.0-only, Classpath-exception-2.0; the same text is also GPL-2.0-or-later; extra text: 3 other words (\"this library is\").", a.Note);
    }

    [Fact]
    public void StatementNamingAnExceptionTheTextDoesNotHold_ConcludesNothing()
    {
        // "exception" left unexplained may change the terms.
        var a = Matcher.Analyze(Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0") + GplWithClasspath + "Bison exception.");
        Assert.Equal("NOASSERTION", a.Expression.ToString());
    }

    [Theory]
    [InlineData("Classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("Classpath", "NOASSERTION")]
    public void StatementWithAnException_AtTheVeryEnd_IsRead(string end, string expected)
    {
        // A holders' list of 45 words makes the text more than titles: the extras are read, up to the last word. "with
        // Classpath", the name cut short, modifies the statement in a way the reader cannot tell.
        string text = "Copyright 2024 Foo\n" + Words(45) + "\n\n" + Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0") + GplWithClasspath + end;
        Assert.Equal(expected, Concluded(text));
    }

    [Fact]
    public void StatementWithAnException_OfALicenceNotFoundInFull_IsNotTheTextsOwn()
    {
        // The statement names GPL-2.0, the full text is GPL-3.0: "with Classpath exception" is not read as the text's.
        var a = Matcher.Analyze(Text("GPL-3.0-only") + "\n\n" + Text("Classpath-exception-2.0") + GplWithClasspath + "Classpath exception.");
        Assert.Equal("NOASSERTION", a.Expression.ToString());
    }

    [Fact]
    public void NamedButNotConcluded_CountsTheWordsOfEveryStatement()
    {
        // Two statements of 5 words each, 5 more words ("also", "not for commercial use"): 10 of 15 words explained.
        var a = Matcher.Analyze("Licensed under the MIT license. Also licensed under the ISC license. Not for commercial use.");
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal(15, a.WordCount);
        Assert.Equal(5, a.UnmatchedWordCount);
        Assert.Equal(0.667, a.Score);
        Assert.StartsWith("The text names MIT, ISC (\"Licensed under the MIT license\") but also holds 5 other words, among them '", a.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlOfOneOfTwoStatedLicences_ConfirmsTheNotice()
    {
        // The URL names MIT, one of the two licences stated: it contradicts nothing.
        var a = Matcher.Analyze("Licensed under the MIT license. Also licensed under the ISC license. See https://opensource.org/licenses/MIT");
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("MIT AND ISC", a.Expression.ToString());
        var b = Matcher.Analyze("Licensed under the MIT license. Also licensed under the ISC license. See https://opensource.org/licenses/Zlib");
        Assert.Equal("NOASSERTION", b.Expression.ToString());
    }

    [Fact]
    public void DocumentOfTwoSections_IsRead()
    {
        // 50 words besides the statement are too many for a notice; as sections, they are an introduction.
        var a = Matcher.Analyze("# A\n\nLicensed under the MIT license.\n\n# B\n\n" + Words(50));
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("A document of 2 sections, all of which apply: \"A\": MIT.", a.Note);
    }
}
