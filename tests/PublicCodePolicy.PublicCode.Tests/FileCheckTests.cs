// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>Files named by publiccode.yml are checked relative to the repository root, without the network.</summary>
public sealed class FileCheckTests
{
    private static readonly string s_validYml = File.ReadAllText(Path.Combine(TestPaths.TestData, "publiccode", "parser-go-testdata", "v0", "valid", "no-network", "valid.yml"));
    private static readonly string s_realPng = Path.Combine(TestPaths.TestData, "publiccode", "parser-go-testdata", "v0", "valid", "assets", "img", "logo.png");

    private static string WithLogo(string logo)
    {
        var lines = s_validYml.Split('\n').Where(l => !l.StartsWith("logo:", StringComparison.Ordinal)).ToList();
        lines.Insert(1, "logo: " + logo);
        return string.Join("\n", lines);
    }

    private static IReadOnlyList<PublicCodeDiagnostic> Run(string text, string root)
        => PublicCodeValidator.Validate(text, new PublicCodeValidationOptions { RepositoryRoot = root }).Diagnostics.Where(d => d.Key == "logo").ToList();

    [Fact]
    public void RealPng_Passes()
    {
        using var dir = new TempDirectory("logo");
        File.Copy(s_realPng, Path.Combine(dir.Path, "logo.png"));
        Assert.Empty(Run(WithLogo("logo.png"), dir.Path));
    }

    [Fact]
    public void TruncatedPng_IsNotDecodable()
    {
        using var dir = new TempDirectory("logo");
        byte[] png = File.ReadAllBytes(s_realPng);
        File.WriteAllBytes(Path.Combine(dir.Path, "logo.png"), png[..(png.Length / 2)]);
        var d = Assert.Single(Run(WithLogo("logo.png"), dir.Path));
        Assert.Equal("unexpected EOF", d.Message);
    }

    [Fact]
    public void CorruptedPngChunk_FailsItsChecksum()
    {
        using var dir = new TempDirectory("logo");
        byte[] png = File.ReadAllBytes(s_realPng);
        png[20] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(dir.Path, "logo.png"), png);
        Assert.Equal("png: invalid format: invalid checksum", Assert.Single(Run(WithLogo("logo.png"), dir.Path)).Message);
    }

    [Fact]
    public void SvgLogo_IsAcceptedWhenItExists()
    {
        using var dir = new TempDirectory("logo");
        dir.Write("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Assert.Empty(Run(WithLogo("img/logo.svg"), dir.Path));
        Assert.Equal("no such file: " + Path.Combine(dir.Path, "img", "other.svg"), Assert.Single(Run(WithLogo("img/other.svg"), dir.Path)).Message);
    }

    [Fact]
    public void RemoteLogo_IsNotFetched()
    {
        using var dir = new TempDirectory("logo");
        Assert.Empty(Run(WithLogo("https://example.org/logo.png"), dir.Path));
    }

    [Fact]
    public void NoRepositoryRoot_SkipsFileChecksButNotPathRules()
    {
        var diagnostics = PublicCodeValidator.Validate(WithLogo("/etc/logo.png"), new PublicCodeValidationOptions()).Diagnostics;
        Assert.Equal("is an absolute path. Only relative paths or HTTP(s) URLs allowed", Assert.Single(diagnostics).Message);
        Assert.Empty(PublicCodeValidator.Validate(WithLogo("missing.png"), new PublicCodeValidationOptions()).Diagnostics);
    }

    [Fact]
    public void ByteOrderMark_IsAccepted()
    {
        Assert.Empty(PublicCodeValidator.Validate("\uFEFF" + WithLogo("https://example.org/logo.png"), new PublicCodeValidationOptions()).Diagnostics);
    }
}
