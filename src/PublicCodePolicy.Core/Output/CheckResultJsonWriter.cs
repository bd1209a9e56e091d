// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Output;

/// <summary>
/// Writes a <see cref="CheckResult"/> as the documented, stable JSON of <c>publiccode check --format json</c>
/// (schema: <c>docs/schemas/check-result.schema.json</c>). Paths are written relative to the checked folder with
/// forward slashes, so the output is the same on every machine.
/// </summary>
/// <remarks>
/// Version 2 keeps a large solution's result small: each package version is judged once in the top-level
/// <c>packages</c> array (licence evidence, reason, exception, dependencies, hash, metadata) and each project's entries
/// refer to it by index, keeping only what differs per project (scope, direct, frameworks, paths) plus the verdict most
/// readers filter on; dependency paths are capped at <see cref="MaxPaths"/> with the count of
/// the others. Version 1 repeated every package in full under every project (about 100 MB at 300 projects).
/// </remarks>
public static class CheckResultJsonWriter
{
    /// <summary>Version of the JSON format; raised only for incompatible changes.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Dependency paths written per package of a project and per finding; <c>morePaths</c> counts the rest.</summary>
    public const int MaxPaths = 2;

    /// <summary>Writes the result to a stream (UTF-8, indented, LF line ends).</summary>
    public static void Write(CheckResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var baseDir = File.Exists(result.RootPath) ? Path.GetDirectoryName(result.RootPath)! : result.RootPath;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "PublicCodePolicy");
        w.WriteString("version", result.ToolVersion);
        w.WriteEndObject();
        w.WriteString("licenseListVersion", result.LicenseListVersion);
        w.WriteString("root", Path.GetFileName(result.RootPath.TrimEnd(Path.DirectorySeparatorChar)));
        w.WriteStartObject("policy");
        w.WriteString("preset", result.Policy.Preset.ToName());
        w.WriteStringOrNull("file", result.Policy.SourcePath == null ? null : Relative(baseDir, result.Policy.SourcePath));
        w.WriteStartArray("enforcedScopes");
        foreach (var s in result.Policy.EnforcedScopes.OrderBy(s => s)) w.WriteStringValue(s.ToName());
        w.WriteEndArray();
        w.WriteString("unknownLicenses", result.Policy.FailOnUnknown ? "fail" : "warn");
        w.WriteEndObject();
        w.WriteBoolean("passed", result.Passed);
        var summary = result.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("projects", summary.Projects);
        w.WriteNumber("packages", summary.Packages);
        w.WriteNumber("allowed", summary.Allowed);
        w.WriteNumber("denied", summary.Denied);
        w.WriteNumber("unknown", summary.Unknown);
        w.WriteNumber("excepted", summary.Excepted);
        w.WriteNumber("enforcedFindings", summary.EnforcedFindings);
        w.WriteEndObject();
        // Each distinct judgement of a package version once, sorted, so that projects can refer to it by index.
        // The shared part of each project's package is serialised in parallel (a hundred thousand at 300 projects) and
        // compared as text (not by the package object: hashing a million objects by identity cost a second at 300
        // projects); only the distinct ones are kept.
        var flat = result.Projects.SelectMany(p => p.Packages.Select(pkg => (Package: pkg, Project: p))).ToArray();
        string[]? shared = InOrder(flat.Length, i => SharedPart(flat[i].Package));
        var judged = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<(string Id, string Version, string Json)>();
        var entryOf = new int[flat.Length];
        for (int i = 0; i < flat.Length; i++)
        {
            if (!judged.TryGetValue(shared[i], out var e))
            {
                e = entries.Count;
                judged.Add(shared[i], e);
                entries.Add((flat[i].Package.Id, flat[i].Package.Version, shared[i]));
            }
            entryOf[i] = e;
        }
        shared = null;
        var order = Enumerable.Range(0, entries.Count).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (entries[x], entries[y]);
            int c = StringComparer.OrdinalIgnoreCase.Compare(a.Id, b.Id);
            if (c == 0) c = string.CompareOrdinal(a.Id, b.Id);
            if (c == 0) c = string.CompareOrdinal(a.Version, b.Version);
            return c != 0 ? c : string.CompareOrdinal(a.Json, b.Json);
        });
        var rank = new int[order.Length];
        for (int k = 0; k < order.Length; k++) rank[order[k]] = k;
        var uses = InOrder(flat.Length, i => CompactUtf8(x => WriteProjectPackage(x, flat[i].Package, rank[entryOf[i]], flat[i].Project.TargetFrameworks)));
        var findings = InOrder(result.Findings.Count, i => CompactUtf8(x => WriteFinding(x, result.Findings[i], baseDir)));
        w.WriteNumber("maxPaths", MaxPaths);
        w.WriteStartArray("packages");
        foreach (var k in order) WriteLine(w, entries[k].Json);
        w.WriteEndArray();

        w.WriteStartArray("projects");
        int next = 0;
        foreach (var p in result.Projects)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("path", Relative(baseDir, p.ProjectPath));
            w.WriteBoolean("restored", p.Loaded);
            w.WriteBoolean("isTestProject", p.IsTestProject);
            w.WriteStringOrNull("version", p.Version);
            w.WriteStringArray("targetFrameworks", p.TargetFrameworks);
            w.WriteStringArray("projectReferences", p.ProjectReferences.Select(r => Relative(baseDir, r)));
            w.WriteStartArray("packages");
            for (int i = 0; i < p.Packages.Count; i++) WriteLine(w, uses[next++]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in findings) WriteLine(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    // f(0) … f(count - 1), computed in parallel; a failure is the lowest index's, unwrapped, as in a plain loop.
    private static T[] InOrder<T>(int count, Func<int, T> f)
    {
        var results = new T[count];
        var failures = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                results[i] = f(i);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });
        if (Array.Find(failures, ex => ex != null) is { } first) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        return results;
    }

    /// <summary>Writes the result to a string.</summary>
    public static string WriteToString(CheckResult result)
    {
        using var ms = new MemoryStream();
        Write(result, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    // A project's use of a package: what differs per project, plus the verdict most readers filter on.
    // Paths are written only where someone has to act (not allowed); an allowed package's paths are only counted.
    private static void WriteProjectPackage(Utf8JsonWriter w, PackageResult pkg, int index, IReadOnlyList<string> projectFrameworks)
    {
        w.WriteStartObject();
        w.WriteNumber("package", index);
        w.WriteString("scope", pkg.Scope.ToName());
        w.WriteBoolean("direct", pkg.IsDirect);
        w.WriteString("verdict", pkg.Verdict.ToName());
        // Omitted when the package is in every framework of the project (the common case).
        if (!pkg.Frameworks.SequenceEqual(projectFrameworks, StringComparer.Ordinal)) w.WriteStringArray("frameworks", pkg.Frameworks);
        WritePaths(w, pkg.Paths, pkg.Verdict == Verdict.Allowed ? 0 : MaxPaths);
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, IReadOnlyList<string> paths, int max)
    {
        if (max > 0) w.WriteStringArray("paths", paths.Take(max));
        if (paths.Count > max) w.WriteNumber("morePaths", paths.Count - max);
    }

    // One entry per line: a large result stays readable and diffable without the indentation of every property.
    // The raw value carries its own line break and indentation (JSON whitespace), which the indented writer does not
    // add before raw values.
    private static void WriteLine(Utf8JsonWriter w, string compactJson)
        => w.WriteRawValue("\n" + new string(' ', 2 * w.CurrentDepth) + compactJson, skipInputValidation: true);

    // The same for an entry kept as UTF-8 (half the memory of a string: a 3,000-project result has 600,000 entries).
    private static void WriteLine(Utf8JsonWriter w, byte[] compactJson)
    {
        int indent = 2 * w.CurrentDepth;
        var line = ArrayPool<byte>.Shared.Rent(1 + indent + compactJson.Length);
        line[0] = (byte)'\n';
        line.AsSpan(1, indent).Fill((byte)' ');
        compactJson.CopyTo(line.AsSpan(1 + indent));
        w.WriteRawValue(line.AsSpan(0, 1 + indent + compactJson.Length), skipInputValidation: true);
        ArrayPool<byte>.Shared.Return(line);
    }

    // One buffer and writer per thread, reset for each entry: a 300-project result has a hundred thousand entries.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_compactBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_compactWriter;

    private static byte[] CompactUtf8(Action<Utf8JsonWriter> write) => CompactSpan(write).ToArray();

    private static string Compact(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(CompactSpan(write));

    // Valid until the thread's next call.
    private static ReadOnlySpan<byte> CompactSpan(Action<Utf8JsonWriter> write)
    {
        var buffer = t_compactBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.Clear();
        var w = t_compactWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.Reset(buffer);
        write(w);
        w.Flush();
        return buffer.WrittenSpan;
    }

    // The judgement of a package version, the same in every project that judged it the same way, as compact JSON.
    private static string SharedPart(PackageResult pkg) => Compact(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", pkg.Id);
            w.WriteString("version", pkg.Version);
            w.WriteString("license", pkg.License.Concluded.ToString());
            w.WriteStringOrNull("declaredLicense", pkg.License.Declared);
            w.WriteString("licenseSource", SourceName(pkg.License.Source));
            w.WriteStringOrNull("licenseEvidence", pkg.License.Evidence);
            w.WriteNumber("licenseConfidence", Math.Round(pkg.License.Confidence, 3));
            w.WriteStringOrNull("licenseNote", pkg.License.Note);
            if (pkg.License.Page is { } page)
            {
                w.WriteStartObject("licensePage");
                w.WriteString("requestedUrl", page.RequestedUrl);
                w.WriteString("url", page.Url);
                w.WriteString("retrieved", page.RetrievedAtText);
                w.WriteString("sha256", page.Sha256);
                w.WriteBoolean("immutable", page.IsImmutable);
                if (page.MediaType != null) w.WriteString("mediaType", page.MediaType);
                w.WriteEndObject();
            }
            w.WriteString("verdict", pkg.Verdict.ToName());
            w.WriteString("reason", pkg.Reason);
            if (pkg.AppliedException is { } ex)
            {
                w.WriteStartObject("exception");
                w.WriteString("justification", ex.Justification);
                w.WriteStringOrNull("approvedBy", ex.ApprovedBy);
                w.WriteStringOrNull("expires", ex.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("exception");
            }
            w.WriteStringArray("dependencies", pkg.Dependencies);
            w.WriteStringOrNull("sha512", pkg.Sha512);
            w.WriteStringOrNull("authors", pkg.Metadata?.Authors);
            w.WriteStringOrNull("copyright", pkg.Metadata?.Copyright);
            w.WriteStringOrNull("projectUrl", pkg.Metadata?.ProjectUrl);
            w.WriteStringOrNull("repositoryUrl", pkg.Metadata?.Repository?.Url);
            w.WriteEndObject();
        });

    private static void WriteFinding(Utf8JsonWriter w, Finding f, string baseDir)
    {
        w.WriteStartObject();
        w.WriteString("id", f.RuleId);
        w.WriteString("severity", f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "info" });
        w.WriteBoolean("enforced", f.IsEnforced);
        w.WriteString("message", f.Message);
        w.WriteStringOrNull("project", f.ProjectPath == null ? null : Relative(baseDir, f.ProjectPath));
        w.WriteStringOrNull("package", f.PackageId);
        w.WriteStringOrNull("packageVersion", f.PackageVersion);
        WritePaths(w, f.Paths, MaxPaths);
        w.WriteStringOrNull("remedy", f.Remedy);
        w.WriteStringOrNull("helpUri", string.IsNullOrEmpty(f.HelpUri) ? null : f.HelpUri);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a licence source.</summary>
    public static string SourceName(Licensing.LicenseSource source) => source switch
    {
        Licensing.LicenseSource.Expression => "expression",
        Licensing.LicenseSource.File => "file",
        Licensing.LicenseSource.PackageFile => "package-file",
        Licensing.LicenseSource.Url => "url",
        Licensing.LicenseSource.Curation => "curation",
        _ => "none",
    };

    /// <summary>A path relative to <paramref name="baseDir"/> with forward slashes.</summary>
    public static string Relative(string baseDir, string path)
    {
        var rel = Path.GetRelativePath(baseDir, path);
        return rel.Replace('\\', '/');
    }
}
