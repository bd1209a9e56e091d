// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.IO;
using PublicCodePolicy.Online;
using PublicCodePolicy.Policy;
using Spectre.Console;

namespace PublicCodePolicy.Cli.Commands;

/// <summary>Loads the policy and the workspace, restores if asked, and runs the one engine. Shared by every command that checks.</summary>
internal static class EngineRunner
{
    /// <summary>Runs the engine; returns null (after printing a coded error) when the inputs cannot be used.</summary>
    public static CheckResult? Run(CliContext context, ParseResult parse, CommonOptions options) => Run(context, parse, options, null);

    /// <summary>Runs the engine; <paramref name="defaultToday"/> is the date exceptions are judged against when --as-of is not given.</summary>
    public static CheckResult? Run(CliContext context, ParseResult parse, CommonOptions options, DateOnly? defaultToday)
    {
        var path = parse.GetValue(options.Path) ?? ".";
        if (!TryFullPath(context, path, out var fullPath)) return null;
        if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
        {
            WriteError(context, RuleCatalog.InputNotFound.Id, "'" + path + "' does not exist.");
            return null;
        }

        PolicyDocument policy;
        var policyPath = parse.GetValue(options.Policy);
        try
        {
            if (policyPath != null)
            {
                if (!File.Exists(policyPath))
                {
                    WriteError(context, RuleCatalog.InvalidPolicy.Id, "The policy file '" + policyPath + "' does not exist.");
                    return null;
                }
                policy = PolicyDocument.Load(policyPath);
            }
            else
            {
                var found = PolicyDocument.Find(Directory.Exists(fullPath) ? fullPath : System.IO.Path.GetDirectoryName(fullPath)!);
                policy = found != null ? PolicyDocument.Load(found) : PolicyDocument.Default;
            }
        }
        catch (PolicyFormatException ex)
        {
            WriteError(context, RuleCatalog.InvalidPolicy.Id, ex.Message);
            return null;
        }
        catch (IOException ex)
        {
            WriteError(context, RuleCatalog.InvalidPolicy.Id, "The policy file cannot be read: " + ex.Message);
            return null;
        }

        if (parse.GetValue(options.Preset) is { } presetName && PolicyPresets.TryParse(presetName, out var preset))
        {
            policy = policy with { Preset = preset };
        }

        DateOnly? today = defaultToday;
        if (parse.GetValue(options.AsOf) is { } asOf)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                WriteError(context, RuleCatalog.InputNotFound.Id, "--as-of takes a date of the form YYYY-MM-DD.");
                return null;
            }
            today = d;
        }

        if (parse.GetValue(options.Restore))
        {
            context.Error.WriteLine(context.Texts.F("Engine.Restoring", path));
            var (code, output) = Dotnet.Run("restore", fullPath);
            if (code != 0)
            {
                context.Error.WriteLine(output);
                WriteError(context, RuleCatalog.NotRestored.Id, "'dotnet restore' failed with exit code " + code.ToString(CultureInfo.InvariantCulture) + ".");
                return null;
            }
        }

        LicenceBaseline? baseline = null;
        if (parse.GetValue(options.Baseline) is { } baselinePath)
        {
            try
            {
                baseline = LicenceBaseline.Load(System.IO.Path.GetFullPath(baselinePath));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                WriteError(context, RuleCatalog.InvalidResultFile.Id, "The baseline " + baselinePath + " cannot be read: " + ex.Message);
                return null;
            }
        }

        var workspace = Workspace.Load(fullPath, Dotnet.AskMsBuildForAssetsFile);
        using var online = parse.GetValue(options.Online) ? OpenOnline(context, fullPath) : null;
        if (online == null && parse.GetValue(options.Online)) return null;
        // Online mode also reads the licence page of packages whose only evidence is a licence URL (cached, capped).
        using var pages = online != null ? LicensePageClient.CreateDefault() : null;
        if (pages != null) context.Error.WriteLine(context.Texts.S("Engine.OnlinePages"));
        var engine = new PolicyEngine(new CheckOptions { Policy = policy, Today = today, MetadataSource = online, StatusSource = online, LicensePageSource = pages, VersionSource = online, Baseline = baseline });
        if (context.Console.Interactive && workspace.Projects.Count > 1) return CheckWithProgress(context, engine, workspace);
        return engine.Check(workspace);
    }

    // Apart, so that a run without a terminal (CI, scripts, the build) never loads the console library.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static CheckResult? CheckWithProgress(CliContext context, PolicyEngine engine, Workspace workspace)
    {
        CheckResult? result = null;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) }).Progress()
            .AutoClear(true)
            .Start(ctx =>
            {
                var task = ctx.AddTask(context.Texts.S("Engine.Progress"), maxValue: workspace.Projects.Count);
                result = engine.Check(workspace, new SyncProgress(p => task.Value = p.ProjectsDone));
            });
        return result;
    }

    /// <summary>
    /// Opens the sources of the nuget.config files that apply to the checked path, as 'dotnet restore' there would;
    /// says on standard error which sources will be asked, so that nothing is sent unannounced.
    /// </summary>
    private static NuGetFeedClient? OpenOnline(CliContext context, string fullPath)
    {
        var root = Directory.Exists(fullPath) ? fullPath : System.IO.Path.GetDirectoryName(fullPath)!;
        try
        {
            var client = NuGetFeedClient.FromNuGetConfig(root);
            context.Error.WriteLine(client.Sources.Count == 0
                ? context.Texts.S("Engine.OnlineNoSource")
                : context.Texts.F("Engine.OnlineAsking", string.Join(", ", client.Sources)));
            return client;
        }
        catch (NuGet.Configuration.NuGetConfigurationException ex)
        {
            WriteError(context, RuleCatalog.InvalidNuGetConfig.Id, "--online: the NuGet configuration cannot be read: " + ex.Message);
            return null;
        }
    }

    /// <summary>The full path of a path argument; false (after PCP9004) for an empty path or one with a NUL character.</summary>
    public static bool TryFullPath(CliContext context, string path, out string fullPath)
    {
        fullPath = string.Empty;
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            WriteError(context, RuleCatalog.InputNotFound.Id, "'" + path + "' is not a path: give a solution, a project or a folder.");
            return false;
        }
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            WriteError(context, RuleCatalog.InputNotFound.Id, "'" + path + "' is not a path: " + ex.Message);
            return false;
        }
    }

    /// <summary>Writes a coded error in the MSBuild-like format CI systems recognise; the message is shown on one line, without control characters.</summary>
    public static void WriteError(CliContext context, string code, string message)
        => context.Error.WriteLine("error " + code + ": " + SafeText.ForTerminal(message) + " (" + RuleCatalog.GetHelpUri(code) + ")");

    /// <summary>Checks an output path before any work (see <see cref="OutputFile.Validate(string, bool)"/>); prints PCP9010 and returns false when it cannot be written.</summary>
    public static bool TryValidateOutput(CliContext context, string? path, bool createDirectory = false)
    {
        if (path == null) return true;
        try
        {
            OutputFile.Validate(path, createDirectory);
            return true;
        }
        catch (OutputWriteException ex)
        {
            WriteError(context, RuleCatalog.OutputNotWritten.Id, ex.Message + " Nothing was done.");
            return false;
        }
    }

    /// <summary>
    /// Writes an output file through <see cref="OutputFile"/>; on failure prints PCP9010 and returns false, the previous file being intact.
    /// </summary>
    public static bool TryWriteOutput(CliContext context, string path, Action<Stream> write, bool createDirectory = false)
    {
        try
        {
            OutputFile.Write(path, write, createDirectory);
            return true;
        }
        catch (OutputWriteException ex)
        {
            WriteOutputError(context, ex);
            return false;
        }
    }

    /// <summary>Prints PCP9010 for an output file that could not be written (the previous file, if any, is intact).</summary>
    public static void WriteOutputError(CliContext context, OutputWriteException ex)
        => WriteError(context, RuleCatalog.OutputNotWritten.Id, ex.Message + " The previous file, if any, is unchanged.");

    /// <summary>Exit code for a result: input errors first, then policy failures.</summary>
    public static ExitCode ExitCodeOf(CheckResult result)
        => result.HasInputErrors ? ExitCode.InputError : result.Passed ? ExitCode.Success : ExitCode.PolicyFailed;

    private sealed class SyncProgress : IProgress<CheckProgress>
    {
        private readonly Action<CheckProgress> _action;
        private readonly object _gate = new();

        public SyncProgress(Action<CheckProgress> action) => _action = action;

        public void Report(CheckProgress value)
        {
            lock (_gate) _action(value);
        }
    }
}

