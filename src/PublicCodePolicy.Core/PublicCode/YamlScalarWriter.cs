// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace PublicCodePolicy.PublicCode;

/// <summary>Writes YAML scalars that read back as exactly the given string under YAML 1.2 and the official parser.</summary>
internal static class YamlScalarWriter
{
    private static readonly Regex s_simple = new("^[A-Za-z0-9][A-Za-z0-9/._+-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A plain scalar when it is an unambiguous word, otherwise a double-quoted one.</summary>
    public static string Auto(string value)
        => IsSafePlain(value) ? value : DoubleQuoted(value);

    /// <summary>True when <paramref name="value"/> written plain reads back as the same string (never a number, boolean, null or date).</summary>
    public static bool IsSafePlain(string value)
    {
        if (!s_simple.IsMatch(value)) return false;
        if (char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.') return false;
        return value is not ("true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "null" or "Null" or "NULL" or "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF" or "y" or "Y" or "n" or "N");
    }

    /// <summary>
    /// A value such as <c>1.3.0</c> or <c>2026-11-29</c>: the official parser reads it plain as the same string, so
    /// a value already written plain by a person can stay plain.
    /// </summary>
    private static bool KeepsPlainText(string value)
        => s_simple.IsMatch(value) && YamlScalar.ResolvePlain(value) == YamlScalarType.String && IsSafePlain("x" + value);

    public static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The value written in the given style, falling back to double quotes when the style cannot hold it.</summary>
    public static string InStyle(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted when value.All(c => c >= 0x20 && c != 0x7f) => SingleQuoted(value),
        ScalarStyle.Plain when IsSafePlain(value) || KeepsPlainText(value) => value,
        _ => DoubleQuoted(value),
    };

    /// <summary>
    /// A multi-line text as a literal block (<c>|</c>) indented by <paramref name="indent"/> spaces, or a
    /// double-quoted scalar when a block could not hold it exactly.
    /// </summary>
    public static string Block(string value, int indent)
    {
        bool blockable = value.Contains('\n', StringComparison.Ordinal)
            && value.Length > 0 && value[0] is not (' ' or '\n' or '\t')
            && value.All(c => c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && c is not ('\u0085' or '\u2028' or '\u2029' or '\uFEFF'))
            && !value.Split('\n').Any(l => l.EndsWith(' ') || l.EndsWith('\t'));
        if (!blockable) return DoubleQuoted(value);
        int trailing = value.Length - value.TrimEnd('\n').Length;
        string chomp = trailing switch { 0 => "-", 1 => string.Empty, _ => "+" };
        string pad = new(' ', indent);
        var sb = new StringBuilder();
        sb.Append('|').Append(chomp);
        string body = trailing == 0 ? value : value[..^trailing];
        foreach (string line in body.Split('\n'))
        {
            sb.Append('\n');
            if (line.Length > 0) sb.Append(pad).Append(line);
        }
        for (int i = 1; i < trailing; i++) sb.Append('\n');
        return sb.ToString();
    }
}
