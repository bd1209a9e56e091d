// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Xml.Linq;
using PublicCodePolicy.Build.Tests.EndToEnd;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Build.Tests;

/// <summary>
/// Issue 14: which UsingTask each MSBuild gets. The targets are evaluated by the real MSBuild of the .NET SDK, with
/// the host properties set as each MSBuild sets its reserved MSBuildRuntimeType and MSBuildVersion (passed through
/// the private properties the targets read them from, since the reserved ones cannot be overridden).
/// </summary>
public sealed class TaskHostSelectionTests : IDisposable
{
    private static string TargetsPath => Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Build", "build", "PublicCodePolicy.targets");

    private readonly TempDirectory _temp = new("taskhost");
    private readonly string _project;

    public TaskHostSelectionTests()
    {
        _project = Path.Combine(_temp.Path, "host.proj");
        File.WriteAllText(_project, "<Project>\n  <Import Project=\"" + TargetsPath + "\" />\n</Project>\n");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Core", "18.0.5", "InProcess")]          // dotnet build, .NET SDK 10
    [InlineData("Core", "17.8.3", "InProcess")]          // dotnet build, .NET SDK 8
    [InlineData("Full", "18.0.5", "NetTaskHost")]        // Visual Studio 2026
    [InlineData("Full", "18.3.0-preview-25610-01", "NetTaskHost")]
    [InlineData("Full", "19.0.0", "NetTaskHost")]
    [InlineData("Full", "17.14.8", "None")]              // Visual Studio 2022
    [InlineData("Full", "16.11.2", "None")]              // Visual Studio 2019
    [InlineData("Mono", "16.6.0", "None")]
    public void EachHost_GetsItsTaskRegistration(string runtime, string version, string expected)
    {
        var r = Evaluate("-p:_PublicCodePolicyHostRuntime=" + runtime, "-p:_PublicCodePolicyHostVersion=" + version, "-getProperty:_PublicCodePolicyTaskHost");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(expected, r.Output.Trim());
    }

    [Fact]
    public void WithoutOverrides_TheDotNetSdksMSBuild_RunsTheTaskInProcess()
    {
        var r = Evaluate("-getProperty:_PublicCodePolicyTaskHost", "-getProperty:_PublicCodePolicyHostRuntime");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\"_PublicCodePolicyTaskHost\": \"InProcess\"", r.Output, StringComparison.Ordinal);
        Assert.Contains("\"_PublicCodePolicyHostRuntime\": \"Core\"", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsingTasks_OneInProcessPair_OneNetTaskHostPair()
    {
        var usingTasks = XDocument.Load(TargetsPath).Root!.Elements("UsingTask").ToArray();
        var names = new[] { typeof(CheckDependencies).FullName, typeof(ReportFindings).FullName };

        var inProcess = usingTasks.Where(u => u.Attribute("Condition")!.Value == "'$(_PublicCodePolicyTaskHost)' == 'InProcess'").ToArray();
        var taskHost = usingTasks.Where(u => u.Attribute("Condition")!.Value == "'$(_PublicCodePolicyTaskHost)' == 'NetTaskHost'").ToArray();

        Assert.Equal(4, usingTasks.Length);
        Assert.Equal(names, inProcess.Select(u => u.Attribute("TaskName")!.Value));
        Assert.All(inProcess, u => Assert.Null(u.Attribute("TaskFactory")));
        Assert.Equal(names, taskHost.Select(u => u.Attribute("TaskName")!.Value));
        Assert.All(taskHost, u => Assert.Equal("NET", u.Attribute("Runtime")!.Value));
        Assert.All(taskHost, u => Assert.Equal("TaskHostFactory", u.Attribute("TaskFactory")!.Value));
        Assert.All(usingTasks, u => Assert.Equal("$(_PublicCodePolicyTaskAssembly)", u.Attribute("AssemblyFile")!.Value));
    }

    [Fact]
    public void OlderVisualStudio_GetsPCP9102_NamingTheVersionNeeded_AndThatCiStillChecks()
    {
        var r = Evaluate("-p:_PublicCodePolicyHostRuntime=Full", "-p:_PublicCodePolicyHostVersion=17.14.8", "-t:_PublicCodePolicyPrepare");

        Assert.True(r.ExitCode == 0, r.ToString());
        var warning = Assert.Single(r.Lines, l => l.Contains("warning PCP9102", StringComparison.Ordinal));
        Assert.Contains("MSBuild 18 or later (Visual Studio 2026 or later)", warning, StringComparison.Ordinal);
        Assert.Contains("this MSBuild (Full 17.14.8)", warning, StringComparison.Ordinal);
        Assert.Contains("CI (dotnet build, publiccode check) still checks them", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", true)]
    [InlineData("fr-FR", true)]
    [InlineData("en", false)]
    public void PCP9102_FollowsDotnetCliUiLanguage(string language, bool french)
    {
        var r = DotNetCli.Run(_temp.Path, null, new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = language },
            "msbuild", _project, "-nologo", "-nodeReuse:false", "-tl:off", "-p:_PublicCodePolicyHostRuntime=Full", "-p:_PublicCodePolicyHostVersion=17.14.8", "-t:_PublicCodePolicyPrepare");

        Assert.True(r.ExitCode == 0, r.ToString());
        var warning = Assert.Single(r.Lines, l => l.Contains("PCP9102", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal));
        Assert.Equal(french, warning.Contains("ne peut pas exécuter sa tâche : les licences des dépendances de ce projet n'ont pas été vérifiées", StringComparison.Ordinal));
        Assert.Equal(!french, warning.Contains("cannot run its task, so the licences of this project's dependencies were not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void VisualStudio2026_GetsNoPCP9102()
    {
        var r = Evaluate("-p:_PublicCodePolicyHostRuntime=Full", "-p:_PublicCodePolicyHostVersion=18.0.5", "-t:_PublicCodePolicyPrepare");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain("PCP9102", r.Output, StringComparison.Ordinal);
    }

    private DotNetResult Evaluate(params string[] args)
        => DotNetCli.Run(_temp.Path, null, new[] { "msbuild", _project, "-nologo", "-nodeReuse:false", "-tl:off" }.Concat(args).ToArray());
}
