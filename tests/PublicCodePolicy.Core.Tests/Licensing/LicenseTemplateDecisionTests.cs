// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>How a compiled template splits at its first required word, and the word pairs its index is built from.</summary>
public sealed class LicenseTemplateDecisionTests
{
    [Fact]
    public void Template_IsAnchoredOnItsFirstRequiredWord()
    {
        var opt = new OptionalNode(new TemplateNode[] { WordNode.For(9) });
        var alt = new AltNode(".+", new[] { "x" });
        var a = WordNode.For(1);
        var b = WordNode.For(2);
        var inner = new OptionalNode(new TemplateNode[] { WordNode.For(3), WordNode.For(4) });
        var d = WordNode.For(5);
        var e = WordNode.For(6);
        var t = new LicenseTemplate("X-1.0", TemplateKind.Exception, true, new TemplateNode[] { opt, alt, a, b, inner, d, e }, new[] { 3, 1, 3, 1, 2 });
        Assert.Equal("X-1.0", t.Id);
        Assert.Equal(TemplateKind.Exception, t.Kind);
        Assert.True(t.IsOsiApproved);
        Assert.Equal(new TemplateNode[] { opt, alt }, t.Leading);
        Assert.Equal(new TemplateNode[] { a, b, inner, d, e }, t.Nodes);
        Assert.Equal(1, t.FirstWord);
        Assert.Equal(4, t.RequiredWordCount);
        Assert.Equal(new[] { LicenseTemplate.Bigram(1, 2), LicenseTemplate.Bigram(5, 6) }, t.RequiredBigrams);
        Assert.Equal(new[] { LicenseTemplate.Bigram(1, 2), LicenseTemplate.Bigram(1, 3), LicenseTemplate.Bigram(3, 1) }, t.AllBigrams);
        Assert.Equal(new[] { 3, 1, 3, 1, 2 }, t.AllWords);
    }

    [Fact]
    public void RequiredPairs_AreSortedAndDistinct()
    {
        var n = new TemplateNode[] { WordNode.For(7), WordNode.For(1), WordNode.For(7), WordNode.For(1) };
        var t = new LicenseTemplate("Y", TemplateKind.License, false, n, new[] { 4 });
        Assert.Equal(new[] { LicenseTemplate.Bigram(1, 7), LicenseTemplate.Bigram(7, 1) }, t.RequiredBigrams);
        Assert.Equal(4, t.RequiredWordCount);
        Assert.Empty(t.AllBigrams);
        Assert.Empty(t.Leading);
    }

    [Fact]
    public void TemplateWithoutARequiredWord_HasNoAnchor()
    {
        var t = new LicenseTemplate("Z", TemplateKind.Header, false, new TemplateNode[] { new OptionalNode(new TemplateNode[] { WordNode.For(1) }) }, Array.Empty<int>());
        Assert.Empty(t.Nodes);
        Assert.Empty(t.Leading);
        Assert.Equal(-1, t.FirstWord);
        Assert.Equal(0, t.RequiredWordCount);
        Assert.Empty(t.RequiredBigrams);
        Assert.Empty(t.AllBigrams);
    }

    [Fact]
    public void Bigram_PacksTwoIdsIntoOneNumber()
    {
        Assert.Equal(4294967298L, LicenseTemplate.Bigram(1, 2));
        Assert.Equal(12884901887L, LicenseTemplate.Bigram(2, -1));
        Assert.Same(WordNode.For(12), WordNode.For(12));
        Assert.Equal(12, WordNode.For(12).Id);
    }
}
