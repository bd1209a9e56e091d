// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PublicCodePolicy.Cli.Metadata;

/// <summary>
/// Evaluated properties kept under a project's obj/ folder (<c>obj/publiccode-metadata.&lt;project file&gt;.&lt;names&gt;.json</c>), so
/// that a second run does not evaluate again. An entry is served only when every input of the evaluation is unchanged:
/// the SHA-256 of the project file and of every file the evaluation imported (Directory.Build.props/targets,
/// Directory.Packages.props, the SDK's own files, obj/*.nuget.g.props…), the MSBuild folder (hence the SDK version
/// global.json selected), the environment variables (MSBuild reads them as properties), and which of the files MSBuild
/// looks for without importing them yet exist: Directory.Build.props/targets, Directory.Packages.props and global.json
/// in the project's folder and its parents, and the restore-generated <c>&lt;project file&gt;.*.props/targets</c> in
/// its obj/ folder. A file that only an <c>Exists()</c> condition of the user's own choosing looks at is not tracked;
/// set <c>PUBLICCODE_MSBUILD_EVALUATION=nocache</c> when a build depends on one.
/// </summary>
internal sealed class MetadataCache
{
    private const int Format = 1;
    private const string ExtensionsPathProperty = "MSBuildProjectExtensionsPath";

    // Set by MSBuildLocator to the registered SDK's folders: they follow from the MSBuild folder, already in the key.
    // Also left out: what the shell changes between two identical runs (the last command, the previous folder, the
    // nesting level) and the runtime's diagnostics port (a profiler attaching), which no project reads.
    private static readonly HashSet<string> s_locatorVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH",
        "_", "OLDPWD", "SHLVL", "DOTNET_DiagnosticPorts",
    };
    private static readonly string[] s_probedNames = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" };

    private readonly string _msbuildPath;
    private readonly IReadOnlyList<string> _names;
    private readonly string _environment;
    private readonly string _namesKey;
    private readonly ConcurrentDictionary<string, string> _fileHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _probes = new(StringComparer.Ordinal);

    public MetadataCache(string msbuildPath, IReadOnlyList<string> names)
    {
        _msbuildPath = msbuildPath;
        _names = names;
        // Commands ask for different names (sbom, yml): each set has its own entry, so they do not evict each other.
        _namesKey = Hash(string.Join("\n", names))[..12].ToLowerInvariant();
        var variables = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? string.Empty))
            .Where(e => !s_locatorVariables.Contains(e.Item1))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .Select(e => e.Item1 + "=" + e.Item2);
        _environment = Hash(string.Join("\n", variables));
    }

    /// <summary>The names the evaluation must also return for the cache to locate restore's generated imports.</summary>
    public static string ExtraProperty => ExtensionsPathProperty;

    /// <summary>Where the entry of a project lives; null when the project has no obj/ folder (nothing is created).</summary>
    public string? EntryPath(string projectPath)
    {
        var full = Path.GetFullPath(projectPath);
        var obj = Path.Combine(Path.GetDirectoryName(full)!, "obj");
        return Directory.Exists(obj) ? Path.Combine(obj, "publiccode-metadata." + Path.GetFileName(full) + "." + _namesKey + ".json") : null;
    }

    /// <summary>The cached values of the wanted names, or null when there is no entry or any input changed.</summary>
    public IReadOnlyDictionary<string, string>? TryGet(string projectPath)
    {
        var entryPath = EntryPath(projectPath);
        if (entryPath == null || !File.Exists(entryPath)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(entryPath));
            var root = doc.RootElement;
            if (root.GetProperty("format").GetInt32() != Format) return null;
            if (root.GetProperty("msbuild").GetString() != _msbuildPath) return null;
            if (root.GetProperty("environment").GetString() != _environment) return null;
            var properties = root.GetProperty("properties");
            var extensionsPath = properties.TryGetProperty(ExtensionsPathProperty, out var e) ? e.GetString() ?? string.Empty : string.Empty;
            if (root.GetProperty("probes").GetString() != Probes(projectPath, extensionsPath)) return null;
            foreach (var file in root.GetProperty("files").EnumerateArray())
            {
                if (FileHash(file.GetProperty("path").GetString()!) != file.GetProperty("sha256").GetString()) return null;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in _names)
            {
                if (!properties.TryGetProperty(name, out var v)) return null;
                values[name] = v.GetString() ?? string.Empty;
            }
            return values;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Records an evaluation; a project whose obj/ folder cannot be written is simply not cached.</summary>
    public void Store(string projectPath, Evaluation evaluation)
    {
        var entryPath = EntryPath(projectPath);
        if (entryPath == null) return;
        try
        {
            var extensionsPath = evaluation.Values.TryGetValue(ExtensionsPathProperty, out var e) ? e : string.Empty;
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteNumber("format", Format);
                w.WriteString("msbuild", _msbuildPath);
                w.WriteString("environment", _environment);
                w.WriteString("probes", Probes(projectPath, extensionsPath));
                w.WriteStartArray("files");
                foreach (var file in evaluation.Files)
                {
                    var hash = FileHash(file);
                    if (hash.Length == 0) return;
                    w.WriteStartObject();
                    w.WriteString("path", file);
                    w.WriteString("sha256", hash);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("properties");
                foreach (var (name, value) in evaluation.Values.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(name, value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            var temp = entryPath + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllBytes(temp, buffer.ToArray());
            File.Move(temp, entryPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs one evaluation on the next run, nothing more.
        }
    }

    // Empty when the file cannot be read: never equal to a recorded hash.
    private string FileHash(string path) => _fileHashes.GetOrAdd(path, static p =>
    {
        try
        {
            using var stream = File.OpenRead(p);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    });

    private string Probes(string projectPath, string extensionsPath)
    {
        var full = Path.GetFullPath(projectPath);
        var sb = new StringBuilder();
        for (var dir = Path.GetDirectoryName(full); dir != null; dir = Path.GetDirectoryName(dir))
        {
            sb.Append(_probes.GetOrAdd(dir, static d => string.Join("|", s_probedNames.Where(n => File.Exists(Path.Combine(d, n))))));
            sb.Append('/');
        }
        var projectDir = Path.GetDirectoryName(full)!;
        var obj = extensionsPath.Length > 0 ? Path.GetFullPath(extensionsPath, projectDir) : Path.Combine(projectDir, "obj");
        if (Directory.Exists(obj))
        {
            var pattern = Path.GetFileName(full) + ".*";
            sb.Append(string.Join("|", Directory.EnumerateFiles(obj, pattern).Select(Path.GetFileName)
                .Where(n => n!.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)));
        }
        return Hash(sb.ToString());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
