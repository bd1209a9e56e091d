// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Sbom.Tests;

namespace PublicCodePolicy.Cli.Tests;

[Collection(RestoredSamplesCollection.Name)]
public sealed class SbomCommandTests
{
    private readonly RestoredSamples _samples;

    public SbomCommandTests(RestoredSamples samples) => _samples = samples;

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    [Fact]
    public void Solution_CycloneDx_ToStdout_DescribesEachDeliverable()
    {
        var r = Cli.Run("sbom", Sln);
        Assert.True(r.ExitCode == 0, r.All);
        var bytes = Encoding.UTF8.GetBytes(r.StdOut);
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, bytes, "sbom Valmont.sln");
        using var bom = JsonDocument.Parse(bytes);
        var root = bom.RootElement.GetProperty("metadata").GetProperty("component");
        Assert.Equal("Valmont", root.GetProperty("name").GetString());
        // Read from the projects with MSBuild: Directory.Build.props sets them once for all.
        Assert.Equal("1.4.0", root.GetProperty("version").GetString());
        Assert.Equal("EUPL-1.2", root.GetProperty("licenses")[0].GetProperty("license").GetProperty("id").GetString());
        Assert.Equal("Commune de Valmont", root.GetProperty("supplier").GetProperty("name").GetString());
        var deliverables = bom.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "solution:Valmont")
            .GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()).ToArray();
        Assert.Equal(new[] { "project:src/Valmont.Data/Valmont.Data.csproj", "project:src/Valmont.Domain/Valmont.Domain.csproj", "project:src/Valmont.Guichet/Valmont.Guichet.csproj" }, deliverables);
        Assert.DoesNotContain(_samples.Root, r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Solution_Spdx_ToFile_IsValid_AndReproducibleWithSourceDateEpoch()
    {
        using var temp = new TempDirectory("sbom-cli");
        var first = Path.Combine(temp.Path, "a.spdx.json");
        var second = Path.Combine(temp.Path, "b.spdx.json");
        var previous = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");
            var r1 = Cli.Run("sbom", Sln, "--format", "spdx", "-o", first);
            var r2 = Cli.Run("sbom", Sln, "-f", "spdx", "--output", second);
            Assert.True(r1.ExitCode == 0 && r2.ExitCode == 0, r1.All + r2.All);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", previous);
        }
        var bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, bytes, "sbom --format spdx");
        Assert.Contains("\"created\": \"2023-11-14T22:13:20Z\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_MultiTargetedWithCpm_CycloneDx17_IsValid()
    {
        var r = Cli.Run("sbom", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "--spec-version", "1.7");
        Assert.True(r.ExitCode == 0, r.All);
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx17, Encoding.UTF8.GetBytes(r.StdOut), "sbom Multi.csproj --spec-version 1.7");
        using var bom = JsonDocument.Parse(r.StdOut);
        Assert.Equal("1.7", bom.RootElement.GetProperty("specVersion").GetString());
        Assert.Equal("Multi", bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        Assert.Contains(bom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString() == "pkg:nuget/Serilog@4.4.0");
        // No licence set in the project: the SBOM says so (PCP2002) but is still written.
        Assert.Contains("warning PCP2002", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRestored_IsAnInputError_AndWritesNothing()
    {
        using var temp = new TempDirectory("sbom-cli");
        var output = Path.Combine(temp.Path, "sbom.json");
        var r = Cli.Run("sbom", _samples.NotRestored, "-o", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP9001", r.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--format", "spdx", "--spec-version", "1.6")]
    [InlineData("--format", "cyclonedx", "--spec-version", "2.3")]
    [InlineData("--format", "swid")]
    [InlineData("--spec-version", "1.5")]
    public void WrongFormatOrVersion_IsAUsageError(params string[] options)
    {
        var r = Cli.Run(new[] { "sbom", Sln }.Concat(options).ToArray());
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.StdOut);
    }
}
