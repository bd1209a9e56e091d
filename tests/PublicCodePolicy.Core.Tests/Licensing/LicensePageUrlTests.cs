// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Online licence pages: where a URL is read, whether it is pinned, the repository files at a commit, and the text of a page.</summary>
public sealed class LicensePageUrlTests
{
    private const string Sha = "0123456789abcdef0123456789ABCDEF01234567";

    [Theory]
    [InlineData("https://github.com/o/r/blob/v1.2.3/LICENSE", "https://raw.githubusercontent.com/o/r/v1.2.3/LICENSE", true, "v1.2.3")]
    [InlineData("https://www.github.com/o/r/raw/main/docs/LICENSE.md", "https://raw.githubusercontent.com/o/r/main/docs/LICENSE.md", false, "main")]
    [InlineData("https://GitHub.com/o/r/blob/" + Sha + "/LICENSE", "https://raw.githubusercontent.com/o/r/" + Sha + "/LICENSE", true, Sha)]
    [InlineData("  https://github.com/o/r/blob/2.0-rc.1/LICENSE  ", "https://raw.githubusercontent.com/o/r/2.0-rc.1/LICENSE", true, "2.0-rc.1")]
    [InlineData("https://raw.githubusercontent.com/o/r/develop/COPYING", "https://raw.githubusercontent.com/o/r/develop/COPYING", false, "develop")]
    [InlineData("http://raw.githubusercontent.com/o/r/1.0/COPYING", "https://raw.githubusercontent.com/o/r/1.0/COPYING", true, "1.0")]
    [InlineData("https://gitlab.com/g/sub/p/-/blob/1.0/LICENSE", "https://gitlab.com/g/sub/p/-/raw/1.0/LICENSE", true, "1.0")]
    [InlineData("https://www.gitlab.com/g/p/-/raw/master/a/LICENSE", "https://gitlab.com/g/p/-/raw/master/a/LICENSE", false, "master")]
    public void Locate_ForgeLinks_AreReadAsRawContent(string url, string raw, bool immutable, string reference)
    {
        Assert.Equal(new LicensePageLocation(raw, immutable, reference), LicensePageUrls.Locate(url));
    }

