// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using NuGet.Versioning;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>A curation read from JSON: each refusal with its place and reason, and which packages a curation applies to.</summary>
public sealed class LicenseCurationReadTests
{
    private static LicenseCuration Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return LicenseCuration.Read(doc.RootElement, "policy.json", "$.curations[2]");
    }

    private static (string File, string At, string Reason, string Message) Refusal(string json)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Read(json));
        return (ex.FilePath, ex.JsonPath, ex.Reason, ex.Message);
    }

    [Fact]
    public void Complete_IsRead()
    {
        var c = Read("""{ "package": "Contoso.Lib", "versions": "[1.0,2.0)", "license": "mit OR Apache-2.0", "source": "https://example.org/LICENSE", "reason": "The tag says so." }""");
        Assert.Equal("Contoso.Lib", c.Package);
        Assert.Equal(VersionRange.Parse("[1.0,2.0)"), c.Versions);
        Assert.Equal("mit OR Apache-2.0", c.License);
        Assert.Equal("https://example.org/LICENSE", c.Source);
        Assert.Equal("The tag says so.", c.Reason);
    }

    [Fact]
    public void WithoutVersions_AppliesToEveryVersion()
    {
        var c = Read("""{ "package": "Contoso.Lib", "license": "MIT", "source": "s", "reason": "r" }""");
        Assert.Null(c.Versions);
        Assert.True(c.Matches("contoso.lib", "1.0.0"));
        Assert.True(c.Matches("CONTOSO.LIB", "not a version"));
        Assert.False(c.Matches("Contoso.Lib2", "1.0.0"));
        Assert.False(c.Matches("Contoso", "1.0.0"));
    }

    [Fact]
    public void WithVersions_AppliesToThoseOnly()
    {
        var c = Read("""{ "package": "Contoso.Lib", "versions": "[1.0,2.0)", "license": "MIT", "source": "s", "reason": "r" }""");
        Assert.True(c.Matches("Contoso.Lib", "1.0.0"));
        Assert.True(c.Matches("contoso.lib", "1.9.9"));
        Assert.False(c.Matches("Contoso.Lib", "2.0.0"));
        Assert.False(c.Matches("Contoso.Lib", "0.9"));
        Assert.False(c.Matches("Contoso.Lib", "not a version"));
        Assert.False(c.Matches("Other.Lib", "1.5.0"));
    }

    [Theory]
    [InlineData("[]", "$.curations[2]", "A curation must be an object.")]
    [InlineData("\"x\"", "$.curations[2]", "A curation must be an object.")]
    [InlineData("""{ "package": 3 }""", "$.curations[2].package", "Must be a string.")]
    [InlineData("""{ "package": "X", "license": null }""", "$.curations[2].license", "Must be a string.")]
    [InlineData("""{ "package": "X", "owner": "me" }""", "$.curations[2].owner", "Unknown property 'owner'.")]
    [InlineData("""{ "package": "X", "versions": "[1.0" }""", "$.curations[2].versions", "'[1.0' is not a NuGet version range.")]
    [InlineData("""{ "license": "MIT", "source": "s", "reason": "r" }""", "$.curations[2].package", "The package id is required.")]
    [InlineData("""{ "package": " ", "license": "MIT", "source": "s", "reason": "r" }""", "$.curations[2].package", "The package id is required.")]
    [InlineData("""{ "package": "X", "source": "s", "reason": "r" }""", "$.curations[2].license", "A valid SPDX expression is required.")]
    [InlineData("""{ "package": "X", "license": "  ", "source": "s", "reason": "r" }""", "$.curations[2].license", "A valid SPDX expression is required.")]
    [InlineData("""{ "package": "X", "license": "MIT OR", "source": "s", "reason": "r" }""", "$.curations[2].license", "A valid SPDX expression is required.")]
    [InlineData("""{ "package": "X", "license": "MIT", "reason": "r" }""", "$.curations[2].source", "Say where the evidence is (a URL or a file).")]
    [InlineData("""{ "package": "X", "license": "MIT", "source": "", "reason": "r" }""", "$.curations[2].source", "Say where the evidence is (a URL or a file).")]
    [InlineData("""{ "package": "X", "license": "MIT", "source": "s" }""", "$.curations[2].reason", "Say why the correction is right.")]
    [InlineData("""{ "package": "X", "license": "MIT", "source": "s", "reason": " " }""", "$.curations[2].reason", "Say why the correction is right.")]
    [InlineData("""{ }""", "$.curations[2].package", "The package id is required.")]
    public void Invalid_IsRefusedWithItsPlaceAndReason(string json, string at, string reason)
    {
        Assert.Equal(("policy.json", at, reason, "policy.json: " + at + ": " + reason), Refusal(json));
    }
}
