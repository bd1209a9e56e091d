// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Build;

/// <summary>What the report step does with one finding.</summary>
public enum ReportLevel
{
    /// <summary>Silenced by <c>NoWarn</c>: logged at low importance only.</summary>
    Suppressed,
    /// <summary>A message (information, or any finding in <see cref="PolicyMode.ReportOnly"/>).</summary>
    Message,
    /// <summary>An MSBuild warning.</summary>
    Warning,
    /// <summary>An MSBuild error: the build fails.</summary>
    Error,
}

/// <summary>
/// The project's warning settings, applied to PCP codes the way NuGet applies them to its NU19xx audit warnings:
/// <c>NoWarn</c> first, then <c>WarningsAsErrors</c>, then <c>TreatWarningsAsErrors</c> unless the code is in
/// <c>WarningsNotAsErrors</c>. MSBuild itself only maps <c>WarningsAsErrors</c> and <c>NoWarn</c> to task warnings,
/// not the plain <c>TreatWarningsAsErrors</c>, so the task applies all of them.
/// </summary>
public sealed class WarningSettings
{
    private static readonly char[] s_separators = { ';', ',', ' ', '\t', '\r', '\n' };

    /// <summary>Creates the settings from the raw MSBuild property values.</summary>
    public WarningSettings(PolicyMode mode, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, string? treatWarningsAsErrors)
    {
        Mode = mode;
        NoWarn = Codes(noWarn);
        WarningsAsErrors = Codes(warningsAsErrors);
        WarningsNotAsErrors = Codes(warningsNotAsErrors);
        TreatWarningsAsErrors = string.Equals(treatWarningsAsErrors?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The mode.</summary>
    public PolicyMode Mode { get; }

    /// <summary>Codes never reported as warnings.</summary>
    public IReadOnlySet<string> NoWarn { get; }

    /// <summary>Codes always reported as errors (unless in <see cref="NoWarn"/>).</summary>
    public IReadOnlySet<string> WarningsAsErrors { get; }

    /// <summary>Codes that <see cref="TreatWarningsAsErrors"/> and <see cref="PolicyMode.Strict"/> leave as warnings.</summary>
    public IReadOnlySet<string> WarningsNotAsErrors { get; }

    /// <summary>Whether every warning becomes an error.</summary>
    public bool TreatWarningsAsErrors { get; }

    /// <summary>Decides how a finding is reported.</summary>
    public ReportLevel Decide(CachedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        // A broken configuration is an error, like NuGet's own errors: NoWarn cannot hide that the policy was not applied.
        if (finding.IsConfiguration && finding.Severity == FindingSeverity.Error && Mode != PolicyMode.ReportOnly) return ReportLevel.Error;
        if (NoWarn.Contains(finding.Id)) return ReportLevel.Suppressed;
        if (Mode == PolicyMode.ReportOnly || finding.Severity == FindingSeverity.Info) return ReportLevel.Message;
        if (WarningsAsErrors.Contains(finding.Id)) return ReportLevel.Error;
        if (WarningsNotAsErrors.Contains(finding.Id)) return ReportLevel.Warning;
        if (Mode == PolicyMode.Strict && finding.IsEnforced) return ReportLevel.Error;
        return TreatWarningsAsErrors ? ReportLevel.Error : ReportLevel.Warning;
    }

    private static HashSet<string> Codes(string? value)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(value)) return set;
        foreach (var code in value.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) set.Add(code);
        return set;
    }
}
