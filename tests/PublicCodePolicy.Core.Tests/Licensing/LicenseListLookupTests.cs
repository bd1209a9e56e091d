// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>The embedded SPDX lists (3.28.0, tests/data/spdx): the facts of a few entries, and the catalogue lookups the parser uses.</summary>
public sealed class LicenseListLookupTests
{
    [Fact]
    public void Version_AndReleaseDate()
    {
        Assert.Equal("3.28.0", LicenseList.Default.Version);
        Assert.Equal("2026-02-20", LicenseList.Default.ReleaseDate);
    }

    [Fact]
    public void Mit_HasItsNameUrlsAndFlags()
    {
        Assert.True(LicenseList.Default.TryGetLicense("mit", out var mit));
        Assert.Equal("MIT", mit.Id);
        Assert.Equal("MIT License", mit.Name);
        Assert.Equal(new[] { "https://opensource.org/license/mit/", "http://opensource.org/licenses/MIT" }, mit.Urls);
        Assert.True(mit.IsOsiApproved);
        Assert.True(mit.IsFsfLibre);
        Assert.False(mit.IsDeprecated);
    }

    [Fact]
    public void Aal_IsOsiApproved_AndTheFsfSaysNothing()
    {
        Assert.True(LicenseList.Default.TryGetLicense("AAL", out var aal));
        Assert.Equal("Attribution Assurance License", aal.Name);
        Assert.Equal(new[] { "https://opensource.org/licenses/attribution" }, aal.Urls);
        Assert.True(aal.IsOsiApproved);
        Assert.Null(aal.IsFsfLibre);
    }

    [Fact]
    public void Gpl20_IsDeprecated()
    {
        Assert.True(LicenseList.Default.TryGetLicense("GPL-2.0", out var gpl));
        Assert.True(gpl.IsDeprecated);
        Assert.Equal("GNU General Public License v2.0 only", gpl.Name);
    }

    [Fact]
    public void Exceptions_HaveNameAndDeprecation()
    {
        Assert.True(LicenseList.Default.TryGetException("nokia-qt-exception-1.1", out var nokia));
        Assert.Equal("Nokia-Qt-exception-1.1", nokia.Id);
        Assert.Equal("Nokia Qt LGPL exception 1.1", nokia.Name);
        Assert.True(nokia.IsDeprecated);
        Assert.True(LicenseList.Default.TryGetException("Classpath-exception-2.0", out var cp));
        Assert.Equal("Classpath exception 2.0", cp.Name);
        Assert.False(cp.IsDeprecated);
        Assert.False(LicenseList.Default.TryGetException("MIT", out _));
        Assert.False(LicenseList.Default.TryGetLicense("Classpath-exception-2.0", out _));
    }

    [Fact]
    public void Exceptions_AreSortedOrdinally()
    {
        var ids = LicenseList.Default.Exceptions.Select(e => e.Id).ToArray();
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);
        Assert.Equal("389-exception", ids[0]);
    }

    [Fact]
    public void Licenses_StartWithTheDigitIds()
    {
        Assert.Equal("0BSD", LicenseList.Default.Licenses[0].Id);
    }

    [Theory]
    [InlineData("apache-2.0", true, "Apache-2.0")]
    [InlineData("GPL-2.0-ONLY", true, "GPL-2.0-only")]
    [InlineData("Not-A-Licence", false, "Not-A-Licence")]
    [InlineData("Classpath-exception-2.0", false, "Classpath-exception-2.0")]
    public void TryGetLicenseId_GivesTheCanonicalSpellingOrTheCandidate(string candidate, bool found, string canonical)
    {
        Assert.Equal(found, LicenseList.Default.TryGetLicenseId(candidate, out var id));
        Assert.Equal(canonical, id);
    }

    [Theory]
    [InlineData("llvm-exception", true, "LLVM-exception")]
    [InlineData("Not-An-Exception", false, "Not-An-Exception")]
    [InlineData("MIT", false, "MIT")]
    public void TryGetExceptionId_GivesTheCanonicalSpellingOrTheCandidate(string candidate, bool found, string canonical)
    {
        Assert.Equal(found, LicenseList.Default.TryGetExceptionId(candidate, out var id));
        Assert.Equal(canonical, id);
    }

    [Fact]
    public void TryParse_UsesThisList()
    {
        Assert.True(LicenseList.Default.TryParse("apache-2.0 WITH llvm-exception", out var e, out var d));
        Assert.Equal("Apache-2.0 WITH LLVM-exception", e!.ToString());
        Assert.Empty(d);
    }
}
