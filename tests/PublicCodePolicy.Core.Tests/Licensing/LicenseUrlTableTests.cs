// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Issue 3 item 3: one test per row of the shipped URL table, plus the URLs that must stay unknown.</summary>
public sealed class LicenseUrlTableTests
{
    private static readonly string s_dataFile = Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "license-urls.json");

    /// <summary>Every row of the data file as committed (read from disk, so a row the loader drops still shows up).</summary>
    public static IEnumerable<object[]> Rows()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(s_dataFile));
        foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            yield return new object[] { item.GetProperty("url").GetString()!, item.GetProperty("license").GetString()!, item.TryGetProperty("evidence", out var e) ? e.GetString()! : string.Empty };
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_ResolvesToItsLicence(string url, string license, string evidence)
    {
        Assert.False(string.IsNullOrWhiteSpace(evidence), "Each row must say why the address proves the licence.");
        var row = LicenseUrlTable.Default.Find(url);
        Assert.NotNull(row);
        Assert.Equal(license, row.License);
        Assert.True(LicenseList.Default.TryParse(license, out var expression, out _), license);
        foreach (var leaf in expression!.Leaves())
        {
            if (leaf is SpdxLicense l)
            {
                Assert.True(l.IsListed, license + " is not on the SPDX list");
                Assert.True(LicenseList.Default.TryGetLicense(l.Id, out var info) && !info.IsDeprecated, license + " is deprecated: use the current identifier");
            }
        }
        // The same address written differently (scheme, www., trailing slash, case) is the same row.
        var variant = url.StartsWith("https://", StringComparison.Ordinal) ? "http://" + url["https://".Length..] : url.Replace("http://", "https://", StringComparison.Ordinal);
        Assert.Equal(license, LicenseUrlTable.Default.Find(variant.TrimEnd('/') + "/")?.License);
        if (evidence == "spdx-crossref")
        {
            Assert.True(LicenseList.Default.TryGetLicense(license, out var info));
            Assert.Contains(info.Urls, u => LicenseUrlTable.Normalize(u) == LicenseUrlTable.Normalize(url));
        }
    }

    [Fact]
    public void Table_CoversTheFamiliesTheIssueNames()
    {
        var hosts = LicenseUrlTable.Default.Entries.Select(e => LicenseUrlTable.Normalize(e.Url).Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var host in new[] { "opensource.org", "gnu.org", "apache.org", "choosealicense.com", "raw.githubusercontent.com", "go.microsoft.com", "creativecommons.org" })
        {
            Assert.Contains(host, hosts);
        }
        Assert.True(LicenseUrlTable.Default.Entries.Count >= 250);
    }

    [Theory]
    [InlineData("https://github.com/jbogard/MediatR/blob/master/LICENSE")]
    [InlineData("https://contoso.example/licence.html")]
    [InlineData("https://go.microsoft.com/fwlink/?linkid=2028464")]
    [InlineData("https://www.openssl.org/source/license.html")]
    [InlineData("https://opensource.org/licenses/NotALicence")]
    public void UnknownUrl_IsNotGuessed(string url)
    {
        Assert.Null(LicenseUrlTable.Default.Find(url));
    }
}
