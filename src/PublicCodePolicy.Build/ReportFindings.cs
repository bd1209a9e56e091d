// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;
using PublicCodePolicy.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace PublicCodePolicy.Build;

/// <summary>
/// The cheap step, run on every build: reads the findings the last check cached and logs them as coded MSBuild
/// warnings, errors or messages, with the project as file and the rule page as help link, after applying
/// <c>PublicCodePolicyMode</c>, <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and
/// <c>TreatWarningsAsErrors</c>. Because the settings apply here, changing them never re-runs the check.
/// </summary>
public sealed class ReportFindings : MSBuildTask
{
    /// <summary>The cache written by <see cref="CheckDependencies"/>.</summary>
    [Required, NotNull]
    public string? CacheFile { get; set; }

    /// <summary>The check's stamp file: deleted when the cache is unreadable, so the next build checks again.</summary>
    public string? StampFile { get; set; }

    /// <summary>Full path of the project file (the file of findings that name none).</summary>
    [Required, NotNull]
    public string? ProjectPath { get; set; }

    /// <summary><c>PublicCodePolicyMode</c>: <c>Default</c>, <c>Strict</c> or <c>ReportOnly</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The project's <c>NoWarn</c>.</summary>
    public string? NoWarn { get; set; }

    /// <summary>The project's <c>WarningsAsErrors</c>.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>The project's <c>WarningsNotAsErrors</c>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The project's <c>TreatWarningsAsErrors</c>.</summary>
    public string? TreatWarningsAsErrors { get; set; }

    /// <summary>
    /// Where to write the events this run logged, as an MSBuild file the targets import at evaluation, so that later
    /// builds with the same settings (<see cref="ReplayKey"/>) and the same cached findings re-show them with MSBuild's
    /// own <c>Warning</c> and <c>Message</c> tasks, without loading this assembly. Not written when an error was logged
    /// (such a build fails and is not a no-op); deleted when there is nothing valid to replay.
    /// </summary>
    public string? ReplayFile { get; set; }

    /// <summary>The hash of the settings the decisions depend on, recorded in <see cref="ReplayFile"/>.</summary>
    public string? ReplayKey { get; set; }

    /// <summary>Number of warnings logged.</summary>
    [Output]
    public int WarningCount { get; private set; }

    /// <summary>Number of errors logged.</summary>
    [Output]
    public int ErrorCount { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!PolicyModes.TryParse(Mode, out var mode))
        {
            var rule = RuleCatalog.InvalidBuildProperty;
            Log.LogError(null, rule.Id, null, rule.HelpUri, ProjectPath, 0, 0, 0, 0, Strings.InvalidPropertyValue(Mode, "PublicCodePolicyMode", string.Join(", ", PolicyModes.Names)));
            ErrorCount++;
            return false;
        }
        DeleteReplay();
        if (!File.Exists(CacheFile))
        {
            Log.LogMessage(MessageImportance.Low, Strings.NoCache(CacheFile));
            return true;
        }

        IReadOnlyList<CachedFinding> findings;
        try
        {
            findings = FindingsFiles.ReadCache(CacheFile);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            if (!string.IsNullOrEmpty(StampFile) && File.Exists(StampFile)) File.Delete(StampFile);
            var rule = RuleCatalog.UnreadableFindingsCache;
            Log.LogWarning(null, rule.Id, null, rule.HelpUri, CacheFile, 0, 0, 0, 0, Strings.CacheUnreadable(CacheFile, ex.Message));
            WarningCount++;
            return !Log.HasLoggedErrors;
        }

        var settings = new WarningSettings(mode, NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        var replay = new ReplayWriter();
        foreach (var finding in findings)
        {
            var file = string.IsNullOrEmpty(finding.File) ? ProjectPath : finding.File;
            switch (settings.Decide(finding))
            {
                case ReportLevel.Error:
                    Log.LogError(null, finding.Id, null, finding.HelpLink, file, finding.Line, finding.Column, 0, 0, WithLink(finding));
                    ErrorCount++;
                    break;
                case ReportLevel.Warning:
                    Log.LogWarning(null, finding.Id, null, finding.HelpLink, file, finding.Line, finding.Column, 0, 0, WithLink(finding));
                    replay.Warning(finding.Id, file, finding.HelpLink, WithLink(finding));
                    WarningCount++;
                    break;
                case ReportLevel.Message:
                    // The console logger prints a message's file and code but not its help link, so the link goes into the text.
                    var importance = finding.Severity == FindingSeverity.Info ? MessageImportance.Normal : MessageImportance.High;
                    var text = mode == PolicyMode.ReportOnly
                        ? Strings.ReportOnly(finding.Message, finding.HelpLink ?? string.Empty)
                        : Strings.Information(finding.Message, finding.HelpLink ?? string.Empty);
                    Log.LogMessage(null, finding.Id, null, file, finding.Line, finding.Column, 0, 0, importance, text);
                    replay.Message(finding.Id, file, importance, text);
                    break;
                default:
                    var suppressed = Strings.Suppressed(finding.Id, finding.Message);
                    Log.LogMessage(null, finding.Id, null, file, finding.Line, finding.Column, 0, 0, MessageImportance.Low, suppressed);
                    replay.Message(finding.Id, file, MessageImportance.Low, suppressed);
                    break;
            }
        }
        if (ErrorCount == 0 && !string.IsNullOrEmpty(ReplayFile))
        {
            try
            {
                replay.Save(ReplayFile, ReplayKey ?? string.Empty);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Without a replay file the next build runs this task again: slower, same output.
                Log.LogMessage(MessageImportance.Low, ex.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void DeleteReplay()
    {
        try
        {
            if (!string.IsNullOrEmpty(ReplayFile) && File.Exists(ReplayFile)) File.Delete(ReplayFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, ex.Message);
        }
    }

    // Console and CI logs do not show an event's help link, so the rule page is also named in the text, as NuGet
    // does with the advisory link of its audit warnings.
    private static string WithLink(CachedFinding finding)
        => string.IsNullOrEmpty(finding.HelpLink) ? finding.Message : finding.Message + " (" + finding.HelpLink + ")";
}
