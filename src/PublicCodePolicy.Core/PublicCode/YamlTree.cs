// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PublicCodePolicy.PublicCode;

/// <summary>Kind of a node of the YAML tree.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}

/// <summary>What a plain scalar resolves to under the YAML 1.2 core schema.</summary>
internal enum YamlScalarType
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>
/// A node of the YAML tree with its source positions. Aliases stay alias nodes pointing at their anchor,
/// so that walking the tree never expands them (an alias bomb costs nothing until something decodes it,
/// and the decoder has a budget).
/// </summary>
internal abstract class YamlNodeBase
{
    protected YamlNodeBase(YamlNodeKind kind, Mark start, Mark end)
    {
        Kind = kind;
        Line = checked((int)start.Line);
        Column = checked((int)start.Column);
        StartIndex = checked((int)start.Index);
        EndIndex = checked((int)end.Index);
    }

    public YamlNodeKind Kind { get; }

    /// <summary>1-based line of the node's first token.</summary>
    public int Line { get; protected set; }

    /// <summary>1-based column of the node's first token.</summary>
    public int Column { get; protected set; }

    /// <summary>Character offset of the node's first character in the source text.</summary>
    public int StartIndex { get; }

    /// <summary>Character offset just after the node's last character.</summary>
    public int EndIndex { get; set; }
}

internal sealed class YamlScalar : YamlNodeBase
{
    private static readonly Regex s_int = new("^[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex s_float = new(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public YamlScalar(Scalar e)
        : base(YamlNodeKind.Scalar, e.Start, e.End)
    {
        Value = e.Value;
        Style = e.Style;
        Type = Resolve(e);
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public YamlScalarType Type { get; }

    private static YamlScalarType Resolve(Scalar e)
    {
        string tag = e.Tag.IsEmpty ? string.Empty : e.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" or "!!str") return YamlScalarType.String;
        if (e.Style != ScalarStyle.Plain || tag.Length > 0 && tag != "?") return YamlScalarType.String;
        return ResolvePlain(e.Value);
    }

    /// <summary>What a plain scalar with this text resolves to.</summary>
    internal static YamlScalarType ResolvePlain(string v)
    {
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YamlScalarType.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return YamlScalarType.Bool;
        }
        if (s_int.IsMatch(v)) return IsGoInteger(v) ? YamlScalarType.Int : YamlScalarType.String;
        if (s_float.IsMatch(v)) return YamlScalarType.Float;
        return YamlScalarType.String;
    }

    /// <summary>
    /// goccy/go-yaml reads a leading 0 as an octal prefix (YAML 1.1 habit) and keeps numbers that do not fit
    /// 64 bits, or that are not valid octal, as strings.
    /// </summary>
    private static bool IsGoInteger(string v)
    {
        string digits = v.TrimStart('+', '-');
        if (digits.StartsWith("0x", StringComparison.Ordinal)) return digits.Length <= 18;
        if (digits.StartsWith("0o", StringComparison.Ordinal)) return digits.Length <= 23;
        if (digits.Length > 1 && digits[0] == '0') return digits.Length <= 23 && digits.All(c => c is >= '0' and <= '7');
        return decimal.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) && d >= long.MinValue && d <= ulong.MaxValue;
    }

    /// <summary>The text a Go string field receives for this scalar (numbers and booleans are formatted back).</summary>
    public string AsGoString()
    {
        switch (Type)
        {
            case YamlScalarType.Int:
                string v = Value.TrimStart('+');
                bool neg = v.StartsWith('-');
                string digits = neg ? v[1..] : v;
                System.Numerics.BigInteger n;
                if (digits.StartsWith("0x", StringComparison.Ordinal))
                {
                    n = System.Numerics.BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }
                else if (digits.StartsWith("0o", StringComparison.Ordinal) || digits.Length > 1 && digits[0] == '0')
                {
                    n = 0;
                    foreach (char c in digits.AsSpan(digits[1] == 'o' ? 2 : 1)) n = n * 8 + (c - '0');
                }
                else
                {
                    n = System.Numerics.BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                }
                return (neg ? -n : n).ToString(CultureInfo.InvariantCulture);
            case YamlScalarType.Float:
                if (Value.Contains("inf", StringComparison.OrdinalIgnoreCase)) return Value.StartsWith('-') ? "-Inf" : "+Inf";
                if (Value.Contains("nan", StringComparison.OrdinalIgnoreCase)) return "NaN";
                return double.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            default:
                return Value;
        }
    }
}

