// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli.Tests;

/// <summary>Issue 12: <c>check --baseline</c> reports licence changes and new packages since an earlier result.</summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class BaselineOptionTests
{
    private readonly RestoredSamples _samples;

    public BaselineOptionTests(RestoredSamples samples) => _samples = samples;

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    [Fact]
    public void Baseline_ShowsTheLicenceChangeWithBothLicences_AndNewPackages()
    {
        using var temp = new TempDirectory("baseline");
        // The sample's Serilog as it was in an imagined earlier check, under another licence; nothing else was there.
        var baseline = temp.Write("publiccode-baseline.json", """
            {"projects": [{"name": "Valmont.Web", "packages": [{"id": "Serilog", "version": "3.1.1", "license": "MIT"}]}]}
            """);
        var r = Cli.Run("check", Sln, "--baseline", baseline, "--as-of", "2026-11-29");
        Assert.True(r.ExitCode is 0 or 1, r.All);
        Assert.Contains("warning PCP0020: Serilog: licence MIT in 3.1.1 (baseline publiccode-baseline.json), Apache-2.0 in ", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("info PCP0021: System.Net.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) is new since the baseline", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableBaseline_IsAnInputError()
    {
        using var temp = new TempDirectory("baseline-bad");
        var baseline = temp.Write("bad.json", "{\"not\": \"a check result\"}");
        var r = Cli.Run("check", Sln, "--baseline", baseline);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PCP9006", r.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.All, StringComparison.Ordinal);
    }
}
