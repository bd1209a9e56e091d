// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Json;

namespace PublicCodePolicy.Report;

/// <summary>A <c>publiccode-report.json</c> file that cannot be used; the message names the JSON path.</summary>
public sealed class ReportConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportConfigException(string path, string jsonPath, string message)
        : base(System.IO.Path.GetFileName(path) + ": " + jsonPath + ": " + message)
    {
        Path = path;
        JsonPath = jsonPath;
    }


    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Where in the file.</summary>
    public string JsonPath { get; }
}

/// <summary>
/// The optional report configuration, <c>publiccode-report.json</c> (schema: <c>docs/schemas/publiccode-report.schema.json</c>):
/// what the report cannot find in the code, namely the contributions made to upstream free software. It is a separate
/// file because the policy file rejects unknown keys, and because it is evidence, not policy.
/// </summary>
public sealed class ReportConfig
{
    /// <summary>Default file name, looked for in the checked folder and its parents up to the repository root.</summary>
    public const string FileName = "publiccode-report.json";

    /// <summary>Contributions to upstream projects, in file order.</summary>
    public IReadOnlyList<UpstreamContribution> UpstreamContributions { get; init; } = Array.Empty<UpstreamContribution>();

    /// <summary>
    /// Proof links of publiccode.yml's usedBy entries, by name as usedBy writes it: a deliberation, a pooling agreement,
    /// a catalogue entry (Comptoir du Libre, code.gouv.fr). An entry without one is shown as declared only.
    /// </summary>
    public IReadOnlyDictionary<string, string> UsedByProofs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The file it was read from; null when none.</summary>
    public string? SourcePath { get; init; }

    /// <summary>An empty configuration.</summary>
    public static ReportConfig Empty { get; } = new();

    /// <summary>Finds <see cref="FileName"/> in <paramref name="startDirectory"/> or a parent, not above <paramref name="stopDirectory"/>.</summary>
    public static string? Find(string startDirectory, string? stopDirectory)
    {
        var stop = stopDirectory == null ? null : Path.GetFullPath(stopDirectory).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
            if (stop == null || string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), stop, StringComparison.Ordinal)) break;
        }
        return null;
    }

    /// <summary>Loads a configuration file. Unknown keys are errors, as in the policy file, so that a typo is not silently ignored.</summary>
    /// <exception cref="ReportConfigException">The file is not a valid configuration.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = IO.InputFile.ReadAllBytes(path, 4 * 1024 * 1024);
        }
        catch (IO.InputFileException ex)
        {
            throw new ReportConfigException(path, "$", "The file " + ex.Reason + " (limit 4 MiB).");
        }
        try
        {
            // System.Text.Json checks UTF-8 only when a name or string is read: check the whole file first.
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ReportConfigException(path, "$", "Not valid UTF-8.");
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ReportConfigException(path, "$", "Not valid JSON (line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ").");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ReportConfigException(path, "$", "The configuration must be a JSON object.");
            var contributions = new List<UpstreamContribution>();
            var proofs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var prop in root.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "$schema":
                    case "$comment":
                        break;
                    case "upstreamContributions":
                        if (prop.Value.ValueKind != JsonValueKind.Array) throw new ReportConfigException(path, "$.upstreamContributions", "Must be an array.");
                        int i = 0;
                        foreach (var item in prop.Value.EnumerateArray())
                        {
                            contributions.Add(ReadContribution(path, item, "$.upstreamContributions[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                            i++;
                        }
                        break;
                    case "usedByProofs":
                        if (prop.Value.ValueKind != JsonValueKind.Array) throw new ReportConfigException(path, "$.usedByProofs", "Must be an array.");
                        int j = 0;
                        foreach (var item in prop.Value.EnumerateArray())
                        {
                            var at = "$.usedByProofs[" + j.ToString(CultureInfo.InvariantCulture) + "]";
                            if (item.ValueKind != JsonValueKind.Object) throw new ReportConfigException(path, at, "Each proof must be an object with name and proof.");
                            string? name = null, proof = null;
                            foreach (var p in item.EnumerateObject())
                            {
                                if (p.Value.ValueKind != JsonValueKind.String) throw new ReportConfigException(path, at + "." + p.Name, "Must be a string.");
                                switch (p.Name)
                                {
                                    case "name": name = p.Value.GetString()!.Trim(); break;
                                    case "proof": proof = p.Value.GetString()!.Trim(); break;
                                    default: throw new ReportConfigException(path, at + "." + p.Name, "Unknown key; a proof has name and proof.");
                                }
                            }
                            if (string.IsNullOrEmpty(name)) throw new ReportConfigException(path, at + ".name", "The name, as publiccode.yml usedBy writes it, is required.");
                            if (string.IsNullOrEmpty(proof) || !Uri.TryCreate(proof, UriKind.Absolute, out var pu) || (pu.Scheme != Uri.UriSchemeHttps && pu.Scheme != Uri.UriSchemeHttp))
                                throw new ReportConfigException(path, at + ".proof", "A public http(s) link to the proof (deliberation, pooling agreement, catalogue entry) is required.");
                            proofs[name] = proof;
                            j++;
                        }
                        break;
                    default:
                        throw new ReportConfigException(path, "$." + prop.Name, "Unknown key; the file accepts $schema, upstreamContributions and usedByProofs.");
                }
            }
            return new ReportConfig { UpstreamContributions = contributions, UsedByProofs = proofs, SourcePath = Path.GetFullPath(path) };
        }
    }

    private static UpstreamContribution ReadContribution(string path, JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new ReportConfigException(path, at, "Each contribution must be an object.");
        string? project = null, url = null, description = null, date = null;
        foreach (var p in item.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) throw new ReportConfigException(path, at + "." + p.Name, "Must be a string.");
            var value = p.Value.GetString()!.Trim();
            switch (p.Name)
            {
                case "project": project = value; break;
                case "url": url = value; break;
                case "description": description = value.Length == 0 ? null : value; break;
                case "date": date = value; break;
                default: throw new ReportConfigException(path, at + "." + p.Name, "Unknown key; a contribution has project, url, description and date.");
            }
        }
        if (string.IsNullOrEmpty(project)) throw new ReportConfigException(path, at + ".project", "The upstream project's name is required.");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ReportConfigException(path, at + ".url", "A public http(s) link to the contribution is required, so that a reviewer can check it.");
        if (date != null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new ReportConfigException(path, at + ".date", "Use the form YYYY-MM-DD.");
        return new UpstreamContribution(project, url, description, date);
    }
}
