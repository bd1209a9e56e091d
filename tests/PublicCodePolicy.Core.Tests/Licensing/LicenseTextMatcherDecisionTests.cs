// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The matcher's conclusions and their notes, one decision at a time, on short texts made of the SPDX list's own
/// licence texts (rendered from tests/data/spdx) and a few words around them: the length limit, copyright-only
/// texts, exact matches with titles, choices and commercial alternatives, restrictions (also on a copyright line),
/// exceptions and the licence they modify, standard headers, notices and their size limit, near matches.
/// </summary>
public sealed class LicenseTextMatcherDecisionTests
{
    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    private static string Text(string id) => SpdxTemplateText.Render(id);

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("hello", n));

    private const string NoMatch = "The text matches no licence of the SPDX licence list 3.28.0.";

    [Fact]
    public void TextAtTheLengthLimit_IsAnalysed_OneMoreCharacterIsNot()
    {
        var at = Matcher.Analyze(new string('a', LicenseTextMatcher.MaxTextLength));
        Assert.Equal(NoMatch, at.Note);
        Assert.Equal(1, at.WordCount);
        var over = Matcher.Analyze(new string('a', LicenseTextMatcher.MaxTextLength + 1));
        Assert.Equal(LicenseTextMatchKind.None, over.Kind);
        Assert.Equal("The text is longer than 524288 characters; it was not analysed.", over.Note);
        Assert.Equal(0, over.WordCount);
        Assert.Equal(0, over.Score);
    }

    [Fact]
    public void CopyrightLinesOnly_SayNothing()
    {
        var a = Matcher.Analyze("Copyright (c) 2024 Someone\n");
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("The text has no words besides copyright lines.", a.Note);
        Assert.Equal(0, a.WordCount);
        Assert.Null(Matcher.Identify("Copyright (c) 2024 Someone\n"));
    }

    [Fact]
    public void CopyrightAndAllRightsReserved_IsProprietary()
    {
        var a = Matcher.Analyze("Copyright (c) 2021 Contoso Ltd.\nAll rights reserved.\n");
        Assert.Equal(LicenseTextMatchKind.Proprietary, a.Kind);
        Assert.Equal("LicenseRef-Proprietary", a.Expression.ToString());
        Assert.Equal("The text reserves all rights ('all rights reserved') and grants none: proprietary.", a.Note);
        Assert.Equal(0, a.WordCount);
        Assert.Equal(0, a.UnmatchedWordCount);
        Assert.Equal(1.0, a.Score);
    }

    [Fact]
    public void LicenceText_IsAnExactMatch()
    {
        var a = Matcher.Analyze(Text("MIT"));
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT.", a.Note);
        Assert.Equal(1.0, a.Score);
        Assert.Equal(0, a.UnmatchedWordCount);
        var r = Assert.Single(a.Regions);
        Assert.Equal(("MIT", false, 0), (r.Id, r.IsException, r.StartWord));
        Assert.Empty(r.Alternatives);
        var m = Matcher.Identify(Text("MIT"))!;
        Assert.Equal(("MIT", 1.0, "Exact match (SPDX matching guidelines) to MIT."), (m.Expression.ToString(), m.Score, m.Note));
    }

    [Fact]
    public void TitleWords_AreCountedInTheNote()
    {
        var a = Matcher.Analyze("The Foo Library\n\n" + Text("MIT"));
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; 3 other words (titles, introduction).", a.Note);
        Assert.Equal(3, a.UnmatchedWordCount);
        Assert.Equal(3, Assert.Single(a.Regions).StartWord);
    }

    [Fact]
    public void RestrictionAfterTheText_ConcludesNothing_AndIsNamed()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nNot for military use.");
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("The text contains MIT but also 4 other words, among them 'not', which may restrict the licence; nothing is concluded.", a.Note);
        Assert.Equal(4, a.UnmatchedWordCount);
        Assert.Equal((a.WordCount - 4) / (double)a.WordCount, a.Score);
        var m = Matcher.Identify(Text("MIT") + "\n\nNot for military use.")!;
        Assert.Equal(("NOASSERTION", a.Score, a.Note), (m.Expression.ToString(), m.Score, m.Note));
    }

    [Fact]
    public void RestrictionOnACopyrightLine_StillCounts()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nCopyright 2024 Foo, not for military use.");
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("The text contains MIT but also 0 other words, among them 'not', which may restrict the licence; nothing is concluded.", a.Note);
    }

    [Fact]
    public void TwoLicences_AllApply()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + Text("ISC"));
        Assert.Equal("MIT AND ISC", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, ISC; all apply.", a.Note);
        Assert.Equal(new[] { "MIT", "ISC" }, a.Regions.Select(r => r.Id));
    }

    [Theory]
    [InlineData("Pick one at your option:", 5)]
    [InlineData("Pick one at your choice:", 5)]
    [InlineData("Your choice:", 2)]
    [InlineData("Choice of terms:", 3)]
    [InlineData("This is dual licensed:", 4)]
    [InlineData("Dual license:", 2)]
    [InlineData("Dual licensing:", 2)]
    [InlineData("Either one:", 2)]
    [InlineData("Alternatively:", 1)]
    [InlineData("You may choose:", 3)]
    public void ChoiceWords_MakeAnOr(string intro, int words)
    {
        var a = Matcher.Analyze(intro + "\n\n" + Text("MIT") + "\n\n" + Text("ISC"));
        Assert.Equal("MIT OR ISC", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, ISC; the text states a choice; " + words + " other words (titles, introduction).", a.Note);
    }

    [Theory]
    [InlineData("a commercial licence", 11)]
    [InlineData("commercial licensing", 10)]
    [InlineData("commercial terms", 10)]
    public void CommercialAlternative_IsALicenseRef(string offer, int words)
    {
        var a = Matcher.Analyze("Use it under the MIT licence below or, alternatively, under " + offer + ".\n\n" + Text("MIT"));
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("MIT OR LicenseRef-Commercial", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; the text states a choice; a commercial licence is offered as an alternative; " + words + " other words (titles, introduction).", a.Note);
        Assert.Equal(words, a.UnmatchedWordCount);
    }

    [Fact]
    public void CommercialLicenceWithoutAChoice_IsARestriction()
    {
        var a = Matcher.Analyze("A commercial license is available.\n\n" + Text("MIT"));
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("The text contains MIT but also 4 other words, among them 'commercial', which may restrict the licence; nothing is concluded.", a.Note);
    }

    [Fact]
    public void GplNextToLgpl_IsTheLgpl()
    {
        var a = Matcher.Analyze(Text("GPL-3.0-only") + "\n\n" + Text("LGPL-3.0-only"));
        Assert.Equal("LGPL-3.0-only", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to GPL-3.0-only, LGPL-3.0-only; the same text is also GPL-3.0-or-later, LGPL-3.0-or-later; the GPL-3.0 text accompanies the LGPL-3.0, which incorporates it.", a.Note);
        Assert.Equal(new[] { "GPL-3.0-or-later" }, a.Regions[0].Alternatives);
    }

    [Fact]
    public void ExceptionAlone_IsNamed_UpTo40OtherWords()
    {
        var a = Matcher.Analyze(Words(40) + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("The text is the licence exception LLVM-exception, without the licence it modifies; nothing is concluded.", a.Note);
        Assert.Equal(40, a.UnmatchedWordCount);
        var b = Matcher.Analyze(Words(41) + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("The text contains LLVM-exception but also 41 other words; nothing is concluded.", b.Note);
        Assert.Equal("NOASSERTION", b.Expression.ToString());
    }

    [Fact]
    public void Exception_ModifiesTheOnlyLicence()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("MIT WITH LLVM-exception", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, LLVM-exception.", a.Note);
    }

    [Fact]
    public void Exception_ModifiesTheLicenceItFollows_WithinTwentyWords()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\n" + Text("ISC") + "\n\n" + Words(20) + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("ISC WITH LLVM-exception AND MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT, ISC, LLVM-exception; all apply; 20 other words (titles, introduction).", a.Note);
        var b = Matcher.Analyze(Text("MIT") + "\n\n" + Text("ISC") + "\n\n" + Words(21) + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("The text contains MIT, ISC, LLVM-exception but also 21 other words; nothing is concluded.", b.Note);
    }

    [Theory]
    [InlineData("LLVM-exception", "MIT", "ISC", null)]
    [InlineData("MIT", "Classpath-exception-2.0", "ISC", "LLVM-exception")]
    [InlineData("MIT", "ISC", "Classpath-exception-2.0", "LLVM-exception")]
    public void ExceptionWithoutAClearHost_ConcludesNothing(string a, string b, string c, string? d)
    {
        var ids = new[] { a, b, c, d }.Where(x => x != null).Select(x => x!).ToArray();
        var r = Matcher.Analyze(string.Join("\n\n", ids.Select(Text)));
        Assert.Equal("NOASSERTION", r.Expression.ToString());
        Assert.Equal("The text contains " + string.Join(", ", ids) + " but also 0 other words; nothing is concluded.", r.Note);
    }

    [Fact]
    public void TwoExceptionsOfOneGnuLicence_AreBothApplied()
    {
        var a = Matcher.Analyze(Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0") + "\n\n" + Text("LLVM-exception"));
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0 AND GPL-2.0-only WITH LLVM-exception", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to GPL-2.0-only, Classpath-exception-2.0, LLVM-exception; the same text is also GPL-2.0-or-later.", a.Note);
    }

    [Fact]
    public void ProprietaryTermsNextToAFreeLicence_AreProprietary()
    {
        var a = Matcher.Analyze(Text("MIT") + "\n\nThis is an END USER LICENSE AGREEMENT. You must not copy.");
        Assert.Equal(LicenseTextMatchKind.Proprietary, a.Kind);
        Assert.Equal("LicenseRef-Proprietary", a.Expression.ToString());
        Assert.Equal("Proprietary terms recognised by the words 'end user license agreement'. The text also contains MIT, which does not make it free.", a.Note);
        Assert.Equal("MIT", Assert.Single(a.Regions).Id);
    }

    [Fact]
    public void StandardHeader_IsANotice()
    {
        var notice = "Copyright 2024 Région Bretagne\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n";
        var a = Matcher.Analyze(notice);
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("Licence notice (standard header) of Apache-2.0.", a.Note);
        Assert.Equal(0, a.UnmatchedWordCount);
    }

    [Fact]
    public void ShortNotice_IsRecognisedUpTo80Words()
    {
        const string Waiver = "The Ville de Grenoble has waived all copyright and related or neighboring rights to this work. ";
        var a = Matcher.Analyze(Waiver + Words(64));
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("CC0-1.0", a.Expression.ToString());
        Assert.Equal("A licence notice naming CC0-1.0 ('has waived all copyright and related or neighboring rights to').", a.Note);
        Assert.Equal(80, a.WordCount);
        Assert.Equal(70, a.UnmatchedWordCount);
        var b = Matcher.Analyze(Waiver + Words(65));
        Assert.Equal(NoMatch, b.Note);
    }

    [Fact]
    public void PublicDomainDedication_IsNamedSo()
    {
        var a = Matcher.Analyze("This code is released into the public domain.");
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("LicenseRef-PublicDomain", a.Expression.ToString());
        Assert.Equal("A public-domain dedication ('released into the public domain'); it is not a licence, and French law keeps the author's moral rights.", a.Note);
        Assert.Equal(3, a.UnmatchedWordCount);
    }

    [Theory]
    // A notice or a dedication with a restriction beside it: nothing is concluded, and the note quotes the restriction.
    [InlineData("Licensed under CC BY 4.0. Commercial use prohibited.", "commercial")]
    [InlineData("This work is licensed under a Creative Commons Attribution 4.0 International License. You may not use it for commercial purposes.", "not")]
    [InlineData("Licensed under CC0 1.0 Universal, for personal use only.", "personal use")]
    public void NoticeWithARestriction_ConcludesNothing(string text, string quoted) => ReaderAssert.UnconcludedFor(text, quoted);

    [Theory]
    [InlineData("To the extent possible under law, Acme has waived all copyright and related or neighboring rights to this work, except the right to sell it.")]
    [InlineData("This code is released into the public domain, except for commercial use.")]
    [InlineData("This code is released into the public domain. You must not sell it.")]
    public void WaiverOrDedicationWithARestriction_ConcludesNothing(string text)
    {
        Assert.Equal("NOASSERTION", Matcher.Analyze(text).Expression.ToString());
    }

    private const string MitWithBanana = "MIT License\n\nCopyright (c) 2020 Foo\n\nPermission is hereby granted, free of charge, to any person obtaining a banana of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";

    [Fact]
    public void AlteredText_IsANearMatch_ThatSaysWhereItDeparts()
    {
        var a = Matcher.Analyze(MitWithBanana);
        Assert.Equal(LicenseTextMatchKind.Near, a.Kind);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("MIT", a.NearestLicense);
        Assert.InRange(a.Score, 0.75, 0.999);
        Assert.Equal(a.WordCount, a.UnmatchedWordCount);
        // "banana" is word 18: mit license copyright c 2020 foo permission is hereby granted free of charge to any person obtaining a.
        Assert.Equal("Near match to MIT (similarity " + a.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "), not an exact match under the SPDX matching guidelines: nothing is concluded. The text departs from it after \"…charge to any person obtaining a\" (word 18). Compare the text with MIT and record a curation if it is the same licence.", a.Note);
        var m = Matcher.Identify(MitWithBanana)!;
        Assert.Equal(("NOASSERTION", a.Score), (m.Expression.ToString(), m.Score));
    }

    [Fact]
    public void NamedLicenceThatCannotBeConcluded_IsNamedInTheNote()
    {
        var a = Matcher.Analyze("Licensed under the MIT license. The fonts are GPL-3.0.");
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Equal("The text names MIT (\"Licensed under the MIT license\") but also holds 6 other words, among them \"GPL-3.0\", a second licence (GPL-3.0-only) whose share of the work it cannot tell; nothing is concluded.", a.Note);
        Assert.Equal(0.455, a.Score);
        Assert.Equal(11, a.WordCount);
        Assert.Equal(6, a.UnmatchedWordCount);
        var b = Matcher.Analyze("Licensed under the MIT license, for non-commercial use only.");
        Assert.Equal("The text names MIT (\"Licensed under the MIT license\") but also holds 4 other words, among them 'noncommercial', which may restrict the licence; nothing is concluded.", b.Note);
        Assert.Equal(0.556, b.Score);
    }

    [Fact]
    public void PlainProse_MatchesNothing()
    {
        var a = Matcher.Analyze("This is just a readme about the library and how to build it with dotnet build.");
        Assert.Equal(NoMatch, a.Note);
        Assert.Equal(16, a.WordCount);
        Assert.Equal(16, a.UnmatchedWordCount);
        Assert.Null(Matcher.Identify("This is just a readme about the library and how to build it with dotnet build."));
    }

    [Fact]
    public void FortyOtherWords_AreTolerated_FortyOneAreNot()
    {
        var a = Matcher.Analyze(Words(40) + "\n\n" + Text("MIT"));
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; 40 other words (titles, introduction).", a.Note);
        var b = Matcher.Analyze(Words(41) + "\n\n" + Text("MIT"));
        Assert.Equal("The text contains MIT but also 41 other words; nothing is concluded.", b.Note);
        Assert.Equal(41, b.UnmatchedWordCount);
    }

    [Fact]
    public void SameWordsOfTwoTemplates_PreferTheGeneralOne()
    {
        var a = Matcher.Analyze(Text("MPL-2.0"));
        Assert.Equal("MPL-2.0", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MPL-2.0; the same text is also MPL-2.0-no-copyleft-exception.", a.Note);
        Assert.Equal(new[] { "MPL-2.0-no-copyleft-exception" }, Assert.Single(a.Regions).Alternatives);
    }

    [Theory]
    [InlineData("BSD-3-Clause")]
    [InlineData("BSD-2-Clause")]
    public void LongerTemplate_WinsOverTheOneItContains(string id)
    {
        var a = Matcher.Analyze(Text(id));
        Assert.Equal("Exact match (SPDX matching guidelines) to " + id + ".", a.Note);
        Assert.Equal(id, Assert.Single(a.Regions).Id);
    }

    [Fact]
    public void AllRightsReservedWithAGrant_IsNotProprietary()
    {
        var a = Matcher.Analyze("Copyright 2024 Foo. All rights reserved.\nPermission is hereby granted to everyone.");
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Equal(NoMatch, a.Note);
    }

    [Fact]
    public void TextThatStopsEarly_IsANearMatch_WithoutADeparturePoint()
    {
        var truncated = MitWithBanana.Replace("a banana of", "a copy of", StringComparison.Ordinal)[..^"SOFTWARE.".Length];
        var a = Matcher.Analyze(truncated);
        Assert.Equal(LicenseTextMatchKind.Near, a.Kind);
        Assert.Equal("Near match to MIT (similarity " + a.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "), not an exact match under the SPDX matching guidelines: nothing is concluded. Compare the text with MIT and record a curation if it is the same licence.", a.Note);
    }

    [Fact]
    public void DefaultIdentifier_AnswersLikeTheSharedMatcher()
    {
        var m = LicenseTextMatcher.Default.Identify(Text("ISC"))!;
        Assert.Equal(("ISC", 1.0, "Exact match (SPDX matching guidelines) to ISC."), (m.Expression.ToString(), m.Score, m.Note));
        Assert.True(LicenseTextMatcher.IsSharedLoaded);
        var ids = Matcher.KnownIds;
        Assert.Equal(Matcher.TemplateCount, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("MIT", ids);
        Assert.Contains("LLVM-exception", ids);
    }

    [Fact]
    public void ShortNotice_NextToALicenceText_IsNotTakenForTheLicence()
    {
        // FSFAP is 35 words: text and waiver together stay under the 80 words of a notice.
        var a = Matcher.Analyze(Text("FSFAP") + "\n\nThe author has waived all copyright and related or neighboring rights to this work. Not for military use.");
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Equal("The text contains FSFAP but also 18 other words, among them 'not', which may restrict the licence; nothing is concluded.", a.Note);
        Assert.Equal(35 / 53.0, a.Score);
    }

    [Fact]
    public void CopyrightLinesBetweenEveryLine_AreSkipped()
    {
        // Every sixth word is followed by a copyright line: the word pairs across them exist only between
        // significant words, so the index must pair those too.
        var words = Text("MIT").Split(' ');
        var text = string.Join("\nCopyright 2024 Foo\n", words.Chunk(6).Select(c => string.Join(' ', c)));
        var a = Matcher.Analyze(text);
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT.", a.Note);
    }

    [Theory]
    [InlineData("GPL-2.0-only")]
    [InlineData("LGPL-2.1-only")]
    [InlineData("AGPL-3.0-only")]
    public void Exception_AmongSeveralLicences_ModifiesTheGnuOne(string gnu)
    {
        // The exception follows the MIT text, yet the GNU licence is its host: GNU exceptions modify GNU licences.
        var a = Matcher.Analyze(Text(gnu) + "\n\n" + Text("MIT") + "\n\n" + Text("Classpath-exception-2.0"));
        Assert.Equal(gnu + " WITH Classpath-exception-2.0 AND MIT", a.Expression.ToString());
    }

    [Fact]
    public void TwoExceptions_EachModifyTheLicence()
    {
        var a = Matcher.Analyze(Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0") + "\n\n" + Text("Font-exception-2.0"));
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0 AND GPL-2.0-only WITH Font-exception-2.0", a.Expression.ToString());
    }

    [Fact]
    public void Lgpl3Text_Alone_SaysNothingOfTheGpl3()
    {
        var a = Matcher.Analyze(Text("LGPL-3.0-only"));
        Assert.Equal("LGPL-3.0-only", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to LGPL-3.0-only; the same text is also LGPL-3.0-or-later.", a.Note);
        var b = Matcher.Analyze(Text("GPL-3.0-only") + "\n\n" + Text("LGPL-3.0-only"));
        Assert.Equal("LGPL-3.0-only", b.Expression.ToString());
        Assert.Contains("; the GPL-3.0 text accompanies the LGPL-3.0, which incorporates it", b.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SpdxTag_IsReadBeforeTheStatements()
    {
        var a = Matcher.Analyze("SPDX-License-Identifier: MIT\nLicensed under the MIT license.");
        Assert.Equal("SPDX-License-Identifier tag: MIT.", a.Note);
    }

    [Fact]
    public void SameTextUnderSeveralIdentifiers_ListsTheOthersInOrdinalOrder()
    {
        var a = Matcher.Analyze(Text("GFDL-1.3-only"));
        var alternatives = Assert.Single(a.Regions).Alternatives;
        Assert.True(alternatives.Count >= 2, "GFDL-1.3's text stands for several identifiers: " + string.Join(", ", alternatives));
        Assert.Equal(alternatives.Order(StringComparer.Ordinal), alternatives);
    }

    [Fact]
    public void AlteredTextWithAllRightsReserved_StaysANearMatch()
    {
        // "All rights reserved" on the copyright line of an altered MIT text: the near match is what a reviewer must
        // see, not a reservation of rights (only a text with no licence in it is read as one).
        var a = Matcher.Analyze(MitWithBanana.Replace("Copyright (c) 2020 Foo", "Copyright (c) 2020 Foo. All rights reserved.", StringComparison.Ordinal));
        Assert.Equal(LicenseTextMatchKind.Near, a.Kind);
        Assert.Equal("MIT", a.NearestLicense);
        Assert.StartsWith("Near match to MIT (similarity ", a.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestStandardHeader_ToleratesFortyOtherWords()
    {
        // CPAL-1.0 has the longest standard header of the list. With the 40 other words a notice tolerates it stays under
        // the 320 words up to which headers are looked for (so that bound never decides for list 3.28.0).
        string header = SpdxTemplateText.RenderHeader("CPAL-1.0");
        int words = Matcher.Analyze(header).WordCount;
        Assert.InRange(words, 250, 280);
        var at = Matcher.Analyze(header + "\n\n" + Words(40));
        Assert.Equal((LicenseTextMatchKind.Notice, "CPAL-1.0", words + 40), (at.Kind, at.Expression.ToString(), at.WordCount));
        var over = Matcher.Analyze(header + "\n\n" + Words(41));
        Assert.Equal((LicenseTextMatchKind.None, "NOASSERTION"), (over.Kind, over.Expression.ToString()));
    }
}
