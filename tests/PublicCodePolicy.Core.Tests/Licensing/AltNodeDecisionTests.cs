// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// An SPDX template alternative (<c>&lt;&lt;var;original=…;match=…&gt;&gt;</c>): which patterns are wildcards, how
/// many words it may cover, and which runs of words it accepts (the list's own text, the normalised words, the raw
/// text with its punctuation, nothing for a pure-punctuation alternative).
/// </summary>
public sealed class AltNodeDecisionTests
{
    private static readonly TextTokenizer s_tokenizer = new(Array.Empty<IReadOnlyList<string>>());

    private static TokenizedText Text(string s) => s_tokenizer.Tokenize(s);

    private static string[] Defaults(int n) => Enumerable.Range(0, n).Select(i => "w" + i).ToArray();

    [Theory]
    [InlineData(".+", 2, true, 1, 16)]
    [InlineData(" .* ", 0, true, 0, 16)]
    [InlineData(".+?", 0, true, 0, 16)]
    [InlineData(".+?", 1, true, 1, 16)]
    [InlineData("(.+)", 1, true, 1, 16)]
    [InlineData("(.*)", 0, true, 0, 16)]
    [InlineData(".*?", 1, true, 0, 16)]
    [InlineData("(.+?)", 1, false, 0, 16)]
    [InlineData(".+ x", 1, false, 1, 16)]
    [InlineData("x.+", 1, false, 0, 16)]
    [InlineData("zzz", 5, false, 0, 18)]
    [InlineData("zzz", 40, false, 0, 80)]
    [InlineData("x|a b c d e f g h i j k l m n o p q r s t", 0, false, 0, 24)]
    [InlineData(@"\w+ \w+ \w+ \w+ \w+ \w+ \w+", 0, false, 0, 18)]
    public void Bounds(string pattern, int defaults, bool wildcard, int min, int max)
    {
        var a = new AltNode(pattern, Defaults(defaults));
        Assert.Equal(wildcard, a.IsWildcard);
        Assert.Equal(min, a.MinWords);
        Assert.Equal(max, a.MaxWords);
        Assert.Equal(defaults, a.DefaultWords.Length);
    }

    [Fact]
    public void Pattern_IsTriedOnTheNormalisedWords()
    {
        var t = Text("qux bar baz qux");
        var a = new AltNode("foo|bar baz", new[] { "foo" });
        Assert.True(a.Accepts(t, 1, 2));
        Assert.False(a.Accepts(t, 0, 1));
        Assert.False(a.Accepts(t, 1, 1));
        Assert.True(new AltNode("BAR", Array.Empty<string>()).Accepts(t, 1, 1));
    }

    [Fact]
    public void Pattern_IsTriedOnTheRawTextBetweenTheNeighbours()
    {
        var a = new AltNode(@"2\.0", Array.Empty<string>());
        var t = Text("version 2.0 only");
        Assert.True(a.Accepts(t, 1, 2));
        Assert.False(a.Accepts(t, 0, 2));
        Assert.True(a.Accepts(Text("2.0 later"), 0, 2));
        Assert.True(a.Accepts(Text("see 2.0"), 1, 2));
    }

    [Fact]
    public void RawText_LongerThan2000Characters_IsNotTried()
    {
        var a = new AltNode("foo-+bar", Array.Empty<string>());
        Assert.True(a.Accepts(Text("foo" + new string('-', 1994) + "bar"), 0, 2));
        Assert.False(a.Accepts(Text("foo" + new string('-', 1995) + "bar"), 0, 2));
    }

    [Fact]
    public void ListText_IsAcceptedEvenWhenThePatternForgetsIt()
    {
        var a = new AltNode("zzz", new[] { "hello", "world" });
        Assert.True(a.Accepts(Text("hello world"), 0, 2));
        Assert.False(a.Accepts(Text("hello there"), 0, 2));
        Assert.False(a.Accepts(Text("there world"), 0, 2));
        Assert.False(a.Accepts(Text("hello world"), 0, 1));
    }

    [Fact]
    public void NoWords_FitOnlyAnAlternativeWithoutWords()
    {
        var t = Text("foo");
        Assert.True(new AltNode("zzz", Array.Empty<string>()).Accepts(t, 0, 0));
        Assert.False(new AltNode("zzz", new[] { "a" }).Accepts(t, 0, 0));
    }

    [Fact]
    public void Wildcard_AcceptsAnyRunFromItsMinimum()
    {
        var t = Text("foo bar");
        var a = new AltNode(".+", new[] { "a" });
        Assert.False(a.Accepts(t, 0, 0));
        Assert.True(a.Accepts(t, 0, 1));
        Assert.True(a.Accepts(t, 0, 2));
    }

    [Fact]
    public void BrokenPattern_AcceptsNothing_EveryTime()
    {
        var a = new AltNode("(", Array.Empty<string>());
        var t = Text("foo (");
        Assert.False(a.Accepts(t, 0, 1));
        Assert.False(a.Accepts(t, 0, 1));
    }
}
