// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Licensing;

/// <summary>
/// Concludes a package's licence from its metadata and files, offline, keeping what the package declares apart from
/// what is concluded. Order:
/// <list type="number">
/// <item>a declared <c>&lt;license type="expression"&gt;</c> is the licence;</item>
/// <item>a declared <c>&lt;license type="file"&gt;</c> is identified by its text (the path must stay inside the package);</item>
/// <item>otherwise the <c>licenseUrl</c> is looked up in the curated URL table, and the conventional licence files at the
/// package root (<c>LICENSE*</c>, <c>LICENCE*</c>, <c>COPYING*</c>; <c>NOTICE*</c> only when none of those exist) are identified:
/// <list type="bullet">
/// <item>URL row and files agree, or the files say nothing certain: the URL row is concluded (source <c>url</c>);</item>
/// <item>URL row and an identified file disagree: <c>NOASSERTION</c>, with both in the note. The URL is the publisher's
/// declaration and the file ships with this very version; which one governs is a human decision (record a curation);</item>
/// <item>no URL, or a URL not in the table: the files are concluded (source <c>package-file</c>) when every one of them is
/// identified; a URL not in the table is never guessed nor fetched;</item>
/// </list></item>
/// <item>otherwise <c>NOASSERTION</c>.</item>
/// </list>
/// A near match of a licence text is never concluded: it gives <c>NOASSERTION</c> with its similarity as the confidence.
/// </summary>
public sealed class LicenseResolver
{
    /// <summary>Largest licence file read (bytes).</summary>
    public const long MaxLicenseFileBytes = 1024 * 1024;

    /// <summary>Most conventional licence files read from one package.</summary>
    public const int MaxConventionalFiles = 8;

    // NuGet writes this URL into licenseUrl when a package declares an expression or a file: it says nothing itself.
    private const string NuGetDeprecationUrl = "aka.ms/deprecatelicenseurl";

    private static readonly string[] s_licenseFilePrefixes = { "LICENSE", "LICENCE", "COPYING", "UNLICENSE" };
    private static readonly string[] s_noticeFilePrefixes = { "NOTICE" };

    private readonly LicenseList _list;
    private readonly LicenseUrlTable _urls;
    private readonly ILicenseTextIdentifier? _textIdentifier;

    /// <summary>Creates a resolver.</summary>
    /// <param name="list">Licence list (default: the embedded one).</param>
    /// <param name="urls">URL table (default: the embedded one).</param>
    /// <param name="textIdentifier">Identifies licence texts (e.g. <see cref="Text.LicenseTextMatcher.Default"/>); without one, licence files stay unidentified.</param>
    public LicenseResolver(LicenseList? list = null, LicenseUrlTable? urls = null, ILicenseTextIdentifier? textIdentifier = null)
    {
        _list = list ?? LicenseList.Default;
        _urls = urls ?? LicenseUrlTable.Default;
        _textIdentifier = textIdentifier;
    }

    /// <summary>The licence list used.</summary>
    public LicenseList LicenseList => _list;

