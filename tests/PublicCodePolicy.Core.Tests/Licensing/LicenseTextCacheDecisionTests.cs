// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The licence-text cache file: where it is, what it holds (keys in ordinal order, absent fields left out), how each
/// field is read back (wrong types, an expression that no longer parses), damaged files, the entry limit, and a
/// folder that cannot be written.
/// </summary>
public sealed class LicenseTextCacheDecisionTests : IDisposable
{
    private readonly TempDirectory _temp = new("textcache2");

    public void Dispose() => _temp.Dispose();

    private sealed class Fixed : ILicenseTextIdentifier
    {
        private readonly Func<string, LicenseTextMatch?> _answer;

        public Fixed(Func<string, LicenseTextMatch?> answer) => _answer = answer;

        public int Calls { get; private set; }

        public LicenseTextMatch? Identify(string text)
        {
            Calls++;
            return _answer(text);
        }
    }

    private static LicenseTextMatch Match(string expression, double score, string? note) => new(SpdxExpressionParser.Parse(expression, LicenseList.Default), score, note);

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Build => typeof(LicenseTextCache).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);

    [Fact]
    public void FilePath_IsNamedAfterTheBuild()
    {
        var c = new LicenseTextCache(new Fixed(_ => null), _temp.Path);
        Assert.Equal(Path.Combine(_temp.Path, "licence-texts-" + Build + ".json"), c.FilePath);
        Assert.Throws<ArgumentNullException>(() => new LicenseTextCache(null!, _temp.Path));
        Assert.Throws<ArgumentNullException>(() => c.Identify(null!));
    }

    [Fact]
    public void File_HoldsOneObjectPerText_InKeyOrder_WithoutAbsentFields()
    {
        var inner = new Fixed(t => t == "a" ? Match("MIT", 1.0, "exact") : t == "b" ? Match("Apache-2.0", 0.5, null) : null);
        var c = new LicenseTextCache(inner, _temp.Path);
        c.Identify("a");
        c.Identify("b");
        c.Identify("c");
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Key("a")] = "{\"e\":\"MIT\",\"s\":1,\"n\":\"exact\"}",
            [Key("b")] = "{\"e\":\"Apache-2.0\",\"s\":0.5}",
            [Key("c")] = "{\"s\":0}",
        };
        var expected = "{" + string.Join(",", entries.Select(e => "\"" + e.Key + "\":" + e.Value)) + "}";
        Assert.Equal(expected, File.ReadAllText(c.FilePath!));
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void Entries_AreReadBackField_ByField()
    {
        var path = new LicenseTextCache(new Fixed(_ => null), _temp.Path).FilePath!;
        File.WriteAllText(path, "{"
            + "\"" + Key("full") + "\":{\"e\":\"MIT\",\"s\":0.25,\"n\":\"from disk\"},"
            + "\"" + Key("typeless") + "\":{\"e\":\"ISC\",\"s\":\"high\",\"n\":7},"
            + "\"" + Key("noexpr") + "\":{\"e\":5,\"s\":1},"
            + "\"" + Key("stale") + "\":{\"e\":\"NOT-A-LICENCE(\",\"s\":1}"
            + "}");
        var inner = new Fixed(_ => Match("0BSD", 1.0, "inner"));
        var c = new LicenseTextCache(inner, _temp.Path);
        Assert.Equal(Match("MIT", 0.25, "from disk"), c.Identify("full"));
        Assert.Equal(Match("ISC", 0, null), c.Identify("typeless"));
        Assert.Null(c.Identify("noexpr"));
        Assert.Null(c.Identify("stale"));
        Assert.Equal(0, inner.Calls);
        Assert.Equal(Match("0BSD", 1.0, "inner"), c.Identify("other"));
        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"KEY\":{\"e\":\"MIT\",\"s\":1},\"X\":5}")]
    [InlineData("{\"KEY\":{\"e\":\"MIT\",\"s\":1},\"X\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":1}}}}}}}}}")]
    public void UnreadableFile_IsDroppedWhole(string content)
    {
        var path = new LicenseTextCache(new Fixed(_ => null), _temp.Path).FilePath!;
        File.WriteAllText(path, content.Replace("KEY", Key("t"), StringComparison.Ordinal));
        var inner = new Fixed(_ => Match("Zlib", 1.0, null));
        Assert.Equal(Match("Zlib", 1.0, null), new LicenseTextCache(inner, _temp.Path).Identify("t"));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void FullCache_AddsNothingMore()
    {
        var path = new LicenseTextCache(new Fixed(_ => null), _temp.Path).FilePath!;
        WriteEntries(path, 20_000);
        var before = File.ReadAllText(path);
        var inner = new Fixed(_ => Match("MIT", 1.0, null));
        var c = new LicenseTextCache(inner, _temp.Path);
        Assert.Equal(Match("MIT", 1.0, null), c.Identify("new"));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(Match("MIT", 1.0, null), c.Identify("new"));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void CacheOneShortOfTheLimit_TakesOneMore()
    {
        var path = new LicenseTextCache(new Fixed(_ => null), _temp.Path).FilePath!;
        WriteEntries(path, 19_999);
        var inner = new Fixed(_ => Match("MIT", 1.0, null));
        new LicenseTextCache(inner, _temp.Path).Identify("new");
        var again = new Fixed(_ => null);
        Assert.Equal(Match("MIT", 1.0, null), new LicenseTextCache(again, _temp.Path).Identify("new"));
        Assert.Equal(0, again.Calls);
    }

    [Fact]
    public void UnwritableFolder_StillAnswers()
    {
        var blocker = Path.Combine(_temp.Path, "blocker");
        File.WriteAllText(blocker, "a file where the folder should be");
        var inner = new Fixed(_ => Match("MIT", 1.0, null));
        var c = new LicenseTextCache(inner, Path.Combine(blocker, "sub"));
        Assert.Equal(Match("MIT", 1.0, null), c.Identify("x"));
        Assert.Equal(Match("MIT", 1.0, null), c.Identify("x"));
        Assert.False(File.Exists(c.FilePath));
        // The answer is remembered in memory for the process even when the file cannot be written.
        Assert.Equal(1, inner.Calls);
    }

    private static void WriteEntries(string path, int count)
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("\"K").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":{\"s\":0}");
        }
        File.WriteAllText(path, sb.Append('}').ToString());
    }
}
