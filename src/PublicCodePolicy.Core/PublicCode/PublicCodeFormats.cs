// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.RegularExpressions;

namespace PublicCodePolicy.PublicCode;

/// <summary>The controlled vocabularies of the standard, loaded from the embedded <c>publiccode-lists.json</c>.</summary>
public sealed class PublicCodeLists
{
    private static readonly Lazy<PublicCodeLists> s_default = new(Load);

    private PublicCodeLists(IReadOnlyList<string> categories, IReadOnlyList<string> scopes, IReadOnlyDictionary<string, string> aliases, IReadOnlyList<string> countries, IReadOnlyList<string> languages)
    {
        Categories = categories;
        Scopes = scopes;
        Aliases = aliases;
        Countries = countries;
        Languages = languages;
        CategorySet = new HashSet<string>(categories, StringComparer.Ordinal);
        ScopeSet = new HashSet<string>(scopes, StringComparer.Ordinal);
        CountrySet = new HashSet<string>(countries, StringComparer.Ordinal);
        LanguageSet = new HashSet<string>(languages, StringComparer.Ordinal);
    }

    /// <summary>The lists of publiccode.yml standard 0.7.</summary>
    public static PublicCodeLists Default => s_default.Value;

    /// <summary>Software categories (<c>categories-list.rst</c>).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Intended-audience scopes (<c>scope-list.rst</c>).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Aliases usable in <c>supports[].id</c> as <c>alias:NAME</c>, with the resource each stands for.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>ISO 3166-1 alpha-2 country codes (upper case).</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>ISO 639-1 two-letter language codes (lower case).</summary>
    public IReadOnlyList<string> Languages { get; }

    internal HashSet<string> CategorySet { get; }

    internal HashSet<string> ScopeSet { get; }

    internal HashSet<string> CountrySet { get; }

    internal HashSet<string> LanguageSet { get; }

    private static PublicCodeLists Load()
    {
        using var doc = EmbeddedData.ReadJson("publiccode-lists.json");
        var root = doc.RootElement;
        static string[] Strings(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();
        var aliases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in root.GetProperty("aliases").EnumerateArray())
        {
            aliases[a.GetProperty("alias").GetString()!] = a.GetProperty("resource").GetString()!;
        }
        return new PublicCodeLists(Strings(root.GetProperty("categories")), Strings(root.GetProperty("scopes")), aliases, Strings(root.GetProperty("countries")), Strings(root.GetProperty("languages")));
    }
}

