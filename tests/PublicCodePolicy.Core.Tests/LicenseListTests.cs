// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Tests;

public sealed class LicenseListTests
{
    [Fact]
    public void EmbeddedList_MatchesTheSharedReference()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "spdx", "licenses-3.28.0.json")));
        var reference = doc.RootElement.GetProperty("licenses").EnumerateArray().ToArray();
        Assert.Equal("3.28.0", LicenseList.Default.Version);
        Assert.Equal(reference.Length, LicenseList.Default.Licenses.Count);
        foreach (var r in reference)
        {
            var id = r.GetProperty("licenseId").GetString()!;
            Assert.True(LicenseList.Default.TryGetLicense(id, out var info), id);
            Assert.Equal(r.GetProperty("isOsiApproved").GetBoolean(), info.IsOsiApproved);
            Assert.Equal(r.GetProperty("isDeprecatedLicenseId").GetBoolean(), info.IsDeprecated);
            bool? fsf = r.TryGetProperty("isFsfLibre", out var f) ? f.GetBoolean() : null;
            Assert.Equal(fsf, info.IsFsfLibre);
        }
        Assert.Equal(149, LicenseList.Default.Licenses.Count(l => l.IsOsiApproved));
    }

    [Fact]
    public void Exceptions_AreLoaded()
    {
        Assert.Equal(84, LicenseList.Default.Exceptions.Count);
        Assert.True(LicenseList.Default.TryGetException("classpath-exception-2.0", out var e));
        Assert.Equal("Classpath-exception-2.0", e.Id);
    }

    [Fact]
    public void Lists_AreSortedOrdinally()
    {
        var ids = LicenseList.Default.Licenses.Select(l => l.Id).ToArray();
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);
    }
}
