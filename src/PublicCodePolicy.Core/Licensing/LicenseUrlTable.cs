// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Licensing;

/// <summary>One row of the curated licence URL table.</summary>
/// <param name="Url">The address as the row spells it.</param>
/// <param name="License">The SPDX expression the address proves.</param>
/// <param name="Note">A remark shown with the resolution.</param>
public sealed record LicenseUrlEntry(string Url, string License, string? Note)
{
    /// <summary>Why the address proves the licence (<c>spdx-crossref</c>: a cross-reference of the SPDX licence list).</summary>
    public string? Evidence { get; init; }
}

/// <summary>
/// Maps licence URLs to SPDX expressions. Only URLs whose address itself proves the licence are mapped; anything
/// else is <c>NOASSERTION</c> with the URL as evidence. Nothing is ever fetched.
/// </summary>
public sealed class LicenseUrlTable
{
    private static readonly Lazy<LicenseUrlTable> s_default = new(() => Load(LicenseList.Default));

    private static readonly Regex s_pattern = new(
        @"^(?:opensource\.org/licen[sc]es?/(?<id>[A-Za-z0-9.\-]+?)(?:\.php|\.html)?|spdx\.org/licenses/(?<id>[A-Za-z0-9.\-+]+?)(?:\.html|\.json|\.txt)?|licenses\.nuget\.org/(?<expr>.+))$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, LicenseUrlEntry> _rows;
    private readonly LicenseList _list;

    private LicenseUrlTable(LicenseList list, IEnumerable<LicenseUrlEntry> rows)
    {
        _list = list;
        _rows = new Dictionary<string, LicenseUrlEntry>(StringComparer.Ordinal);
        foreach (var row in rows) _rows[Normalize(row.Url)] = row;
        Entries = _rows.Values.OrderBy(r => Normalize(r.Url), StringComparer.Ordinal).ToArray();
    }

    /// <summary>The table shipped with the product.</summary>
    public static LicenseUrlTable Default => s_default.Value;

    /// <summary>All explicit rows, sorted.</summary>
    public IReadOnlyList<LicenseUrlEntry> Entries { get; }

    /// <summary>Looks a URL up. Returns null when the URL does not prove a licence.</summary>
    public LicenseUrlEntry? Find(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var key = Normalize(url);
        if (_rows.TryGetValue(key, out var row)) return row;
        var m = s_pattern.Match(key);
        if (!m.Success) return null;
        if (m.Groups["expr"].Success)
        {
            var expr = Uri.UnescapeDataString(m.Groups["expr"].Value);
            return _list.TryParse(expr, out var e, out _) && e is not null ? new LicenseUrlEntry(url, e.ToString(), "NuGet licence expression URL") : null;
        }
        var id = m.Groups["id"].Value;
        bool plus = id.EndsWith('+');
        if (plus) id = id.TrimEnd('+');
        return _list.TryGetLicenseId(id, out var canonical) ? new LicenseUrlEntry(url, canonical + (plus ? "+" : string.Empty), "SPDX identifier in the URL") : null;
    }

    /// <summary>
    /// Normalises a URL for lookup: lower case, no scheme, no <c>www.</c>, no fragment, no trailing slash.
    /// </summary>
    public static string Normalize(string url)
    {
        var s = url.Trim().ToLowerInvariant();
        int hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) s = s.Substring(0, hash);
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (s.StartsWith(scheme, StringComparison.Ordinal)) { s = s.Substring(scheme.Length); break; }
        }
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s.Substring(4);
        return s.TrimEnd('/');
    }

    private static LicenseUrlTable Load(LicenseList list)
    {
        using var doc = EmbeddedData.ReadJson("license-urls.json");
        var rows = new List<LicenseUrlEntry>();
        foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            rows.Add(new LicenseUrlEntry(item.GetProperty("url").GetString()!, item.GetProperty("license").GetString()!, item.TryGetProperty("note", out var n) ? n.GetString() : null)
            {
                Evidence = item.TryGetProperty("evidence", out var ev) ? ev.GetString() : null,
            });
        }
        return new LicenseUrlTable(list, rows);
    }
}
