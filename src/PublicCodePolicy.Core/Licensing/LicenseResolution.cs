// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Licensing;

/// <summary>Where a concluded licence came from.</summary>
public enum LicenseSource
{
    /// <summary>Nothing was declared.</summary>
    None,
    /// <summary>The nuspec's <c>&lt;license type="expression"&gt;</c>.</summary>
    Expression,
    /// <summary>The file named by <c>&lt;license type="file"&gt;</c>.</summary>
    File,
    /// <summary>A conventional licence file found in the package (LICENSE, COPYING, …).</summary>
    PackageFile,
    /// <summary>The nuspec's <c>licenseUrl</c>, through the curated URL table.</summary>
    Url,
    /// <summary>A curation (shipped or from the policy file).</summary>
    Curation,
}

/// <summary>The licence of one package, with the evidence it rests on. Declared and concluded licences are kept apart, as SPDX does.</summary>
public sealed class LicenseResolution
{
    /// <summary>What the package declares, as text (expression, file path, URL), or null when it declares nothing.</summary>
    public string? Declared { get; init; }

    /// <summary>The concluded licence; <see cref="SpdxExpression.NoAssertion"/> when nothing could be concluded.</summary>
    public required SpdxExpression Concluded { get; init; }

    /// <summary>Where the concluded licence came from.</summary>
    public LicenseSource Source { get; init; }

    /// <summary>The file (relative to the package folder) or URL the conclusion rests on.</summary>
    public string? Evidence { get; init; }

    /// <summary>Confidence between 0 and 1 (1 for a declared expression; the match score for texts).</summary>
    public double Confidence { get; init; }

    /// <summary>Human explanation (e.g. "licence file not identified", "URL not in the table"), in English.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// <see cref="Note"/> in every language, when the resolver wrote it (what a text matcher adds stays as written);
    /// null otherwise. The CLI, the report and the build show it in the reader's language.
    /// </summary>
    public Diagnostics.EngineText? NoteText { get; init; }

    /// <summary>Online mode: the licence page read for this conclusion (URL, date, SHA-256, mutability); null otherwise.</summary>
    public LicensePageEvidence? Page { get; init; }

    /// <summary>True when <see cref="Concluded"/> is <c>NOASSERTION</c>.</summary>
    public bool IsNoAssertion => Concluded is SpdxSpecial s && s.Value == "NOASSERTION";
}

/// <summary>Result of identifying a licence text.</summary>
/// <param name="Expression">The licence(s) the text is.</param>
/// <param name="Score">Similarity between 0 and 1; 1 is an exact match under the SPDX matching guidelines.</param>
/// <param name="Note">What was matched, e.g. "near match to MIT (0.93)".</param>
public sealed record LicenseTextMatch(SpdxExpression Expression, double Score, string? Note);

/// <summary>Identifies which licence a text is (see the licence-text matcher). Implementations must be thread-safe.</summary>
public interface ILicenseTextIdentifier
{
    /// <summary>Identifies <paramref name="text"/>; null when it is not recognised.</summary>
    LicenseTextMatch? Identify(string text);
}
