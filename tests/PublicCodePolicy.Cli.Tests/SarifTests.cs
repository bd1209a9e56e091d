// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// A fact that needs the official SARIF validator. On a developer machine without it (it comes from npm), the test is
/// skipped with the install command; in CI (<c>CI=true</c>, where .ci/run installs it) it always runs.
/// </summary>
public sealed class SarifValidatorFactAttribute : FactAttribute
{
    public SarifValidatorFactAttribute()
    {
        if (!ExternalTools.HasSarifMultitool && !ExternalTools.InCi) Skip = "The SARIF validator is not installed: run eng/install-test-tools.sh (.ci/run does).";
    }
}

[Collection(RestoredSamplesCollection.Name)]
public sealed class SarifTests
{
    private readonly RestoredSamples _samples;

    public SarifTests(RestoredSamples samples) => _samples = samples;

    [SarifValidatorFact]
    public void Sarif_PassesTheOfficialValidator_AndCarriesTheFindings()
    {
        using var temp = new TempDirectory("sarif");
        var sarif = Path.Combine(temp.Path, "check.sarif");
        var r = Cli.Run("check", Path.Combine(_samples.Valmont, "Valmont.sln"), "--format", "sarif", "-o", sarif);
        Assert.Equal(1, r.ExitCode);

        var report = Path.Combine(temp.Path, "validation.sarif");
        var v = RunValidator(sarif, report);
        Assert.True(v.ExitCode == 0, v.All);
        using (var validation = JsonDocument.Parse(File.ReadAllText(report)))
        {
            var problems = validation.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(x => x.GetProperty("ruleId").GetString() + ": " + x.GetProperty("message").GetRawText()).ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems));
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        var http = results.Single(x => x.GetProperty("ruleId").GetString() == "PCP0001" && x.GetProperty("properties").GetProperty("package").GetString() == "System.Net.Http");
        Assert.Equal("error", http.GetProperty("level").GetString());
        Assert.Equal("src/Valmont.Data/Valmont.Data.csproj", http.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "PCP0001");
        Assert.EndsWith("docs/rules/PCP0001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_samples.Root, File.ReadAllText(sarif), StringComparison.Ordinal);
    }

    [SarifValidatorFact]
    public void Sarif_ForAPassingCheck_IsValidWithNoResults()
    {
        using var temp = new TempDirectory("sarif-ok");
        var sarif = Path.Combine(temp.Path, "ok.sarif");
        Assert.Equal(0, Cli.Run("check", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-f", "sarif", "-o", sarif).ExitCode);
        var report = Path.Combine(temp.Path, "validation.sarif");
        Assert.Equal(0, RunValidator(sarif, report).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal(0, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        using var validation = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(0, validation.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    private static ProcessResult RunValidator(string sarif, string report)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(ExternalTools.SarifMultitool);
        foreach (var a in new[] { "validate", sarif, "-o", report, "--log", "ForceOverwrite" }) psi.ArgumentList.Add(a);
        return Processes.Run(psi, TimeSpan.FromMinutes(2));
    }
}
