// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The template automaton on hand-made templates and short texts: the longest span wins, then the earliest; words
/// of a copyright line or numbering may be skipped but nothing else; optional parts, alternatives (also after a
/// skippable run), and the leading part matched backwards from the anchor; how far a text follows a template.
/// Spans are worked out by hand (word positions, 0-based, end exclusive).
/// </summary>
public sealed class TemplateMatcherDecisionTests
{
    private static readonly TextTokenizer s_tokenizer = new(Array.Empty<IReadOnlyList<string>>());
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    private int Id(string w)
    {
        if (!_ids.TryGetValue(w, out int id)) _ids[w] = id = 1000 + _ids.Count;
        return id;
    }

    private WordNode W(string w) => WordNode.For(Id(w));

    private OptionalNode Opt(params string[] words) => new(words.Select(w => (TemplateNode)W(w)).ToArray());

    private static LicenseTemplate T(params TemplateNode[] nodes) => new("T", TemplateKind.License, false, nodes, Array.Empty<int>());

    private (int, int)? Find(LicenseTemplate t, string text)
    {
        var tokens = s_tokenizer.Tokenize(text);
        var r = TemplateMatcher.Find(t, tokens, IdsOf(tokens));
        return r == null ? null : (r.Value.Start, r.Value.End);
    }

    private int[] IdsOf(TokenizedText tokens) => tokens.Words.Select(w => _ids.TryGetValue(w, out int id) ? id : -1).ToArray();

    private (int, int) Progress(LicenseTemplate t, string text)
    {
        var tokens = s_tokenizer.Tokenize(text);
        return TemplateMatcher.Progress(t, tokens, IdsOf(tokens));
    }

    [Fact]
    public void Words_MatchInTheMiddleOfATextOrNotAtAll()
    {
        var t = T(W("alpha"), W("beta"));
        Assert.Equal((1, 3), Find(t, "one alpha beta two"));
        Assert.Null(Find(t, "one two"));
        Assert.Null(Find(t, "alpha two"));
    }

    [Fact]
    public void EqualSpans_TheEarliestWins()
    {
        Assert.Equal((0, 2), Find(T(W("alpha"), W("beta")), "alpha beta alpha beta"));
    }

    [Fact]
    public void TheLongestSpanWins_WhereverItIs()
    {
        var t = T(W("alpha"), Opt("beta", "gamma"));
        Assert.Equal((2, 5), Find(t, "alpha one alpha beta gamma"));
        Assert.Equal((0, 3), Find(t, "alpha beta gamma alpha"));
    }

    [Fact]
    public void SkippableRun_MayBeSkipped_OtherWordsMayNot()
    {
        var t = T(W("alpha"), W("beta"));
        Assert.Equal((0, 5), Find(t, "alpha\nCopyright 2020 Foo\nbeta"));
        Assert.Null(Find(t, "alpha zeta beta"));
    }

    [Fact]
    public void OptionalPart_MayBeThereOrNot()
    {
        var t = T(W("alpha"), Opt("beta"), W("gamma"));
        Assert.Equal((0, 2), Find(t, "alpha gamma"));
        Assert.Equal((0, 3), Find(t, "alpha beta gamma"));
        Assert.Null(Find(t, "alpha delta gamma"));
    }

    [Fact]
    public void TwoWaysToOnePosition_KeepTheEarliestStart()
    {
        Assert.Equal((0, 3), Find(T(W("alpha"), Opt("alpha"), W("beta")), "alpha alpha beta"));
    }

    [Fact]
    public void Alternative_AcceptsARunOfWords_AlsoAfterNumbering()
    {
        var t = T(W("alpha"), new AltNode("foo|bar baz", new[] { "foo" }), W("gamma"));
        Assert.Equal((0, 4), Find(t, "alpha bar baz gamma"));
        Assert.Equal((0, 4), Find(t, "alpha\n1. foo gamma"));
        Assert.Null(Find(t, "alpha qux gamma"));
    }

    [Fact]
    public void Alternative_StopsAtTheEndOfTheText()
    {
        Assert.Equal((0, 2), Find(T(W("alpha"), new AltNode(".+", new[] { "zz" })), "alpha beta"));
    }

    [Fact]
    public void LeadingOptional_IsMatchedBackwards()
    {
        var t = T(Opt("the", "title"), W("alpha"), W("beta"));
        Assert.Equal((0, 4), Find(t, "the title alpha beta"));
        Assert.Equal((0, 2), Find(t, "alpha beta"));
        Assert.Equal((3, 5), Find(t, "the zeta title alpha beta"));
        Assert.Equal((0, 5), Find(t, "the title\n1. alpha beta"));
        Assert.Null(Find(t, "alpha gamma"));
    }

    [Fact]
    public void CopyrightLineBeforeTheText_BelongsToIt()
    {
        Assert.Equal((0, 4), Find(T(Opt("zzz"), W("alpha"), W("beta")), "Copyright Foo\nalpha beta"));
    }

    [Fact]
    public void LeadingAlternative_IsMatchedBackwards_AlsoOverNumbering()
    {
        Assert.Equal((0, 4), Find(T(new AltNode("the (big )?title", Array.Empty<string>()), W("alpha")), "the big title alpha"));
        Assert.Equal((0, 4), Find(T(new AltNode("the title", Array.Empty<string>()), W("alpha")), "the title\n1. alpha"));
    }

    [Fact]
    public void LeadingAlternativeThatFits_Nothing_LeavesTheAnchoredSpan()
    {
        Assert.Equal((0, 1), Find(T(new AltNode("zzz", new[] { "zzz" }), W("alpha")), "alpha"));
    }

    [Fact]
    public void Progress_CountsTheNodesFollowedAndTheFurthestWord()
    {
        var t = T(W("alpha"), W("beta"), W("gamma"), W("delta"));
        Assert.Equal((2, 2), Progress(t, "alpha beta zeta"));
        Assert.Equal((2, 3), Progress(t, "zeta alpha beta"));
        Assert.Equal((4, 4), Progress(t, "alpha beta gamma delta"));
        Assert.Equal((0, 0), Progress(t, "zeta"));
    }

    [Fact]
    public void Progress_StopsCountingPast256LivePositions()
    {
        var t = T(W("alpha"), W("beta"));
        Assert.Equal((1, 256), Progress(t, string.Join(' ', Enumerable.Repeat("alpha", 256))));
        Assert.Equal((0, 257), Progress(t, string.Join(' ', Enumerable.Repeat("alpha", 257))));
    }
}
