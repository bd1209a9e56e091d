// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Licensing;

/// <summary>
/// Concludes a package's licence from its metadata, in order: declared expression; declared licence file;
/// <c>licenseUrl</c> through the URL table; otherwise <c>NOASSERTION</c>. Never reaches the network.
/// </summary>
public sealed class LicenseResolver
{
    /// <summary>Largest licence file read (bytes).</summary>
    public const long MaxLicenseFileBytes = 1024 * 1024;

    // NuGet writes this URL into licenseUrl when a package declares an expression or a file: it says nothing itself.
    private const string NuGetDeprecationUrl = "aka.ms/deprecatelicenseurl";

    private readonly LicenseList _list;
    private readonly LicenseUrlTable _urls;
    private readonly ILicenseTextIdentifier? _textIdentifier;

    /// <summary>Creates a resolver.</summary>
    /// <param name="list">Licence list (default: the embedded one).</param>
    /// <param name="urls">URL table (default: the embedded one).</param>
    /// <param name="textIdentifier">Identifies licence texts; without one, licence files stay unidentified.</param>
    public LicenseResolver(LicenseList? list = null, LicenseUrlTable? urls = null, ILicenseTextIdentifier? textIdentifier = null)
    {
        _list = list ?? LicenseList.Default;
        _urls = urls ?? LicenseUrlTable.Default;
        _textIdentifier = textIdentifier;
    }

    /// <summary>The licence list used.</summary>
    public LicenseList LicenseList => _list;

    /// <summary>Resolves the licence of a package from its nuspec metadata (and, for licence files, the package folder).</summary>
    public LicenseResolution Resolve(PackageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        switch (metadata.LicenseKind)
        {
            case DeclaredLicenseKind.Expression:
                if (_list.TryParse(metadata.License, out var expr, out var diags) && expr is not null)
                {
                    var warnings = diags.Where(d => d.Severity == SpdxDiagnosticSeverity.Warning).Select(d => d.Message).ToArray();
                    return new LicenseResolution
                    {
                        Declared = metadata.License,
                        Concluded = expr,
                        Source = LicenseSource.Expression,
                        Evidence = metadata.License,
                        Confidence = 1.0,
                        Note = warnings.Length == 0 ? null : string.Join(" ", warnings),
                    };
                }
                return new LicenseResolution
                {
                    Declared = metadata.License,
                    Concluded = SpdxExpression.NoAssertion,
                    Source = LicenseSource.Expression,
                    Evidence = metadata.License,
                    Confidence = 0,
                    Note = "The declared expression is not valid SPDX: " + string.Join(" ", diags.Select(d => d.Message)),
                };
            case DeclaredLicenseKind.File when metadata.Origin != null:
                // Only the nuspec was fetched: the licence file is inside a package that is not on this machine.
                return new LicenseResolution
                {
                    Declared = metadata.License,
                    Concluded = SpdxExpression.NoAssertion,
                    Source = LicenseSource.File,
                    Evidence = metadata.License,
                    Note = "The licence is a file inside the package, which is not on this machine; restore the project to read it.",
                };
            case DeclaredLicenseKind.File:
                return ResolveFile(metadata, metadata.License!, LicenseSource.File);
            default:
                return ResolveUrlOrNothing(metadata);
        }
    }

    private LicenseResolution ResolveUrlOrNothing(PackageMetadata metadata)
    {
        var url = metadata.LicenseUrl;
        if (!string.IsNullOrWhiteSpace(url) && !LicenseUrlTable.Normalize(url).Equals(NuGetDeprecationUrl, StringComparison.Ordinal))
        {
            var row = _urls.Find(url);
            if (row != null && _list.TryParse(row.License, out var e, out _) && e is not null)
            {
                return new LicenseResolution
                {
                    Declared = url,
                    Concluded = e,
                    Source = LicenseSource.Url,
                    Evidence = url,
                    Confidence = 0.9,
                    Note = row.Note,
                };
            }
            return new LicenseResolution
            {
                Declared = url,
                Concluded = SpdxExpression.NoAssertion,
                Source = LicenseSource.Url,
                Evidence = url,
                Confidence = 0,
                Note = "The licence URL is not in the curated table; it was not fetched.",
            };
        }
        return new LicenseResolution
        {
            Declared = null,
            Concluded = SpdxExpression.NoAssertion,
            Source = LicenseSource.None,
            Confidence = 0,
            Note = "The package declares no licence.",
        };
    }

    private LicenseResolution ResolveFile(PackageMetadata metadata, string relativePath, LicenseSource source)
    {
        var full = PackagePaths.Confine(metadata.PackageDirectory, relativePath);
        if (full == null)
        {
            return new LicenseResolution
            {
                Declared = relativePath,
                Concluded = SpdxExpression.NoAssertion,
                Source = source,
                Evidence = relativePath,
                Note = "The licence file path leaves the package folder; it was not read.",
            };
        }
        if (_textIdentifier == null)
        {
            return new LicenseResolution
            {
                Declared = relativePath,
                Concluded = SpdxExpression.NoAssertion,
                Source = source,
                Evidence = relativePath,
                Note = "Unidentified licence file.",
            };
        }
        string? text = ReadLicenseText(full);
        if (text == null)
        {
            return new LicenseResolution
            {
                Declared = relativePath,
                Concluded = SpdxExpression.NoAssertion,
                Source = source,
                Evidence = relativePath,
                Note = "The licence file is missing from the package folder or is too large.",
            };
        }
        var match = _textIdentifier.Identify(text);
        if (match == null)
        {
            return new LicenseResolution
            {
                Declared = relativePath,
                Concluded = SpdxExpression.NoAssertion,
                Source = source,
                Evidence = relativePath,
                Note = "Unidentified licence file.",
            };
        }
        return new LicenseResolution
        {
            Declared = relativePath,
            Concluded = match.Expression,
            Source = source,
            Evidence = relativePath,
            Confidence = match.Score,
            Note = match.Note,
        };
    }

    private static string? ReadLicenseText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxLicenseFileBytes) return null;
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Path helpers for files inside an extracted package.</summary>
public static class PackagePaths
{
    /// <summary>
    /// Combines a package folder and a path taken from the package's own metadata, refusing anything that would
    /// leave the folder (<c>../</c>, rooted paths). Returns null for such a path.
    /// </summary>
    public static string? Confine(string packageDirectory, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || string.IsNullOrEmpty(packageDirectory)) return null;
        var normalized = relativePath.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(normalized) || normalized.Contains(':', StringComparison.Ordinal)) return null;
        var root = Path.GetFullPath(packageDirectory);
        if (!root.EndsWith(Path.DirectorySeparatorChar)) root += Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, normalized));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
