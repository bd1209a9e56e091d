// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Build;

/// <summary>How findings become MSBuild diagnostics: the <c>PublicCodePolicyMode</c> property.</summary>
public enum PolicyMode
{
    /// <summary>Findings are warnings; <c>TreatWarningsAsErrors</c> and <c>WarningsAsErrors</c> can make them errors.</summary>
    Default,
    /// <summary>Enforced findings (a licence the policy forbids in an enforced scope) are errors.</summary>
    Strict,
    /// <summary>Findings are messages only: the build never fails because of them.</summary>
    ReportOnly,
}

/// <summary>Names of the modes as written in the MSBuild property.</summary>
public static class PolicyModes
{
    /// <summary>The accepted names, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "Default", "Strict", "ReportOnly" };

    /// <summary>Parses a mode name (case-insensitive); an empty value is <see cref="PolicyMode.Default"/>.</summary>
    public static bool TryParse(string? value, out PolicyMode mode)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "" or "DEFAULT": mode = PolicyMode.Default; return true;
            case "STRICT": mode = PolicyMode.Strict; return true;
            case "REPORTONLY": mode = PolicyMode.ReportOnly; return true;
            default: mode = PolicyMode.Default; return false;
        }
    }
}