/// <summary>Format checks with the same outcomes as the official parser's validators (no network).</summary>
internal static class PublicCodeFormats
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex s_scheme = new("^([A-Za-z][A-Za-z0-9+.-]*):", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_mime = new(@"^ *[A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126} *$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_email = new(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_urn = new(@"^[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#]+$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_ipa = new("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_langTag = new(
        "^(?:(?<lang>[a-z]{2,3})(?:-(?<extlang>[a-z]{3})){0,3}|(?<lang>[a-z]{5,8}))"
        + "(?:-(?<script>[a-z]{4}))?"
        + "(?:-(?<region>[a-z]{2}|[0-9]{3}))?"
        + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
        + "(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
        + "(?:-x(?:-[a-z0-9]{1,8})+)?$"
        + "|^x(?:-[a-z0-9]{1,8})+$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, s_timeout);

    private static readonly HashSet<string> s_grandfathered = new(StringComparer.Ordinal)
    {
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu",
        "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    };

    /// <summary>The parts of a URL that Go's <c>net/url.Parse</c> gives; null when Go would fail to parse it.</summary>
    internal sealed record GoUrl(string Scheme, string Opaque, string Host, string Fragment);

    /// <summary>Splits a URL the way Go's <c>url.Parse</c> does (enough for the validators' decisions).</summary>
    public static GoUrl? ParseGoUrl(string s)
    {
        foreach (char c in s)
        {
            if (c < 0x20 || c == 0x7f) return null;
        }
        string fragment = string.Empty;
        int hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = s[(hash + 1)..];
            s = s[..hash];
        }
        if (!ValidEscapes(s) || !ValidEscapes(fragment)) return null;
        string scheme = string.Empty;
        string rest = s;
        var m = s_scheme.Match(s);
        if (m.Success)
        {
            scheme = m.Groups[1].Value.ToLowerInvariant();
            rest = s[m.Length..];
        }
        else if (s.Length > 0 && s.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0 && (s.IndexOf('/', StringComparison.Ordinal) is int slash && (slash < 0 || colon < slash)))
        {
            // "missing protocol scheme" / "first path segment in URL cannot contain colon"
            return null;
        }
        int q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) rest = rest[..q];
        if (scheme.Length > 0 && !rest.StartsWith('/'))
        {
            return new GoUrl(scheme, rest, string.Empty, fragment);
        }
        string host = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            string authority = rest[2..];
            int end = authority.IndexOf('/', StringComparison.Ordinal);
            if (end >= 0) authority = authority[..end];
            int at = authority.LastIndexOf('@');
            host = at >= 0 ? authority[(at + 1)..] : authority;
            foreach (char c in host)
            {
                if (c is ' ' or '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`') return null;
            }
        }
        return new GoUrl(scheme, string.Empty, host, fragment);
    }

    private static bool ValidEscapes(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '%') continue;
            if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2])) return false;
            i += 2;
        }
        return true;
    }

    /// <summary>go-playground's <c>url</c> rule.</summary>
    public static bool IsUrl(string value)
    {
        string s = value.ToLowerInvariant();
        if (s.Length == 0) return false;
        if (s.StartsWith("file:/", StringComparison.Ordinal)) return true;
        var u = ParseGoUrl(s);
        if (u is null || u.Scheme.Length == 0) return false;
        return u.Host.Length > 0 || u.Fragment.Length > 0 || u.Opaque.Length > 0;
    }

    /// <summary>go-playground's <c>http_url</c> rule.</summary>
    public static bool IsHttpUrl(string value)
    {
        if (!IsUrl(value)) return false;
        var u = ParseGoUrl(value.ToLowerInvariant());
        return u is not null && u.Host.Length > 0 && u.Scheme is "http" or "https";
    }

    /// <summary>Go's layout <c>2006-01-02</c>.</summary>
    public static bool IsDate(string value)
        => value.Length == 10 && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsEmail(string value) => value.Length <= 254 && s_email.IsMatch(value);

    public static bool IsMimeType(string value) => s_mime.IsMatch(value);

    /// <summary>Italian iPA code shape. The registry itself is not shipped, so only the form is checked.</summary>
    public static bool IsItalianIpaCode(string value) => s_ipa.IsMatch(value);

    /// <summary>Organisation URI: an absolute URL with a host, or an RFC 2141 URN.</summary>
    public static bool IsOrganisationUri(string value, out bool italian)
    {
        italian = false;
        if (value.Length == 0) return false;
        var m = s_scheme.Match(value);
        if (!m.Success)
        {
            return false;
        }
        if (string.Equals(m.Groups[1].Value, "urn", StringComparison.OrdinalIgnoreCase))
        {
            if (!s_urn.IsMatch(value)) return false;
            string opaque = value[4..];
            if (opaque.StartsWith("x-italian-pa:", StringComparison.OrdinalIgnoreCase))
            {
                italian = true;
                return IsItalianIpaCode(opaque["x-italian-pa:".Length..]);
            }
            return true;
        }
        var u = ParseGoUrl(value);
        return u is not null && u.Scheme.Length > 0 && u.Host.Length > 0;
    }

    /// <summary>ISO 3166-1 alpha-2, all upper or all lower case.</summary>
    public static bool IsCountryCode(string value)
    {
        if (!string.Equals(value, value.ToLowerInvariant(), StringComparison.Ordinal) && !string.Equals(value, value.ToUpperInvariant(), StringComparison.Ordinal)) return false;
        return PublicCodeLists.Default.CountrySet.Contains(value.ToUpperInvariant());
    }

    /// <summary>
    /// BCP 47 language tag (RFC 5646 syntax; POSIX forms such as <c>en_GB</c> are rejected). Two-letter primary
    /// languages and two-letter regions are checked against ISO 639-1 and ISO 3166-1; longer subtags are checked
    /// for syntax only, because the IANA subtag registry is not shipped.
    /// </summary>
    public static bool IsBcp47(string value)
    {
        string tag = value.ToLowerInvariant();
        if (s_grandfathered.Contains(tag)) return true;
        var m = s_langTag.Match(tag);
        if (!m.Success) return false;
        if (tag.StartsWith("x-", StringComparison.Ordinal)) return true;
        string lang = m.Groups["lang"].Value;
        if (lang.Length == 2 && !PublicCodeLists.Default.LanguageSet.Contains(lang)) return false;
        if (lang.Length == 4) return false;
        string region = m.Groups["region"].Value;
        if (region.Length == 2 && !PublicCodeLists.Default.CountrySet.Contains(region.ToUpperInvariant()) && region is not ("eu" or "un" or "xk")) return false;
        return true;
    }

    /// <summary>Number of user-perceived characters (extended grapheme clusters), as the official parser counts.</summary>
    public static int GraphemeLength(string value) => new StringInfo(value).LengthInTextElements;
}
