// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The tokenizer's decisions, one by one, on short texts: character normalisation, word cutting (apostrophes, &amp;,
/// ©), equivalent words (longest first, at the end of a text), and which words the SPDX matching guidelines let a
/// matcher skip (copyright lines, "All rights reserved", list numbering). Expected values are worked out by hand.
/// </summary>
public sealed class TextTokenizerDecisionTests
{
    private static readonly TextTokenizer s_plain = new(Array.Empty<IReadOnlyList<string>>());

    private static TextTokenizer With(params string[][] groups) => new(groups.Select(g => (IReadOnlyList<string>)g));

    private static string Words(TokenizedText t) => string.Join(' ', t.Words);

    private static string Mask(TokenizedText t) => string.Concat(t.Skippable.Select(s => s ? '1' : '0'));

    [Fact]
    public void NormalizeCharacters_MapsQuotesDashesSpacesAndLineBreaks()
    {
        Assert.Equal("''''''", TextTokenizer.NormalizeCharacters("\u2018\u2019\u201A\u201B`\u00B4"));
        Assert.Equal("\"\"\"\"\"\"", TextTokenizer.NormalizeCharacters("\u201C\u201D\u201E\u201F\u00AB\u00BB"));
        Assert.Equal("-------", TextTokenizer.NormalizeCharacters("\u2010\u2011\u2012\u2013\u2014\u2015\u2212"));
        Assert.Equal("a      b", TextTokenizer.NormalizeCharacters("a\u00A0\u2007\u202F\t\f\vb"));
        // CR LF is one break, a lone CR is one break, a CR closing the text too.
        Assert.Equal("a\nb\nc\n", TextTokenizer.NormalizeCharacters("a\r\nb\rc\r"));
        // A special character in first position is still seen.
        Assert.Equal("'x", TextTokenizer.NormalizeCharacters("\u2018x"));
    }

    [Fact]
    public void NormalizeCharacters_PlainText_IsTheSameString()
    {
        var text = "Plain text, with \"quotes\" and - dashes.\n";
        Assert.Same(text, TextTokenizer.NormalizeCharacters(text));
    }

    [Fact]
    public void Tokenize_CutsWordsAmpersandAndCopyrightSign_WithOffsetsAndLineStarts()
    {
        var t = s_plain.Tokenize("Foo & BAR \u00A9 x\nY2k");
        Assert.Equal(new[] { "foo", "and", "bar", "c", "x", "y2k" }, t.Words);
        Assert.Equal(new[] { 0, 4, 6, 10, 12, 14 }, t.Starts);
        Assert.Equal(new[] { 3, 5, 9, 11, 13, 17 }, t.Ends);
        Assert.Equal(new[] { true, false, false, false, false, true }, t.LineStarts);
        Assert.Equal(6, t.Count);
    }

    [Fact]
    public void Tokenize_ApostropheInsideAWord_IsDropped_ElsewhereItCuts()
    {
        var t = s_plain.Tokenize("RSV's 'tis it' s ab'1 x'");
        Assert.Equal("rsvs tis it s ab 1 x", Words(t));
        Assert.Equal(new[] { 0, 7, 11, 15, 17, 20, 22 }, t.Starts);
        Assert.Equal(new[] { 5, 10, 13, 16, 19, 21, 23 }, t.Ends);
    }

    [Fact]
    public void Words_WithoutARule_AreTheRawWords()
    {
        var tok = With(new[] { "per cent", "percent" });
        Assert.Equal(new[] { "no", "rule", "here", "and", "c" }, tok.Words("No rule here & \u00A9"));
        Assert.Equal(new[] { "ten", "per", "cent" }, tok.Words("ten percent"));
        Assert.Equal(new[] { "it", "s" }, tok.Words("it\u2019 s"));
    }

    [Fact]
    public void Equivalence_OneWordToTwo_KeepsTheOffsetsOfTheWordAndOneLineStart()
    {
        var tok = With(new[] { "per cent", "percent" });
        var t = tok.Tokenize("percent more\npercent percent");
        Assert.Equal("per cent more per cent per cent", Words(t));
        Assert.Equal(new[] { 0, 0, 8, 13, 13, 21, 21 }, t.Starts);
        Assert.Equal(new[] { 7, 7, 12, 20, 20, 28, 28 }, t.Ends);
        Assert.Equal(new[] { true, false, false, true, false, false, false }, t.LineStarts);
    }

    [Fact]
    public void Equivalence_TwoWordsToOne_AlsoAtTheEndOfTheText()
    {
        var tok = With(new[] { "owner", "copyright holder" });
        var t = tok.Tokenize("the copyright holder");
        Assert.Equal("the owner", Words(t));
        Assert.Equal(new[] { 0, 4 }, t.Starts);
        Assert.Equal(new[] { 3, 20 }, t.Ends);
        // A rule's first word alone at the end, or followed by another word, is left as it is.
        Assert.Equal("the copyright", Words(tok.Tokenize("the copyright")));
        Assert.Equal("copyright owner x", Words(tok.Tokenize("copyright owner x")));
        Assert.Equal(new[] { "the", "owner", "of" }, tok.Words("the copyright holder of"));
    }

