// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Engine;

/// <summary>
/// The packages and concluded licences of an earlier check (the JSON written by <c>publiccode check --format json</c>),
/// to report what changed since: a package whose concluded licence changed (several libraries moved from Apache-2.0
/// to commercial terms between two major versions in 2025), and a package that was not there.
/// </summary>
public sealed class LicenceBaseline
{
    private readonly Dictionary<string, List<(string Version, string License)>> _packages;

    private LicenceBaseline(string source, Dictionary<string, List<(string Version, string License)>> packages)
    {
        Source = source;
        _packages = packages;
    }

    /// <summary>Where the baseline was read from (for messages).</summary>
    public string Source { get; }

    /// <summary>Number of distinct package ids in the baseline.</summary>
    public int PackageCount => _packages.Count;

    /// <summary>Reads a baseline from a check result JSON file.</summary>
    /// <exception cref="InvalidDataException">The file is not a check result (no <c>projects[].packages[]</c> with id, version and licence).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LicenceBaseline Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a baseline from a check result JSON stream.</summary>
    /// <exception cref="InvalidDataException">The content is not a check result.</exception>
    public static LicenceBaseline Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(source + " is not JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("projects", out var projects) || projects.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException(source + " is not a PublicCodePolicy check result (no 'projects' array); write one with 'publiccode check --format json -o FILE'.");
            var packages = new Dictionary<string, List<(string, string)>>(StringComparer.OrdinalIgnoreCase);
            // schemaVersion 2 judges each package once in a top-level 'packages' array that project entries refer to by
            // index ('package'); version 1 repeats id, version and licence in every project entry. Both are read.
            var judged = doc.RootElement.TryGetProperty("packages", out var top) && top.ValueKind == JsonValueKind.Array ? top.EnumerateArray().ToArray() : Array.Empty<JsonElement>();
            foreach (var project in projects.EnumerateArray())
            {
                if (project.ValueKind != JsonValueKind.Object || !project.TryGetProperty("packages", out var list) || list.ValueKind != JsonValueKind.Array) continue;
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.Object) continue;
                    var p = entry;
                    if (entry.TryGetProperty("package", out var index) && index.ValueKind == JsonValueKind.Number)
                    {
                        if (!index.TryGetInt32(out var i) || i < 0 || i >= judged.Length || judged[i].ValueKind != JsonValueKind.Object)
                            throw new InvalidDataException(source + ": a project entry refers to package " + index.GetRawText() + ", which the 'packages' array does not have.");
                        p = judged[i];
                    }
                    string? id = Text(p, "id"), version = Text(p, "version"), license = Text(p, "license");
                    if (id == null || version == null || license == null) throw new InvalidDataException(source + ": a package has no id, version or licence.");
                    if (!packages.TryGetValue(id, out var versions)) packages[id] = versions = new List<(string, string)>();
                    if (!versions.Contains((version, license))) versions.Add((version, license));
                }
            }
            return new LicenceBaseline(source, packages);
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// Compares the packages of a check with the baseline: <see cref="RuleCatalog.LicenceChanged"/> for a package whose
    /// concluded licence is not one it had in the baseline, <see cref="RuleCatalog.NewPackage"/> for a package id the
    /// baseline does not have. One finding per package id and version, sorted.
    /// </summary>
    public IReadOnlyList<Finding> Compare(IEnumerable<ProjectResult> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in projects.OrderBy(p => p.ProjectPath, StringComparer.Ordinal))
        {
            foreach (var p in project.Packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
            {
                if (!seen.Add(p.Id + "/" + p.Version)) continue;
                var license = p.License.Concluded.ToString();
                if (!_packages.TryGetValue(p.Id, out var before))
                {
                    var text = EngineText.Of("Finding.NewSinceBaseline", p.Id, p.Version, license, Source);
                    findings.Add(new Finding
                    {
                        RuleId = RuleCatalog.NewPackage.Id,
                        Severity = RuleCatalog.NewPackage.DefaultSeverity,
                        Message = text.ToString(),
                        Text = text,
                        ProjectPath = project.ProjectPath,
                        PackageId = p.Id,
                        PackageVersion = p.Version,
                        Paths = p.Paths,
                    });
                    continue;
                }
                if (before.Any(b => string.Equals(b.License, license, StringComparison.Ordinal))) continue;
                var was = before.OrderByDescending(b => string.Equals(b.Version, p.Version, StringComparison.OrdinalIgnoreCase)).First();
                var changed = EngineText.Of("Finding.LicenceChanged", p.Id, was.License, was.Version, Source, license, p.Version);
                var remedy = EngineText.Of("Remedy.LicenceChanged", p.Id, was.Version);
                findings.Add(new Finding
                {
                    RuleId = RuleCatalog.LicenceChanged.Id,
                    Severity = RuleCatalog.LicenceChanged.DefaultSeverity,
                    Message = changed.ToString(),
                    Text = changed,
                    ProjectPath = project.ProjectPath,
                    PackageId = p.Id,
                    PackageVersion = p.Version,
                    Paths = p.Paths,
                    Remedy = remedy.ToString(),
                    RemedyText = remedy,
                });
            }
        }
        return findings;
    }
}
