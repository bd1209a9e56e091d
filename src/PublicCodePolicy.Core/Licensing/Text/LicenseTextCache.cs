// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>
/// Remembers licence-text identifications on disk, keyed by the SHA-256 of the text and by the exact build of this
/// assembly (its module version id, which changes with any change to the matcher or its embedded templates), so a
/// later run — a CLI call, an MSBuild build after a restore — answers without building the template index. A result
/// read from the cache is the one the matcher gave; a cache that cannot be read or written is ignored.
/// </summary>
public sealed class LicenseTextCache : ILicenseTextIdentifier
{
    /// <summary>Environment variable: a folder for the cache, or <c>off</c> to disable it.</summary>
    public const string EnvironmentVariable = "PUBLICCODEPOLICY_CACHE";

    private const int MaxEntries = 20_000;
    private readonly ILicenseTextIdentifier _inner;
    private readonly string? _path;
    private readonly object _gate = new();
    private Dictionary<string, Entry>? _entries;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="directory"/> null disables the disk cache.</summary>
    public LicenseTextCache(ILicenseTextIdentifier inner, string? directory)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (directory != null)
        {
            var build = typeof(LicenseTextCache).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);
            _path = Path.Combine(directory, "licence-texts-" + build + ".json");
        }
    }

    /// <summary>
    /// The default folder: <see cref="EnvironmentVariable"/> when set (<c>off</c> disables), else the user's local
    /// application data folder (<c>~/.local/share/PublicCodePolicy</c> on Linux).
    /// </summary>
    public static string? DefaultDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : configured.Trim();
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(local) ? null : Path.Combine(local, "PublicCodePolicy");
    }

    /// <summary>The cache file, or null when disabled.</summary>
    public string? FilePath => _path;

    /// <inheritdoc />
    public LicenseTextMatch? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_path == null) return _inner.Identify(text);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        lock (_gate)
        {
            _entries ??= Load(_path);
            if (_entries.TryGetValue(key, out var hit)) return hit.ToMatch();
        }
        var result = _inner.Identify(text);
        lock (_gate)
        {
            if (_entries.Count < MaxEntries)
            {
                _entries[key] = Entry.From(result);
                Save(_path, _entries);
            }
        }
        return result;
    }

    private sealed record Entry(string? Expression, double Score, string? Note)
    {
        public static Entry From(LicenseTextMatch? m) => m == null ? new Entry(null, 0, null) : new Entry(m.Expression.ToString(), m.Score, m.Note);

        public LicenseTextMatch? ToMatch()
        {
            if (Expression == null) return null;
            return LicenseList.Default.TryParse(Expression, out var e, out _) && e != null ? new LicenseTextMatch(e, Score, Note) : null;
        }
    }

    private static Dictionary<string, Entry> Load(string path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(path)) return entries;
            using var doc = JsonDocument.Parse(IO.InputFile.ReadAllBytes(path, 64L * 1024 * 1024), new JsonDocumentOptions { MaxDepth = 8 });
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var v = p.Value;
                entries[p.Name] = new Entry(
                    v.TryGetProperty("e", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
                    v.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0,
                    v.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // A damaged or unreadable cache is only a lost speed-up: start afresh.
            entries.Clear();
        }
        return entries;
    }

    private static void Save(string path, Dictionary<string, Entry> entries)
    {
        try
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                foreach (var (key, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    w.WriteStartObject(key);
                    if (entry.Expression != null) w.WriteString("e", entry.Expression);
                    w.WriteNumber("s", entry.Score);
                    if (entry.Note != null) w.WriteString("n", entry.Note);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            // Several builds may write at once: each writes a whole file under its own name, then renames it.
            IO.OutputFile.Write(path, ms.ToArray(), createDirectory: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Read-only home, full disk: the cache is optional.
        }
    }
}
