// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text;
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>Hostile or broken input gives an error quickly; it never hangs or throws.</summary>
public sealed class HostileInputTests
{
    private static readonly PublicCodeValidationOptions s_options = new() { CheckFiles = false };

    private static PublicCodeDiagnostic SingleError(string text, PublicCodeValidationOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var result = PublicCodeValidator.Validate(text, options ?? s_options);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "validation took " + watch.Elapsed);
        Assert.True(result.HasErrors);
        return result.Diagnostics.First(d => d.Severity == PublicCodeSeverity.Error);
    }

    [Fact]
    public void HugeInput_IsRejectedBySize()
    {
        string text = "publiccodeYmlVersion: \"0\"\nname: " + new string('a', 5 * 1024 * 1024) + "\n";
        var d = SingleError(text);
        Assert.StartsWith("file too large", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeBytes_AreRejectedBeforeDecoding()
    {
        var result = PublicCodeValidator.ValidateBytes(new byte[20 * 1024 * 1024], new PublicCodeValidationOptions { MaxInputChars = 1024 });
        Assert.StartsWith("file too large", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000, "[", "]")]
    [InlineData(100_000, "{a: ", "}")]
    public void DeepFlowNesting_IsRejected(int depth, string open, string close)
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0\"\nname: ");
        for (int i = 0; i < depth; i++) sb.Append(open);
        for (int i = 0; i < depth; i++) sb.Append(close);
        var d = SingleError(sb.Append('\n').ToString());
        Assert.Equal(string.Empty, d.Key);
    }

    [Fact]
    public void DeepBlockNesting_IsRejected()
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0\"\n");
        for (int i = 0; i < 500; i++) sb.Append(' ', i).Append("k").Append(i).Append(":\n");
        var d = SingleError(sb.ToString());
        Assert.Contains("nesting too deep", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBomb_InAStringList_IsStoppedByTheDecodingBudget()
    {
        // Nine levels of ten aliases each: 10^9 strings when expanded.
        var sb = new StringBuilder("publiccodeYmlVersion: \"0\"\nx0: &a0 [lol]\n");
        for (int i = 1; i < 10; i++)
        {
            sb.Append('x').Append(i).Append(": &a").Append(i).Append(" [");
            sb.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10)));
            sb.Append("]\n");
        }
        sb.Append("platforms: *a9\n");
        var result = PublicCodeValidator.Validate(sb.ToString(), s_options);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void AliasBomb_InDescriptions_IsStoppedByTheDecodingBudget()
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0\"\nfeatures: &f0 [a, a, a, a, a, a, a, a, a, a]\n");
        sb.Append("description:\n");
        for (int i = 0; i < 2000; i++) sb.Append("  l").Append(i).Append(": {features: *f0, shortDescription: &s").Append(i).Append(" x}\n");
        var watch = Stopwatch.StartNew();
        var result = PublicCodeValidator.Validate(sb.ToString(), new PublicCodeValidationOptions { CheckFiles = false, MaxDecodedNodes = 5_000 });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("decoding budget", StringComparison.Ordinal));
    }

    [Fact]
    public void TooManyNodes_AreRejected()
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0\"\nplatforms:\n");
        for (int i = 0; i < 1000; i++) sb.Append("  - p\n");
        var d = SingleError(sb.ToString(), new PublicCodeValidationOptions { CheckFiles = false, MaxNodes = 100 });
        Assert.Contains("too many YAML nodes", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "publiccodeYmlVersion", "publiccodeYmlVersion is a required field")]
    [InlineData("# only a comment\n", "publiccodeYmlVersion", "publiccodeYmlVersion is a required field")]
    [InlineData("just a string\n", "publiccodeYmlVersion", "publiccodeYmlVersion is a required field")]
    [InlineData("publiccodeYmlVersion: \"0\"\n---\nname: x\n", "", "multiple YAML documents in one file are not supported")]
    [InlineData("publiccodeYmlVersion: \"0\"\nname: *nowhere\n", "", "could not find alias \"nowhere\"")]
    [InlineData("publiccodeYmlVersion: \"0\"\nname: a\nname: b\n", "", "mapping key \"name\" already defined at [2:1]")]
    [InlineData("publiccodeYmlVersion: \"0\"\nplatforms: &p [a, *p]\n", "", "could not find alias \"p\"")]
    [InlineData("publiccodeYmlVersion: \"0\"\nlegal: &l {license: *l}\n", "", "could not find alias \"l\"")]
    [InlineData("publiccodeYmlVersion: 0\n", "publiccodeYmlVersion", "wrong type for this field")]
    public void BrokenStructure_GivesTheOfficialMessage(string text, string key, string message)
    {
        var d = SingleError(text);
        Assert.Equal(key, d.Key);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void InvalidUtf8_IsReported()
    {
        var result = PublicCodeValidator.ValidateBytes(new byte[] { 0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xC3, 0x28 }, s_options);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Invalid UTF-8", d.Message);
        Assert.Equal((0, 0), (d.Line, d.Column));
    }

    [Fact]
    public void UnknownKey_IsAnError()
    {
        string valid = File.ReadAllText(Path.Combine(TestPaths.TestData, "publiccode", "parser-go-testdata", "v0", "valid", "valid.yml"));
        int at = valid.IndexOf("\nname: ", StringComparison.Ordinal) + 1;
        string text = valid[..at] + "foobar: 1\n" + valid[at..];
        var result = PublicCodeValidator.Validate(text, s_options);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("foobar", "unknown field \"foobar\"", 1), (d.Key, d.Message, d.Column));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(12345);
        string alphabet = "ab:- \n\t[]{}&*!|>'\"#%@`,?~0.\\";
        for (int n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(1, 200)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string text = "publiccodeYmlVersion: \"0\"\n" + new string(chars);
            var result = PublicCodeValidator.Validate(text, s_options);
            // Two letters and punctuation can never spell the required "name", "url" and "platforms": always invalid.
            Assert.True(result.HasErrors, text);
            Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 0 && d.Column >= 0 && d.Message.Length > 0, d.Message));
            Assert.Equal(result.ToJson(), PublicCodeValidator.Validate(text, s_options).ToJson());
            var updated = PublicCodeUpdater.Update(text, new PublicCodeFacts { SoftwareVersion = "1.0.0", License = "MIT", Url = "https://example.org/r.git", ReleaseDate = "2026-01-01" });
            // The facts do not supply "name" either: the update never succeeds, and says why when it writes nothing.
            Assert.False(updated.Succeeded, text);
            if (updated.Text is null) Assert.NotEmpty(updated.Findings);
        }
    }

    [Fact]
    public void JsonOutput_HasTheOfficialShape()
    {
        var result = PublicCodeValidator.Validate("publiccodeYmlVersion: \"0\"\nname: x\n", s_options);
        using var doc = System.Text.Json.JsonDocument.Parse(result.ToJson());
        var first = doc.RootElement[0];
        Assert.Equal(new[] { "type", "key", "description", "line", "column" }, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("url is a required field", first.GetProperty("description").GetString());
        Assert.Equal("publiccode.yml:1:1: error: url: url is a required field", result.Diagnostics[0].Format("publiccode.yml"));
        Assert.Equal(result.Diagnostics.Count, result.ToText("p.yml").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("p.yml:1:1: error: url: ", result.ToText("p.yml"), StringComparison.Ordinal);
    }
}
