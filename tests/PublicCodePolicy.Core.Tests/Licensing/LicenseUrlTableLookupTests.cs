// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The URL table beyond its rows: addresses whose path is an SPDX identifier (spdx.org, opensource.org) or a NuGet
/// licence expression, the exact entry returned for them, and the normalisation of addresses.
/// </summary>
public sealed class LicenseUrlTableLookupTests
{
    private const string FromId = "SPDX identifier in the URL";

    [Theory]
    [InlineData("https://spdx.org/licenses/MIT.html", "MIT")]
    [InlineData("https://spdx.org/licenses/mit.json", "MIT")]
    [InlineData("http://www.spdx.org/licenses/Apache-2.0.txt/", "Apache-2.0")]
    [InlineData("https://spdx.org/licenses/BSD-2-Clause", "BSD-2-Clause")]
    [InlineData("https://spdx.org/licenses/GPL-2.0+.html", "GPL-2.0+")]
    [InlineData("https://spdx.org/licenses/lgpl-2.1+", "LGPL-2.1+")]
    [InlineData("https://opensource.org/licence/Zlib.html", "Zlib")]
    [InlineData("https://opensource.org/licences/unlicense.php", "Unlicense")]
    [InlineData("https://opensource.org/license/0BSD", "0BSD")]
    [InlineData("https://opensource.org/license/MPL-2.0#section", "MPL-2.0")]
    public void IdentifierInTheAddress_IsTheLicence(string url, string license)
    {
        Assert.Equal(new LicenseUrlEntry(url, license, FromId), LicenseUrlTable.Default.Find(url));
    }

    [Theory]
    [InlineData("https://licenses.nuget.org/MIT%20OR%20Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("https://licenses.nuget.org/(MIT%20AND%20ISC)%20OR%20Zlib", "MIT AND ISC OR Zlib")]
    [InlineData("https://licenses.nuget.org/GPL-2.0-only%20WITH%20Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    public void NuGetExpressionAddress_IsTheExpression(string url, string license)
    {
        Assert.Equal(new LicenseUrlEntry(url, license, "NuGet licence expression URL"), LicenseUrlTable.Default.Find(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://licenses.nuget.org/MIT%20OR")]
    [InlineData("https://licenses.nuget.org/(MIT")]
    [InlineData("https://spdx.org/licenses/NotALicence.html")]
    [InlineData("https://spdx.org/licenses/")]
    [InlineData("https://spdx.org/licenses/MIT/extra")]
    [InlineData("https://opensource.org/licenses/GPL-2.0+")]
    [InlineData("https://opensource.org/licensing/MIT")]
    [InlineData("https://example.org/spdx.org/licenses/MIT")]
    [InlineData("https://spdx.org/licenses/MIT.pdf")]
    public void OtherAddresses_AreNotGuessed(string? url)
    {
        Assert.Null(LicenseUrlTable.Default.Find(url));
    }

    [Fact]
    public void Row_IsFoundUnderEverySpellingOfItsAddress()
    {
        var row = LicenseUrlTable.Default.Entries[0];
        var key = LicenseUrlTable.Normalize(row.Url);
        Assert.Same(row, LicenseUrlTable.Default.Find(key));
        Assert.Same(row, LicenseUrlTable.Default.Find("HTTPS://WWW." + key.ToUpperInvariant() + "/#top"));
    }

    [Fact]
    public void EveryRow_CitesItsEvidence_AndAnAddressOnlyRowHasNone()
    {
        Assert.All(LicenseUrlTable.Default.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Evidence), e.Url));
        Assert.Null(LicenseUrlTable.Default.Find("https://spdx.org/licenses/MIT.html")!.Evidence);
    }

    [Fact]
    public void Entries_AreSortedByNormalisedAddress_WithoutDuplicates()
    {
        var keys = LicenseUrlTable.Default.Entries.Select(e => LicenseUrlTable.Normalize(e.Url)).ToArray();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal).Distinct(StringComparer.Ordinal), keys);
    }

    [Theory]
    [InlineData("  HTTPS://WWW.Example.ORG/a/b//#frag  ", "example.org/a/b")]
    [InlineData("http://example.org/", "example.org")]
    [InlineData("https://http://example.org", "http://example.org")]
    [InlineData("http://https://example.org", "https://example.org")]
    [InlineData("www.www.example.org", "www.example.org")]
    [InlineData("ftp://www.example.org", "ftp://www.example.org")]
    [InlineData("x#a#b", "x")]
    [InlineData("#only", "")]
    [InlineData("example.org/www.", "example.org/www.")]
    [InlineData("example.org/https://", "example.org/https:")]
    public void Normalize_LowersAndStripsSchemeWwwFragmentAndSlash(string url, string expected)
    {
        Assert.Equal(expected, LicenseUrlTable.Normalize(url));
    }
}
