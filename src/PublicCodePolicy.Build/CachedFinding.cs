// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Build;

/// <summary>
/// A finding as the check stores it for the report step. The report step reads only this shape, so a no-op
/// build never loads the engine.
/// </summary>
/// <param name="Id">Rule identifier (<c>PCPxxxx</c>).</param>
/// <param name="Severity">The engine's severity.</param>
/// <param name="IsEnforced">Whether the finding fails the check under the policy.</param>
/// <param name="Message">English message, with the remedy appended.</param>
/// <param name="File">File the diagnostic points at (the project, or the policy file).</param>
/// <param name="Package">Package id, if any.</param>
/// <param name="PackageVersion">Package version, if any.</param>
/// <param name="HelpLink">Documentation page of the rule.</param>
/// <param name="Line">Line in <paramref name="File"/> (the package's reference), from 1; 0 when none is known.</param>
/// <param name="Column">Column in <paramref name="File"/>, from 1; 0 when none is known.</param>
public sealed record CachedFinding(
    string Id,
    FindingSeverity Severity,
    bool IsEnforced,
    string Message,
    string? File,
    string? Package,
    string? PackageVersion,
    string? HelpLink,
    int Line = 0,
    int Column = 0)
{
    /// <summary>Whether the rule is a configuration or tool error (PCP9xxx) rather than a finding about a dependency.</summary>
    public bool IsConfiguration => RuleIdRanges.IsConfiguration(Id);

    /// <summary>The lower-case name used in the JSON files.</summary>
    public static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Parses <see cref="SeverityName"/>; unknown names are <see cref="FindingSeverity.Info"/>.</summary>
    public static FindingSeverity ParseSeverity(string? name) => name switch
    {
        "error" => FindingSeverity.Error,
        "warning" => FindingSeverity.Warning,
        _ => FindingSeverity.Info,
    };
}

/// <summary>The identifier ranges the build integration cares about, without loading the catalogue.</summary>
internal static class RuleIdRanges
{
    /// <summary>PCP9000–PCP9999: configuration and tool errors (see <see cref="RuleCategory.Configuration"/>).</summary>
    public static bool IsConfiguration(string id)
        => id.Length == 7 && id.StartsWith("PCP9", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExceptInRange('0', '9') < 0;
}
