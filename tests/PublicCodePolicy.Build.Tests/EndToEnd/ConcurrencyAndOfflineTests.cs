// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text.Json;
using PublicCodePolicy.Sbom.Tests;
using Xunit.Abstractions;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// Issue 16: parallel builds of one tree, and a build with the network removed. A solution of two projects (one
/// multi-targeted, one referencing it) with both SBOM formats on is built by three <c>dotnet build -m</c> at once;
/// every artifact (findings, SBOMs, the application's publiccode.yml) must then be complete and valid, with no
/// temporary file left. The same project built again under
/// <c>unshare -rn</c> must give the same SBOM bytes. Uses the one packed package of <see cref="PackageFixture"/>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConcurrencyAndOfflineTests
{
    private const string Outputs = """
        <PublicCodePolicySbom>cyclonedx;spdx</PublicCodePolicySbom>
        <Version>1.0.0</Version>
        <Company>Commune de Valmont</Company>
        <RepositoryUrl>https://forge.valmont.fr/dsi/conc.git</RepositoryUrl>
        """;

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConcurrencyAndOfflineTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task ThreeParallelBuildsOfOneSolution_LeaveEveryArtifactCompleteAndValid()
    {
        var lib = _fixture.CreateProject("conc-lib", PackageFixture.NewtonsoftJson, targetFrameworks: "net10.0;net8.0", parent: "conc", properties: Outputs);
        // The application also generates its publiccode.yml in every build: one more file the parallel builds share.
        var app = _fixture.CreateProject("conc-app", PackageFixture.Serilog + "<ProjectReference Include=\"../conc-lib/conc-lib.csproj\" />", parent: "conc",
            properties: Outputs + "<PublicCodeGenerateYml>true</PublicCodeGenerateYml>" + OptInOutputsTests.PublicCodeProperties);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(lib)!)!;
        var solution = Path.Combine(root, "conc.slnx");
        File.WriteAllText(solution, "<Solution>\n  <Project Path=\"conc-lib/conc-lib.csproj\" />\n  <Project Path=\"conc-app/conc-app.csproj\" />\n</Solution>\n");
        var restore = _fixture.Run(solution, "restore", solution);
        Assert.True(restore.ExitCode == 0, restore.Output);

        var builds = Enumerable.Range(0, 3)
            .Select(i => Task.Run(() => _fixture.Build(solution, false, "-m", "-p:SOURCE_DATE_EPOCH=1764374400", "-p:BuildInParallel=true")))
            .ToArray();
        var results = await Task.WhenAll(builds);
        foreach (var r in results) _output.WriteLine(r.ToString());

        // Parallel builds of one tree may trip over the SDK's own outputs (MSB3026 retries, CS2012, and the SDK's
        // GenerateDepsFile failing with MSB4018 on a deps.json another build holds open): what matters here is that
        // no PublicCodePolicy task ever fails unexpectedly and none of its artifacts is ever partial. Then one more
        // build must succeed.
        Assert.All(results, r => Assert.Empty(OurUnexpectedTaskFailures(r.Output)));
        Assert.All(results, r => Assert.DoesNotContain("PCP9010", r.Output, StringComparison.Ordinal));
        var last = _fixture.Build(solution, false, "-p:SOURCE_DATE_EPOCH=1764374400");
        Assert.True(last.ExitCode == 0, last.Output);

        foreach (var project in new[] { lib, app })
        {
            // A multi-targeted project writes its SBOMs once under obj/Debug/PublicCodePolicy, a single-targeted one under obj/Debug/<tfm>/PublicCodePolicy.
            var obj = Path.Combine(Path.GetDirectoryName(project)!, "obj");
            var name = Path.GetFileNameWithoutExtension(project);
            var cdx = Directory.EnumerateFiles(obj, name + ".cdx.json", SearchOption.AllDirectories).ToArray();
            var spdx = Directory.EnumerateFiles(obj, name + ".spdx.json", SearchOption.AllDirectories).ToArray();
            Assert.NotEmpty(cdx);
            Assert.NotEmpty(spdx);
            foreach (var f in cdx) SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, File.ReadAllBytes(f), f);
            foreach (var f in spdx) SchemaValidator.AssertValid(SchemaValidator.Spdx23, File.ReadAllBytes(f), f);
            var findings = Directory.EnumerateFiles(obj, "PublicCodePolicy.findings.json", SearchOption.AllDirectories).ToArray();
            Assert.NotEmpty(findings);
            foreach (var f in findings)
            {
                using (JsonDocument.Parse(File.ReadAllBytes(f)))
                {
                }
            }
            Assert.DoesNotContain(Directory.EnumerateFiles(obj, "*.tmp", SearchOption.AllDirectories), f => f.Contains("PublicCodePolicy", StringComparison.Ordinal));
        }

        // publiccode.yml, written by every build of the application (in the solution's folder when a solution is built,
        // docs/build.md): complete, valid, and no temporary file beside it.
        var appFolder = root;
        var yml = Path.Combine(appFolder, "publiccode.yml");
        Assert.True(File.Exists(yml), "publiccode.yml was not generated");
        var text = File.ReadAllText(yml);
        Assert.Contains("softwareVersion: \"2.1.0\"", text, StringComparison.Ordinal);
        var validation = PublicCodePolicy.PublicCode.PublicCodeValidator.ValidateFile(yml, new PublicCodePolicy.PublicCode.PublicCodeValidationOptions { CheckFiles = false });
        Assert.False(validation.HasErrors, validation.ToText("publiccode.yml"));
        Assert.Empty(Directory.EnumerateFiles(appFolder, "*.tmp").Concat(Directory.EnumerateFiles(appFolder, ".publiccode.yml*")));
    }

    /// <summary>
    /// The MSB4018 ("task failed unexpectedly") lines that come from PublicCodePolicy: its targets file, its task, or
    /// a stack frame of its code. The project suffix MSBuild appends (" [path/to/project.csproj]") is left out, so a
    /// project whose path happens to contain the name does not count.
    /// </summary>
    internal static string[] OurUnexpectedTaskFailures(string output) =>
        output.Split('\n')
            .Where(line => line.Contains("MSB4018", StringComparison.Ordinal))
            .Select(line => line.LastIndexOf(" [", StringComparison.Ordinal) is var i and >= 0 ? line[..i] : line)
            .Where(line => line.Contains("PublicCodePolicy", StringComparison.OrdinalIgnoreCase))
            .ToArray();

    [Fact]
    public void OurUnexpectedTaskFailures_KeepsOursAndIgnoresTheSdks()
    {
        const string sdk = "sdk/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Sdk.targets(308,5): error MSB4018: The \"GenerateDepsFile\" task failed unexpectedly. [work/PublicCodePolicy/conc-lib/conc-lib.csproj::TargetFramework=net10.0]";
        const string ours = "packages/publiccodepolicy/1.0.0/build/PublicCodePolicy.targets(227,5): error MSB4018: The \"PublicCodePolicy.Build.CheckDependencies\" task failed unexpectedly. [work/conc-lib.csproj]";
        const string frame = "Microsoft.NET.Sdk.targets(308,5): error MSB4018:    at PublicCodePolicy.Core.Writers.AtomicFile.Write(String path) [work/conc-lib.csproj]";
        Assert.Empty(OurUnexpectedTaskFailures(sdk + "\n  Build FAILED.\n"));
        Assert.Equal(2, OurUnexpectedTaskFailures(sdk + "\n" + ours + "\n" + frame + "\n").Length);
    }

    [Fact]
    public async Task BuildWithoutNetwork_GivesTheSameSbomAsANormalBuild()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/unshare")) return;
        var project = _fixture.CreateProject("offline", PackageFixture.NewtonsoftJson, properties: Outputs);
        var sbom = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "PublicCodePolicy", "offline.cdx.json");
        var normal = _fixture.Build(project, true, "-p:SOURCE_DATE_EPOCH=1764374400");
        Assert.True(normal.ExitCode == 0, normal.Output);
        var online = File.ReadAllBytes(sbom);
        // Remove the check's outputs so that the offline build runs the check again.
        Directory.Delete(Path.GetDirectoryName(sbom)!, recursive: true);

        // The same build, restored already, in a user namespace with no network interface but a down loopback.
        var psi = new ProcessStartInfo("unshare") { WorkingDirectory = Path.GetDirectoryName(project)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-rn", "dotnet", "build", project, "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-p:SOURCE_DATE_EPOCH=1764374400" }) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToArray())
        {
            // As DotNetCli does: the test host's MSBuild variables must not leak into the child build.
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase) || key.Equals("CI", StringComparison.Ordinal))
            {
                psi.Environment.Remove(key);
            }
        }
        psi.Environment["NUGET_PACKAGES"] = _fixture.PackagesFolder;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(cancel.Token);
        var text = await stdout + await stderr;
        _output.WriteLine(text);
        Assert.True(p.ExitCode == 0, text);
        Assert.Equal(online, File.ReadAllBytes(sbom));
    }
}