    [Fact]
    public void Equivalence_LongestVariantIsTriedFirst()
    {
        var tok = With(new[] { "x", "foo" }, new[] { "y", "foo bar" });
        Assert.Equal(new[] { "y" }, tok.Words("foo bar"));
        Assert.Equal(new[] { "x", "baz" }, tok.Words("foo baz"));
        Assert.Equal(new[] { "x" }, tok.Words("foo"));
    }

    [Fact]
    public void Equivalence_FirstGroupOfAVariantWins_AndDegenerateGroupsAreIgnored()
    {
        var tok = With(new[] { "x", "foo" }, new[] { "y", "foo" }, new[] { "lonely" }, new[] { "z", "--" }, new[] { "Same", "same" });
        Assert.Equal(new[] { "x", "lonely", "same" }, tok.Words("foo lonely same"));
    }

    [Fact]
    public void Equivalence_GroupOfTwo_IsARule()
    {
        var tok = With(new[] { "licence", "license" });
        Assert.Equal(new[] { "licence", "licence" }, tok.Words("License licence"));
    }

    [Fact]
    public void Equivalence_HttpsIsHttp()
    {
        // A tokenizer of its own: one made in a static initialiser is invisible to Stryker's per-test coverage.
        var tok = new TextTokenizer(Array.Empty<IReadOnlyList<string>>());
        Assert.Equal("http example org", Words(tok.Tokenize("https://example.org")));
        Assert.Equal("http example org", Words(tok.Tokenize("http://example.org")));
        Assert.Equal(new[] { "http", "x" }, tok.Words("HTTPS x"));
    }

    [Fact]
    public void Equivalence_LicencesIsLicenses()
    {
        // The plural of the list's licence/license pair, which British and French texts use.
        var tok = new TextTokenizer(Array.Empty<IReadOnlyList<string>>());
        Assert.Equal(new[] { "licenses", "licenses", "licence" }, tok.Words("Licences licenses licence"));
    }

    [Theory]
    // Every Roman numeral of the list numbering, i to xv (i, v and x are also single letters).
    [InlineData("i")]
    [InlineData("ii")]
    [InlineData("iii")]
    [InlineData("iv")]
    [InlineData("v")]
    [InlineData("vi")]
    [InlineData("vii")]
    [InlineData("viii")]
    [InlineData("ix")]
    [InlineData("x")]
    [InlineData("xi")]
    [InlineData("xii")]
    [InlineData("xiii")]
    [InlineData("xiv")]
    [InlineData("xv")]
    public void Skippable_RomanNumeralBullets(string numeral)
    {
        Assert.Equal("10", Mask(s_plain.Tokenize(numeral + ") foo")));
        Assert.Equal("010", Mask(s_plain.Tokenize("foo (" + numeral + ") bar")));
    }

    [Theory]
    // A bullet of up to three characters is all digits, one letter or a Roman numeral: not a mix.
    [InlineData("a1) foo")]
    [InlineData("1a) foo")]
    [InlineData("v2) foo")]
    public void Skippable_MixedLettersAndDigits_AreNotBullets(string text)
    {
        Assert.Equal("00", Mask(s_plain.Tokenize(text)));
    }

    [Theory]
    // Each abbreviation a period ends without ending the copyright ("Acme Corp. Use it" is all copyright).
    [InlineData("inc")]
    [InlineData("ltd")]
    [InlineData("co")]
    [InlineData("corp")]
    [InlineData("llc")]
    [InlineData("llp")]
    [InlineData("gmbh")]
    [InlineData("sa")]
    [InlineData("sas")]
    [InlineData("sarl")]
    [InlineData("bv")]
    [InlineData("ag")]
    [InlineData("plc")]
    [InlineData("jr")]
    [InlineData("sr")]
    [InlineData("st")]
    [InlineData("dr")]
    [InlineData("mr")]
    [InlineData("mrs")]
    [InlineData("ms")]
    [InlineData("al")]
    [InlineData("etc")]
    [InlineData("vs")]
    [InlineData("no")]
    public void Skippable_CopyrightGoesOnAfterAnAbbreviation(string abbreviation)
    {
        Assert.Equal("11111", Mask(s_plain.Tokenize("Copyright Foo " + abbreviation + ". Use it")));
    }

    [Theory]
    // Each word that opens a licence statement ends the copyright even after an abbreviation.
    [InlineData("Licensed")]
    [InlineData("Licenced")]
    [InlineData("Released")]
    [InlineData("Distributed")]
    [InlineData("Published")]
    [InlineData("SPDX")]
    [InlineData("Publié")]
    [InlineData("Publiée")]
    [InlineData("Distribué")]
    [InlineData("Distribuée")]
    [InlineData("Diffusé")]
    [InlineData("Diffusée")]
    public void Skippable_StatementAfterAnAbbreviation_EndsTheCopyright(string word)
    {
        Assert.Equal("11100", Mask(s_plain.Tokenize("Copyright Foo Inc. " + word + " it")));
    }

