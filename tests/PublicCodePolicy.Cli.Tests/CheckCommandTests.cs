// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using Json.Schema;

namespace PublicCodePolicy.Cli.Tests;

[Collection(RestoredSamplesCollection.Name)]
public sealed class CheckCommandTests
{
    private readonly RestoredSamples _samples;

    public CheckCommandTests(RestoredSamples samples) => _samples = samples;

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    private static JsonElement Package(JsonElement result, string project, string id)
        => result.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == project)
            .GetProperty("packages").EnumerateArray().Single(p => IdOf(result, p) == id);

    private static string? IdOf(JsonElement result, JsonElement entry) => Judgement(result, entry).GetProperty("id").GetString();

    // Schema version 2: a project's entry refers to the package's judgement (licence evidence, hash…) by index.
    private static JsonElement Judgement(JsonElement result, JsonElement entry)
        => result.GetProperty("packages")[entry.GetProperty("package").GetInt32()];

    private JsonDocument CheckJson(params string[] extra)
    {
        var r = Cli.Run(new[] { "check", Sln, "--format", "json" }.Concat(extra).ToArray());
        Assert.True(r.ExitCode is 0 or 1, r.All);
        return JsonDocument.Parse(r.StdOut);
    }

    [Fact]
    public void Sample_FailsOnTheNonFreeDependency_WithPathAndFix()
    {
        var r = Cli.Run("check", Sln);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Valmont.Data.csproj: error PCP0001: System.Net.Http 4.3.4 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("via Valmont.Data → System.Net.Http 4.3.4 → runtime.native.System 4.3.0", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("fix: Remove or replace the reference to System.Net.Http in Valmont.Data.csproj.", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("Result: FAILED", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("| Serilog ", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_Json_HasVerdictsScopesAndPaths_AndMatchesTheSchema()
    {
        using var doc = CheckJson();
        var root = doc.RootElement;
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "check-result.schema.json"));
        var eval = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(eval.IsValid, string.Join("\n", (eval.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));

        Assert.False(root.GetProperty("passed").GetBoolean());
        var http = Package(root, "Valmont.Data", "System.Net.Http");
        Assert.Equal("denied", http.GetProperty("verdict").GetString());
        Assert.Equal("url", Judgement(root, http).GetProperty("licenseSource").GetString());
        Assert.Equal("runtime", http.GetProperty("scope").GetString());
        Assert.Equal(128, Judgement(root, http).GetProperty("sha512").GetString()!.Length);
        var native = Package(root, "Valmont.Data", "runtime.native.System");
        Assert.False(native.GetProperty("direct").GetBoolean());
        Assert.Equal("Valmont.Data → System.Net.Http 4.3.4 → runtime.native.System 4.3.0", native.GetProperty("paths")[0].GetString());

        var csv = Package(root, "Valmont.Data", "CsvHelper");
        Assert.Equal("MS-PL OR Apache-2.0", Judgement(root, csv).GetProperty("license").GetString());
        Assert.Equal("allowed", csv.GetProperty("verdict").GetString());

        // Transitive through a project reference; build-time tools are development; test projects are test scope.
        var noda = Package(root, "Valmont.Guichet", "NodaTime");
        Assert.False(noda.GetProperty("direct").GetBoolean());
        // Allowed: its path is counted, not written (schemaVersion 2); the licence is in the judgement.
        Assert.False(noda.TryGetProperty("paths", out _));
        Assert.Equal(1, noda.GetProperty("morePaths").GetInt32());
        Assert.Equal("Apache-2.0", Judgement(root, noda).GetProperty("license").GetString());
        Assert.Equal("development", Package(root, "Valmont.Guichet", "Microsoft.SourceLink.GitHub").GetProperty("scope").GetString());
        Assert.Equal("test", Package(root, "Valmont.Tests", "xunit").GetProperty("scope").GetString());
        // .NET 10 prunes System.Net.Http when it only arrives through a project reference: the assets file is the truth.
        Assert.DoesNotContain(root.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Valmont.Guichet").GetProperty("packages").EnumerateArray(),
            p => IdOf(root, p) == "System.Net.Http");
        Assert.DoesNotContain(_samples.Root, doc.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ToFile_IsByteIdenticalAcrossRuns()
    {
        using var temp = new TempDirectory("json");
        var a = Path.Combine(temp.Path, "a.json");
        var b = Path.Combine(temp.Path, "b.json");
        Assert.Equal(1, Cli.Run("check", Sln, "-f", "json", "-o", a, "--as-of", "2026-11-29").ExitCode);
        Assert.Equal(1, Cli.Run("check", Sln, "-f", "json", "-o", b, "--as-of", "2026-11-29").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void PolicyException_MakesTheCheckPass()
    {
        using var temp = new TempDirectory("policy");
        var policy = temp.Write("publiccode-policy.json", """
            {
              "exceptions": [
                { "package": "System.Net.Http", "versions": "[4.3.4]", "justification": "Legacy HTTP stack, removal planned.", "approvedBy": "DSI", "expires": "2027-06-30" },
                { "package": "runtime.native.*", "justification": "Brought by System.Net.Http 4.3.4.", "expires": "2027-06-30" },
                { "package": "Microsoft.NETCore.*", "justification": "Brought by System.Net.Http 4.3.4.", "expires": "2027-06-30" }
              ]
            }
            """);
        var r = Cli.Run("check", Sln, "--policy", policy, "--as-of", "2026-11-29");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Result: PASSED", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("PCP0007", r.StdOut, StringComparison.Ordinal);
        // After expiry the same policy fails again, with PCP0003.
        var later = Cli.Run("check", Sln, "--policy", policy, "--as-of", "2027-07-01");
        Assert.Equal(1, later.ExitCode);
        Assert.Contains("PCP0003", later.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Preset_FrAdministration_IsApplied()
    {
        using var doc = CheckJson("--preset", "fr-administration");
        Assert.Equal("fr-administration", doc.RootElement.GetProperty("policy").GetProperty("preset").GetString());
        var csv = Package(doc.RootElement, "Valmont.Data", "CsvHelper");
        Assert.Contains("Choice of Apache-2.0", Judgement(doc.RootElement, csv).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MultiTargetingWithCentralPackageManagement_IsChecked()
    {
        var r = Cli.Run("check", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-f", "json");
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(r.StdOut);
        var project = doc.RootElement.GetProperty("projects")[0];
        Assert.Equal(new[] { "net10.0", "net8.0" }, project.GetProperty("targetFrameworks").EnumerateArray().Select(e => e.GetString()));
        var serilog = project.GetProperty("packages").EnumerateArray().Single(p => IdOf(doc.RootElement, p) == "Serilog");
        Assert.Equal(new[] { "net10.0" }, serilog.GetProperty("frameworks").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void NotRestored_ExitsWith2_AndSaysToRestore()
    {
        var r = Cli.Run("check", Path.Combine(_samples.NotRestored, "Fresh.csproj"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP9001", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPolicy_ExitsWith2()
    {
        using var temp = new TempDirectory("badpolicy");
        var policy = temp.Write("p.json", "{ \"preset\": \"whatever\" }");
        var r = Cli.Run("check", Sln, "--policy", policy);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP9003", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.preset", r.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--no-such-option")]
    [InlineData("frobnicate")]
    public void UsageErrors_ExitWith2(params string[] args)
    {
        var r = Cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP9011: ", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPath_ExitsWith2()
    {
        var r = Cli.Run("check", Path.Combine(_samples.Root, "does-not-exist"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PCP9004", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_TeachesWithExamples()
    {
        var r = Cli.Run("check", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Examples:", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("--preset", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("Exit codes", r.StdOut, StringComparison.Ordinal);
    }
}
