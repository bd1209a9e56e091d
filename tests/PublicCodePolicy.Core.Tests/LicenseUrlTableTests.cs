// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Tests;

public sealed class LicenseUrlTableTests
{
    [Theory]
    [InlineData("https://go.microsoft.com/fwlink/?LinkId=329770", "LicenseRef-MICROSOFT-NET-LIBRARY")]
    [InlineData("http://go.microsoft.com/fwlink/?LinkId=329770", "LicenseRef-MICROSOFT-NET-LIBRARY")]
    [InlineData("https://opensource.org/licenses/MIT", "MIT")]
    [InlineData("http://www.opensource.org/licenses/mit-license.php", "MIT")]
    [InlineData("https://opensource.org/license/apache-2-0", "Apache-2.0")]
    [InlineData("https://opensource.org/licenses/Apache-2.0", "Apache-2.0")]
    [InlineData("https://spdx.org/licenses/BSD-3-Clause.html", "BSD-3-Clause")]
    [InlineData("https://licenses.nuget.org/MIT", "MIT")]
    [InlineData("https://licenses.nuget.org/MIT%20OR%20Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("http://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0")]
    [InlineData("https://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0")]
    [InlineData("https://www.gnu.org/licenses/lgpl-3.0.html", "LGPL-3.0-only")]
    [InlineData("https://example.com/my-license", null)]
    [InlineData("https://github.com/someone/something/blob/main/LICENSE", null)]
    public void Find(string url, string? expected)
    {
        Assert.Equal(expected, LicenseUrlTable.Default.Find(url)?.License);
    }

    [Fact]
    public void EveryRow_IsAValidExpression()
    {
        Assert.NotEmpty(LicenseUrlTable.Default.Entries);
        foreach (var row in LicenseUrlTable.Default.Entries)
        {
            Assert.True(LicenseList.Default.TryParse(row.License, out var e, out _), row.Url);
            Assert.Equal(row.License, e!.ToString());
            Assert.Equal(row.License, LicenseUrlTable.Default.Find(row.Url)?.License);
        }
    }

    [Theory]
    [InlineData("HTTPS://WWW.Apache.org/licenses/LICENSE-2.0/", "apache.org/licenses/license-2.0")]
    [InlineData("http://example.com/a#frag", "example.com/a")]
    public void Normalize(string url, string expected) => Assert.Equal(expected, LicenseUrlTable.Normalize(url));
}