    [Theory]
    // Copyright lines, whole lines.
    [InlineData("Copyright 2024 Foo\nPermission granted", "11100")]
    [InlineData("Copyright Foo\nBar", "110")]
    [InlineData("Portions Copyright Foo\nok", "1110")]
    [InlineData("Portions of it\nok", "0000")]
    [InlineData("foo\nportions", "00")]
    [InlineData("All rights reserved\nok", "1110")]
    [InlineData("All rights reserved by Foo\nok", "000000")]
    [InlineData("(c) 2024 Foo\nok", "1110")]
    [InlineData("\u00A9 Copyright Foo", "111")]
    [InlineData("see copyright 2024", "000")]
    // A copyright line ends where another sentence begins: after a period and a space, a capital letter (not after an
    // abbreviation or an initial) or a word opening a licence statement; after a semicolon and a space, any word.
    // "All rights reserved" and another copyright go on with it.
    [InlineData("Copyright Foo. Use it", "1100")]
    [InlineData("Copyright Foo. use it", "1111")]
    [InlineData("Copyright Foo.Use it", "1111")]
    [InlineData("Copyright Foo; use it", "1100")]
    [InlineData("Copyright Foo Inc. Use it", "11111")]
    [InlineData("Copyright Foo Ltd. Use it", "11111")]
    [InlineData("Copyright J. Doe", "111")]
    [InlineData("Copyright Foo Inc. Licensed under X", "111000")]
    [InlineData("Copyright Foo Inc. licensed under X", "111000")]
    [InlineData("Copyright Foo. All rights reserved. Use it", "1111100")]
    [InlineData("Copyright Foo. Portions copyright Bar. Use it", "1111100")]
    [InlineData("Copyright Foo. (c) 2024 Bar. Use it", "1111100")]
    [InlineData("(c) 2024 Foo. Use it\nBar", "111000")]
    // "c)" is a list item, not a notice; "(c)" closing the text is one too.
    [InlineData("c) item one", "100")]
    [InlineData("foo\n(c)", "01")]
    // List numbering.
    [InlineData("1. Foo\n2. Bar", "1010")]
    [InlineData("a) foo", "10")]
    [InlineData("(b) foo", "10")]
    [InlineData("[iv] foo", "10")]
    [InlineData("foo [2] bar", "010")]
    [InlineData("foo (2) bar", "010")]
    [InlineData("foo 2( bar", "010")]
    [InlineData("foo 2. bar", "010")]
    [InlineData("foo 2.bar", "000")]
    [InlineData("foo\n-1) bar", "010")]
    [InlineData("2 foo", "10")]
    [InlineData("foo 2 bar", "000")]
    [InlineData("use a tool", "000")]
    [InlineData("see 1.2 text", "0110")]
    [InlineData("2(a) text", "110")]
    [InlineData("foo 1.(a) bar", "0110")]
    [InlineData("foo 1).2 bar", "0110")]
    [InlineData("foo 1)..2 bar", "0100")]
    [InlineData("foo 1)-2 bar", "0100")]
    [InlineData("foo-a.2", "000")]
    [InlineData("foo 3.", "01")]
    [InlineData("foo 3", "00")]
    [InlineData("3", "1")]
    [InlineData("100. foo", "10")]
    [InlineData("1000. foo", "00")]
    [InlineData("ab) foo", "00")]
    [InlineData("xv) foo", "10")]
    [InlineData("xvi) foo", "00")]
    public void Skippable_MarksCopyrightLinesAndNumbering(string text, string mask)
    {
        Assert.Equal(mask, Mask(s_plain.Tokenize(text)));
    }

    [Fact]
    public void Tokenize_WithoutMarking_SkipsNothing()
    {
        Assert.Equal("000", Mask(s_plain.Tokenize("Copyright 2024 Foo", markSkippable: false)));
    }

    [Fact]
    public void SkipTables_PointOverTheSkippableRuns()
    {
        var t = s_plain.Tokenize("foo\nCopyright X\nbar");
        Assert.Equal("0110", Mask(t));
        Assert.Equal(new[] { 0, 3, 3, 3, 4 }, t.SkipEnd);
        Assert.Equal(new[] { 0, 1, 1, 1, 4 }, t.SkipStart);
        Assert.Equal(2, t.CountSignificant());
        Assert.Equal("foo\nCopyright X\nbar", t.Source);
    }

    [Fact]
    public void SkipTables_RunAtBothEnds()
    {
        var t = s_plain.Tokenize("1. a\nCopyright X");
        Assert.Equal("1011", Mask(t));
        Assert.Equal(new[] { 1, 1, 4, 4, 4 }, t.SkipEnd);
        Assert.Equal(new[] { 0, 0, 2, 2, 2 }, t.SkipStart);
        Assert.Equal(1, t.CountSignificant());
    }
}
