// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using PublicCodePolicy.Output;

namespace PublicCodePolicy.Merge;

/// <summary>One repository's check result, as read back from <c>publiccode check --format json</c>.</summary>
public sealed record RepositoryResult(string Name, string ToolVersion, string LicenseListVersion, string Preset, bool Passed,
    int Projects, int Packages, int Allowed, int Denied, int Unknown, int Excepted, int EnforcedFindings);

/// <summary>A package version across the repositories that use it.</summary>
public sealed record MergedPackage(string Id, string Version, string License, string Verdict, IReadOnlyList<string> Repositories, IReadOnlyList<string> Scopes);

/// <summary>The organisation-wide view: every repository's verdict and every dependency with the repositories that share it.</summary>
public sealed class MergedReport
{
    /// <summary>Repositories, sorted by name.</summary>
    public required IReadOnlyList<RepositoryResult> Repositories { get; init; }

    /// <summary>Package versions, sorted by id then version.</summary>
    public required IReadOnlyList<MergedPackage> Packages { get; init; }

    /// <summary>True when every repository passed.</summary>
    public bool Passed => Repositories.All(r => r.Passed);

    /// <summary>Distinct package versions whose worst verdict is denied or unknown.</summary>
    public IReadOnlyList<MergedPackage> Problems => Packages.Where(p => p.Verdict is "denied" or "unknown").ToArray();
}

/// <summary>The input is not a check result (the message says why).</summary>
public sealed class ResultFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultFormatException(string source, string message) : base(source + ": " + message) { }
}