/// <summary>Calls the .NET SDK.</summary>
internal static class Dotnet
{
    /// <summary>Runs <c>dotnet &lt;verb&gt; &lt;path&gt;</c>; returns the exit code and the combined output.</summary>
    public static (int ExitCode, string Output) Run(string verb, string path, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(verb);
        psi.ArgumentList.Add(path);
        foreach (var e in extra) psi.ArgumentList.Add(e);
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>
    /// Evaluates a project and returns the named properties (empty values included), or null when MSBuild cannot
    /// evaluate it. One process per project: about a second.
    /// </summary>
    public static Dictionary<string, string?>? GetProperties(string projectPath, IEnumerable<string> names)
    {
        try
        {
            var (code, text) = Run("msbuild", projectPath, names.Distinct(StringComparer.Ordinal).Select(p => "-getProperty:" + p).Append("-nologo").ToArray());
            if (code != 0) return null;
            using var doc = JsonDocument.Parse(text.Trim());
            return doc.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or System.ComponentModel.Win32Exception or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Asks MSBuild where a project's assets file is (custom BaseIntermediateOutputPath, artifacts layout…). Used only
    /// when the conventional places are empty, since evaluating a project costs about a second.
    /// </summary>
    public static string? AskMsBuildForAssetsFile(string projectPath)
    {
        try
        {
            var (code, output) = Run("msbuild", projectPath, "-getProperty:ProjectAssetsFile", "-nologo");
            if (code != 0) return null;
            var value = output.Trim();
            if (value.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(value);
                value = doc.RootElement.GetProperty("Properties").GetProperty("ProjectAssetsFile").GetString() ?? string.Empty;
            }
            return value.Length > 0 ? value : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or System.ComponentModel.Win32Exception or KeyNotFoundException)
        {
            return null;
        }
    }
}
