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

    /// <summary>English message (what the JSON outputs carry, whatever the reader's language).</summary>
    public required string Message { get; init; }

    /// <summary>The message in any language the engine ships; null for messages that exist only in English.</summary>
    public EngineText? Text { get; init; }

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

    /// <summary>What the user can change to remove the finding (English).</summary>
    public string? Remedy { get; init; }

    /// <summary>The remedy in any language the engine ships; null when it exists only in English (or there is none).</summary>
    public EngineText? RemedyText { get; init; }

    /// <summary>The message in the language of <paramref name="culture"/> (English when it has no translation).</summary>
    public string MessageIn(System.Globalization.CultureInfo culture) => Text?.ToString(culture) ?? Message;

    /// <summary>The remedy in the language of <paramref name="culture"/> (English when it has no translation).</summary>
    public string? RemedyIn(System.Globalization.CultureInfo culture) => RemedyText?.ToString(culture) ?? Remedy;

    /// <summary>Help link.</summary>
    public string HelpUri => RuleId.StartsWith("PCP", StringComparison.Ordinal) ? RuleCatalog.GetHelpUri(RuleId) : string.Empty;
}
