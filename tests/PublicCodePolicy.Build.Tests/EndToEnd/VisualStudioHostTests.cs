// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Xunit.Abstractions;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// Issue 14: what can be verified here of the Visual Studio integration (no Visual Studio on this machine). The
/// task-host registration that .NET Framework MSBuild 18 gets is forced under dotnet build, so the same task really
/// runs through TaskHostFactory out of process; and with no task at all (older Visual Studio) the analyzers still work.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class VisualStudioHostTests
{
    private const string ForceTaskHost = "-p:_PublicCodePolicyTaskHost=NetTaskHost";
    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public VisualStudioHostTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void NetTaskHostRegistration_RunsTheTaskOutOfProcess_WithTheSameFindings()
    {
        var project = _fixture.CreateProject("taskhost", PackageFixture.NewtonsoftJson + PackageFixture.SystemNetHttp);

        var result = _fixture.Build(project, restore: true, ForceTaskHost, "-v:d");

        Assert.True(result.ExitCode == 0, result.Output.Length > 20000 ? result.Output[^20000..] : result.Output);
        // MSBuild's own log line for a task run by a task host rather than in the build process.
        Assert.Contains(result.Lines, l => l.Contains("external task host", StringComparison.OrdinalIgnoreCase) && l.Contains("CheckDependencies", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.Contains("external task host", StringComparison.OrdinalIgnoreCase) && l.Contains("ReportFindings", StringComparison.Ordinal));
        // Detailed verbosity prefixes lines with the node and project numbers.
        Assert.Contains(result.BuildLines, l => l.Contains(project + EndToEndTests.ReferenceAt(project, "System.Net.Http") + ": warning PCP0001: System.Net.Http 4.3.4 (runtime)", StringComparison.Ordinal));

        // Strict fails the build through the task host as in process.
        var strict = _fixture.Build(project, restore: false, ForceTaskHost, "-p:PublicCodePolicyMode=Strict");
        _output.WriteLine(strict.ToString());
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains(strict.Lines, l => l.Contains(": error PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheTask_AsInOlderVisualStudio_TheAnalyzersStillReport()
    {
        if (!Directory.Exists(Path.Combine(TestUtilities.TestPaths.RepositoryRoot, "analyzers", "PublicCodePolicy.Analyzers"))) return;
        var project = _fixture.CreateProject("oldvs", PackageFixture.SystemNetHttp);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "NoHeader.cs"), "namespace Sample;\n\npublic static class NoHeader\n{\n}\n");
        // A build where the task ran leaves the findings file, as the last CI-like or command-line build would.
        Assert.Equal(0, _fixture.Build(project).ExitCode);

        // Then a build where the task cannot run at all, as in Visual Studio 2022, with the IDE's reporting on.
        var result = _fixture.Build(project, restore: false, "-p:_PublicCodePolicyTaskHost=None", "-p:PublicCodePolicyReportInIde=true", "-v:d");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.BuildLines, l => l.Contains("warning PCP9102", StringComparison.Ordinal));
        Assert.DoesNotContain("Assembly loaded during TaskRun: PublicCodePolicy.Build", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Lines, l => l.Contains("Using \"PublicCodePolicy.Build.", StringComparison.Ordinal));
        // The analyzers: the missing header (PCP0101) and the last check's findings from the findings file (PCP0104).
        Assert.Contains(result.BuildLines, l => l.Contains("NoHeader.cs", StringComparison.Ordinal) && l.Contains("PCP0101", StringComparison.Ordinal));
        Assert.Contains(result.BuildLines, l => l.Contains("warning PCP0104", StringComparison.Ordinal) && l.Contains("System.Net.Http", StringComparison.Ordinal));
    }
}
