// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PublicCodePolicy.Sbom;

/// <summary>
/// Package URLs (purl-spec) for NuGet packages: <c>pkg:nuget/&lt;Id&gt;@&lt;Version&gt;</c>. The type is lower-case,
/// there is no namespace, and the name keeps its case (purl-spec <c>types/nuget-definition.json</c>).
/// </summary>
public static class PackageUrl
{
    /// <summary>The purl of a NuGet package; the version may be null.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static string ForNuGet(string id, string? version)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A NuGet purl needs a package id.", nameof(id));
        var sb = new StringBuilder("pkg:nuget/");
        Encode(sb, id);
        if (!string.IsNullOrEmpty(version))
        {
            sb.Append('@');
            Encode(sb, version);
        }
        return sb.ToString();
    }

    /// <summary>The parts of a parsed purl.</summary>
    /// <param name="Type">Type, lower-case.</param>
    /// <param name="Namespace">Namespace (decoded), or null.</param>
    /// <param name="Name">Name (decoded).</param>
    /// <param name="Version">Version (decoded), or null.</param>
    /// <param name="Qualifiers">Qualifiers (keys lower-case, values decoded), sorted by key; empty when none.</param>
    /// <param name="Subpath">Subpath (decoded), or null.</param>
    public sealed record Parts(string Type, string? Namespace, string Name, string? Version, IReadOnlyList<KeyValuePair<string, string>> Qualifiers, string? Subpath);

    /// <summary>Parses a purl (purl-spec "How to parse"); false when it is malformed.</summary>
    public static bool TryParse(string? purl, [NotNullWhen(true)] out Parts? parts)
    {
        parts = null;
        if (string.IsNullOrEmpty(purl)) return false;
        int colon = purl.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !purl.AsSpan(0, colon).Equals("pkg", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = purl.Substring(colon + 1).TrimStart('/');
        string? subpath = null;
        int hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            subpath = string.Join('/', rest.Substring(hash + 1).Split('/').Where(s => s.Length > 0 && s != "." && s != "..").Select(Decode));
            rest = rest.Substring(0, hash);
            if (subpath.Length == 0) subpath = null;
        }
        var qualifiers = new List<KeyValuePair<string, string>>();
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rest.Substring(question + 1).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) return false;
                var value = Decode(pair.Substring(eq + 1));
                if (value.Length > 0) qualifiers.Add(new(pair.Substring(0, eq).ToLowerInvariant(), value));
            }
            rest = rest.Substring(0, question);
        }
        rest = rest.TrimEnd('/');
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return false;
        var type = rest.Substring(0, slash).ToLowerInvariant();
        if (!type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '+' or '-') || char.IsDigit(type[0])) return false;
        var remainder = rest.Substring(slash + 1);
        string? version = null;
        int at = remainder.LastIndexOf('@');
        if (at >= 0)
        {
            version = Decode(remainder.Substring(at + 1));
            remainder = remainder.Substring(0, at);
        }
        var segments = remainder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return false;
        var name = Decode(segments[^1]);
        var ns = segments.Length > 1 ? string.Join('/', segments.Take(segments.Length - 1).Select(Decode)) : null;
        if (name.Length == 0) return false;
        // NuGet ids have no namespace (purl-spec nuget definition: "prohibited").
        if (type == "nuget" && ns != null) return false;
        parts = new Parts(type, ns, name, string.IsNullOrEmpty(version) ? null : version, qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal).ToArray(), subpath);
        return true;
    }

    /// <summary>Rebuilds the canonical form of parsed parts.</summary>
    public static string Build(Parts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sb = new StringBuilder("pkg:").Append(parts.Type).Append('/');
        if (!string.IsNullOrEmpty(parts.Namespace))
        {
            foreach (var segment in parts.Namespace.Split('/')) { Encode(sb, segment); sb.Append('/'); }
        }
        Encode(sb, parts.Name);
        if (!string.IsNullOrEmpty(parts.Version)) { sb.Append('@'); Encode(sb, parts.Version); }
        if (parts.Qualifiers.Count > 0)
        {
            sb.Append('?');
            bool first = true;
            foreach (var (key, value) in parts.Qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                if (!first) sb.Append('&');
                first = false;
                sb.Append(key).Append('=');
                Encode(sb, value, keepSlash: true);
            }
        }
        if (!string.IsNullOrEmpty(parts.Subpath))
        {
            sb.Append('#');
            bool first = true;
            foreach (var segment in parts.Subpath.Split('/')) { if (!first) sb.Append('/'); first = false; Encode(sb, segment); }
        }
        return sb.ToString();
    }

    // purl-spec: everything but unreserved characters (and ':' which needs no encoding) is percent-encoded, upper-case hex.
    private static void Encode(StringBuilder sb, string value, bool keepSlash = false)
    {
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '~' or ':' || (keepSlash && c == '/')) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value);
}
