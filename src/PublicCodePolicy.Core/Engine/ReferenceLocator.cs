// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Engine;

/// <summary>
/// Finds the line a finding about a package should point at, from the project file's text: the
/// <c>PackageReference</c> of a direct package, or the direct reference that brings a transitive one in. Under central
/// package management (a reference without a version), the <c>PackageVersion</c> line of <c>Directory.Packages.props</c>.
/// </summary>
/// <remarks>
/// MSBuild is not evaluated (the check must not need it): the files read are the project file, the files it imports
/// by a literal path (or one relative to <c>$(MSBuildThisFileDirectory)</c> / <c>$(MSBuildProjectDirectory)</c>), and
/// the nearest <c>Directory.Build.props</c>, <c>Directory.Build.targets</c> and <c>Directory.Packages.props</c> above the
/// project, as the SDK finds them. Conditions are not evaluated either: when a package is referenced several times
/// (one item group per target framework), the reference whose version is the restored one wins, else the first in
/// document order. A reference found nowhere (added by the SDK, or by an import with a computed path) has no line.
/// </remarks>
internal sealed class ReferenceLocator
{
    private const int MaxImportDepth = 8;

    private readonly string _projectPath;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Entry>> _fileCache;
    private List<Entry>? _references;
    private IReadOnlyList<Entry>? _central;

    /// <param name="projectPath">Full path of the project file.</param>
    /// <param name="fileCache">Parsed files shared by the projects of one check (a solution shares its Directory.*.props).</param>
    public ReferenceLocator(string projectPath, ConcurrentDictionary<string, IReadOnlyList<Entry>> fileCache)
    {
        _projectPath = Path.GetFullPath(projectPath);
        _fileCache = fileCache;
    }

    /// <summary>One item of interest in a file.</summary>
    internal sealed record Entry(string Kind, string Id, string? Version, bool HasVersion, SourceLocation Location);

