// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom;

/// <summary>What the SBOM writers say about one package's licence: concluded, declared, and the evidence.</summary>
internal static class SbomLicenses
{
    /// <summary>
    /// The licence the package's author declared, as SPDX: the nuspec expression; for a licence file or URL, what the
    /// engine identified it as (the file or URL is the author's declaration); <c>NOASSERTION</c> otherwise.
    /// </summary>
    public static SpdxExpression Declared(PackageResult package)
    {
        var license = package.License;
        switch (license.Source)
        {
            case LicenseSource.Expression:
                return Parse(license.Declared);
            case LicenseSource.Curation:
                return package.Metadata?.LicenseKind == DeclaredLicenseKind.Expression ? Parse(license.Declared) : SpdxExpression.NoAssertion;
            case LicenseSource.File:
            case LicenseSource.PackageFile:
            case LicenseSource.Url:
                return license.Concluded;
            default:
                return SpdxExpression.NoAssertion;
        }
    }

    /// <summary>Parses an expression against the shipped list; <c>NOASSERTION</c> when absent or invalid.</summary>
    public static SpdxExpression Parse(string? text)
        => LicenseList.Default.TryParse(text, out var expression, out _) && expression != null ? expression : SpdxExpression.NoAssertion;

    /// <summary>True for <c>NOASSERTION</c> and <c>NONE</c>.</summary>
    public static bool IsSpecial(SpdxExpression expression) => expression is SpdxSpecial;

    /// <summary>Source name written as evidence.</summary>
    public static string SourceName(LicenseSource source) => source switch
    {
        LicenseSource.None => "none",
        LicenseSource.Expression => "expression",
        LicenseSource.File => "file",
        LicenseSource.PackageFile => "package-file",
        LicenseSource.Url => "url",
        LicenseSource.Curation => "curation",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>Confidence as invariant text (<c>1</c>, <c>0.9</c>).</summary>
    public static string Confidence(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value safe to publish: null for absolute local paths (SBOMs travel to third parties and must not reveal the
    /// machine they were made on), the value otherwise.
    /// </summary>
    public static string? Portable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (IsWebUrl(value)) return value;
        if (Path.IsPathRooted(value) || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || (value.Length > 2 && value[1] == ':' && (value[2] == '\\' || value[2] == '/'))) return null;
        return value;
    }

    /// <summary>True for absolute http(s) URLs.</summary>
    public static bool IsWebUrl(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// Rewrites an expression for SPDX 2.3, where every identifier must be listed or a <c>LicenseRef-</c>: unlisted
    /// identifiers become <c>LicenseRef-</c> (their text kept in the document's extracted licences).
    /// </summary>
    public static SpdxExpression ForSpdx(SpdxExpression expression) => expression switch
    {
        SpdxLicense { IsListed: false } l => new SpdxLicenseRef("LicenseRef-" + SpdxIdString(l.Id + (l.OrLater ? "-or-later" : string.Empty))),
        SpdxWith w => new SpdxWith(ForSpdx(w.License), w.ExceptionId, w.ExceptionIsListed),
        SpdxCompound c => new SpdxCompound(c.Kind, c.Operands.Select(ForSpdx).ToArray()),
        _ => expression,
    };

    /// <summary>Letters, digits, <c>.</c> and <c>-</c> only (the SPDX idstring); anything else becomes <c>-</c>.</summary>
    public static string SpdxIdString(string value)
    {
        var chars = value.Select(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? c : '-').ToArray();
        return new string(chars);
    }
}
