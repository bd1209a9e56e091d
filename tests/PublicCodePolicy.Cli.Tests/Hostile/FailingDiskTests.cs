// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PublicCodePolicy.Cli.Tests.Hostile;

/// <summary>
/// What only a separate process can show: a full disk, a file-size limit, a read-only mount, eight processes writing
/// one file, and no network at all. Each runs the built tool (<c>publiccode.dll</c>) under <c>bash</c>, with
/// <c>unshare</c> for the mounts and the network (it works without privileges on Linux). The previous output must
/// survive every failure, and the offline run must give the same bytes as the normal one.
/// </summary>
public sealed class FailingDiskTests : IDisposable
{
    private const string Previous = "{\"previous\": \"a good result from yesterday\"}\n";
    private static readonly string s_tool = Path.Combine(AppContext.BaseDirectory, "publiccode.dll");
    private readonly HostileWorld _world = new();

    public void Dispose() => _world.Dispose();

    private static bool CanUnshare => OperatingSystem.IsLinux() && File.Exists("/usr/bin/unshare") && Bash("unshare -rm true", TimeSpan.FromSeconds(20)).ExitCode == 0;

    private static ProcessResult Bash(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("bash");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["PUBLICCODEPOLICY_CACHE"] = "off";
        if (environment != null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }
        return Processes.Run(psi, timeout);
    }

    private static string Q(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tool(string args) => "dotnet " + Q(s_tool) + " " + args;

    [Fact]
    public void FileSizeLimit_KeepsThePreviousResult()
    {
        var output = _world.Write("out.json", Previous);
        var r = Bash("ulimit -f 1; " + Tool("check " + Q(_world.Project) + " -f json -o " + Q(output)), TimeSpan.FromMinutes(2));
        // The runtime either ignores SIGXFSZ (then the write fails: PCP9010) or is stopped by it; the old file stays either way.
        Assert.NotEqual(0, r.ExitCode);
        if (r.ExitCode == 2) Assert.Contains("error PCP9010", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(Previous, File.ReadAllText(output));
    }

    [Fact]
    public void FullDisk_KeepsThePreviousResultAndSaysSo()
    {
        if (!CanUnshare) return;
        var disk = Directory.CreateDirectory(Path.Combine(_world.Root, "disk")).FullName;
        var project = _world.Project;
        // One 4 KiB page: the previous file fills it, so the new result cannot be written.
        var r = Bash("unshare -rm bash -c " + Q("mount -t tmpfs -o size=4k none " + Q(disk) + " && printf %s " + Q(Previous) + " > " + Q(disk + "/out.json")
            + " && " + Tool("check " + Q(project) + " -f json -o " + Q(disk + "/out.json")) + "; echo \"rc=$?\"; echo '---'; cat " + Q(disk + "/out.json") + "; ls -a " + Q(disk)), TimeSpan.FromMinutes(2));
        Assert.Contains("rc=2", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("error PCP9010", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("disk is full", r.StdErr, StringComparison.Ordinal);
        var after = r.StdOut[(r.StdOut.IndexOf("---\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith(Previous, after, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", after, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyFolder_KeepsThePreviousResultAndSaysSo()
    {
        if (!CanUnshare) return;
        var folder = Directory.CreateDirectory(Path.Combine(_world.Root, "ro")).FullName;
        var output = _world.Write(Path.Combine(folder, "out.json"), Previous);
        var r = Bash("unshare -rm bash -c " + Q("mount --bind " + Q(folder) + " " + Q(folder) + " && mount -o remount,ro,bind " + Q(folder)
            + " && " + Tool("check " + Q(_world.Project) + " -f json -o " + Q(output)) + "; echo \"rc=$?\""), TimeSpan.FromMinutes(2));
        Assert.Contains("rc=2", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("error PCP9010", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("read-only", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(Previous, File.ReadAllText(output));
    }

    [Fact]
    public void EightProcessesWritingOneFile_AllSucceedAndTheFileIsComplete()
    {
        var output = Path.Combine(_world.Root, "same.json");
        var script = string.Join(" & ", Enumerable.Range(0, 8).Select(i => "(" + Tool("check " + Q(_world.Project) + " -f json -o " + Q(output)) + "; echo \"rc$?\")")) + "; wait";
        var r = Bash(script, TimeSpan.FromMinutes(3));
        Assert.Equal(8, r.StdOut.Split('\n').Count(l => l == "rc0"));
        Assert.DoesNotContain("error", r.StdErr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("packages").GetInt32());
        Assert.Empty(Directory.EnumerateFiles(_world.Root, ".same.json.*"));
    }

    [Fact]
    public async Task EightInProcessRunsWritingOneFile_AllSucceedAndTheFileIsComplete()
    {
        var output = Path.Combine(_world.Root, "same.json");
        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(() => Cli.Run("check", _world.Project, "-f", "json", "-o", output))).ToArray();
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.StdErr));
        var single = Cli.Run("check", _world.Project, "-f", "json");
        Assert.Equal(single.StdOut, File.ReadAllText(output));
        Assert.Empty(Directory.EnumerateFiles(_world.Root, ".same.json.*"));
    }

    [Fact]
    public void WithoutNetwork_CheckAndSbomGiveTheSameBytes()
    {
        if (!OperatingSystem.IsLinux() || Bash("unshare -rn true", TimeSpan.FromSeconds(20)).ExitCode != 0) return;
        var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1764374400" };
        string Run(string prefix, string name)
        {
            var check = Path.Combine(_world.Root, name + ".check.json");
            var sbom = Path.Combine(_world.Root, name + ".cdx.json");
            var r = Bash(prefix + Tool("check " + Q(_world.Project) + " -f json -o " + Q(check)) + " && " + prefix + Tool("sbom " + Q(_world.Project) + " -o " + Q(sbom)), TimeSpan.FromMinutes(3), env);
            Assert.True(r.ExitCode == 0, r.StdErr);
            return File.ReadAllText(check) + "\n" + File.ReadAllText(sbom);
        }
        var online = Run(string.Empty, "normal");
        var offline = Run("unshare -rn ", "offline");
        Assert.Equal(online, offline);
        // The proof that the namespace really has no network: its only interface is the loopback one, and it is down.
        var probe = Bash("unshare -rn bash -c 'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d \" \"'", TimeSpan.FromSeconds(20));
        Assert.Equal("lo", probe.StdOut.Trim());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\"bomFormat\""), offline, StringComparison.Ordinal);
    }
}
