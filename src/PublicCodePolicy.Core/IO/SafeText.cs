// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;

namespace PublicCodePolicy.IO;

/// <summary>
/// Makes text that comes from inputs (package ids and versions from an assets file, nuspec fields, result files given
/// to merge) safe to show: a package id can hold an escape sequence that retitles the terminal, a newline that forges
/// a "Result: PASSED" line, or Markdown and HTML that turn a report into a phishing page.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// One line for a terminal or a log: C0 and C1 control characters (ESC, CR, LF, BEL, DEL…), Unicode bidirectional
    /// overrides and lone surrogates are written as visible <c>\xNN</c>/<c>\uNNNN</c> escapes.
    /// </summary>
    public static string ForTerminal(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        int i = 0;
        while (i < text.Length && !NeedsEscape(text, i)) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (NeedsEscape(text, i))
            {
                sb.Append(c < 0x100 ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text for a Markdown table cell or paragraph: control characters escaped as in <see cref="ForTerminal"/>, every
    /// Markdown punctuation character backslash-escaped (no link, image, emphasis or table cell can be opened), and
    /// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> written as entities (no raw HTML).
    /// </summary>
    public static string ForMarkdown(string? text)
    {
        var clean = ForTerminal(text);
        var sb = new StringBuilder(clean.Length + 8);
        char previous = '\0';
        foreach (char c in clean)
        {
            // '(' right after ']' would make "[text](url)" a link even with the brackets escaped by a lenient renderer.
            if (c == '(' && previous == ']')
            {
                sb.Append("\\(");
                previous = c;
                continue;
            }
            previous = c;
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                // What can open emphasis, code, a link or image ('[' and ']': without them '(' starts nothing) or a table
                // cell; the rest stays readable in the raw text people paste into an application.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Text for HTML element content or a quoted attribute value.</summary>
    public static string ForHtml(string? text)
    {
        var clean = ForTerminal(text);
        return clean.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }

    /// <summary>True for an http or https URL: the only links a report may carry (never <c>javascript:</c>, <c>data:</c> or <c>file:</c>).</summary>
    public static bool IsWebUrl(string? url)
        => url != null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && ForTerminal(url) == url;

    private static bool NeedsEscape(string text, int i)
    {
        char c = text[i];
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C') return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