    /// <summary>Where a finding about a package of the project's graph points; null when no line is known.</summary>
    public SourceLocation? Locate(ProjectGraph.Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsDirect)
        {
            var own = LocatePackage(node.Id, node.Version);
            if (own != null) return own;
        }
        // IntroducedBy is sorted: the first direct reference with a known line, the same on every run.
        foreach (var via in node.IntroducedBy)
        {
            var found = via.EndsWith(" (project)", StringComparison.Ordinal)
                ? LocateProjectReference(via.Substring(0, via.Length - " (project)".Length))
                : LocatePackage(via.Split(' ')[0], via.Contains(' ', StringComparison.Ordinal) ? via.Substring(via.IndexOf(' ', StringComparison.Ordinal) + 1) : null);
            if (found != null) return found;
        }
        return null;
    }

    private SourceLocation? LocatePackage(string id, string? version)
    {
        var candidates = References().Where(e => e.Kind == "PackageReference" && e.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).ToArray();
        var chosen = Choose(candidates, version);
        if (chosen != null && chosen.HasVersion) return chosen.Location;
        // No version on the reference: central package management sets it in Directory.Packages.props.
        var central = Central().Where(e => e.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).ToArray();
        var versionLine = Choose(central.Where(e => e.Kind == "PackageVersion").ToArray(), version)
            ?? Choose(central.Where(e => e.Kind == "GlobalPackageReference").ToArray(), version);
        return versionLine?.Location ?? chosen?.Location;
    }

    private SourceLocation? LocateProjectReference(string name)
        => References().FirstOrDefault(e => e.Kind == "ProjectReference" && e.Id.Equals(name, StringComparison.OrdinalIgnoreCase))?.Location;

    private static Entry? Choose(IReadOnlyList<Entry> candidates, string? version)
    {
        if (candidates.Count == 0) return null;
        if (version != null)
        {
            var exact = candidates.FirstOrDefault(e => e.Version != null && (e.Version.Trim().Equals(version, StringComparison.OrdinalIgnoreCase) || e.Version.Trim().Equals("[" + version + "]", StringComparison.OrdinalIgnoreCase)));
            if (exact != null) return exact;
        }
        return candidates[0];
    }

    private List<Entry> References()
    {
        if (_references != null) return _references;
        var list = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var projectDir = Path.GetDirectoryName(_projectPath)!;
        Collect(_projectPath, projectDir, list, seen, 0);
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            var found = FindAbove(projectDir, name);
            if (found != null) Collect(found, projectDir, list, seen, 0);
        }
        return _references = list;
    }

    private IReadOnlyList<Entry> Central()
    {
        if (_central != null) return _central;
        var found = FindAbove(Path.GetDirectoryName(_projectPath)!, "Directory.Packages.props");
        if (found == null) return _central = Array.Empty<Entry>();
        var list = new List<Entry>();
        Collect(found, Path.GetDirectoryName(_projectPath)!, list, new HashSet<string>(StringComparer.Ordinal), 0);
        return _central = list;
    }

    private void Collect(string file, string projectDir, List<Entry> into, HashSet<string> seen, int depth)
    {
        if (depth > MaxImportDepth || !seen.Add(file)) return;
        var (entries, imports) = Parse(file);
        into.AddRange(entries);
        var dir = Path.GetDirectoryName(file)!;
        foreach (var import in imports)
        {
            var path = ResolveImport(import, dir, projectDir);
            if (path != null) Collect(path, projectDir, into, seen, depth + 1);
        }
    }

    // Only paths that need no evaluation: anything with another property, an item or a wildcard is left out.
    private static string? ResolveImport(string import, string fileDir, string projectDir)
    {
        var text = import.Trim()
            .Replace("$(MSBuildThisFileDirectory)", fileDir + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildProjectDirectory)", projectDir, StringComparison.OrdinalIgnoreCase)
            .Replace('\\', Path.DirectorySeparatorChar);
        if (text.Length == 0 || text.Contains("$(", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal) || text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal)) return null;
        try
        {
            var full = Path.GetFullPath(Path.Combine(fileDir, text));
            return File.Exists(full) ? full : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private (IReadOnlyList<Entry> Entries, IReadOnlyList<string> Imports) Parse(string file)
    {
        var imports = new List<string>();
        // Imports are kept among the cached entries, as entries of kind "Import".
        var entries = _fileCache.GetOrAdd(file, ParseEntries);
        foreach (var e in entries.Where(e => e.Kind == "Import")) imports.Add(e.Id);
        return (entries.Where(e => e.Kind != "Import").ToArray(), imports);
    }

    private static IReadOnlyList<Entry> ParseEntries(string file)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
            using var reader = XmlReader.Create(file, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return Array.Empty<Entry>(); // An unreadable file only costs its lines; restore has judged it already.
        }
        var list = new List<Entry>();
        foreach (var element in doc.Descendants())
        {
            var kind = element.Name.LocalName;
            if (kind == "Import")
            {
                if (element.Attribute("Project")?.Value is { } project && element.Attribute("Sdk") == null)
                    list.Add(new Entry("Import", project, null, false, new SourceLocation(file, 0, 0)));
                continue;
            }
            if (kind is not ("PackageReference" or "PackageVersion" or "GlobalPackageReference" or "ProjectReference")) continue;
            var include = element.Attribute("Include")?.Value;
            if (string.IsNullOrWhiteSpace(include)) continue;
            var version = Value(element, "Version") ?? Value(element, "VersionOverride");
            var info = (IXmlLineInfo)element;
            var location = new SourceLocation(file, info.LineNumber, Math.Max(1, info.LinePosition - 1));
            foreach (var item in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var id = kind == "ProjectReference" ? Path.GetFileNameWithoutExtension(item.Replace('\\', '/')) : item;
                list.Add(new Entry(kind, id, version, version != null, location));
            }
        }
        return list;
    }

    private static string? Value(XElement element, string name)
        => element.Attribute(name)?.Value ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string? FindAbove(string start, string name)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
