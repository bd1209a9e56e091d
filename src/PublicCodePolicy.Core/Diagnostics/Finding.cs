// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Diagnostics;

/// <summary>One finding of a check: a rule, a message, and what it is about.</summary>
public sealed class Finding
{
    /// <summary>Rule identifier (PCPxxxx, or a custom rule's own identifier).</summary>
    public required string RuleId { get; init; }

    /// <summary>Severity.</summary>
    public required FindingSeverity Severity { get; init; }

    /// <summary>English message.</summary>
    public required string Message { get; init; }

    /// <summary>True when the finding fails the check (an error in an enforced scope, or a tool error).</summary>
    public bool IsEnforced { get; init; }

    /// <summary>The project file concerned, if any.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>
    /// Where the finding points: the line of the <c>PackageReference</c> that brings the package in (of the direct
    /// reference, for a transitive package), or of its <c>PackageVersion</c> under central package management.
    /// Null when no such line was found; front-ends then point at <see cref="ProjectPath"/>.
    /// </summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The package concerned, if any.</summary>
    public string? PackageId { get; init; }

    /// <summary>The package version concerned, if any.</summary>
    public string? PackageVersion { get; init; }

    /// <summary>Dependency paths that bring the package in (e.g. <c>App → Foo 1.2.0 → Bar 4.3.0</c>).</summary>
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    /// <summary>What the user can change to remove the finding.</summary>
    public string? Remedy { get; init; }

    /// <summary>Help link.</summary>
    public string HelpUri => RuleId.StartsWith("PCP", StringComparison.Ordinal) ? RuleCatalog.GetHelpUri(RuleId) : string.Empty;
}
