// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// Packs the package once, then builds throwaway projects that consume it from a folder feed, with real
/// dependencies from the NuGet registry.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndToEndTests
{
    private const string HelpPcp0001 = "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP0001.md";

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public EndToEndTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Package_HasTheAgreedLayout_NoDependencies_AndALicence()
    {
        using var zip = ZipFile.OpenRead(_fixture.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
        {
            "build/PublicCodePolicy.props", "build/PublicCodePolicy.targets",
            "buildTransitive/PublicCodePolicy.props", "buildTransitive/PublicCodePolicy.targets",
            "buildMultiTargeting/PublicCodePolicy.props", "buildMultiTargeting/PublicCodePolicy.targets",
            "tasks/net8.0/PublicCodePolicy.Build.dll", "tasks/net8.0/PublicCodePolicy.Build.deps.json",
            "tasks/net8.0/PublicCodePolicy.Core.dll", "tasks/net8.0/NuGet.Versioning.dll", "tasks/net8.0/YamlDotNet.dll",
            "tasks/net8.0/fr/PublicCodePolicy.Build.resources.dll",
            // Online mode (PublicCodePolicyOnline): the task's own NuGet client, never the SDK's.
            "tasks/net8.0/PublicCodePolicy.Online.dll", "tasks/net8.0/NuGet.Protocol.dll", "tasks/net8.0/NuGet.Configuration.dll",
        })
        {
            Assert.Contains(expected, entries);
        }
        using (var deps = new StreamReader(zip.GetEntry("tasks/net8.0/PublicCodePolicy.Build.deps.json")!.Open()))
        {
            var text = deps.ReadToEnd();
            Assert.Contains("\"NuGet.Protocol/7.9.0\"", text, StringComparison.Ordinal);
            Assert.Contains("\"NuGet.Configuration/7.9.0\"", text, StringComparison.Ordinal);
        }
        // The SDK provides MSBuild; shipping its assemblies would load a second copy.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        // The analyzers join the package as soon as their projects are in the repository.
        if (Directory.Exists(Path.Combine(TestUtilities.TestPaths.RepositoryRoot, "analyzers", "PublicCodePolicy.Analyzers")))
        {
            Assert.Contains("analyzers/dotnet/cs/PublicCodePolicy.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/PublicCodePolicy.CodeFixes.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/fr/PublicCodePolicy.Analyzers.resources.dll", entries);
        }

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Get(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("PublicCodePolicy", Get("id"));
        Assert.Equal("true", Get("developmentDependency"));
        Assert.Equal("EUPL-1.2", Get("license"));
        Assert.Null(metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies"));
    }

    [Fact]
    public void CleanProject_Passes_WithoutAnyFinding_NotEvenOnItself()
    {
        var project = _fixture.CreateProject("clean", PackageFixture.NewtonsoftJson + PackageFixture.Serilog);

        var result = Build(project, restore: true, "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("PCP", result.Output, StringComparison.Ordinal);
        var findings = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "PublicCodePolicy", "PublicCodePolicy.findings.json");
        Assert.Equal("{\n  \"version\": 1,\n  \"findings\": []\n}\n", File.ReadAllText(findings));
    }

    [Fact]
    public void NonFreeDependency_Warns_WithCodeProjectAndLink()
    {
        var result = _fixture.NonFreeFirstBuild;
        _output.WriteLine(result.ToString());

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.BuildLines, l => l.Contains("warning PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        // Issue 14: the warning points at the line and column of the PackageReference, found here by reading the file.
        Assert.Equal(_fixture.NonFree + ReferenceAt(_fixture.NonFree, "System.Net.Http") + ": warning PCP0001: System.Net.Http 4.3.4 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence. Remove or replace the reference to System.Net.Http in nonfree.csproj. (" + HelpPcp0001 + ")", line);
        // Its dependencies come with the same terms, and each says where it comes from.
        // A transitive package points at the direct reference that brings it in.
        Assert.Contains(result.Lines, l => l.StartsWith(_fixture.NonFree + ReferenceAt(_fixture.NonFree, "System.Net.Http") + ": warning PCP0001: runtime.native.System.Net.Http 4.3.0 (runtime)", StringComparison.Ordinal) && l.Contains("It comes through System.Net.Http 4.3.4", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.Contains("Newtonsoft.Json", StringComparison.Ordinal) || l.Contains("PublicCodePolicy " + _fixture.Version, StringComparison.Ordinal));
    }

    [Fact]
    public void UnderCi_TheSameWarningsAndExitCode()
    {
        // Every other build removes CI (DotNetCli); CI systems set it, and the SDK changes its logging under it.
        var project = _fixture.CreateProject("nonfree-ci", PackageFixture.NewtonsoftJson + PackageFixture.SystemNetHttp);
        var result = _fixture.Build(project, new Dictionary<string, string?> { ["CI"] = "true" });
        _output.WriteLine(result.ToString());

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.BuildLines, l => l.Contains("warning PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        // The warning points at the PackageReference (issue 14): line and column found here in the project's own text.
        var lines = File.ReadAllLines(project);
        int row = Array.FindIndex(lines, l => l.Contains("<PackageReference Include=\"System.Net.Http\"", StringComparison.Ordinal));
        Assert.True(row >= 0);
        int column = lines[row].IndexOf("<PackageReference Include=\"System.Net.Http\"", StringComparison.Ordinal) + 1;
        var at = "(" + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        Assert.Equal(project + at + ": warning PCP0001: System.Net.Http 4.3.4 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence. Remove or replace the reference to System.Net.Http in nonfree-ci.csproj. (" + HelpPcp0001 + ")", line);
        Assert.Equal(
            _fixture.NonFreeFirstBuild.BuildLines.Count(l => l.Contains("warning PCP", StringComparison.Ordinal)),
            result.BuildLines.Count(l => l.Contains("warning PCP", StringComparison.Ordinal)));
    }

    [Fact]
    public void SecondBuild_SkipsTheCheck_AndStillReportsTheWarnings()
    {
        var first = Build(_fixture.NonFree, restore: false);
        Assert.Equal(0, first.ExitCode);
        var dir = Path.Combine(Path.GetDirectoryName(_fixture.NonFree)!, "obj", "Debug", "net10.0");
        var stamp = Path.Combine(dir, "PublicCodePolicy", "PublicCodePolicy.stamp");
        var findings = Path.Combine(dir, "PublicCodePolicy", "PublicCodePolicy.findings.json");
        var assembly = Path.Combine(dir, "nonfree.dll");
        var before = (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(findings), File.GetLastWriteTimeUtc(assembly));

        var second = Build(_fixture.NonFree, restore: false, "-v:d");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Skipping target \"_PublicCodePolicyCheckCore\" because all output files are up-to-date with respect to the input files.", second.Output, StringComparison.Ordinal);
        // The report of the first build left its events; MSBuild's own tasks show them again and the task assembly is
        // not loaded (issue 11). The warnings are the same lines as in the build that ran the check.
        Assert.Contains("Target \"_PublicCodePolicyReplayEvents\" in file", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Target \"_PublicCodePolicyReport\" in file", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PublicCodePolicy.Build.dll\"", second.Output, StringComparison.Ordinal);
        // (Detailed verbosity prefixes lines with the node number: compare from the code on.)
        static string[] Warnings(DotNetResult r) => r.Lines.Where(l => l.Contains("warning PCP", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("warning PCP", StringComparison.Ordinal)..]).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(Warnings(first));
        Assert.Equal(Warnings(first), Warnings(second));
        Assert.Equal(before, (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(findings), File.GetLastWriteTimeUtc(assembly)));
        Assert.Contains(second.Lines, l => l.EndsWith("warning PCP0001: System.Net.Http 4.3.4 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence. Remove or replace the reference to System.Net.Http in nonfree.csproj. (" + HelpPcp0001 + ")", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-p:TreatWarningsAsErrors=true")]
    [InlineData("-p:PublicCodePolicyMode=Strict")]
    [InlineData("-p:WarningsAsErrors=PCP0001")]
    public void FailingSettings_FailTheBuild_WithThePcpCode(string setting)
    {
        var result = Build(_fixture.NonFree, restore: false, setting);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.Contains(": error PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        Assert.Contains("Build FAILED.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWarn_Silences_EvenWithTreatWarningsAsErrors()
    {
        var result = Build(_fixture.NonFree, restore: false, "-p:NoWarn=NU1510%3BPCP0001", "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("PCP0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportOnly_ShowsTheFindings_ButNeverFails()
    {
        var result = Build(_fixture.NonFree, restore: false, "-p:PublicCodePolicyMode=ReportOnly", "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith(_fixture.NonFree + ReferenceAt(_fixture.NonFree, "System.Net.Http") + ": message PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal) && l.EndsWith("(report only; see " + HelpPcp0001 + ")", StringComparison.Ordinal));
        Assert.DoesNotContain("warning PCP", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionInAPolicyFileUpTheTree_MakesItPass()
    {
        File.WriteAllText(Path.Combine(_fixture.Projects, "excepted", "publiccode-policy.json").EnsureDirectory(), """
            {
              "preset": "fr-administration",
              "exceptions": [
                { "package": "System.Net.Http", "justification": "Legacy HTTP stack until the port to the HttpClient of net10.0", "approvedBy": "DSI" },
                { "package": "runtime.*", "justification": "Brought by System.Net.Http 4.3.4" },
                { "package": "Microsoft.NETCore.*", "justification": "Brought by System.Net.Http 4.3.4" }
              ]
            }
            """);
        var project = _fixture.CreateProject("app", PackageFixture.NewtonsoftJson + PackageFixture.SystemNetHttp, parent: Path.Combine("excepted", "src"));

        var result = Build(project, restore: true, "-p:TreatWarningsAsErrors=true", "-v:n");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("PCP0001", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.Contains(": message PCP0007: System.Net.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) is accepted by an exception: Legacy HTTP stack", StringComparison.Ordinal));

        // Nothing above information: the next builds skip the check and do not even load the report task.
        var again = Build(project, restore: false, "-p:TreatWarningsAsErrors=true", "-v:d");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Skipping target \"_PublicCodePolicyCheckCore\" because all output files are up-to-date", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Target \"_PublicCodePolicyReport\" in file", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Assembly loaded during TaskRun: PublicCodePolicy", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenPolicyFile_IsAnError_PointingAtTheFile()
    {
        var policy = Path.Combine(_fixture.Projects, "broken", "publiccode-policy.json").EnsureDirectory();
        File.WriteAllText(policy, """{ "exceptions": [ { "package": "System.Net.Http" } ] }""");
        var project = _fixture.CreateProject("app", PackageFixture.NewtonsoftJson, parent: "broken");

        var result = Build(project);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(policy + " : error PCP9003: " + policy + ": $.exceptions[0].justification: A justification is required", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiTargetedProject_ChecksAndReportsOncePerProject()
    {
        var project = _fixture.CreateProject("multi", PackageFixture.NewtonsoftJson + PackageFixture.SystemNetHttp, targetFrameworks: "net10.0;net8.0");

        var result = Build(project);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.BuildLines, l => l.Contains("warning PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        var shared = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "PublicCodePolicy", "PublicCodePolicy.findings.json");
        Assert.True(File.Exists(shared), shared);

        // The IDE's design-time build of one target framework gets the one shared findings file as an AdditionalFile.
        var inner = _fixture.Run(project, "msbuild", project, "-nodeReuse:false", "-p:TargetFramework=net8.0", "-p:DesignTimeBuild=true", "-t:ResolvePackageAssets", "-getItem:AdditionalFiles");
        Assert.Equal(0, inner.ExitCode);
        Assert.Contains(shared, inner.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CentralPackageManagement_Works()
    {
        var dir = Path.Combine(_fixture.Projects, "cpm");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props").EnsureDirectory(), $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="PublicCodePolicy" Version="{_fixture.Version}" />
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageVersion Include="System.Net.Http" Version="4.3.4" />
              </ItemGroup>
            </Project>
            """);
        var project = _fixture.CreateProject("app", """<PackageReference Include="Newtonsoft.Json" /><PackageReference Include="System.Net.Http" />""", parent: "cpm", versionInReference: false);

        var result = Build(project);

        Assert.Equal(0, result.ExitCode);
        // Issue 14: under central package management the warning points at the PackageVersion line, for the package
        // and for what it brings in.
        var props = Path.Combine(dir, "Directory.Packages.props");
        Assert.Contains(result.BuildLines, l => l.StartsWith(props + ReferenceAt(props, "System.Net.Http") + ": warning PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        Assert.Contains(result.BuildLines, l => l.StartsWith(props + ReferenceAt(props, "System.Net.Http") + ": warning PCP0001: runtime.native.System.Net.Http 4.3.0", StringComparison.Ordinal));
        Assert.DoesNotContain(result.BuildLines, l => l.StartsWith(project, StringComparison.Ordinal) && l.Contains("PCP0001", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>(line,column)</c> of the element that includes <paramref name="id"/> in <paramref name="file"/>, as MSBuild's
    /// console logger prints it: found by plain text search, independently of the product's XML reading.
    /// </summary>
    internal static string ReferenceAt(string file, string id)
    {
        var lines = File.ReadAllLines(file);
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf("Include=\"" + id + "\"", StringComparison.Ordinal);
            if (at < 0) continue;
            int start = lines[i].LastIndexOf('<', at);
            return "(" + (i + 1) + "," + (start + 1) + ")";
        }
        throw new InvalidOperationException(id + " is not referenced in " + file);
    }

    [Fact]
    public void DesignTimeBuild_SkipsTheCheck_UnlessOptedIn()
    {
        var project = _fixture.CreateProject("ide", PackageFixture.SystemNetHttp);
        Assert.Equal(0, _fixture.Run(project, "restore", project, "-p:RestoreConfigFile=" + _fixture.ConfigFile).ExitCode);
        var stamp = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "PublicCodePolicy", "PublicCodePolicy.stamp");

        var designTime = _fixture.Run(project, "msbuild", project, "-nodeReuse:false", "-t:ResolvePackageAssets", "-p:DesignTimeBuild=true", "-getProperty:PublicCodePolicyReportInIde");

        Assert.Equal(0, designTime.ExitCode);
        Assert.Equal("true", designTime.Output.Trim());
        Assert.False(File.Exists(stamp));

        var optedIn = _fixture.Run(project, "msbuild", project, "-nodeReuse:false", "-t:ResolvePackageAssets", "-p:DesignTimeBuild=true", "-p:PublicCodePolicyRunInDesignTimeBuild=true", "-getItem:AdditionalFiles");
        Assert.Equal(0, optedIn.ExitCode);
        Assert.True(File.Exists(stamp));
        Assert.Contains("PublicCodePolicy.findings.json", optedIn.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzerReportsTheTaskFindings_ForTheIdeOnly()
    {
        // Command line: the task reports, the analyzer stays silent, so nothing appears twice.
        Assert.DoesNotContain("PCP0104", _fixture.NonFreeFirstBuild.Output, StringComparison.Ordinal);
        if (!Directory.Exists(Path.Combine(TestUtilities.TestPaths.RepositoryRoot, "analyzers", "PublicCodePolicy.Analyzers"))) return;
        var project = _fixture.CreateProject("ide-analyzer", PackageFixture.SystemNetHttp);

        // What an IDE asks for: the analyzer reads the findings file (an AdditionalFile) and reports each finding.
        var result = Build(project, restore: true, "-p:PublicCodePolicyReportInIde=true");

        Assert.Equal(0, result.ExitCode);
        var findings = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "PublicCodePolicy", "PublicCodePolicy.findings.json");
        Assert.Contains(result.BuildLines, l => l.StartsWith(findings + "(", StringComparison.Ordinal) && l.Contains("warning PCP0104", StringComparison.Ordinal) && l.Contains("System.Net.Http", StringComparison.Ordinal));
    }

    private DotNetResult Build(string project, bool restore = true, params string[] extra)
    {
        var result = _fixture.Build(project, restore, extra);
        if (!extra.Contains("-v:d")) _output.WriteLine(result.ToString());
        return result;
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the file's folder and returns the path.</summary>
    public static string EnsureDirectory(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
