// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Issue 15 (mutation testing): the parts of a purl the spec's NuGet tests do not reach (qualifiers, subpath,
/// namespaces of other types, the scheme's slashes), with the values worked out by hand from purl-spec's
/// "How to parse" and "How to build" rules.
/// </summary>
public sealed class PackageUrlPartsTests
{
    [Fact]
    public void Qualifiers_AreLowerCasedDecodedSorted_AndEmptyOnesDropped()
    {
        Assert.True(PackageUrl.TryParse("pkg:nuget/Foo@1.0?Z=last&Repository_URL=https%3A%2F%2Fapi.nuget.org%2Fv3&empty=", out var p));
        Assert.Equal(("nuget", (string?)null, "Foo", (string?)"1.0", (string?)null), (p!.Type, p.Namespace, p.Name, p.Version, p.Subpath));
        Assert.Equal(new[] { new KeyValuePair<string, string>("repository_url", "https://api.nuget.org/v3"), new KeyValuePair<string, string>("z", "last") }, p.Qualifiers);
        // Built back: keys sorted, joined by '&', '/' and ':' kept in values.
        Assert.Equal("pkg:nuget/Foo@1.0?repository_url=https://api.nuget.org/v3&z=last", PackageUrl.Build(p));
    }

    [Theory]
    [InlineData("pkg:nuget/Foo?a")]
    [InlineData("pkg:nuget/Foo?=x")]
    [InlineData("pkg:/Foo")]
    [InlineData("pkg:nuget")]
    [InlineData("pkg:1nuget/Foo")]
    [InlineData("pkg:nu_get/Foo")]
    [InlineData("pkg:nuget/@1.0")]
    [InlineData("pkg:nuget/")]
    [InlineData("pkgs:nuget/Foo")]
    [InlineData("xpkg:nuget/Foo")]
    [InlineData(null)]
    public void Malformed_IsRefused(string? purl)
    {
        Assert.False(PackageUrl.TryParse(purl, out var parts));
        Assert.Null(parts);
    }

    [Fact]
    public void Subpath_DropsEmptyDotAndDotDotSegments()
    {
        Assert.True(PackageUrl.TryParse("pkg:nuget/Foo@1.0#/lib/./../net8.0//My%20Lib.dll/", out var p));
        Assert.Equal("lib/net8.0/My Lib.dll", p!.Subpath);
        Assert.Equal("1.0", p.Version);
        Assert.Equal("pkg:nuget/Foo@1.0#lib/net8.0/My%20Lib.dll", PackageUrl.Build(p));
        Assert.True(PackageUrl.TryParse("pkg:nuget/Foo#/./", out var empty));
        Assert.Null(empty!.Subpath);
        Assert.Equal("pkg:nuget/Foo", PackageUrl.Build(empty));
    }

    [Fact]
    public void OtherTypes_KeepTheirNamespace_AndTheSchemeMayHaveSlashes()
    {
        Assert.True(PackageUrl.TryParse("PKG://Maven/org.apache%2Ecommons/io/commons-io@2.11.0/", out var p));
        Assert.Equal(("maven", (string?)"org.apache.commons/io", "commons-io", (string?)"2.11.0"), (p!.Type, p.Namespace, p.Name, p.Version));
        Assert.Empty(p.Qualifiers);
        Assert.Equal("pkg:maven/org.apache.commons/io/commons-io@2.11.0", PackageUrl.Build(p));
        Assert.True(PackageUrl.TryParse("pkg:generic/a.b+c-d/name@", out var g));
        Assert.Equal(("generic", (string?)"a.b+c-d", "name", (string?)null), (g!.Type, g.Namespace, g.Name, g.Version));
        Assert.Equal("pkg:generic/a.b%2Bc-d/name", PackageUrl.Build(g));
    }

    [Fact]
    public void VersionIsTakenAfterTheLastAt()
    {
        Assert.True(PackageUrl.TryParse("pkg:generic/n%40me@1.0@2", out var p));
        Assert.Equal(("n@me@1.0", (string?)"2"), (p!.Name, p.Version));
    }

    [Fact]
    public void Builders_RefuseMissingInput()
    {
        Assert.Throws<ArgumentException>(() => PackageUrl.ForNuGet(" ", "1.0"));
        Assert.Throws<ArgumentNullException>(() => PackageUrl.Build(null!));
        Assert.Equal("pkg:nuget/Foo", PackageUrl.ForNuGet("Foo", ""));
        Assert.Equal("pkg:nuget/%C3%89tat~x_y@1.0", PackageUrl.ForNuGet("État~x_y", "1.0"));
    }

    [Theory]
    // Type characters: a–z, 0–9, '.', '+', '-' (upper case is lowered first), not starting with a digit.
    [InlineData("pkg:a/x", "a")]
    [InlineData("pkg:z/x", "z")]
    [InlineData("pkg:x09/y", "x09")]
    [InlineData("pkg:ABZ/y", "abz")]
    public void Type_AcceptsTheWholeRange(string purl, string type)
    {
        Assert.True(PackageUrl.TryParse(purl, out var p));
        Assert.Equal(type, p!.Type);
    }

    [Fact]
    public void Encode_KeepsUnreservedCharacters_AndEncodesTheRest()
    {
        Assert.Equal("pkg:nuget/AZaz09.-_~:@1", PackageUrl.ForNuGet("AZaz09.-_~:", "1"));
        Assert.Equal("pkg:nuget/a%2Fb%40c", PackageUrl.ForNuGet("a/b@c", null));
        // A qualifier value keeps '/', but a space is still encoded.
        Assert.True(PackageUrl.TryParse("pkg:nuget/Foo?path=a%20b/c", out var p));
        Assert.Equal("pkg:nuget/Foo?path=a%20b/c", PackageUrl.Build(p!));
        // A subpath segment is encoded like a name ('/' only between segments).
        Assert.Equal("pkg:nuget/Foo#a/b", PackageUrl.Build(p! with { Qualifiers = Array.Empty<KeyValuePair<string, string>>(), Subpath = "a/b" }));
        Assert.Equal("pkg:nuget/Foo", PackageUrl.Build(p! with { Qualifiers = Array.Empty<KeyValuePair<string, string>>(), Namespace = "", Subpath = "" }));
    }
}