    /// <summary>Resolves the licence of a package from its nuspec metadata and, for licence files, the package folder.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
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
                    NoteText = Text("InvalidExpression", string.Join(" ", diags.Select(d => d.Message))),
                    Note = Text("InvalidExpression", string.Join(" ", diags.Select(d => d.Message))).ToString(),
                };
            case DeclaredLicenseKind.File when metadata.Origin != null:
                // Only the nuspec was fetched: the licence file is inside a package that is not on this machine.
                return new LicenseResolution
                {
                    Declared = metadata.License,
                    Concluded = SpdxExpression.NoAssertion,
                    Source = LicenseSource.File,
                    Evidence = metadata.License,
                    NoteText = Text("FileNotOnMachine"),
                    Note = Text("FileNotOnMachine").ToString(),
                };
            case DeclaredLicenseKind.File:
                return ResolveFile(metadata, metadata.License!, LicenseSource.File);
            default:
                return ResolveUndeclared(metadata);
        }
    }

    /// <summary>
    /// Online mode: the licence URL of a package whose only evidence is that URL — no <c>license</c> element, a
    /// <c>licenseUrl</c> that the curated table does not map (a mapped URL needs no fetch), and no conventional licence
    /// file at the package root (a shipped file, identified or not, is the evidence; a page read today never overrides
    /// it). Null otherwise. Reads no file content.
    /// </summary>
    internal string? OnlyLicenseUrl(PackageMetadata metadata)
    {
        if (metadata.LicenseKind != DeclaredLicenseKind.None) return null;
        var url = metadata.LicenseUrl;
        if (string.IsNullOrWhiteSpace(url) || LicenseUrlTable.Normalize(url).Equals(NuGetDeprecationUrl, StringComparison.Ordinal)) return null;
        if (_urls.Find(url) != null) return null;
        var directory = metadata.PackageDirectory;
        if (!string.IsNullOrEmpty(directory) && Directory.Exists(directory))
        {
            try
            {
                if (Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Any(n => HasPrefix(n, s_licenseFilePrefixes) || HasPrefix(n, s_noticeFilePrefixes))) return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return url.Trim();
    }

    private LicenseResolution ResolveUndeclared(PackageMetadata metadata)
    {
        var url = metadata.LicenseUrl;
        if (string.IsNullOrWhiteSpace(url) || LicenseUrlTable.Normalize(url).Equals(NuGetDeprecationUrl, StringComparison.Ordinal)) url = null;
        var row = url == null ? null : _urls.Find(url);
        SpdxExpression? rowExpression = row != null && _list.TryParse(row.License, out var e, out _) ? e : null;
        var files = IdentifyConventionalFiles(metadata.PackageDirectory);

        if (rowExpression != null)
        {
            if (files != null && files.Concluded != null && !files.Concluded.Equals(rowExpression))
            {
                return new LicenseResolution
                {
                    Declared = url,
                    Concluded = SpdxExpression.NoAssertion,
                    Source = LicenseSource.Url,
                    Evidence = url,
                    Confidence = 0,
                    Note = "The licence URL means " + rowExpression + ", but " + files.Evidence + " in the package is " + files.Concluded
                        + ". The URL is the publisher's declaration and the file ships with this version: decide which governs and record a curation.",
                };
            }
            string? confirmation = files == null ? null
                : files.Concluded != null ? "Confirmed by " + files.Evidence + " in the package."
                : files.Evidence + " in the package was not identified (" + files.Note + ")";
            return new LicenseResolution
            {
                Declared = url,
                Concluded = rowExpression,
                Source = LicenseSource.Url,
                Evidence = url,
                Confidence = files?.Concluded != null ? 1.0 : 0.9,
                Note = Join(row!.Note, confirmation),
            };
        }

        if (files != null && files.Concluded != null)
        {
            return new LicenseResolution
            {
                Declared = url,
                Concluded = files.Concluded,
                Source = LicenseSource.PackageFile,
                Evidence = files.Evidence,
                Confidence = files.Score,
                NoteText = JoinText(Text(url == null ? "ConcludedFromFile" : "UrlNotInTableConcludedFromFile"), files.Note),
                Note = JoinText(Text(url == null ? "ConcludedFromFile" : "UrlNotInTableConcludedFromFile"), files.Note)!.ToString(),
            };
        }
        if (url != null)
        {
            return new LicenseResolution
            {
                Declared = url,
                Concluded = SpdxExpression.NoAssertion,
                Source = LicenseSource.Url,
                Evidence = url,
                Confidence = files?.Score ?? 0,
                NoteText = JoinText(Text("UrlNotInTable"), files == null ? null : files.Evidence + ": " + files.Note),
                Note = JoinText(Text("UrlNotInTable"), files == null ? null : files.Evidence + ": " + files.Note)!.ToString(),
            };
        }
        if (files != null)
        {
            return new LicenseResolution
            {
                Declared = null,
                Concluded = SpdxExpression.NoAssertion,
                Source = LicenseSource.PackageFile,
                Evidence = files.Evidence,
                Confidence = files.Score,
                NoteText = JoinText(Text("FileNotIdentified"), files.Note),
                Note = JoinText(Text("FileNotIdentified"), files.Note)!.ToString(),
            };
        }
        return new LicenseResolution
        {
            Declared = null,
            Concluded = SpdxExpression.NoAssertion,
            Source = LicenseSource.None,
            Confidence = 0,
            NoteText = Text(NoLicenceKey(metadata)),
            Note = Text(NoLicenceKey(metadata)).ToString(),
        };
    }

    // Notes of the resolver's own wording exist in every language (EngineResources, keys "Note.*"): Note keeps the English
    // (JSON, SBOMs), NoteText renders in the reader's language; what a matcher or a row adds stays as written.
    private static EngineText Text(string key, params object?[] arguments) => EngineText.Of("Note." + key, arguments);

    private static EngineText? JoinText(EngineText? a, string? b)
        => a == null ? (b == null ? null : EngineText.Verbatim(b)) : b == null ? a : EngineText.Join(" ", new[] { a, EngineText.Verbatim(b) });

    private string NoLicenceKey(PackageMetadata metadata)
        => _textIdentifier == null ? "NoLicenceFilesNotRead" : string.IsNullOrEmpty(metadata.PackageDirectory) ? "NoLicenceNotOnMachine" : "NoLicenceNoFile";

    private static string? Join(string? a, string? b) => a == null ? b : b == null ? a : a.TrimEnd('.') + ". " + b;

    private sealed record FilesOutcome(SpdxExpression? Concluded, string Evidence, double Score, string? Note);

    // Identifies the conventional licence files at the package root. Null when there are none (or no identifier).
    private FilesOutcome? IdentifyConventionalFiles(string packageDirectory)
    {
        if (_textIdentifier == null || string.IsNullOrEmpty(packageDirectory) || !Directory.Exists(packageDirectory)) return null;
        string[] names;
        try
        {
            names = Directory.GetFiles(packageDirectory).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var picked = names.Where(n => HasPrefix(n, s_licenseFilePrefixes)).ToList();
        if (picked.Count == 0) picked = names.Where(n => HasPrefix(n, s_noticeFilePrefixes)).ToList();
        if (picked.Count == 0) return null;
        picked.Sort(StringComparer.Ordinal);
        if (picked.Count > MaxConventionalFiles) picked = picked.Take(MaxConventionalFiles).ToList();

        var concluded = new List<SpdxExpression>();
        var notes = new List<string>();
        double score = 1.0;
        bool complete = true;
        foreach (var name in picked)
        {
            var full = PackagePaths.Confine(packageDirectory, name);
            var text = full == null ? null : ReadLicenseText(full, packageDirectory);
            var match = text == null ? null : _textIdentifier.Identify(text);
            if (match == null || match.Expression is SpdxSpecial)
            {
                complete = false;
                score = Math.Min(score, match?.Score ?? 0);
                notes.Add(name + ": " + (match?.Note ?? (text == null ? "unreadable or too large" : "not identified")));
                continue;
            }
            concluded.Add(match.Expression);
            score = Math.Min(score, match.Score);
            if (match.Note != null) notes.Add(name + ": " + match.Note);
        }
        var evidence = string.Join(", ", picked);
        if (!complete) return new FilesOutcome(null, evidence, score, string.Join(" ", notes));
        // Every file identified without a remark: no note (an empty one would leave a trailing space after the resolver's sentence).
        return new FilesOutcome(Combine(concluded), evidence, score, notes.Count == 0 ? null : string.Join(" ", notes));
    }

    private static bool HasPrefix(string name, string[] prefixes) => prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    // Several licence files all apply (AND). The GPL-3.0 text beside the LGPL-3.0 text (COPYING + COPYING.LESSER) is the
    // base the LGPL-3.0 incorporates, not a second licence: the LGPL-3.0 alone is concluded.
    private SpdxExpression Combine(List<SpdxExpression> parts)
    {
        var distinct = parts.Distinct().ToList();
        if (distinct.Count == 1) return distinct[0];
        bool lgpl3 = distinct.Any(p => p is SpdxLicense l && l.Id.StartsWith("LGPL-3.0", StringComparison.Ordinal));
        if (lgpl3) distinct.RemoveAll(p => p is SpdxLicense l && l.Id.StartsWith("GPL-3.0", StringComparison.Ordinal));
        if (distinct.Count == 1) return distinct[0];
        var text = string.Join(" AND ", distinct.Select(p => p is SpdxCompound ? "(" + p + ")" : p.ToString()));
        return _list.TryParse(text, out var e, out _) && e != null ? e : new SpdxCompound(SpdxNodeKind.And, distinct);
    }

    private LicenseResolution ResolveFile(PackageMetadata metadata, string relativePath, LicenseSource source)
    {
        // The declared file, when it cannot be identified, is still the evidence: NOASSERTION with the reason.
        LicenseResolution Unresolved(string note) => new()
        {
            Declared = relativePath,
            Concluded = SpdxExpression.NoAssertion,
            Source = source,
            Evidence = relativePath,
            Note = note,
        };

        var full = PackagePaths.Confine(metadata.PackageDirectory, relativePath);
        if (full == null) return Unresolved("The licence file path leaves the package folder; it was not read.");
        if (_textIdentifier == null) return Unresolved("Unidentified licence file.");
        if (File.Exists(full) && IO.InputFile.ResolveWithin(metadata.PackageDirectory, full) == null) return Unresolved("The licence file is a symbolic link that leaves the package folder; it was not read.");
        string? text = ReadLicenseText(full, metadata.PackageDirectory);
        if (text == null) return Unresolved("The licence file is missing from the package folder or is too large.");
        var match = _textIdentifier.Identify(text);
        if (match == null) return Unresolved("Unidentified licence file.");
        var (confirmed, confirmation) = match.Expression is SpdxSpecial ? (true, null) : ConfirmReferencedFiles(metadata.PackageDirectory, relativePath, text, match.Expression);
        if (!confirmed) return Unresolved(Join(match.Note, confirmation) ?? "Unidentified licence file.");
        return new LicenseResolution
        {
            Declared = relativePath,
            Concluded = match.Expression,
            Source = source,
            Evidence = relativePath,
            Confidence = match.Score,
            Note = Join(match.Note, confirmation),
        };
    }

    // A notice that names other files ("Please see COPYING.LESSER and COPYING files") is read with them when the
    // package ships them: each must be a text of a licence the notice concluded (the GPL-3.0 text beside the LGPL-3.0
    // counts, the LGPL-3.0 being built on it), or proprietary terms beside a commercial alternative. A file that says
    // something else makes the whole NOASSERTION.
    private (bool Confirmed, string? Note) ConfirmReferencedFiles(string packageDirectory, string declaredPath, string text, SpdxExpression concluded)
    {
        if (_textIdentifier == null || string.IsNullOrEmpty(packageDirectory) || !Directory.Exists(packageDirectory)) return (true, null);
        var families = concluded.Leaves().Select(l => l switch
        {
            SpdxWith w => Family(w.License.ToString()),
            SpdxLicenseRef r => r.LicenseRef,
            _ => Family(l.ToString()),
        }).ToHashSet(StringComparer.Ordinal);
        bool commercial = concluded.Leaves().Any(l => l is SpdxLicenseRef);
        var names = System.Text.RegularExpressions.Regex.Matches(text, @"\b(?:COPYING|LICEN[CS]E)[A-Za-z0-9_.\-]*", System.Text.RegularExpressions.RegexOptions.CultureInvariant)
            .Select(m => m.Value.TrimEnd('.', '-'))
            .Where(n => !string.Equals(n, Path.GetFileName(declaredPath), StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        foreach (var name in names)
        {
            var full = PackagePaths.Confine(packageDirectory, name);
            if (full == null || !File.Exists(full)) continue;
            var referenced = ReadLicenseText(full, packageDirectory);
            var m = referenced == null ? null : _textIdentifier.Identify(referenced);
            if (m == null || m.Expression is SpdxSpecial) return (false, name + ", which the licence file names, was not identified: read it and record a curation.");
            bool consistent = m.Expression.Leaves().All(l => l switch
            {
                SpdxLicenseRef => commercial,
                _ => families.Contains(Family(l.ToString())) || (Family(l.ToString()) == "GPL-3.0" && families.Contains("LGPL-3.0")),
            });
            if (!consistent) return (false, name + ", which the licence file names, is " + m.Expression + ": the files disagree; decide which governs and record a curation.");
            seen.Add(name + " (" + m.Expression + ")");
        }
        return (true, seen.Count == 0 ? null : "Confirmed by the files it names: " + string.Join(", ", seen) + ".");
    }

    private static string Family(string id)
    {
        foreach (var suffix in new[] { "-only", "-or-later", "+" })
        {
            if (id.EndsWith(suffix, StringComparison.Ordinal)) return id.Substring(0, id.Length - suffix.Length);
        }
        return id;
    }

    private static string? ReadLicenseText(string path, string packageDirectory)
    {
        try
        {
            // A regular file inside the package folder once links are resolved, capped on the bytes read (a sparse 1 GB file or /dev/zero stops at the cap).
            return IO.InputFile.ReadAllText(path, MaxLicenseFileBytes, packageDirectory);
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
        // A NUL in a path from an assets file or a nuspec is never a real file name (and makes the path APIs throw).
        if (relativePath.Contains('\0', StringComparison.Ordinal) || packageDirectory.Contains('\0', StringComparison.Ordinal)) return null;
        var normalized = relativePath.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(normalized) || normalized.Contains(':', StringComparison.Ordinal)) return null;
        var root = Path.GetFullPath(packageDirectory);
        if (!root.EndsWith(Path.DirectorySeparatorChar)) root += Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, normalized));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
