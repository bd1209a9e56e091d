// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>The outcome of one <c>dotnet</c> command.</summary>
public sealed record DotNetResult(string Command, int ExitCode, string Output)
{
    /// <summary>Lines of the output.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.TrimEntries);

    /// <summary>Lines before MSBuild's closing summary, which repeats every warning and error.</summary>
    public IReadOnlyList<string> BuildLines => Lines.TakeWhile(l => l is not ("Build succeeded." or "Build FAILED.")).ToArray();

    /// <inheritdoc />
    public override string ToString() => "dotnet " + Command + " (exit " + ExitCode + ")\n" + Output;
}

/// <summary>Runs the real .NET SDK in a clean environment.</summary>
public static class DotNetCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>, with
    /// <paramref name="packagesFolder"/> as NUGET_PACKAGES (null: the user's global packages folder). Build servers
    /// are off so that no process outlives the test.
    /// </summary>
    public static DotNetResult Run(string workingDirectory, string? packagesFolder, params string[] args)
        => Run(workingDirectory, packagesFolder, null, args);

    /// <summary>
    /// Same, with extra environment variables (a null value removes the variable). With a packages folder, the HTTP
    /// cache and NuGet's scratch folder sit beside it, so a run shares no NuGet cache with another run or the user.
    /// </summary>
    public static DotNetResult Run(string workingDirectory, string? packagesFolder, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host runs inside 'dotnet test', whose MSBuild variables would leak into the child build.
        foreach (var key in info.Environment.Keys.ToArray())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }
        if (packagesFolder != null)
        {
            info.Environment["NUGET_PACKAGES"] = packagesFolder;
            info.Environment["NUGET_HTTP_CACHE_PATH"] = packagesFolder + "-http-cache";
            info.Environment["NUGET_SCRATCH"] = packagesFolder + "-scratch";
            info.Environment["NUGET_PLUGINS_CACHE_PATH"] = packagesFolder + "-plugins-cache";
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // CI sets CI=true; the throwaway projects must behave the same wherever the tests run. The one test that
        // builds under CI (EndToEndTests.UnderCi_…) sets it back through the environment parameter.
        info.Environment.Remove("CI");
        if (environment != null)
        {
            foreach (var (k, v) in environment)
            {
                if (v is null) info.Environment.Remove(k);
                else info.Environment[k] = v;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', args) + " did not finish in " + s_timeout + ".\n" + output);
        }
        process.WaitForExit();
        lock (gate) return new DotNetResult(string.Join(' ', args), process.ExitCode, output.ToString());
    }
}
