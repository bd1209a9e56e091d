// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Build.Tests;

/// <summary>Issue 12: the build property PublicCodePolicyBaseline reaches the check (task parameter Baseline).</summary>
public sealed class BaselinePropertyTests : IDisposable
{
    private readonly RestoredProject _project = new();
    private readonly UiCulture _culture = new("en-US");
    private readonly MockEngine _engine = new();

    public void Dispose()
    {
        _culture.Dispose();
        _project.Dispose();
    }

    [Fact]
    public void Baseline_ReportsTheLicenceChangeAndTheNewPackage()
    {
        // The committed baseline knew Bad.Package under MIT, and not Good.Package.
        var baseline = _project.Write("publiccode-baseline.json", """
            {"projects": [{"name": "App", "packages": [{"id": "Bad.Package", "version": "0.9.0", "license": "MIT"}]}]}
            """);
        var task = _project.NewCheck(_engine);
        task.Baseline = baseline;

        Assert.True(task.Execute());

        var findings = FindingsFiles.ReadCache(_project.CacheFile);
        var changed = Assert.Single(findings, f => f.Id == "PCP0020");
        Assert.StartsWith("Bad.Package: licence MIT in 0.9.0 (baseline publiccode-baseline.json), LicenseRef-MICROSOFT-NET-LIBRARY in 1.0.0 now.", changed.Message, StringComparison.Ordinal);
        Assert.Equal("Good.Package", Assert.Single(findings, f => f.Id == "PCP0021").Package);
    }

    [Fact]
    public void UnreadableBaseline_IsPcp9006()
    {
        var task = _project.NewCheck(_engine);
        task.Baseline = _project.Write("baseline.json", "[]");

        Assert.True(task.Execute());

        Assert.Contains(FindingsFiles.ReadCache(_project.CacheFile), f => f.Id == "PCP9006" && f.Message.StartsWith("PublicCodePolicyBaseline: ", StringComparison.Ordinal));
    }
}