internal sealed record YamlPair(YamlNodeBase Key, YamlNodeBase Value);

internal sealed class YamlMapping : YamlNodeBase
{
    public YamlMapping(MappingStart e)
        : base(YamlNodeKind.Mapping, e.Start, e.End)
    {
        IsFlow = e.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
    }

    public bool IsFlow { get; }

    public List<YamlPair> Pairs { get; } = new();

    /// <summary>A block mapping is located at its first key (as the official parser's AST does).</summary>
    public void FixPosition()
    {
        if (!IsFlow && Pairs.Count > 0)
        {
            Line = Pairs[0].Key.Line;
            Column = Pairs[0].Key.Column;
        }
    }

    // Keys of large mappings are indexed as pairs are appended: the loader looks every new key up to refuse duplicates,
    // and a linear search made a 100,000-key file take half a minute.
    private Dictionary<string, YamlPair>? _index;
    private int _indexed;

    public YamlPair? Find(string key)
    {
        if (Pairs.Count <= 16)
        {
            foreach (var p in Pairs)
            {
                if (p.Key is YamlScalar s && string.Equals(s.Value, key, StringComparison.Ordinal)) return p;
            }
            return null;
        }
        if (_index == null || _indexed > Pairs.Count)
        {
            _index = new Dictionary<string, YamlPair>(StringComparer.Ordinal);
            _indexed = 0;
        }
        for (; _indexed < Pairs.Count; _indexed++)
        {
            if (Pairs[_indexed].Key is YamlScalar s) _index.TryAdd(s.Value, Pairs[_indexed]);
        }
        return _index.TryGetValue(key, out var found) ? found : null;
    }
}

internal sealed class YamlSequence : YamlNodeBase
{
    public YamlSequence(SequenceStart e)
        : base(YamlNodeKind.Sequence, e.Start, e.End)
    {
        IsFlow = e.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
    }

    public bool IsFlow { get; }

    public List<YamlNodeBase> Items { get; } = new();
}

internal sealed class YamlAlias : YamlNodeBase
{
    public YamlAlias(AnchorAlias e, YamlNodeBase target)
        : base(YamlNodeKind.Alias, e.Start, e.End)
    {
        Target = target;
    }

    public YamlNodeBase Target { get; }
}

/// <summary>Limits that keep hostile input from exhausting memory or time.</summary>
internal sealed record YamlLimits(int MaxChars, int MaxDepth, int MaxNodes);

