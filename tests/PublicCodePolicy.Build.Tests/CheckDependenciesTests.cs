// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.Build.Framework;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Build.Tests;

public sealed class CheckDependenciesTests : IDisposable
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
    public void NonFreeDependency_IsCachedForTheReport_AndWrittenForTheAnalyzer()
    {
        var task = _project.NewCheck(_engine);

        Assert.True(task.Execute());

        Assert.Empty(_engine.Diagnostics); // The check never logs diagnostics: the report step does, on every build.
        Assert.Equal((1, 1), (task.FindingCount, task.ReportableCount));
        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal("PCP0001", finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(finding.IsEnforced);
        Assert.Equal(_project.ProjectPath, finding.File);
        Assert.Equal(("Bad.Package", "1.0.0"), (finding.Package, finding.PackageVersion));
        Assert.Equal(RestoredProject.HelpPcp0001, finding.HelpLink);
        Assert.Equal("Bad.Package 1.0.0 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence. Remove or replace the reference to Bad.Package in App.csproj.", finding.Message);

        Assert.Equal("""
            {
              "version": 1,
              "findings": [
                {
                  "id": "PCP0001",
                  "severity": "warning",
                  "message": "Bad.Package 1.0.0 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence. Remove or replace the reference to Bad.Package in App.csproj.",
                  "package": "Bad.Package",
                  "packageVersion": "1.0.0"
                }
              ]
            }

            """.ReplaceLineEndings("\n"), File.ReadAllText(_project.FindingsFile));
    }

    [Fact]
    public void InFrench_TheEngineReasonAndRemedy_AreFrench_ForTheWarningAndTheIde()
    {
        using var french = new UiCulture("fr-FR");
        Assert.True(_project.NewCheck(_engine).Execute());

        const string expected = "Bad.Package 1.0.0 (exécution) est sous licence LicenseRef-MICROSOFT-NET-LIBRARY : LicenseRef-MICROSOFT-NET-LIBRARY n'est pas une licence libre. Retirez ou remplacez la référence à Bad.Package dans App.csproj.";
        Assert.Equal(expected, Assert.Single(FindingsFiles.ReadCache(_project.CacheFile)).Message);
        Assert.Contains(expected, File.ReadAllText(_project.FindingsFile), StringComparison.Ordinal);
        Assert.Contains(_engine.Messages, m => m.Message == "PublicCodePolicy a vérifié App.csproj : 2 paquet(s), 1 constat(s).");
    }

    [Theory]
    [InlineData(null, "fr-FR", true)]
    [InlineData(null, "en-US", false)]
    [InlineData("fr", "en-US", true)]
    [InlineData("en", "fr-FR", false)]
    [InlineData("fr_BE", "", true)]
    [InlineData("fro", "", false)]
    public void Language_IsDotnetCliUiLanguage_ThenTheUiCulture(string? variable, string culture, bool french)
        => Assert.Equal(french, BuildLanguage.Resolve(variable, culture.Length == 0 ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(culture)).Name == "fr");

    [Fact]
    public void SecondRun_WithTheSameResult_DoesNotRewriteTheFiles()
    {
        Assert.True(_project.NewCheck(_engine).Execute());
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_project.FindingsFile, past);
        File.SetLastWriteTimeUtc(_project.CacheFile, past);

        var second = new MockEngine();
        Assert.True(_project.NewCheck(second).Execute());

        Assert.Equal(past, File.GetLastWriteTimeUtc(_project.FindingsFile));
        Assert.Equal(past, File.GetLastWriteTimeUtc(_project.CacheFile));
        Assert.Contains(second.Messages, m => m.Message == "PublicCodePolicy: [output] " + _project.FindingsFile + " (unchanged, not rewritten)");
    }

    [Fact]
    public void StrictMode_WritesErrorsForTheIde()
    {
        var task = _project.NewCheck(_engine);
        task.Mode = "Strict";

        Assert.True(task.Execute());

        Assert.Contains("\"severity\": \"error\"", File.ReadAllText(_project.FindingsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyException_AcceptsThePackage()
    {
        var policy = _project.Write("publiccode-policy.json", """
            { "exceptions": [ { "package": "Bad.Package", "justification": "Needed until the port to HttpClient.", "approvedBy": "DSI" } ] }
            """);
        var task = _project.NewCheck(_engine);
        task.PolicyFile = policy;

        Assert.True(task.Execute());

        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal("PCP0007", finding.Id);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal((1, 0), (task.FindingCount, task.ReportableCount));
    }

    [Fact]
    public void EnforceScopes_Development_LeavesRuntimeDenialsUnenforced()
    {
        var task = _project.NewCheck(_engine);
        task.EnforceScopes = "development";

        Assert.True(task.Execute());

        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal(("PCP0001", FindingSeverity.Warning, false), (finding.Id, finding.Severity, finding.IsEnforced));
    }

    [Fact]
    public void Preset_FrenchAdministration_IsApplied()
    {
        // MIT is on the French administration list too, so the result is the same; the preset must still parse.
        var task = _project.NewCheck(_engine);
        task.Preset = "fr-administration";

        Assert.True(task.Execute());

        Assert.Equal("PCP0001", Assert.Single(FindingsFiles.ReadCache(_project.CacheFile)).Id);
    }

    [Fact]
    public void MissingPolicyFile_IsPcp9003_AndNothingIsChecked()
    {
        var task = _project.NewCheck(_engine);
        task.PolicyFile = Path.Combine(_project.Root, "nowhere.json");

        Assert.True(task.Execute());

        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal("PCP9003", finding.Id);
        Assert.Equal("The policy file '" + task.PolicyFile + "' named by the MSBuild property PublicCodePolicyFile does not exist.", finding.Message);
        Assert.Equal(_project.ProjectPath, finding.File);
    }

    [Fact]
    public void InvalidPolicyFile_IsPcp9003_OnThePolicyFile()
    {
        var policy = _project.Write("publiccode-policy.json", """{ "preset": "anything-goes" }""");
        var task = _project.NewCheck(_engine);
        task.PolicyFile = policy;

        Assert.True(task.Execute());

        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal(("PCP9003", FindingSeverity.Error, policy), (finding.Id, finding.Severity, finding.File));
        Assert.Equal(policy + ": $.preset: Unknown preset; use one of: osi, fsf, osi-or-fsf, fr-administration.", finding.Message);
    }

    [Theory]
    [InlineData("copyleft", null, "The value 'copyleft' of the MSBuild property PublicCodePolicyPreset is not valid; use one of: osi, fsf, osi-or-fsf, fr-administration.")]
    [InlineData(null, "runtime;shipping", "The value 'shipping' of the MSBuild property PublicCodePolicyEnforceScopes is not valid; use one of: runtime, development, test.")]
    public void InvalidProperty_IsPcp9101(string? preset, string? scopes, string expected)
    {
        var task = _project.NewCheck(_engine);
        task.Preset = preset;
        task.EnforceScopes = scopes;

        Assert.True(task.Execute());

        var finding = Assert.Single(FindingsFiles.ReadCache(_project.CacheFile));
        Assert.Equal(("PCP9101", expected), (finding.Id, finding.Message));
    }

    [Fact]
    public void InputsAreLoggedAtLowImportance()
    {
        Assert.True(_project.NewCheck(_engine).Execute());

        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.Low && m.Message == "PublicCodePolicy: [input] AssetsFile = " + _project.AssetsFile);
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.Normal && m.Message == "PublicCodePolicy checked App.csproj: 2 package(s), 1 finding(s).");
    }

    [Fact]
    public void Sbom_IsWrittenNextToTheFindings_OnlyWhenItsContentChanges()
    {
        var task = _project.NewCheck(_engine);
        task.Sbom = "cyclonedx;spdx";
        task.SubjectVersion = "3.0.0";

        Assert.True(task.Execute());

        var cdx = Path.Combine(_project.ObjDir, "App.cdx.json");
        Assert.Contains("\"specVersion\": \"1.6\"", File.ReadAllText(cdx), StringComparison.Ordinal);
        Assert.Contains("\"SPDXID\": \"SPDXRef-DOCUMENT\"", File.ReadAllText(Path.Combine(_project.ObjDir, "App.spdx.json")), StringComparison.Ordinal);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(cdx, past);

        var again = _project.NewCheck(new MockEngine());
        again.Sbom = "cyclonedx";
        again.SubjectVersion = "3.0.0";
        Assert.True(again.Execute());
        Assert.Equal(past, File.GetLastWriteTimeUtc(cdx));

        var v17 = _project.NewCheck(new MockEngine());
        v17.Sbom = "CycloneDX";
        v17.SbomSpecVersion = "1.7";
        Assert.True(v17.Execute());
        Assert.Contains("\"specVersion\": \"1.7\"", File.ReadAllText(cdx), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swid", null, "The value 'swid' of the MSBuild property PublicCodePolicySbom is not valid; use one of: cyclonedx, spdx.")]
    [InlineData("cyclonedx", "1.5", "The value '1.5' of the MSBuild property PublicCodePolicySbomSpecVersion is not valid; use one of: 1.6, 1.7.")]
    public void InvalidSbomProperty_IsPcp9101_AndNoSbomIsWritten(string sbom, string? spec, string expected)
    {
        var task = _project.NewCheck(_engine);
        task.Sbom = sbom;
        task.SbomSpecVersion = spec;

        Assert.True(task.Execute());

        Assert.Contains(FindingsFiles.ReadCache(_project.CacheFile), f => f.Id == "PCP9101" && f.Message == expected);
        Assert.Empty(Directory.GetFiles(_project.ObjDir, "*.cdx.json"));
    }

    [Fact]
    public void UnusedException_IsLeftToTheSolutionWideCheck()
    {
        // Another project of the solution may use it: one project's build cannot tell that it is stale.
        var policy = _project.Write("publiccode-policy.json", """
            { "exceptions": [ { "package": "Other.Package", "justification": "Used by the web project." } ] }
            """);
        var task = _project.NewCheck(_engine);
        task.PolicyFile = policy;

        Assert.True(task.Execute());

        Assert.DoesNotContain(FindingsFiles.ReadCache(_project.CacheFile), f => f.Id == "PCP0004");
    }

    [Fact]
    public void Online_IsOff_UnlessTrue_ThenOpensTheSourcesOfNuGetConfig()
    {
        // Only a local folder source: the client is created from this nuget.config, has no HTTP source to ask, and
        // nothing leaves the machine (the E2E test has it ask a refusing HTTP source).
        _project.Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="folder" value="packages" />
              </packageSources>
            </configuration>
            """);
        Assert.True(_project.NewCheck(_engine).Execute());
        Assert.DoesNotContain(_engine.Messages, m => m.Message != null && m.Message.Contains("online mode", StringComparison.Ordinal));

        var online = new MockEngine();
        var task = _project.NewCheck(online);
        task.Online = "True";
        Assert.True(task.Execute());

        Assert.Contains(online.Messages, m => m.Message == "PublicCodePolicy: online mode, but nuget.config enables no HTTP package source; the check stays offline.");
        Assert.Equal("PCP0001", Assert.Single(FindingsFiles.ReadCache(_project.CacheFile)).Id);
    }

    [Fact]
    public void Online_WithAnUnreadableNuGetConfig_IsPcp9007()
    {
        _project.Write("nuget.config", "<configuration><packageSources>");
        var task = _project.NewCheck(_engine);
        task.Online = "true";

        Assert.True(task.Execute());

        Assert.Contains(FindingsFiles.ReadCache(_project.CacheFile), f => f.Id == "PCP9007" && f.Message.StartsWith("PublicCodePolicyOnline: the NuGet configuration cannot be read: ", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteIfChanged_ReplacesDifferentContent()
    {
        var path = _project.Write("f.txt", "old");

        Assert.False(FindingsFiles.WriteIfChanged(path, "old"u8.ToArray()));
        Assert.True(FindingsFiles.WriteIfChanged(path, "new"u8.ToArray()));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }
}
