// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Analyzers.Findings;

namespace PublicCodePolicy.Analyzers.Tests;

public sealed class JsonReaderTests
{
    private const string Sample = """
        {"version":1,"findings":[{"id":"PCP0001","severity":"error","message":"Licence \"GPL\" \u00e9\\t\n","package":"Foo","packageVersion":"1.0.0","score":-1.5e+3,"ok":true,"none":null}]}
        """;

    [Fact]
    public void ValidDocument_ParsedWithSpans()
    {
        Assert.True(JsonReader.TryParse(Sample, out var root, out _, out _));
        var document = Assert.IsType<JsonObject>(root);
        Assert.Equal(0, document.Start);
        Assert.Equal(Sample.Length, document.End);
        var findings = Assert.IsType<JsonArray>(document.Get("findings"));
        var finding = Assert.IsType<JsonObject>(Assert.Single(findings.Items));
        Assert.Equal("Licence \"GPL\" é\\t\n", finding.GetString("message"));
        Assert.Equal("-1.5e+3", Assert.IsType<JsonNumber>(finding.Get("score")).Text);
        Assert.Equal("true", Assert.IsType<JsonLiteral>(finding.Get("ok")).Text);
        Assert.Equal("null", Assert.IsType<JsonLiteral>(finding.Get("none")).Text);
        Assert.Equal('{', Sample[finding.Start]);
        Assert.Equal('}', Sample[finding.End - 1]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("{", 1)]
    [InlineData("{\"a\" 1}", 5)]
    [InlineData("{\"a\":1,}", 7)]
    [InlineData("[1,2", 4)]
    [InlineData("\"abc", 4)]
    [InlineData("\"a\\x\"", 2)]
    [InlineData("\"a\\u12\"", 2)]
    [InlineData("01", 1)]
    [InlineData("-012", 2)]
    [InlineData("-", 1)]
    [InlineData("1.", 2)]
    [InlineData("tru", 0)]
    [InlineData("{} {}", 3)]
    [InlineData("'single'", 0)]
    [InlineData("{\"a\":\"line\nbreak\"}", 10)]
    public void MalformedInput_ReturnsFalseWithPosition(string text, int position)
    {
        Assert.False(JsonReader.TryParse(text, out var root, out var error, out var errorPosition));
        Assert.Null(root);
        Assert.NotEmpty(error);
        Assert.Equal(position, errorPosition);
    }

    [Fact]
    public void DeepNesting_RefusedWithoutStackOverflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        Assert.False(JsonReader.TryParse(text, out _, out var error, out _));
        Assert.Contains("nested", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMark_Tolerated()
    {
        Assert.True(JsonReader.TryParse("\uFEFF{\"version\":1}", out var root, out _, out _));
        Assert.IsType<JsonObject>(root);
    }

    [Fact]
    public void EveryTruncationAndCorruption_NeverThrows()
    {
        for (int length = 0; length <= Sample.Length; length++)
        {
            var problems = new List<FindingsProblem>();
            _ = FindingsDocument.Read(Sample.Substring(0, length), problems);
            if (length < Sample.Length) Assert.NotEmpty(problems);
        }
        var random = new Random(4);
        const string alphabet = "{}[]\":,\\u0123456789abcdefnrtl-+.eE \n\t";
        for (int i = 0; i < 2000; i++)
        {
            var chars = Sample.ToCharArray();
            for (int k = 0; k < 3; k++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            _ = FindingsDocument.Read(new string(chars), new List<FindingsProblem>());
        }
    }

    [Fact]
    public void FindingsDocument_ReadsAllFields()
    {
        var problems = new List<FindingsProblem>();
        var finding = Assert.Single(FindingsDocument.Read(Sample, problems));
        Assert.Empty(problems);
        Assert.Equal("PCP0001", finding.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal("Foo", finding.Package);
        Assert.Equal("1.0.0", finding.PackageVersion);
    }
}
