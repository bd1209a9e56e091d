// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Graph;

/// <summary>
/// Reads <c>project.assets.json</c>. The file is the truth of what restore resolved (including .NET 10's pruning),
/// so nothing is re-resolved here. Malformed input raises <see cref="InvalidDataException"/> with a readable reason.
/// </summary>
public static class AssetsFileReader
{
    /// <summary>Largest assets file read (bytes). Very large solutions produce files of tens of megabytes.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>Reads and interprets an assets file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid assets file.</exception>
    public static AssetsFile Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException("The assets file does not exist.", path);
        if (info.Length > MaxBytes) throw new InvalidDataException("The assets file is larger than " + (MaxBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB.");
        if (info.Length == 0 && IO.InputFile.IsRegularFile(path)) throw new InvalidDataException("The assets file is empty.");
        JsonDocument doc;
        try
        {
            // Regular file only; the cap holds on what is read (a link to /dev/zero reports length 0).
            using var stream = IO.InputFile.OpenRead(path, MaxBytes);
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (IO.InputFileException ex)
        {
            throw new InvalidDataException("The assets file " + ex.Reason + ".", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The assets file is not valid JSON (line " + ((ex.LineNumber ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + ex.Message, ex);
        }
        using (doc)
        {
            try
            {
                return Interpret(doc.RootElement, System.IO.Path.GetFullPath(path));
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new InvalidDataException("The assets file does not have the expected structure: " + ex.Message, ex);
            }
        }
    }

    private static AssetsFile Interpret(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("The assets file is not a JSON object.");
        int version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        if (version < 3) throw new InvalidDataException("Unsupported assets file version " + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (expected 3 or later).");

        var project = Object(root, "project");
        var restore = Object(project, "restore");
        string projectPath = String(restore, "projectPath") ?? throw new InvalidDataException("project.restore.projectPath is missing.");
        string projectName = String(restore, "projectName") ?? System.IO.Path.GetFileNameWithoutExtension(projectPath);

        var packageFolders = new List<string>();
        if (root.TryGetProperty("packageFolders", out var pf) && pf.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in pf.EnumerateObject()) packageFolders.Add(p.Name);
        }

        var libraries = new Dictionary<string, AssetsLibrary>(StringComparer.OrdinalIgnoreCase);
        foreach (var lib in Object(root, "libraries").EnumerateObject())
        {
            var (id, ver) = SplitKey(lib.Name);
            var value = lib.Value;
            string? nuspec = null;
            bool analyzers = false;
            var rootFiles = new List<string>();
            if (value.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
            {
                foreach (var f in files.EnumerateArray())
                {
                    var name = f.GetString();
                    if (name == null) continue;
                    if (name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && name.IndexOf('/') < 0) nuspec = name;
                    if (name.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase)) analyzers = true;
                    if (name.IndexOf('/') < 0) rootFiles.Add(name);
                }
            }
            libraries[lib.Name] = new AssetsLibrary
            {
                Id = id,
                Version = ver,
                Type = String(value, "type") ?? "package",
                Sha512Base64 = String(value, "sha512"),
                Path = String(value, "path"),
                NuspecFile = nuspec,
                HasAnalyzers = analyzers,
                RootFiles = rootFiles,
            };
        }

        var targets = new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>>(StringComparer.Ordinal);
        foreach (var target in Object(root, "targets").EnumerateObject())
        {
            var list = new List<AssetsTargetLibrary>();
            if (target.Value.ValueKind != JsonValueKind.Object) throw new InvalidDataException("Target '" + target.Name + "' is not an object.");
            foreach (var lib in target.Value.EnumerateObject())
            {
                var (id, ver) = SplitKey(lib.Name);
                var deps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (lib.Value.TryGetProperty("dependencies", out var d) && d.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dep in d.EnumerateObject()) deps[dep.Name] = dep.Value.ValueKind == JsonValueKind.String ? dep.Value.GetString()! : string.Empty;
                }
                list.Add(new AssetsTargetLibrary
                {
                    Id = id,
                    Version = ver,
                    Type = String(lib.Value, "type") ?? "package",
                    Dependencies = deps,
                    HasShippingAssets = HasRealAssets(lib.Value, "compile", "runtime", "native", "resource", "contentFiles", "runtimeTargets") || lib.Value.TryGetProperty("frameworkReferences", out _),
                    HasBuildAssets = HasRealAssets(lib.Value, "build", "buildMultiTargeting"),
                });
            }
            targets[target.Name] = list;
        }

        var direct = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("projectFileDependencyGroups", out var groups) && groups.ValueKind == JsonValueKind.Object)
        {
            foreach (var g in groups.EnumerateObject())
            {
                var ids = new List<string>();
                if (g.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in g.Value.EnumerateArray())
                    {
                        var s = e.GetString();
                        if (string.IsNullOrWhiteSpace(s)) continue;
                        int space = s.IndexOf(' ');
                        ids.Add(space < 0 ? s : s.Substring(0, space));
                    }
                }
                direct[g.Name] = ids;
            }
        }

        var declared = new Dictionary<string, IReadOnlyList<DirectDependency>>(StringComparer.Ordinal);
        if (project.TryGetProperty("frameworks", out var fws) && fws.ValueKind == JsonValueKind.Object)
        {
            foreach (var fw in fws.EnumerateObject())
            {
                var list = new List<DirectDependency>();
                if (fw.Value.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dep in deps.EnumerateObject())
                    {
                        var dv = dep.Value;
                        if (dv.ValueKind == JsonValueKind.String)
                        {
                            list.Add(new DirectDependency(dep.Name, dv.GetString(), null, null, null, false));
                            continue;
                        }
                        if (dv.ValueKind != JsonValueKind.Object) continue;
                        list.Add(new DirectDependency(
                            dep.Name,
                            String(dv, "version"),
                            String(dv, "suppressParent"),
                            String(dv, "include"),
                            String(dv, "exclude"),
                            dv.TryGetProperty("autoReferenced", out var ar) && ar.ValueKind == JsonValueKind.True));
                    }
                }
                declared[fw.Name] = list;
            }
        }

        var projectRefs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (restore.TryGetProperty("frameworks", out var rfws) && rfws.ValueKind == JsonValueKind.Object)
        {
            foreach (var fw in rfws.EnumerateObject())
            {
                var list = new List<string>();
                if (fw.Value.TryGetProperty("projectReferences", out var prs) && prs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var pr in prs.EnumerateObject()) list.Add(String(pr.Value, "projectPath") ?? pr.Name);
                }
                projectRefs[fw.Name] = list;
            }
        }

