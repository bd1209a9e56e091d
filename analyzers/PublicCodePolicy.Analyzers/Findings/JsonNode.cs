// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;

namespace PublicCodePolicy.Analyzers.Findings;

/// <summary>A JSON value with its position in the source text (for diagnostics that point into the file).</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(int start, int end, List<KeyValuePair<string, JsonNode>> members) : base(start, end) => Members = members;

    /// <summary>Members in source order; with duplicate names, the first one wins in <see cref="Get"/>.</summary>
    public List<KeyValuePair<string, JsonNode>> Members { get; }

    public JsonNode? Get(string name)
    {
        foreach (var m in Members)
        {
            if (string.Equals(m.Key, name, StringComparison.Ordinal)) return m.Value;
        }
        return null;
    }

    public string? GetString(string name) => (Get(name) as JsonString)?.Value;
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(int start, int end, List<JsonNode> items) : base(start, end) => Items = items;

    public List<JsonNode> Items { get; }
}

internal sealed class JsonString : JsonNode
{
    public JsonString(int start, int end, string value) : base(start, end) => Value = value;

    public string Value { get; }
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(int start, int end, string text) : base(start, end) => Text = text;

    /// <summary>The number as written.</summary>
    public string Text { get; }

    public bool TryGetInt32(out int value) => int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}

internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(int start, int end, string text) : base(start, end) => Text = text;

    /// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public string Text { get; }
}

/// <summary>
/// A small RFC 8259 reader. The analyzers cannot rely on System.Text.Json (netstandard2.0 analyzers would have to
/// ship it, and the IDE host may load another version). It never throws on bad input: it returns false with the
/// position of the first problem.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;
    private string? _error;
    private int _errorPosition;

    private JsonReader(string text) => _text = text;

    public static bool TryParse(string text, out JsonNode? root, out string error, out int errorPosition)
    {
        var reader = new JsonReader(text ?? string.Empty);
        root = null;
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        if (value != null)
        {
            reader.SkipWhitespace();
            if (reader._pos < reader._text.Length)
            {
                reader.Fail("unexpected text after the JSON value");
                value = null;
            }
        }
        if (value == null)
        {
            error = reader._error ?? "invalid JSON";
            errorPosition = reader._errorPosition;
            return false;
        }
        root = value;
        error = string.Empty;
        errorPosition = 0;
        return true;
    }

    private JsonNode? Fail(string message)
    {
        if (_error == null)
        {
            _error = message;
            _errorPosition = Math.Min(_pos, _text.Length);
        }
        return null;
    }

    private void SkipWhitespace()
    {
        // A UTF-8 byte order mark decoded into the text is tolerated at the start.
        if (_pos == 0 && _text.Length > 0 && _text[0] == '\uFEFF') _pos++;
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\r' || _text[_pos] == '\n')) _pos++;
    }

    private JsonNode? ReadValue(int depth)
    {
        if (_pos >= _text.Length) return Fail("unexpected end of the text");
        if (depth > MaxDepth) return Fail("values are nested too deeply");
        char c = _text[_pos];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
                {
                    int start = _pos;
                    var s = ReadString();
                    return s == null ? null : new JsonString(start, _pos, s);
                }
            case 't': return ReadLiteral("true");
            case 'f': return ReadLiteral("false");
            case 'n': return ReadLiteral("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                return Fail("unexpected character '" + c + "'");
        }
    }

    private JsonNode? ReadObject(int depth)
    {
        int start = _pos;
        _pos++;
        var members = new List<KeyValuePair<string, JsonNode>>();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            return new JsonObject(start, _pos, members);
        }
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != '"') return Fail("a property name in double quotes was expected");
            var name = ReadString();
            if (name == null) return null;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':') return Fail("':' was expected");
            _pos++;
            SkipWhitespace();
            var value = ReadValue(depth + 1);
            if (value == null) return null;
            members.Add(new KeyValuePair<string, JsonNode>(name, value));
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("unexpected end of the text: '}' was expected");
            if (_text[_pos] == ',') { _pos++; continue; }
            if (_text[_pos] == '}') { _pos++; return new JsonObject(start, _pos, members); }
            return Fail("',' or '}' was expected");
        }
    }

    private JsonNode? ReadArray(int depth)
    {
        int start = _pos;
        _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == ']')
        {
            _pos++;
            return new JsonArray(start, _pos, items);
        }
        while (true)
        {
            SkipWhitespace();
            var value = ReadValue(depth + 1);
            if (value == null) return null;
            items.Add(value);
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("unexpected end of the text: ']' was expected");
            if (_text[_pos] == ',') { _pos++; continue; }
            if (_text[_pos] == ']') { _pos++; return new JsonArray(start, _pos, items); }
            return Fail("',' or ']' was expected");
        }
    }

    private string? ReadString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }
            if (c < ' ')
            {
                Fail("control character in a string");
                return null;
            }
            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }
            if (_pos + 1 >= _text.Length) break;
            char e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        _pos -= 2;
                        Fail("invalid \\u escape");
                        return null;
                    }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos -= 2;
                    Fail("invalid escape '\\" + e + "'");
                    return null;
            }
        }
        Fail("unterminated string");
        return null;
    }

    private JsonNode? ReadLiteral(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return Fail("unexpected character '" + _text[_pos] + "'");
        int start = _pos;
        _pos += word.Length;
        return new JsonLiteral(start, _pos, word);
    }

    private JsonNode? ReadNumber()
    {
        int start = _pos;
        if (_text[_pos] == '-') _pos++;
        bool leadingZero = _pos < _text.Length && _text[_pos] == '0';
        if (!ReadDigits()) return Fail("a digit was expected");
        if (leadingZero && _pos - start > (_text[start] == '-' ? 2 : 1))
        {
            _pos = start + (_text[start] == '-' ? 2 : 1);
            return Fail("a number cannot start with 0");
        }
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (!ReadDigits()) return Fail("a digit was expected after '.'");
        }
        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
            if (!ReadDigits()) return Fail("a digit was expected in the exponent");
        }
        return new JsonNumber(start, _pos, _text.Substring(start, _pos - start));
    }

    private bool ReadDigits()
    {
        int start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9') _pos++;
        return _pos > start;
    }
}
