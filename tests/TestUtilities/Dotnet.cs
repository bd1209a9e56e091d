// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;

namespace PublicCodePolicy.TestUtilities;

/// <summary>Result of a process run.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string All => StdOut + StdErr;
}

/// <summary>
/// Runs the real .NET SDK with an isolated NuGet setup: its own global packages folder and HTTP cache under the
/// test temp folder, so no test depends on what the machine already has in its caches.
/// </summary>
public static class Dotnet
{
    /// <summary>Runs <c>dotnet</c> with arguments in a folder; kills it after <paramref name="timeout"/>.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment != null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }
        return Processes.Run(psi, timeout);
    }
}

/// <summary>Runs a process to its end, both streams read, and kills it (with its children) when it takes too long.</summary>
public static class Processes
{
    /// <summary>
    /// Starts <paramref name="psi"/> (its output is redirected here) and waits at most <paramref name="timeout"/>; then
    /// kills the process tree and throws <see cref="TimeoutException"/> with the command line and what it printed.
    /// </summary>
    public static ProcessResult Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException(psi.FileName + " " + string.Join(' ', psi.ArgumentList) + " did not finish in " + timeout + ".\n" + stdout.Result + stderr.Result);
        }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>
/// An isolated NuGet environment: packages folder, HTTP cache, scratch folder and a nuget.config with the given sources,
/// all under one test folder, so that two test runs at once (or a developer's own builds) never share a cache. Pass
/// <see cref="RestoreConfigProperty"/> to every restore (or build that restores): it makes NuGet read that nuget.config
/// only, not the user's or the machine's.
/// </summary>
public sealed class IsolatedNuGet
{
    /// <summary>Creates the folders under <paramref name="root"/> and writes <c>root/nuget.config</c>.</summary>
    /// <param name="root">Folder that will contain the projects (the nuget.config applies to everything below it).</param>
    /// <param name="localFeeds">Extra local folder feeds, searched before the registry.</param>
    public IsolatedNuGet(string root, params string[] localFeeds)
    {
        PackagesFolder = Path.Combine(root, ".nuget", "packages");
        Directory.CreateDirectory(PackagesFolder);
        ConfigFile = Path.Combine(root, "nuget.config");
        var sources = string.Join("\n", localFeeds.Select((f, i) => "    <add key=\"local" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" value=\"" + f + "\" />"));
        File.WriteAllText(ConfigFile,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" + sources + "\n" +
            "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n  </packageSources>\n</configuration>\n");
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = PackagesFolder,
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(root, ".nuget", "http-cache"),
            ["NUGET_SCRATCH"] = Path.Combine(root, ".nuget", "scratch"),
            ["NUGET_PLUGINS_CACHE_PATH"] = Path.Combine(root, ".nuget", "plugins-cache"),
        };
    }

    /// <summary>The nuget.config written for this environment.</summary>
    public string ConfigFile { get; }

    /// <summary><c>-p:RestoreConfigFile=…</c>: restore reads this environment's nuget.config and no other.</summary>
    public string RestoreConfigProperty => "-p:RestoreConfigFile=" + ConfigFile;

    /// <summary>The global packages folder.</summary>
    public string PackagesFolder { get; }

    /// <summary>Environment variables to pass to dotnet.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }
}