        var logs = new List<AssetsLogMessage>();
        if (root.TryGetProperty("logs", out var logArray) && logArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var log in logArray.EnumerateArray())
            {
                if (log.ValueKind != JsonValueKind.Object) continue;
                logs.Add(new AssetsLogMessage(String(log, "code") ?? string.Empty, String(log, "level") ?? string.Empty, String(log, "message") ?? string.Empty, String(log, "libraryId")));
            }
        }

        return new AssetsFile
        {
            Path = path,
            FormatVersion = version,
            ProjectName = projectName,
            ProjectPath = projectPath,
            ProjectVersion = String(project, "version"),
            PackageFolders = packageFolders,
            Targets = targets,
            Libraries = libraries,
            DirectDependencyIds = direct,
            DeclaredDependencies = declared,
            ProjectReferences = projectRefs,
            Logs = logs,
        };
    }

    private static bool HasRealAssets(JsonElement lib, params string[] sections)
    {
        foreach (var section in sections)
        {
            if (!lib.TryGetProperty(section, out var s) || s.ValueKind != JsonValueKind.Object) continue;
            foreach (var file in s.EnumerateObject())
            {
                // "_._" marks "nothing for this framework"; it ships nothing.
                if (!file.Name.EndsWith("/_._", StringComparison.Ordinal) && file.Name != "_._") return true;
            }
        }
        return false;
    }

    private static (string Id, string Version) SplitKey(string key)
    {
        int slash = key.LastIndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) throw new InvalidDataException("Library key '" + key + "' is not of the form Id/Version.");
        return (key.Substring(0, slash), key.Substring(slash + 1));
    }

    private static JsonElement Object(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("The '" + name + "' section is missing or is not an object.");
        return e;
    }

    private static string? String(JsonElement parent, string name)
        => parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
