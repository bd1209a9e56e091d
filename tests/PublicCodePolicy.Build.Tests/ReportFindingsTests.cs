// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.Build.Framework;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Build.Tests;

public sealed class ReportFindingsTests : IDisposable
{
    private const string DeniedText = "Bad.Package 1.0.0 (runtime) has licence X: not free. (" + RestoredProject.HelpPcp0001 + ")";

    private readonly TempDirectory _dir = new("report");
    private readonly UiCulture _culture = new("en-US");
    private readonly MockEngine _engine = new();

    public void Dispose()
    {
        _culture.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void DeniedLicence_DefaultMode_IsWarningWithCodeFileAndHelpLink()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("PCP0001", warning.Code);
        Assert.Equal(Caches.Project, warning.File);
        Assert.Equal(RestoredProject.HelpPcp0001, warning.HelpLink);
        Assert.Equal(DeniedText, warning.Message);
        Assert.Empty(_engine.Errors);
        Assert.Equal(1, task.WarningCount);
    }

    [Fact]
    public void TreatWarningsAsErrors_MakesErrors_AndFailsTheTask()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied(), Caches.Unused()));
        task.TreatWarningsAsErrors = "true";

        Assert.False(task.Execute());

        Assert.Equal(new[] { Caches.Project + " : error PCP0001: " + DeniedText, Caches.Project + " : error PCP0004: The exception for 'Old' matches no dependency. (https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP0004.md)" }, _engine.Diagnostics);
    }

    [Fact]
    public void WarningsNotAsErrors_KeepsAWarning_UnderTreatWarningsAsErrors()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied(), Caches.Unused()));
        task.TreatWarningsAsErrors = "True";
        task.WarningsNotAsErrors = "NU1603; pcp0004";

        Assert.False(task.Execute());

        Assert.Equal("PCP0001", Assert.Single(_engine.Errors).Code);
        Assert.Equal("PCP0004", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void WarningsAsErrors_MakesOnlyThatCodeAnError()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied(), Caches.Unused()));
        task.WarningsAsErrors = "CS8600,PCP0004";

        Assert.False(task.Execute());

        Assert.Equal("PCP0004", Assert.Single(_engine.Errors).Code);
        Assert.Equal("PCP0001", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void NoWarn_Silences_EvenUnderTreatWarningsAsErrorsAndWarningsAsErrors()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.NoWarn = "1701;1702;PCP0001";
        task.TreatWarningsAsErrors = "true";
        task.WarningsAsErrors = "PCP0001";

        Assert.True(task.Execute());

        Assert.Empty(_engine.Diagnostics);
        var message = Assert.Single(_engine.Messages, m => m.Code == "PCP0001");
        Assert.Equal(MessageImportance.Low, message.Importance);
        Assert.Equal("PublicCodePolicy: PCP0001 suppressed by NoWarn: Bad.Package 1.0.0 (runtime) has licence X: not free.", message.Message);
    }

    [Fact]
    public void Strict_MakesEnforcedFindingsErrors_AndLeavesWarningsAlone()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied(), Caches.Unused()));
        task.Mode = "strict";

        Assert.False(task.Execute());

        Assert.Equal("PCP0001", Assert.Single(_engine.Errors).Code);
        Assert.Equal("PCP0004", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void Strict_WarningsNotAsErrors_KeepsTheCodeAWarning()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.Mode = "Strict";
        task.WarningsNotAsErrors = "PCP0001";

        Assert.True(task.Execute());

        Assert.Equal("PCP0001", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void ReportOnly_LogsHighImportanceMessages_AndNeverFails()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.Mode = "ReportOnly";
        task.TreatWarningsAsErrors = "true";

        Assert.True(task.Execute());

        Assert.Empty(_engine.Diagnostics);
        var message = Assert.Single(_engine.Messages, m => m.Code == "PCP0001");
        Assert.Equal(MessageImportance.High, message.Importance);
        Assert.Equal("Bad.Package 1.0.0 (runtime) has licence X: not free. (report only; see " + RestoredProject.HelpPcp0001 + ")", message.Message);
    }

    [Fact]
    public void InformationFindings_AreNormalMessages_EvenUnderTreatWarningsAsErrors()
    {
        var task = Task(Caches.Write(_dir, Caches.Excepted()));
        task.TreatWarningsAsErrors = "true";

        Assert.True(task.Execute());

        Assert.Empty(_engine.Diagnostics);
        var message = Assert.Single(_engine.Messages, m => m.Code == "PCP0007");
        Assert.Equal(MessageImportance.Normal, message.Importance);
        Assert.StartsWith("Bad.Package 1.0.0 (X) is accepted by an exception: needed. (see https://", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationError_IsAnError_ThatNoWarnCannotHide()
    {
        var task = Task(Caches.Write(_dir, Caches.InvalidPolicy()));
        task.NoWarn = "PCP9003";

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("PCP9003", error.Code);
        Assert.Equal("/src/publiccode-policy.json", error.File);
    }

    [Fact]
    public void InvalidMode_IsPcp9101()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.Mode = "Lenient";

        Assert.False(task.Execute());

        Assert.Equal(new[] { "/src/App/App.csproj : error PCP9101: The value 'Lenient' of the MSBuild property PublicCodePolicyMode is not valid; use one of: Default, Strict, ReportOnly." }, _engine.Diagnostics);
        Assert.Equal("https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP9101.md", _engine.Errors[0].HelpLink);
    }

    [Fact]
    public void InvalidMode_InFrench()
    {
        using var french = new UiCulture("fr-FR");
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.Mode = "Lenient";

        Assert.False(task.Execute());

        Assert.Equal("La valeur « Lenient » de la propriété MSBuild PublicCodePolicyMode n'est pas valide ; utilisez l'une de : Default, Strict, ReportOnly.", Assert.Single(_engine.Errors).Message);
    }

    [Fact]
    public void MissingCache_ReportsNothing()
    {
        var task = Task(Path.Combine(_dir.Path, "absent.json"));

        Assert.True(task.Execute());

        Assert.Empty(_engine.Diagnostics);
        Assert.All(_engine.Messages, m => Assert.Equal(MessageImportance.Low, m.Importance));
    }

    [Fact]
    public void CorruptCache_WarnsPcp9103_AndDeletesTheStampSoTheNextBuildChecksAgain()
    {
        var cache = _dir.Write("PublicCodePolicy.cache.json", "{\"version\":1,\"findings\":[{\"severity\":\"error\"}]}");
        var stamp = _dir.Write("PublicCodePolicy.stamp", string.Empty);
        var task = Task(cache);
        task.StampFile = stamp;

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("PCP9103", warning.Code);
        Assert.Equal("The cached findings '" + cache + "' cannot be read (a finding has no 'id'); the check runs again on the next build.", warning.Message);
        Assert.False(File.Exists(stamp));
    }

    [Fact]
    public void ReplayFile_GivesMsBuildTheSameEvents_WithMsBuildCharactersIntact()
    {
        // Characters that MSBuild evaluation would expand or split if they were not escaped in the replay project.
        var tricky = new CachedFinding("PCP0001", Diagnostics.FindingSeverity.Error, true, "Odd 1.0.0 has licence $(Secret) @(Items) %(Meta) 50%25 a;b 'q' *?", Caches.Project, "Odd", "1.0.0", RestoredProject.HelpPcp0001);
        var task = Task(Caches.Write(_dir, tricky, Caches.Excepted()));
        task.ReplayFile = Path.Combine(_dir.Path, "replay.proj");
        Assert.True(task.Execute());
        var warning = Assert.Single(_engine.Warnings);

        var r = Dotnet.Run(_dir.Path, null, TimeSpan.FromMinutes(2), "msbuild", task.ReplayFile, "-t:Events", "-getTargetResult:Events", "-nologo");
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = System.Text.Json.JsonDocument.Parse(r.StdOut);
        var items = doc.RootElement.GetProperty("TargetResults").GetProperty("Events").GetProperty("Items").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("Warning", items[0].GetProperty("Level").GetString());
        Assert.Equal(warning.Message, items[0].GetProperty("Text").GetString());
        Assert.Equal("PCP0001", items[0].GetProperty("Code").GetString());
        Assert.Equal(Caches.Project, items[0].GetProperty("File").GetString());
        Assert.Equal(RestoredProject.HelpPcp0001, items[0].GetProperty("HelpLink").GetString());
        var message = _engine.Messages.Single(m => m.Code == "PCP0007");
        Assert.Equal("Message", items[1].GetProperty("Level").GetString());
        Assert.Equal(message.Message, items[1].GetProperty("Text").GetString());
        Assert.Equal(message.Importance.ToString().ToLowerInvariant(), items[1].GetProperty("Importance").GetString());
    }

    [Fact]
    public void ReplayFile_IsNotWritten_WhenTheReportHasAnError()
    {
        var task = Task(Caches.Write(_dir, Caches.Denied()));
        task.ReplayFile = Path.Combine(_dir.Path, "replay.proj");
        File.WriteAllText(task.ReplayFile, "<Project />");
        task.TreatWarningsAsErrors = "true";
        Assert.False(task.Execute());
        Assert.False(File.Exists(task.ReplayFile));
    }

    private ReportFindings Task(string cacheFile) => new()
    {
        BuildEngine = _engine,
        CacheFile = cacheFile,
        ProjectPath = Caches.Project,
    };
}