    [Theory]
    [InlineData("https://github.com/o/r/blob/main", "https://github.com/o/r/blob/main")]
    [InlineData("https://github.com/o/r/tree/v1.0/LICENSE", "https://github.com/o/r/tree/v1.0/LICENSE")]
    [InlineData("https://raw.githubusercontent.com/o/r/" + Sha, "https://raw.githubusercontent.com/o/r/" + Sha)]
    [InlineData("https://gitlab.com/g/-/blob/1.0/LICENSE", "https://gitlab.com/g/-/blob/1.0/LICENSE")]
    [InlineData("https://gitlab.com/g/p/-/blob/1.0", "https://gitlab.com/g/p/-/blob/1.0")]
    [InlineData("https://gitlab.com/g/p/-/tree/1.0/LICENSE", "https://gitlab.com/g/p/-/tree/1.0/LICENSE")]
    [InlineData("https://gitlab.com/g/p/blob/1.0/LICENSE", "https://gitlab.com/g/p/blob/1.0/LICENSE")]
    [InlineData("https://bitbucket.org/o/r/src/" + Sha + "/LICENSE", "https://bitbucket.org/o/r/src/" + Sha + "/LICENSE")]
    [InlineData("http://Example.com/l?x=1#part", "http://example.com/l?x=1")]
    public void Locate_OtherAddresses_AreReadAsTheyAre_AndMutable(string url, string expected)
    {
        Assert.Equal(new LicensePageLocation(expected, false, null), LicensePageUrls.Locate(url));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("V1.2")]
    [InlineData("v1.")]
    [InlineData("1.2-")]
    [InlineData("release-1.2")]
    [InlineData("1.2.3x")]
    [InlineData("0123456789abcdef0123456789abcdef0123456")]
    [InlineData("0123456789abcdef0123456789abcdef012345678")]
    [InlineData("0123456789abcdef0123456789abcdef0123456g")]
    public void Locate_OnlyCommitsAndVersionTagsArePinned(string reference)
    {
        var location = LicensePageUrls.Locate("https://github.com/o/r/blob/" + reference + "/LICENSE");
        Assert.NotNull(location);
        Assert.False(location.IsImmutable);
        Assert.Equal(reference, location.Ref);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LICENSE.txt")]
    [InlineData("ftp://example.com/LICENSE")]
    [InlineData("file:///etc/passwd")]
    public void Locate_NotAnHttpAddress_IsNull(string? url)
    {
        Assert.Null(LicensePageUrls.Locate(url));
    }

    [Fact]
    public void RepositoryLicenseFiles_AreLookedForInThisOrder()
    {
        Assert.Equal(new[] { "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING" }, LicensePageUrls.RepositoryLicenseFiles);
    }

    [Fact]
    public void AtCommit_GitHub_NamesTheFourFilesAtTheLowerCaseCommit()
    {
        var lower = Sha.ToLowerInvariant();
        Assert.Equal(
            new[] { "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING" }.Select(f => "https://raw.githubusercontent.com/o/r/" + lower + "/" + f),
            LicensePageUrls.AtCommit(new RepositoryInfo(null, " https://github.com/o/r.git/ ", null, " " + Sha + " ")));
        Assert.Equal(
            "https://raw.githubusercontent.com/o/r/" + lower + "/LICENSE",
            LicensePageUrls.AtCommit(new RepositoryInfo(" Git ", "https://www.github.com/o/r", "main", Sha))[0]);
    }

    [Fact]
    public void AtCommit_GitLab_KeepsTheGroupPath()
    {
        var lower = Sha.ToLowerInvariant();
        Assert.Equal(
            new[] { "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING" }.Select(f => "https://gitlab.com/g/sub/p/-/raw/" + lower + "/" + f),
            LicensePageUrls.AtCommit(new RepositoryInfo("git", "https://gitlab.com/g/sub/p.GIT", null, Sha)));
        Assert.Equal(4, LicensePageUrls.AtCommit(new RepositoryInfo("git", "https://www.gitlab.com/g/p", null, Sha)).Count);
    }

    [Theory]
    [InlineData("git", "https://github.com/o/r", null)]
    [InlineData("git", null, Sha)]
    [InlineData("git", "https://github.com/o/r", "0123456")]
    [InlineData("git", "https://github.com/o/r", Sha + "0")]
    [InlineData("svn", "https://github.com/o/r", Sha)]
    [InlineData("git", "http://github.com/o/r", Sha)]
    [InlineData("git", "github.com/o/r", Sha)]
    [InlineData("git", "https://github.com/o", Sha)]
    [InlineData("git", "https://github.com/o/r/tree", Sha)]
    [InlineData("git", "https://gitlab.com/g", Sha)]
    [InlineData("git", "https://gitlab.com/g/p/-/tree/main", Sha)]
    [InlineData("git", "https://bitbucket.org/o/r", Sha)]
    public void AtCommit_ElsewhereOrWithoutAFullCommit_IsEmpty(string? type, string? url, string? commit)
    {
        Assert.Empty(LicensePageUrls.AtCommit(new RepositoryInfo(type, url, null, commit)));
    }

    [Fact]
    public void AtCommit_NoRepository_IsEmpty()
    {
        Assert.Empty(LicensePageUrls.AtCommit(null));
    }

    // ---- evidence ----

    private static LicensePageEvidence Evidence(string url, string requested, bool immutable) => new()
    {
        RequestedUrl = requested,
        Url = url,
        RetrievedAt = new DateTimeOffset(2026, 3, 4, 7, 8, 9, TimeSpan.FromHours(2)),
        Sha256 = "ab12",
        IsImmutable = immutable,
    };

    [Fact]
    public void Describe_SameUrl_Mutable()
    {
        var e = Evidence("https://example.com/l", "https://example.com/l", immutable: false);
        Assert.Equal("2026-03-04T05:08:09Z", e.RetrievedAtText);
        Assert.Equal("Read online from https://example.com/l on 2026-03-04T05:08:09Z, SHA-256 ab12, mutable (the address may serve another text later).", e.Describe());
    }

    [Fact]
    public void Describe_RewrittenUrl_Immutable()
    {
        var e = Evidence("https://raw.githubusercontent.com/o/r/v1.0/LICENSE", "https://github.com/o/r/blob/v1.0/LICENSE", immutable: true);
        Assert.Equal("Read online from https://raw.githubusercontent.com/o/r/v1.0/LICENSE (for https://github.com/o/r/blob/v1.0/LICENSE) on 2026-03-04T05:08:09Z, SHA-256 ab12, immutable (pinned to a commit or tag).", e.Describe());
    }

    // ---- page text ----

    private static (string? Text, bool IsHtml) Extract(string content, string? mediaType) => LicensePageText.Extract(Encoding.UTF8.GetBytes(content), mediaType);

    [Fact]
    public void Extract_PlainText_IsKept()
    {
        Assert.Equal(("MIT <b>x</b>", false), Extract("MIT <b>x</b>", "text/plain"));
        Assert.Equal(("x <html>", false), Extract("x <html>", null));
        Assert.Equal(("<html>x", false), Extract("<html>x", "text/markdown"));
        Assert.Equal((string.Empty, false), Extract(string.Empty, null));
    }

    [Fact]
    public void Extract_NulByte_IsNotText()
    {
        Assert.Equal(((string?)null, false), LicensePageText.Extract(new byte[] { 0x4D, 0x00, 0x49 }, "text/plain"));
    }

    [Fact]
    public void Extract_InvalidUtf8_IsReadAsLatin1()
    {
        Assert.Equal(("c\u00e9t\u00e9", false), LicensePageText.Extract(new byte[] { 0x63, 0xE9, 0x74, 0xE9 }, "text/plain"));
    }

    [Fact]
    public void Extract_ByteOrderMark_IsDropped()
    {
        Assert.Equal(("MIT", false), LicensePageText.Extract(new byte[] { 0xEF, 0xBB, 0xBF, 0x4D, 0x49, 0x54 }, "text/plain"));
    }

    [Fact]
    public void Extract_Html_GivesTheVisibleText()
    {
        Assert.Equal(("\nA&B\n", true), Extract("<p>A&amp;B</p>", "text/html"));
        Assert.Equal(("x y", true), Extract("x<script>evil()</script>y", "text/html"));
        Assert.Equal(("x y", true), Extract("x<STYLE type=\"t\">p{}</STYLE >y", "text/html"));
        Assert.Equal(("a b", true), Extract("a<!-- c\n d -->b", "text/html"));
        Assert.Equal((" bold ", true), Extract("<b>bold</b>", "application/xhtml+xml"));
        Assert.Equal((" z", true), Extract("<HEAD>t</HEAD>z", "text/html"));
        Assert.Equal(("\nl1\n\nl2\n", true), Extract("<li>l1</li><LI class=\"x\">l2</li>", "text/html"));
    }

    [Fact]
    public void Extract_UndeclaredHtml_IsRecognisedByItsStart()
    {
        Assert.Equal(("   \nx", true), Extract("  <!DOCTYPE html><p>x", null));
        Assert.Equal((" x ", true), Extract("<HTML>x</HTML>", "application/octet-stream"));
        Assert.Equal(("<html>x</html>", false), Extract("<html>x</html>", "text/plain"));
    }
}