/// <summary>
/// Combines the JSON results of many repositories — one CI job per repository of an authority's forge group —
/// into one organisation-wide report. Inputs are read with size and depth limits; the output is deterministic.
/// </summary>
public static class ResultMerger
{
    /// <summary>Largest result file read.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads one result; <paramref name="fallbackName"/> names it when its <c>root</c> is empty.</summary>
    /// <exception cref="ResultFormatException">Not a check result of a supported schema version.</exception>
    public static (RepositoryResult Repository, IReadOnlyList<(string Id, string Version, string License, string Verdict, string Scope)> Packages) Read(Stream json, string fallbackName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new ResultFormatException(fallbackName, "not valid JSON: " + ex.Message);
        }
        using (doc)
        {
            try
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var sv) || sv.ValueKind != JsonValueKind.Number)
                    throw new ResultFormatException(fallbackName, "not a 'publiccode check --format json' result (no schemaVersion).");
                // Version 1 (every package in full under each project) is still read: results kept from older tool versions.
                var version = sv.GetInt32();
                if (version is not (1 or Output.CheckResultJsonWriter.SchemaVersion))
                    throw new ResultFormatException(fallbackName, "schemaVersion " + version.ToString(CultureInfo.InvariantCulture) + " is not supported by this version (expected 1 or " + Output.CheckResultJsonWriter.SchemaVersion.ToString(CultureInfo.InvariantCulture) + ").");
                // A repository is best named by its forge URL, when the result carries one; else by the checked folder or solution.
                var name = ForgeUrl(root) ?? root.GetProperty("root").GetString();
                if (string.IsNullOrWhiteSpace(name)) name = fallbackName;
                var s = root.GetProperty("summary");
                var repo = new RepositoryResult(
                    name!,
                    root.GetProperty("tool").GetProperty("version").GetString() ?? string.Empty,
                    root.GetProperty("licenseListVersion").GetString() ?? string.Empty,
                    root.GetProperty("policy").GetProperty("preset").GetString() ?? string.Empty,
                    root.GetProperty("passed").GetBoolean(),
                    s.GetProperty("projects").GetInt32(), s.GetProperty("packages").GetInt32(), s.GetProperty("allowed").GetInt32(),
                    s.GetProperty("denied").GetInt32(), s.GetProperty("unknown").GetInt32(), s.GetProperty("excepted").GetInt32(),
                    s.GetProperty("enforcedFindings").GetInt32());
                var packages = new List<(string, string, string, string, string)>();
                // Version 2: the judgement is in the top-level packages array, which project entries refer to by index.
                var judged = version >= 2 ? root.GetProperty("packages").EnumerateArray().ToArray() : null;
                foreach (var project in root.GetProperty("projects").EnumerateArray())
                {
                    foreach (var p in project.GetProperty("packages").EnumerateArray())
                    {
                        var j = p;
                        if (judged != null)
                        {
                            var index = p.GetProperty("package").GetInt32();
                            if (index < 0 || index >= judged.Length) throw new ResultFormatException(fallbackName, "a project refers to package " + index.ToString(CultureInfo.InvariantCulture) + ", which the packages array does not have.");
                            j = judged[index];
                        }
                        packages.Add((j.GetProperty("id").GetString()!, j.GetProperty("version").GetString()!, j.GetProperty("license").GetString()!, j.GetProperty("verdict").GetString()!, p.GetProperty("scope").GetString()!));
                    }
                }
                return (repo, packages);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ResultFormatException(fallbackName, "a property is missing or has the wrong type: " + ex.Message);
            }
        }
    }

    /// <summary>True when <paramref name="json"/> is the JSON output of <c>publiccode merge</c> itself, which is not a check result.</summary>
    public static bool IsMergeOutput(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == "publiccode-merge";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ForgeUrl(JsonElement root)
    {
        static string? Https(JsonElement e) => e.ValueKind == JsonValueKind.String && e.GetString() is { } u && u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? u : null;
        if (root.TryGetProperty("repositoryUrl", out var url) && Https(url) is { } a) return a;
        if (root.TryGetProperty("repository", out var repo) && repo.ValueKind == JsonValueKind.Object && repo.TryGetProperty("url", out var u2) && Https(u2) is { } b) return b;
        return null;
    }

    /// <summary>Merges results read with <see cref="Read"/>.</summary>
    public static MergedReport Merge(IEnumerable<(RepositoryResult Repository, IReadOnlyList<(string Id, string Version, string License, string Verdict, string Scope)> Packages)> results)
    {
        var repos = new List<RepositoryResult>();
        var packages = new Dictionary<(string, string), (string Id, string Version, string License, string Verdict, SortedSet<string> Repos, SortedSet<string> Scopes)>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (repo, pkgs) in results)
        {
            // Two repositories with the same folder name stay apart.
            var name = repo.Name;
            if (names.TryGetValue(name, out var n)) { names[name] = n + 1; name = name + " (" + (n + 1).ToString(CultureInfo.InvariantCulture) + ")"; }
            else names[name] = 1;
            repos.Add(repo with { Name = name });
            foreach (var p in pkgs)
            {
                var key = (p.Id.ToLowerInvariant(), p.Version);
                if (!packages.TryGetValue(key, out var e))
                {
                    e = (p.Id, p.Version, p.License, p.Verdict, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                }
                if (Rank(p.Verdict) > Rank(e.Verdict)) e = (e.Id, e.Version, p.License, p.Verdict, e.Repos, e.Scopes);
                e.Repos.Add(name);
                e.Scopes.Add(p.Scope);
                packages[key] = e;
            }
        }
        return new MergedReport
        {
            Repositories = repos.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray(),
            Packages = packages.Values
                .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
                .Select(p => new MergedPackage(p.Id, p.Version, p.License, p.Verdict, p.Repos.ToArray(), p.Scopes.ToArray()))
                .ToArray(),
        };
    }

    private static int Rank(string verdict) => verdict switch { "denied" => 3, "unknown" => 2, "excepted" => 1, _ => 0 };

    /// <summary>Writes the merged report as JSON.</summary>
    public static void WriteJson(MergedReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 1);
        w.WriteString("kind", "publiccode-merge");
        w.WriteBoolean("passed", report.Passed);
        w.WriteStartObject("summary");
        w.WriteNumber("repositories", report.Repositories.Count);
        w.WriteNumber("repositoriesPassed", report.Repositories.Count(r => r.Passed));
        w.WriteNumber("packages", report.Packages.Count);
        w.WriteNumber("sharedPackages", report.Packages.Count(p => p.Repositories.Count > 1));
        w.WriteNumber("problemPackages", report.Problems.Count);
        w.WriteEndObject();
        w.WriteStartArray("repositories");
        foreach (var r in report.Repositories)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteBoolean("passed", r.Passed);
            w.WriteString("preset", r.Preset);
            w.WriteString("toolVersion", r.ToolVersion);
            w.WriteString("licenseListVersion", r.LicenseListVersion);
            w.WriteNumber("projects", r.Projects);
            w.WriteNumber("packages", r.Packages);
            w.WriteNumber("allowed", r.Allowed);
            w.WriteNumber("denied", r.Denied);
            w.WriteNumber("unknown", r.Unknown);
            w.WriteNumber("excepted", r.Excepted);
            w.WriteNumber("enforcedFindings", r.EnforcedFindings);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("packages");
        foreach (var p in report.Packages)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("version", p.Version);
            w.WriteString("license", p.License);
            w.WriteString("verdict", p.Verdict);
            w.WriteStringArray("scopes", p.Scopes);
            w.WriteStringArray("repositories", p.Repositories);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the merged report as Markdown (French or English).</summary>
    public static string WriteMarkdown(MergedReport report, bool french)
    {
        string T(string fr, string en) => french ? fr : en;
        var sb = new StringBuilder();
        sb.Append("# ").Append(T("Rapport consolidé des dépôts", "Organisation-wide report")).Append("\n\n");
        sb.Append(T("Dépôts conformes", "Repositories passing")).Append(" : ").Append(report.Repositories.Count(r => r.Passed).ToString(CultureInfo.InvariantCulture))
          .Append(" / ").Append(report.Repositories.Count.ToString(CultureInfo.InvariantCulture)).Append("  \n");
        sb.Append(T("Dépendances distinctes", "Distinct dependencies")).Append(" : ").Append(report.Packages.Count.ToString(CultureInfo.InvariantCulture)).Append("  \n");
        sb.Append(T("Dépendances communes à plusieurs dépôts", "Dependencies common to several repositories")).Append(" : ")
          .Append(report.Packages.Count(p => p.Repositories.Count > 1).ToString(CultureInfo.InvariantCulture)).Append("\n\n");
        sb.Append("## ").Append(T("Dépôts", "Repositories")).Append("\n\n");
        sb.Append("| ").Append(T("Dépôt", "Repository")).Append(" | ").Append(T("Résultat", "Result")).Append(" | Preset | ")
          .Append(T("Paquets", "Packages")).Append(" | ").Append(T("autorisés", "allowed")).Append(" | ").Append(T("refusés", "denied")).Append(" | ")
          .Append(T("inconnus", "unknown")).Append(" | ").Append(T("dérogations", "excepted")).Append(" |\n|---|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var r in report.Repositories)
        {
            sb.Append("| ").Append(Escape(r.Name)).Append(" | ").Append(r.Passed ? T("conforme", "passed") : T("non conforme", "failed")).Append(" | ").Append(Escape(r.Preset))
              .Append(" | ").Append(r.Packages.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(r.Allowed.ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(r.Denied.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(r.Unknown.ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(r.Excepted.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
        sb.Append("\n## ").Append(T("Dépendances à traiter", "Dependencies to act on")).Append("\n\n");
        if (report.Problems.Count == 0)
        {
            sb.Append(T("Aucune.", "None.")).Append('\n');
        }
        else
        {
            sb.Append("| ").Append(T("Paquet", "Package")).Append(" | Version | ").Append(T("Licence", "Licence")).Append(" | ").Append(T("Verdict", "Verdict")).Append(" | ").Append(T("Dépôts", "Repositories")).Append(" |\n|---|---|---|---|---|\n");
            foreach (var p in report.Problems)
            {
                sb.Append("| ").Append(Escape(p.Id)).Append(" | ").Append(Escape(p.Version)).Append(" | ").Append(Escape(p.License)).Append(" | ").Append(Escape(p.Verdict))
                  .Append(" | ").Append(Escape(string.Join(", ", p.Repositories))).Append(" |\n");
            }
        }
        return sb.ToString();
    }

    // Result files come from other repositories' CI: their text must not open links, HTML, or table cells.
    private static string Escape(string s) => IO.SafeText.ForMarkdown(s);
}
