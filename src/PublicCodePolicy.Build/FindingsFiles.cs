// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Build;

/// <summary>
/// The two files the check leaves under <c>obj/</c>: the findings file the analyzer reads (an AdditionalFile, format
/// version 1 agreed with the analyzers) and the cache the report step reads on every build.
/// Both are deterministic and rewritten only when their content changes, so that an unchanged result never makes
/// the compiler run again.
/// </summary>
public static class FindingsFiles
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        // The files are read by our own readers; keeping non-ASCII text (→, accents) readable helps people who open them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Orders findings the same way on every run and machine.</summary>
    public static IReadOnlyList<CachedFinding> Sort(IEnumerable<CachedFinding> findings)
        => findings
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Package ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Package ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.PackageVersion ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.File ?? string.Empty, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The analyzer's findings file: <c>{"version":1,"findings":[{"id","severity","message","package","packageVersion"}]}</c>.
    /// <paramref name="mode"/> sets the severities the IDE shows, as the command-line report would.
    /// </summary>
    public static byte[] SerializeForAnalyzer(IReadOnlyList<CachedFinding> sorted, PolicyMode mode)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteStartArray("findings");
            foreach (var f in sorted)
            {
                writer.WriteStartObject();
                writer.WriteString("id", f.Id);
                writer.WriteString("severity", CachedFinding.SeverityName(SeverityInIde(f, mode)));
                writer.WriteString("message", f.Message);
                if (f.Package != null) writer.WriteString("package", f.Package);
                if (f.PackageVersion != null) writer.WriteString("packageVersion", f.PackageVersion);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The severity the IDE should show for a finding under a mode (before NoWarn and TreatWarningsAsErrors, which the compiler applies itself).</summary>
    public static FindingSeverity SeverityInIde(CachedFinding finding, PolicyMode mode)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (mode == PolicyMode.ReportOnly || finding.Severity == FindingSeverity.Info) return FindingSeverity.Info;
        if (finding.IsConfiguration && finding.Severity == FindingSeverity.Error) return FindingSeverity.Error;
        if (mode == PolicyMode.Strict && finding.IsEnforced) return FindingSeverity.Error;
        return FindingSeverity.Warning;
    }

    /// <summary>The report step's cache: every field the MSBuild diagnostics need.</summary>
    public static byte[] SerializeCache(IReadOnlyList<CachedFinding> sorted, int packageCount)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteNumber("packages", packageCount);
            writer.WriteStartArray("findings");
            foreach (var f in sorted)
            {
                writer.WriteStartObject();
                writer.WriteString("id", f.Id);
                writer.WriteString("severity", CachedFinding.SeverityName(f.Severity));
                writer.WriteBoolean("enforced", f.IsEnforced);
                writer.WriteString("message", f.Message);
                WriteOptional(writer, "file", f.File);
                WriteOptional(writer, "package", f.Package);
                WriteOptional(writer, "packageVersion", f.PackageVersion);
                WriteOptional(writer, "helpLink", f.HelpLink);
                if (f.Line > 0) writer.WriteNumber("line", f.Line);
                if (f.Column > 0) writer.WriteNumber("column", f.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Largest findings cache read (docs/limits.md).</summary>
    public const long MaxCacheBytes = 256L * 1024 * 1024;

    /// <summary>Reads the report step's cache.</summary>
    /// <exception cref="InvalidDataException">The file is not a cache of this version.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CachedFinding> ReadCache(string path)
    {
        var bytes = PublicCodePolicy.IO.InputFile.ReadAllBytes(path, MaxCacheBytes);
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
                throw new InvalidDataException("not a version 1 findings cache");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException("no findings array");
            var result = new List<CachedFinding>(findings.GetArrayLength());
            foreach (var f in findings.EnumerateArray())
            {
                result.Add(new CachedFinding(
                    Required(f, "id"),
                    CachedFinding.ParseSeverity(Optional(f, "severity")),
                    f.TryGetProperty("enforced", out var e) && e.ValueKind == JsonValueKind.True,
                    Required(f, "message"),
                    Optional(f, "file"),
                    Optional(f, "package"),
                    Optional(f, "packageVersion"),
                    Optional(f, "helpLink"),
                    Number(f, "line"),
                    Number(f, "column")));
            }
            return result;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            // A property of the wrong JSON kind.
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> unless the file already holds exactly it. The new content goes to a temporary
    /// file that replaces the old one, so a reader (or a concurrent build of the same project) never sees half a file.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path))
        {
            try
            {
                var existing = PublicCodePolicy.IO.InputFile.ReadAllBytes(path, content.LongLength);
                if (existing.AsSpan().SequenceEqual(content)) return false;
            }
            catch (IOException)
            {
                // Unreadable now: rewrite it.
            }
        }
        PublicCodePolicy.IO.OutputFile.Write(path, content, createDirectory: true);
        return true;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value != null) writer.WriteString(name, value);
    }

    private static int Number(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0 ? n : 0;

    private static string Required(JsonElement e, string name)
        => Optional(e, name) ?? throw new InvalidDataException("a finding has no '" + name + "'");

    private static string? Optional(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>UTF-8 without BOM, for tests that compare texts.</summary>
    internal static string ToText(byte[] content) => Encoding.UTF8.GetString(content);
}
