// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// The tool as users get it: packed (a pointer package, one precompiled package for this machine's platform and the
/// portable "any" package), installed by <c>dotnet tool install</c> from a folder feed, and run on the sample.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private static readonly string s_rid = RuntimeInformation.RuntimeIdentifier;
    private readonly RestoredSamples _samples;
    private readonly TempDirectory _temp = new("tool-package");
    private readonly string _version = "0.1.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public ToolPackageTests(RestoredSamples samples) => _samples = samples;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Packed_Installed_AndRun_IsPrecompiledForThisPlatform_AndChecksTheSample()
    {
        var feed = Path.Combine(_temp.Path, "feed");
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Cli", "PublicCodePolicy.Cli.csproj");
        // This platform and "any" only: the restore of the solution fetched the compilation packs for this platform.
        var pack = Dotnet.Run(TestPaths.RepositoryRoot, null, TimeSpan.FromMinutes(10), "pack", project, "-c", "Release", "-o", feed,
            "--artifacts-path", Path.Combine(_temp.Path, "artifacts"), "-p:Version=" + _version,
            "-p:PublicCodeToolRuntimeIdentifiers=\"" + s_rid + ";any\"", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off");
        Assert.True(pack.ExitCode == 0, pack.All);

        // The pointer package names one package per platform; 'dotnet tool install' picks from them.
        var pointer = Path.Combine(feed, "PublicCodePolicy.Cli." + _version + ".nupkg");
        var settings = ReadEntry(pointer, "tools/any/any/DotnetToolSettings.xml");
        var rids = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
        Assert.Equal("PublicCodePolicy.Cli." + s_rid, rids[s_rid]);
        Assert.Equal("PublicCodePolicy.Cli.any", rids["any"]);

        // This platform's package holds ReadyToRun code for the tool and its engine; the "any" one holds IL only and
        // runs with 'dotnet', so that every other platform still has the tool.
        var native = Path.Combine(feed, "PublicCodePolicy.Cli." + s_rid + "." + _version + ".nupkg");
        foreach (var assembly in new[] { "publiccode.dll", "PublicCodePolicy.Core.dll" })
        {
            Assert.True(IsReadyToRun(native, "tools/net10.0/" + s_rid + "/" + assembly), assembly + " is not precompiled in the " + s_rid + " package");
        }
        var portable = Path.Combine(feed, "PublicCodePolicy.Cli.any." + _version + ".nupkg");
        Assert.False(IsReadyToRun(portable, "tools/net10.0/any/PublicCodePolicy.Core.dll"));
        var command = ReadEntry(portable, "tools/net10.0/any/DotnetToolSettings.xml").Descendants("Command").Single();
        Assert.Equal("dotnet", (string?)command.Attribute("Runner"));
        Assert.Equal("publiccode.dll", (string?)command.Attribute("EntryPoint"));

        // Installed from the folder feed alone (no registry), as 'dotnet tool install' does for a user.
        var config = _temp.Write("install/nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"" + feed + "\" />\n  </packageSources>\n</configuration>\n");
        var tools = Path.Combine(_temp.Path, "tools");
        var install = Dotnet.Run(Path.GetDirectoryName(config)!, null, TimeSpan.FromMinutes(5), "tool", "install", "PublicCodePolicy.Cli", "--version", _version, "--tool-path", tools, "--configfile", config);
        Assert.True(install.ExitCode == 0, install.All);
        Assert.True(Directory.Exists(Path.Combine(tools, ".store", "publiccodepolicy.cli", _version, "publiccodepolicy.cli." + s_rid)), "the " + s_rid + " package was not the one installed:\n" + install.All);

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "publiccode.exe" : "publiccode");
        var version = RunTool(tool, "--version");
        Assert.True(version.ExitCode == 0, version.All);
        Assert.StartsWith(_version + "+", version.StdOut.Trim(), StringComparison.Ordinal);

        var check = RunTool(tool, "check", Path.Combine(_samples.Valmont, "Valmont.sln"));
        Assert.True(check.ExitCode == 1, check.All);
        Assert.Contains("Valmont.Data.csproj: error PCP0001: System.Net.Http 4.3.4 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("Result: FAILED", check.StdOut, StringComparison.Ordinal);
    }

    private static XDocument ReadEntry(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException(entryName + " is not in " + Path.GetFileName(package) + ": " + string.Join(", ", zip.Entries.Select(e => e.FullName)));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    // A ReadyToRun image carries a managed native header in its CLI header; plain IL has none.
    private static bool IsReadyToRun(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException(entryName + " is not in " + Path.GetFileName(package));
        using var buffer = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        return pe.PEHeaders.CorHeader is { } cor && cor.ManagedNativeHeaderDirectory.Size > 0;
    }

    // The installed executable finds the runtime of the 'dotnet' running the tests, as a CI job's setup step arranges.
    private ProcessResult RunTool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = _temp.Path };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost())!;
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        return Processes.Run(psi, TimeSpan.FromMinutes(2));
    }

    private static string DotnetHost()
    {
        var host = Environment.ProcessPath;
        if (host != null && Path.GetFileNameWithoutExtension(host) == "dotnet") return host;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root)) return Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")).First(File.Exists);
    }
}
