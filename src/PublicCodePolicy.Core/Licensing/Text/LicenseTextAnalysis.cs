// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Licensing.Text;

/// <summary>How a licence text was identified.</summary>
public enum LicenseTextMatchKind
{
    /// <summary>Nothing was recognised.</summary>
    None,
    /// <summary>One or more SPDX licence (and exception) texts match exactly under the SPDX matching guidelines.</summary>
    Exact,
    /// <summary>A short notice naming a licence (a standard licence header, "licensed under CC BY 4.0", a public-domain dedication).</summary>
    Notice,
    /// <summary>Proprietary terms (EULA, Microsoft licence terms, "all rights reserved" without a grant).</summary>
    Proprietary,
    /// <summary>A text close to a licence text but not equal to it: nothing is concluded (<c>NOASSERTION</c>).</summary>
    Near,
}

/// <summary>A part of the text that is exactly one licence, exception or licence header of the SPDX list.</summary>
/// <param name="Id">SPDX identifier.</param>
/// <param name="IsException">True for an exception (used with <c>WITH</c>).</param>
/// <param name="StartWord">First word of the part (0-based, in normalised words).</param>
/// <param name="EndWord">Word after the part.</param>
/// <param name="Alternatives">Other identifiers whose texts match the same words (the list has near-duplicate texts).</param>
public sealed record LicenseTextRegion(string Id, bool IsException, int StartWord, int EndWord, IReadOnlyList<string> Alternatives);

/// <summary>The full result of analysing a licence text (see <see cref="LicenseTextMatcher.Analyze"/>).</summary>
public sealed class LicenseTextAnalysis
{
    /// <summary>How the text was identified.</summary>
    public required LicenseTextMatchKind Kind { get; init; }

    /// <summary>The concluded expression: <c>NOASSERTION</c> for <see cref="LicenseTextMatchKind.None"/> and <see cref="LicenseTextMatchKind.Near"/>.</summary>
    public required SpdxExpression Expression { get; init; }

    /// <summary>1 for exact matches and recognised notices; the similarity for near matches; the matched share otherwise.</summary>
    public double Score { get; init; }

    /// <summary>What was found, in words.</summary>
    public string? Note { get; init; }

    /// <summary>The exact matches, in text order.</summary>
    public IReadOnlyList<LicenseTextRegion> Regions { get; init; } = Array.Empty<LicenseTextRegion>();

    /// <summary>For a near match, the closest licence.</summary>
    public string? NearestLicense { get; init; }

    /// <summary>Words in the text, copyright lines and list numbering excluded.</summary>
    public int WordCount { get; init; }

    /// <summary>Words no match explains.</summary>
    public int UnmatchedWordCount { get; init; }
}
