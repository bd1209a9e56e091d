// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// A paragraph after a licence text about bundled third-party code under its own terms restricts nothing of this
/// work only when it names third parties, says their terms are their own, and speaks of restrictions or conditions
/// of "that software" alone. Each word of those rules is tried on its own, in both directions.
/// </summary>
public sealed class ThirdPartyParagraphTests
{
    private static readonly string s_mit = SpdxTemplateText.Render("MIT");

    private static string Concluded(string marker, string own, string term, string reference, string extra = "")
        => LicenseTextMatcher.Shared.Analyze(s_mit + "\n\nThis package contains " + marker + " software which comes with " + own + ". The " + term + " which apply to " + reference + " are listed" + extra + ".").Expression.ToString();

    [Fact]
    public void ThirdPartyParagraph_IsHarmless_AndCounted()
    {
        var a = LicenseTextMatcher.Shared.Analyze(s_mit + "\n\nThis package contains third party software which comes with different license terms. The restrictions which apply to that software are listed.");
        Assert.Equal("MIT", a.Expression.ToString());
        Assert.Equal("Exact match (SPDX matching guidelines) to MIT; extra text: 21 words describe third-party code under its own, separate licence terms.", a.Note);
    }

    [Theory]
    [InlineData("third party")]
    [InlineData("third parties")]
    [InlineData("thirdparty")]
    public void EachMarker_NamesThirdParties(string marker)
    {
        Assert.Equal("MIT", Concluded(marker, "different license terms", "restrictions", "that software"));
    }

    [Theory]
    [InlineData("different license terms")]
    [InlineData("different license")]
    [InlineData("different licenses")]
    [InlineData("its own license")]
    [InlineData("their own license")]
    [InlineData("their own licenses")]
    [InlineData("own license file")]
    [InlineData("separately licensed")]
    [InlineData("licensed separately")]
    [InlineData("separate license")]
    [InlineData("separate licenses")]
    [InlineData("separate terms")]
    [InlineData("respective license")]
    [InlineData("respective licenses")]
    public void EachOwnTermsPhrase_SaysTheTermsAreTheirOwn(string own)
    {
        Assert.Equal("MIT", Concluded("third party", own, "restrictions", "that software"));
    }

    [Theory]
    [InlineData("that software")]
    [InlineData("such software")]
    [InlineData("such code")]
    [InlineData("that code")]
    [InlineData("those components")]
    [InlineData("such components")]
    [InlineData("that component")]
    [InlineData("third party software")]
    [InlineData("third parties software")]
    [InlineData("thirdparty software")]
    public void EachReference_PointsAtTheOtherCode(string reference)
    {
        Assert.Equal("MIT", Concluded("third party", "different license terms", "restrictions", reference));
    }

    [Theory]
    [InlineData("restriction")]
    [InlineData("restrictions")]
    [InlineData("restrict")]
    [InlineData("restricted")]
    [InlineData("condition")]
    [InlineData("conditions")]
    public void EachTermNoun_IsAboutTheOtherCode(string term)
    {
        Assert.Equal("MIT", Concluded("third party", "different license terms", term, "that software"));
    }

    [Theory]
    [InlineData("software")]
    [InlineData("code")]
    [InlineData("project")]
    [InlineData("projects")]
    [InlineData("work")]
    [InlineData("works")]
    [InlineData("program")]
    [InlineData("programs")]
    [InlineData("library")]
    [InlineData("libraries")]
    [InlineData("package")]
    [InlineData("packages")]
    [InlineData("product")]
    [InlineData("products")]
    [InlineData("component")]
    [InlineData("components")]
    [InlineData("module")]
    [InlineData("modules")]
    public void AnotherWorkNamedWithoutADeterminer_MayBeThisWork(string noun)
    {
        Assert.Equal("NOASSERTION", Concluded("third party", "different license terms", "restrictions", "that software", " for the " + noun));
    }

    [Theory]
    [InlineData("other", "different license terms", "restrictions", "that software", "")]
    [InlineData("third party", "the same terms", "restrictions", "that software", "")]
    [InlineData("third party", "different license terms", "restrictions", "the software", "")]
    [InlineData("third party", "different license terms", "fees", "that software", "")]
    [InlineData("third party", "different license terms", "restrictions", "that software", " by you")]
    [InlineData("third party", "different license terms", "restrictions", "that software", " in this file")]
    public void ParagraphThatMayRestrictThisWork_ConcludesNothing(string marker, string own, string term, string reference, string extra)
    {
        Assert.Equal("NOASSERTION", Concluded(marker, own, term, reference, extra));
    }
}
