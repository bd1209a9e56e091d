// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Json;
using NuGet.Versioning;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Policy;

/// <summary>A recorded, justified decision to accept a package that the policy would not allow.</summary>
public sealed class PolicyException
{
    /// <summary>Package id; a trailing <c>*</c> matches a prefix (e.g. <c>Contoso.*</c>).</summary>
    public required string Package { get; init; }

    /// <summary>NuGet version range (e.g. <c>[4.3.0,4.4)</c>); null for every version.</summary>
    public VersionRange? Versions { get; init; }

    /// <summary>The concluded licence being excepted; when set and the package's licence changes, the exception stops applying.</summary>
    public string? License { get; init; }

    /// <summary>Why the package is accepted. Mandatory.</summary>
    public required string Justification { get; init; }

    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Last day the exception is valid; null for no expiry.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>Whether the exception names this package id and version.</summary>
    public bool Matches(string id, string version)
    {
        bool idMatches = Package.EndsWith('*')
            ? id.StartsWith(Package.AsSpan(0, Package.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(id, Package, StringComparison.OrdinalIgnoreCase);
        if (!idMatches) return false;
        if (Versions == null) return true;
        return NuGetVersion.TryParse(version, out var v) && Versions.Satisfies(v);
    }
}

/// <summary>A policy: preset, allow/deny lists, enforced scopes and exceptions. Load one with <see cref="PolicyDocument.Load(string)"/>.</summary>
public sealed record PolicyDocument
{
    /// <summary>Default file name looked for up the folder tree.</summary>
    public const string FileName = "publiccode-policy.json";

    /// <summary>The preset.</summary>
    public PolicyPreset Preset { get; init; } = PolicyPreset.Osi;

    /// <summary>Licence ids or <c>LicenseRef-</c> names allowed on top of the preset.</summary>
    public IReadOnlySet<string> Allow { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Licence ids denied even when the preset allows them.</summary>
    public IReadOnlySet<string> Deny { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scopes whose findings fail the check (runtime by default).</summary>
    public IReadOnlySet<DependencyScope> EnforcedScopes { get; init; } = new HashSet<DependencyScope> { DependencyScope.Runtime };

    /// <summary>Whether an unknown licence in an enforced scope fails the check (true by default).</summary>
    public bool FailOnUnknown { get; init; } = true;

    /// <summary>Exceptions.</summary>
    public IReadOnlyList<PolicyException> Exceptions { get; init; } = Array.Empty<PolicyException>();

    /// <summary>Package-level licence corrections from the policy file (added to the shipped curations).</summary>
    public IReadOnlyList<Licensing.LicenseCuration> Curations { get; init; } = Array.Empty<Licensing.LicenseCuration>();

    /// <summary>
    /// The <c>publicCode</c> section: solution-wide publiccode.yml facts as MSBuild-style properties
    /// (<c>maintenanceType</c> → <c>PublicCodeMaintenanceType</c>); a project's own properties override them.
    /// </summary>
    public IReadOnlyDictionary<string, string?> PublicCodeProperties { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The file the policy was read from, or null for the built-in default.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The default policy: OSI preset, runtime scope enforced.</summary>
    public static PolicyDocument Default { get; } = new();

    /// <summary>Finds <see cref="FileName"/> in <paramref name="startDirectory"/> or a parent folder.</summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Loads a policy file.</summary>
    /// <exception cref="PolicyFormatException">The file is not a valid policy (message and JSON path say where).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicyDocument Load(string path)
    {
        byte[] bytes;
        try
        {
            // A regular file only, capped while read: a FIFO or a link to /dev/zero named as the policy must not hang or exhaust memory.
            bytes = IO.InputFile.ReadAllBytes(path, MaxBytes);
        }
        catch (IO.InputFileException ex)
        {
            throw new PolicyFormatException(path, "$", "The policy file " + ex.Reason + ".");
        }
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream, Path.GetFullPath(path));
    }

    /// <summary>Largest policy file read (docs/limits.md).</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>Loads a policy from a stream; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="PolicyFormatException">The content is not a valid policy.</exception>
    public static PolicyDocument Load(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        try
        {
            // System.Text.Json checks UTF-8 only when a string is read: check the whole file, so that bad bytes get a coded error.
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new PolicyFormatException(path, "$", "Not valid UTF-8.");
        }
        try
        {
            // A UTF-8 byte-order mark is allowed (editors on Windows add it), as when the policy is read from a stream.
            return Parse(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? bytes[3..] : bytes, path);
        }
        catch (InvalidOperationException ex)
        {
            // A string escape that is not valid UTF-16 ("\ud800"): the reader refuses to decode it.
            throw new PolicyFormatException(path, "$", "A string is not valid Unicode (a lone surrogate escape?): " + ex.Message);
        }
    }

    private static PolicyDocument Parse(byte[] bytes, string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new PolicyFormatException(path, "$", "Not valid JSON (line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + "): " + ex.Message);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PolicyFormatException(path, "$", "The policy must be a JSON object.");
            var preset = PolicyPreset.Osi;
            var allow = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var deny = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var scopes = new HashSet<DependencyScope> { DependencyScope.Runtime };
            bool failOnUnknown = true;
            var exceptions = new List<PolicyException>();
            var curations = new List<Licensing.LicenseCuration>();
            IReadOnlyDictionary<string, string?> publicCode = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var prop in root.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "$schema":
                    case "$comment":
                        break;
                    case "preset":
                        if (!PolicyPresets.TryParse(prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : null, out preset))
                            throw new PolicyFormatException(path, "$.preset", "Unknown preset; use one of: " + string.Join(", ", PolicyPresets.Names) + ".");
                        break;
                    case "allow":
                        allow.UnionWith(Strings(path, prop.Value, "$.allow"));
                        break;
                    case "deny":
                        deny.UnionWith(Strings(path, prop.Value, "$.deny"));
                        break;
                    case "enforceScopes":
                        scopes.Clear();
                        foreach (var s in Strings(path, prop.Value, "$.enforceScopes"))
                        {
                            if (!DependencyScopes.TryParse(s, out var scope)) throw new PolicyFormatException(path, "$.enforceScopes", "Unknown scope '" + s + "'; use runtime, development or test.");
                            scopes.Add(scope);
                        }
                        break;
                    case "unknownLicenses":
                        var mode = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : null;
                        if (mode == "fail") failOnUnknown = true;
                        else if (mode == "warn") failOnUnknown = false;
                        else throw new PolicyFormatException(path, "$.unknownLicenses", "Use \"fail\" or \"warn\".");
                        break;
                    case "exceptions":
                        if (prop.Value.ValueKind != JsonValueKind.Array) throw new PolicyFormatException(path, "$.exceptions", "Must be an array.");
                        int i = 0;
                        foreach (var e in prop.Value.EnumerateArray()) exceptions.Add(ReadException(path, e, "$.exceptions[" + (i++).ToString(CultureInfo.InvariantCulture) + "]"));
                        break;
                    case "curations":
                        if (prop.Value.ValueKind != JsonValueKind.Array) throw new PolicyFormatException(path, "$.curations", "Must be an array.");
                        int j = 0;
                        foreach (var c in prop.Value.EnumerateArray()) curations.Add(Licensing.LicenseCuration.Read(c, path, "$.curations[" + (j++).ToString(CultureInfo.InvariantCulture) + "]"));
                        break;
                    case "publicCode":
                        if (prop.Value.ValueKind != JsonValueKind.Object) throw new PolicyFormatException(path, "$.publicCode", "Must be an object (see docs/publiccode.md).");
                        publicCode = PublicCode.PublicCodeFactsBuilder.PropertiesFromPolicySection(prop.Value);
                        break;
                    default:
                        throw new PolicyFormatException(path, "$." + prop.Name, "Unknown property '" + prop.Name + "'.");
                }
            }
            return new PolicyDocument
            {
                Preset = preset,
                Allow = allow,
                Deny = deny,
                EnforcedScopes = scopes,
                FailOnUnknown = failOnUnknown,
                Exceptions = exceptions,
                Curations = curations,
                PublicCodeProperties = publicCode,
                SourcePath = path,
            };
        }
    }

    private static PolicyException ReadException(string path, JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new PolicyFormatException(path, at, "An exception must be an object.");
        string? package = null, justification = null, license = null, approvedBy = null;
        VersionRange? versions = null;
        DateOnly? expires = null;
        foreach (var p in e.EnumerateObject())
        {
            string? s = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : throw new PolicyFormatException(path, at + "." + p.Name, "Must be a string.");
            switch (p.Name)
            {
                case "package": package = s; break;
                case "justification": justification = s; break;
                case "license":
                    // A licence that is not an SPDX expression would never match: the exception would silently do nothing.
                    if (!Licensing.LicenseList.Default.TryParse(s!, out var parsed, out _) || parsed == null)
                        throw new PolicyFormatException(path, at + ".license", "'" + s + "' is not an SPDX licence expression.");
                    license = s;
                    break;
                case "approvedBy": approvedBy = s; break;
                case "versions":
                    if (!VersionRange.TryParse(s!, out versions)) throw new PolicyFormatException(path, at + ".versions", "'" + s + "' is not a NuGet version range (e.g. [1.0.0,2.0.0) or 4.3.0).");
                    break;
                case "expires":
                    if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) throw new PolicyFormatException(path, at + ".expires", "Use a date of the form YYYY-MM-DD.");
                    expires = d;
                    break;
                default:
                    throw new PolicyFormatException(path, at + "." + p.Name, "Unknown property '" + p.Name + "'.");
            }
        }
        if (string.IsNullOrWhiteSpace(package)) throw new PolicyFormatException(path, at + ".package", "The package id is required.");
        if (string.IsNullOrWhiteSpace(justification)) throw new PolicyFormatException(path, at + ".justification", "A justification is required: say why this package is accepted.");
        return new PolicyException { Package = package!, Versions = versions, License = license, Justification = justification!, ApprovedBy = approvedBy, Expires = expires };
    }

    private static IEnumerable<string> Strings(string path, JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new PolicyFormatException(path, at, "Must be an array of strings.");
        var list = new List<string>();
        foreach (var x in e.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(x.GetString())) throw new PolicyFormatException(path, at, "Must be an array of non-empty strings.");
            list.Add(x.GetString()!.Trim());
        }
        return list;
    }
}

/// <summary>A policy file is invalid.</summary>
public sealed class PolicyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyFormatException(string path, string jsonPath, string message)
        : base(path + ": " + jsonPath + ": " + message)
    {
        FilePath = path;
        JsonPath = jsonPath;
        Reason = message;
    }

    /// <summary>The policy file.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file (JSONPath).</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
