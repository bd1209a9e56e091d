// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

public sealed class LicenseTextCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new("textcache");

    public void Dispose() => _temp.Dispose();

    private sealed class Counting : ILicenseTextIdentifier
    {
        public int Calls { get; private set; }

        public LicenseTextMatch? Identify(string text)
        {
            Calls++;
            return text.StartsWith("MIT", StringComparison.Ordinal) ? new LicenseTextMatch(SpdxExpressionParser.Parse("MIT", LicenseList.Default), 1.0, "exact") : null;
        }
    }

    [Fact]
    public void SecondRun_AnswersFromDisk_WithTheSameResult()
    {
        var first = new Counting();
        var a = new LicenseTextCache(first, _temp.Path);
        Assert.Equal("MIT", a.Identify("MIT text")!.Expression.ToString());
        Assert.Null(a.Identify("something else"));
        Assert.Equal(2, first.Calls);
        Assert.True(File.Exists(a.FilePath));

        var second = new Counting();
        var b = new LicenseTextCache(second, _temp.Path);
        var hit = b.Identify("MIT text")!;
        Assert.Equal("MIT", hit.Expression.ToString());
        Assert.Equal(1.0, hit.Score);
        Assert.Equal("exact", hit.Note);
        Assert.Null(b.Identify("something else"));
        Assert.Equal(0, second.Calls);
        Assert.Equal("MIT", b.Identify("MIT other")!.Expression.ToString());
        Assert.Equal(1, second.Calls);
    }

    [Fact]
    public void DamagedCacheFile_IsIgnored()
    {
        var a = new LicenseTextCache(new Counting(), _temp.Path);
        File.WriteAllText(a.FilePath!, "{ not json");
        var counting = new Counting();
        Assert.Equal("MIT", new LicenseTextCache(counting, _temp.Path).Identify("MIT text")!.Expression.ToString());
        Assert.Equal(1, counting.Calls);
    }

    [Fact]
    public void NoDirectory_DisablesTheCache()
    {
        var counting = new Counting();
        var c = new LicenseTextCache(counting, null);
        c.Identify("MIT text");
        c.Identify("MIT text");
        Assert.Equal(2, counting.Calls);
        Assert.Null(c.FilePath);
    }

    [Fact]
    public void EnvironmentVariable_Off_Disables()
    {
        // The test run sets PUBLICCODEPOLICY_CACHE=off (tests/test.runsettings): no test reads the user's cache.
        Assert.Null(LicenseTextCache.DefaultDirectory());
    }
}
