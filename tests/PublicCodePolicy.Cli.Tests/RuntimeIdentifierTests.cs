// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 15: restores with RuntimeIdentifier / RuntimeIdentifiers have assets targets keyed "framework/rid"
/// (net10.0/linux-x64). Check, SBOM and report must name frameworks as frameworks and count each package once.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class RuntimeIdentifierTests
{
    private readonly RestoredSamples _samples;

    public RuntimeIdentifierTests(RestoredSamples samples) => _samples = samples;

    private string Single => Path.Combine(_samples.Rid, "Single", "Single.csproj");

    private string Several => Path.Combine(_samples.Rid, "Several", "Several.csproj");

    [Fact]
    public void AssetsFile_HasRuntimeTargets()
    {
        // The precondition of the other tests: the restore really wrote framework/rid targets.
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_samples.Rid, "Several", "obj", "project.assets.json")));
        var targets = doc.RootElement.GetProperty("targets").EnumerateObject().Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "net10.0", "net10.0/linux-x64", "net10.0/win-x64", "net8.0", "net8.0/linux-x64", "net8.0/win-x64" }, targets);
    }

    [Theory]
    [InlineData("Single", "net10.0", "Newtonsoft.Json", "13.0.4", "MIT")]
    [InlineData("Several", "net10.0|net8.0", "Serilog", "4.4.0", "Apache-2.0")]
    public void Check_Json_ListsFrameworksNotRuntimeTargets(string name, string frameworks, string package, string version, string licence)
    {
        var project = Path.Combine(_samples.Rid, name, name + ".csproj");
        var r = Cli.Run("check", project, "-f", "json");
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(r.StdOut);
        var p = Assert.Single(doc.RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal(frameworks.Split('|'), p.GetProperty("targetFrameworks").EnumerateArray().Select(e => e.GetString()));
        var packages = CheckResultJson.Packages(doc.RootElement, p).ToArray();
        // Each package once, however many runtime targets list it.
        var pkg = Assert.Single(packages, x => x.Get("id") == package);
        Assert.Equal(version, pkg.Get("version"));
        Assert.Equal(licence, pkg.Get("license"));
        // schemaVersion 2 writes a package's frameworks only when they differ from the project's: then they are the project's.
        var used = pkg.Entry.TryGetProperty("frameworks", out var f) ? f : p.GetProperty("targetFrameworks");
        Assert.Equal(frameworks.Split('|'), used.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(packages.Length, packages.Select(x => x.Get("id") + "/" + x.Get("version")).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("linux-x64", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Sbom_CycloneDx_FrameworkPropertiesAreFrameworks()
    {
        var r = Cli.Run("sbom", Several);
        Assert.True(r.ExitCode == 0, r.All);
        using var bom = JsonDocument.Parse(r.StdOut);
        var serilog = Assert.Single(bom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "Serilog");
        var frameworks = serilog.GetProperty("properties").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString()!.EndsWith(":framework", StringComparison.Ordinal))
            .Select(p => p.GetProperty("value").GetString()).ToArray();
        Assert.Equal(new[] { "net10.0", "net8.0" }, frameworks);
        Assert.DoesNotContain("win-x64", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Sbom_Spdx_FrameworkNoteNamesFrameworks()
    {
        var r = Cli.Run("sbom", Single, "--format", "spdx");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Frameworks: net10.0.", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("linux-x64", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Text_TitleNamesTheFramework()
    {
        var r = Cli.Run("check", Single);
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Single — net10.0", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("linux-x64", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NamesNoRuntimeTargetAsFramework()
    {
        using var temp = new TempDirectory("report-rid");
        var r = Cli.Run("report", Several, "-o", temp.Path);
        Assert.True(r.ExitCode == 0, r.All);
        foreach (var file in new[] { "publiccode-report.json", "publiccode-report.md", "publiccode-report.html" })
        {
            var text = File.ReadAllText(Path.Combine(temp.Path, file));
            Assert.Contains("Several", text, StringComparison.Ordinal);
            Assert.DoesNotContain("linux-x64", text, StringComparison.Ordinal);
            Assert.DoesNotContain("win-x64", text, StringComparison.Ordinal);
        }
    }
}
