// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using System.Xml.Linq;
using PublicCodePolicy.Cli.Output;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 14: what GitLab, GitHub and Azure Pipelines read. The shapes checked here are the ones each service
/// documents (GitLab Code Quality: an array of issues with description, check_name, fingerprint, severity,
/// location.path and location.lines.begin; JUnit XML; GitHub workflow commands; Azure Pipelines logging commands).
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class CiFormatsTests
{
    private static readonly string[] s_gitLabSeverities = { "info", "minor", "major", "critical", "blocker" };
    private readonly RestoredSamples _samples;

    public CiFormatsTests(RestoredSamples samples) => _samples = samples;

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    private string DataProject => Path.Combine(_samples.Valmont, "src", "Valmont.Data", "Valmont.Data.csproj");

    /// <summary>The 1-based line of the element including <paramref name="id"/>, by plain text search.</summary>
    private static int LineOf(string file, string id)
        => Array.FindIndex(File.ReadAllLines(file), l => l.Contains("Include=\"" + id + "\"", StringComparison.Ordinal)) + 1;

    [Fact]
    public void CodeQuality_HasGitLabsShape_PointsAtTheReference_AndIsStableAcrossRuns()
    {
        using var temp = new TempDirectory("codequality");
        var first = Path.Combine(temp.Path, "first.json");
        var second = Path.Combine(temp.Path, "second.json");
        Assert.Equal(1, Cli.Run("check", Sln, "--format", "codequality", "-o", first).ExitCode);
        Assert.Equal(1, Cli.Run("check", Sln, "--format", "codequality", "-o", second).ExitCode);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var doc = JsonDocument.Parse(File.ReadAllText(first));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        var issues = doc.RootElement.EnumerateArray().ToArray();
        Assert.NotEmpty(issues);
        foreach (var issue in issues)
        {
            Assert.Equal(JsonValueKind.String, issue.GetProperty("description").ValueKind);
            Assert.Matches("^PCP[0-9]{4}$", issue.GetProperty("check_name").GetString());
            Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
            Assert.Contains(issue.GetProperty("severity").GetString(), s_gitLabSeverities);
            var location = issue.GetProperty("location");
            var path = location.GetProperty("path").GetString()!;
            Assert.False(Path.IsPathRooted(path), path);
            Assert.True(File.Exists(Path.Combine(_samples.Valmont, path)), path);
            Assert.True(location.GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        }
        // GitLab tells findings apart by fingerprint: no two issues share one.
        Assert.Equal(issues.Length, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct(StringComparer.Ordinal).Count());

        var http = issues.Single(i => i.GetProperty("check_name").GetString() == "PCP0001" && i.GetProperty("description").GetString()!.StartsWith("PCP0001: System.Net.Http 4.3.4", StringComparison.Ordinal));
        Assert.Equal("critical", http.GetProperty("severity").GetString());
        Assert.Equal("src/Valmont.Data/Valmont.Data.csproj", http.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(LineOf(DataProject, "System.Net.Http"), http.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        // A transitive package points at the direct reference that brings it in.
        var transitive = issues.First(i => i.GetProperty("description").GetString()!.StartsWith("PCP0001: runtime.native.System.Net.Http", StringComparison.Ordinal));
        Assert.Equal(LineOf(DataProject, "System.Net.Http"), transitive.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.DoesNotContain(_samples.Root, File.ReadAllText(first), StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_HasOneCasePerProjectAndPackage_AndFailsTheEnforcedFindings()
    {
        using var temp = new TempDirectory("junit");
        var file = Path.Combine(temp.Path, "junit.xml");
        Assert.Equal(1, Cli.Run("check", Sln, "--format", "junit", "-o", file).ExitCode);
        var again = Path.Combine(temp.Path, "again.xml");
        Assert.Equal(1, Cli.Run("check", Sln, "--format", "junit", "-o", again).ExitCode);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again));

        var root = XDocument.Load(file).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var suites = root.Elements("testsuite").ToArray();
        Assert.Equal(new[] { "Valmont.Data", "Valmont.Domain", "Valmont.Guichet", "Valmont.Tests" }, suites.Select(s => (string)s.Attribute("name")!).Order(StringComparer.Ordinal));
        foreach (var suite in suites)
        {
            var name = (string)suite.Attribute("name")!;
            var cases = suite.Elements("testcase").ToArray();
            // One case per package restore chose for the project, counted from its assets file.
            var assets = Directory.EnumerateFiles(_samples.Valmont, "project.assets.json", SearchOption.AllDirectories).Single(p => p.Contains(Path.DirectorySeparatorChar + name + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            using var json = JsonDocument.Parse(File.ReadAllText(assets));
            var packages = json.RootElement.GetProperty("libraries").EnumerateObject().Count(l => l.Value.GetProperty("type").GetString() == "package");
            Assert.Equal(packages, cases.Length);
            Assert.Equal(cases.Length, int.Parse((string)suite.Attribute("tests")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(cases.Count(c => c.Elements("failure").Any()), int.Parse((string)suite.Attribute("failures")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(cases, c => Assert.Equal(name, (string)c.Attribute("classname")!));
        }
        var data = suites.Single(s => (string)s.Attribute("name")! == "Valmont.Data");
        var http = data.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("System.Net.Http 4.3.4 ", StringComparison.Ordinal));
        var failure = Assert.Single(http.Elements("failure"));
        Assert.Equal("PCP0001", (string)failure.Attribute("type")!);
        Assert.Equal("src/Valmont.Data/Valmont.Data.csproj", (string)http.Attribute("file")!);
        Assert.Equal(LineOf(DataProject, "System.Net.Http").ToString(System.Globalization.CultureInfo.InvariantCulture), (string)http.Attribute("line")!);
        // An allowed package passes.
        Assert.Empty(data.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("Dapper ", StringComparison.Ordinal)).Elements("failure"));
        Assert.Equal(suites.Sum(s => s.Elements("testcase").Count()), int.Parse((string)root.Attribute("tests")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SeveralFormats_OneRun_OneFolder_SameBytesAsOneByOne()
    {
        using var temp = new TempDirectory("formats");
        var dir = Path.Combine(temp.Path, "out");

        var r = Cli.Run("check", Sln, "--format", "table,codequality,sarif,junit", "-o", dir);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Result: FAILED", r.StdOut, StringComparison.Ordinal);
        Assert.Equal(new[] { "gl-code-quality-report.json", "publiccode-junit.xml", "publiccode.sarif" }, Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (format, name) in new[] { ("codequality", "gl-code-quality-report.json"), ("sarif", "publiccode.sarif"), ("junit", "publiccode-junit.xml") })
        {
            var single = Path.Combine(temp.Path, name);
            Assert.Equal(1, Cli.Run("check", Sln, "--format", format, "-o", single).ExitCode);
            Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(Path.Combine(dir, name)));
        }
    }

    [Theory]
    [InlineData("codequality,junit")]
    [InlineData("table,nonsense")]
    public void SeveralFormatsWithoutAFolder_OrAnUnknownFormat_IsAUsageError(string formats)
    {
        var r = Cli.Run("check", Sln, "--format", formats);

        Assert.Equal(2, r.ExitCode);
        // Usage errors are coded too (issue 16): PCP9011.
        Assert.StartsWith("error PCP9011: ", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_PointsAtThePackageReferenceLine()
    {
        using var temp = new TempDirectory("sarif-line");
        var sarif = Path.Combine(temp.Path, "check.sarif");
        Assert.Equal(1, Cli.Run("check", Sln, "--format", "sarif", "-o", sarif).ExitCode);

        var region = SarifRegion(sarif, "System.Net.Http", out var uri);

        Assert.Equal("src/Valmont.Data/Valmont.Data.csproj", uri);
        Assert.Equal(LineOf(DataProject, "System.Net.Http"), region.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Sarif_UnderCentralPackageManagement_PointsAtThePackageVersionLine()
    {
        using var temp = new TempDirectory("sarif-cpm");
        var sarif = Path.Combine(temp.Path, "check.sarif");
        Assert.Equal(1, Cli.Run("check", _samples.Cpm, "--format", "sarif", "-o", sarif).ExitCode);

        var region = SarifRegion(sarif, "System.Net.Http", out var uri);

        Assert.Equal("Directory.Packages.props", uri);
        Assert.Equal(LineOf(Path.Combine(_samples.Cpm, "Directory.Packages.props"), "System.Net.Http"), region.GetProperty("startLine").GetInt32());
    }

    private static JsonElement SarifRegion(string sarif, string package, out string uri)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(sarif));
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(x => x.GetProperty("ruleId").GetString() == "PCP0001" && x.GetProperty("properties").GetProperty("package").GetString() == package);
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        return physical.GetProperty("region").Clone();
    }

    [Fact]
    public void GitHubActions_PrintsWorkflowCommands_ErrorsForEnforcedFindings()
    {
        var r = Run(CiHost.GitHubActions, "check", Sln);

        Assert.Equal(1, r.ExitCode);
        var line = LineOf(DataProject, "System.Net.Http");
        var http = Assert.Single(r.StdOut.Split('\n'), l => l.StartsWith("::error file=src/Valmont.Data/Valmont.Data.csproj,line=" + line + ",col=5,title=PCP0001 ", StringComparison.Ordinal) && l.Contains("(System.Net.Http 4.3.4)::PCP0001: System.Net.Http 4.3.4 (runtime) has licence", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', http);
        // Everything the table shows stays there; the annotations come after it.
        Assert.Contains("Result: FAILED", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(r.StdOut.Split('\n'), l => l.StartsWith("##vso[", StringComparison.Ordinal));
    }

    [Fact]
    public void AzurePipelines_PrintsLogIssueCommands()
    {
        var r = Run(CiHost.AzurePipelines, "check", Sln);

        Assert.Equal(1, r.ExitCode);
        var line = LineOf(DataProject, "System.Net.Http");
        Assert.Single(r.StdOut.Split('\n'), l => l.StartsWith("##vso[task.logissue type=error;sourcepath=src/Valmont.Data/Valmont.Data.csproj;linenumber=" + line + ";columnnumber=5;code=PCP0001]PCP0001: System.Net.Http 4.3.4 (runtime) has licence", StringComparison.Ordinal));
        Assert.DoesNotContain(r.StdOut.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void MachineOutputOnStandardOutput_IsNeverMixedWithAnnotations()
    {
        var r = Run(CiHost.GitHubActions, "check", Sln, "--format", "json");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut); // Throws if an annotation line followed the document.
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    [Fact]
    public void OutsideCi_NoAnnotations()
    {
        var r = Run(CiHost.None, "check", Sln);

        Assert.DoesNotContain(r.StdOut.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal) || l.StartsWith("##vso[", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", CiHost.GitHubActions)]
    [InlineData("TF_BUILD", "True", CiHost.AzurePipelines)]
    [InlineData("GITLAB_CI", "true", CiHost.None)]
    [InlineData("GITHUB_ACTIONS", "false", CiHost.None)]
    public void CiHost_IsDetectedFromTheServicesOwnVariable(string name, string value, CiHost expected)
    {
        var env = ConsoleEnvironment.Detect(n => n == name ? value : null, outputRedirected: true);

        Assert.Equal(expected, env.Ci);
        Assert.False(env.Color);
    }

    [Fact]
    public void Escaping_FollowsEachServicesRules()
    {
        // GitHub (actions/toolkit): % CR LF in data; also : and , in properties.
        Assert.Equal("100%25 sure%0D%0Anext: a, b", CiAnnotations.GitHubData("100% sure\r\nnext: a, b"));
        Assert.Equal("C%3A/a%2Cb%25", CiAnnotations.GitHubProperty("C:/a,b%"));
        // Azure Pipelines (azure-pipelines-task-lib): % as %AZP25, CR LF in data; also ; and ] in properties.
        Assert.Equal("100%AZP25 sure%0D%0Anext; ]", CiAnnotations.AzureData("100% sure\r\nnext; ]"));
        Assert.Equal("a%3Bb%5Dc%AZP25", CiAnnotations.AzureProperty("a;b]c%"));
    }

    private static ProcessResult Run(CiHost host, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr, ConsoleEnvironment.Plain with { Ci = host }, System.Globalization.CultureInfo.InvariantCulture);
        return new ProcessResult(code, stdout.ToString(), stderr.ToString());
    }
}
