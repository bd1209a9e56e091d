// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Sbom.Tests;

public sealed class NameBasedUuidTests
{
    [Fact]
    public void Create_MatchesTheWellKnownVector()
        // Python's documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
        => Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.DnsNamespace, "python.org")));

    [Fact]
    public void SbomNamespace_IsTheV5OfTheDocumentationUrl()
        => Assert.Equal("330e723d-6223-5dbe-9b50-7339c781dc95", NameBasedUuid.Format(NameBasedUuid.SbomNamespace));

    [Fact]
    public void Create_IsVersion5Variant1_AndDependsOnTheName()
    {
        var a = NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.UrlNamespace, "a"));
        Assert.Equal('5', a[14]);
        Assert.Contains(a[19], "89ab");
        Assert.NotEqual(a, NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.UrlNamespace, "b")));
        Assert.Equal(a, NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.UrlNamespace, "a")));
    }
}

public sealed class SourceDateEpochTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Unset_IsNull(string? value) => Assert.Null(SourceDateEpoch.Parse(value));

    [Theory]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("1700000000", "2023-11-14T22:13:20Z")]
    public void Parse_Seconds_IsUtc(string value, string expected)
        => Assert.Equal(expected, SourceDateEpoch.Parse(value)!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("yesterday")]
    [InlineData("99999999999999")]
    public void Parse_Invalid_Throws(string value) => Assert.Throws<FormatException>(() => SourceDateEpoch.Parse(value));
}