/// <summary>A YAML load failure with the position of the offending token.</summary>
internal sealed class YamlLoadError
{
    public YamlLoadError(string message, int line, int column)
    {
        Message = message;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>Loads YAML text into a tree of positioned nodes (one tree per document).</summary>
internal static class YamlTreeLoader
{
    /// <summary>Loads every document of the stream; returns null and an error when the text is not valid YAML or exceeds the limits.</summary>
    public static IReadOnlyList<YamlNodeBase?>? Load(string text, YamlLimits limits, out YamlLoadError? error)
    {
        error = null;
        if (text.Length > limits.MaxChars)
        {
            error = new YamlLoadError(string.Create(CultureInfo.InvariantCulture, $"file too large: {text.Length} characters (limit {limits.MaxChars})"), 0, 0);
            return null;
        }
        var docs = new List<YamlNodeBase?>();
        YamlLoadError? localError = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YamlNodeBase>(StringComparer.Ordinal);
            var stack = new Stack<YamlNodeBase>();
            var pendingKeys = new Stack<YamlNodeBase?>();
            var openAnchors = new Stack<AnchorName>();
            YamlNodeBase? root = null;
            int nodes = 0;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                YamlNodeBase? node = null;
                switch (ev)
                {
                    case DocumentStart:
                        root = null;
                        anchors.Clear();
                        continue;
                    case DocumentEnd:
                        docs.Add(root);
                        continue;
                    case Scalar s:
                        node = new YamlScalar(s);
                        Register(anchors, s.Anchor, node);
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                        {
                            error = new YamlLoadError("could not find alias \"" + a.Value.Value + "\"", (int)a.Start.Line, 1);
                            return null;
                        }
                        node = new YamlAlias(a, target);
                        break;
                    case MappingStart ms:
                        if (!Open(new YamlMapping(ms), ms.Anchor))
                        {
                            error = localError;
                            return null;
                        }
                        continue;
                    case SequenceStart ss:
                        if (!Open(new YamlSequence(ss), ss.Anchor))
                        {
                            error = localError;
                            return null;
                        }
                        continue;
                    case MappingEnd or SequenceEnd:
                        node = stack.Pop();
                        node.EndIndex = checked((int)ev.End.Index);
                        if (node is YamlMapping closed)
                        {
                            closed.FixPosition();
                            pendingKeys.Pop();
                        }

                        // Anchors become usable once their node is complete: an alias inside its own anchor is
                        // undefined (as in the official parser), so the tree can never contain a cycle.
                        Register(anchors, openAnchors.Pop(), node);
                        break;
                    default:
                        continue;
                }
                if (++nodes > limits.MaxNodes)
                {
                    error = new YamlLoadError(string.Create(CultureInfo.InvariantCulture, $"too many YAML nodes (limit {limits.MaxNodes})"), (int)ev.Start.Line, 1);
                    return null;
                }
                if (!Attach(node))
                {
                    error = localError;
                    return null;
                }
            }

            bool Open(YamlNodeBase container, AnchorName anchor)
            {
                if (stack.Count >= limits.MaxDepth)
                {
                    localError = new YamlLoadError(string.Create(CultureInfo.InvariantCulture, $"nesting too deep (limit {limits.MaxDepth} levels)"), container.Line, 1);
                    return false;
                }
                stack.Push(container);
                openAnchors.Push(anchor);
                if (container is YamlMapping) pendingKeys.Push(null);
                return true;
            }

            bool Attach(YamlNodeBase child)
            {
                if (stack.Count == 0)
                {
                    root = child;
                    return true;
                }
                var parent = stack.Peek();
                if (parent is YamlSequence seq)
                {
                    seq.Items.Add(child);
                    return true;
                }
                var map = (YamlMapping)parent;
                var key = pendingKeys.Pop();
                if (key is null)
                {
                    pendingKeys.Push(child);
                    return true;
                }
                if (key is YamlScalar ks && map.Find(ks.Value) is { } existing)
                {
                    localError = new YamlLoadError(string.Create(CultureInfo.InvariantCulture, $"mapping key \"{ks.Value}\" already defined at [{existing.Key.Line}:{existing.Key.Column}]"), ks.Line, 1);
                    return false;
                }
                map.Pairs.Add(new YamlPair(key, child));
                pendingKeys.Push(null);
                return true;
            }
        }
        catch (YamlException ex)
        {
            error = new YamlLoadError(TranslateSyntaxError(ex.Message), (int)ex.Start.Line, 1);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner fails this way on some malformed input instead of raising a YamlException.
            error = new YamlLoadError("invalid YAML: the parser could not read this text", 0, 0);
            return null;
        }
        return docs;
    }

    private static void Register(Dictionary<string, YamlNodeBase> anchors, AnchorName anchor, YamlNodeBase node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    /// <summary>
    /// The official parser (goccy/go-yaml) and YamlDotNet word syntax errors differently. The one message
    /// reviewers meet most (a key indented under a scalar) is given the official wording; other messages
    /// keep YamlDotNet's text.
    /// </summary>
    private static string TranslateSyntaxError(string message)
    {
        if (message.Contains("Mapping values are not allowed in this context", StringComparison.Ordinal)
            || message.Contains("did not find expected key", StringComparison.Ordinal))
        {
            return "value is not allowed in this context. map key-value is pre-defined";
        }
        return message.TrimEnd('.');
    }
}
