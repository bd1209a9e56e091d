// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>What a template is the text of.</summary>
internal enum TemplateKind
{
    License,
    Exception,
    /// <summary>The standard licence header (a notice pointing to the licence), used for short texts only.</summary>
    Header,
}

internal abstract class TemplateNode
{
}

internal sealed class WordNode : TemplateNode
{
    private static readonly List<WordNode> s_shared = new();

    private WordNode(int id) => Id = id;

    /// <summary>The one node for a word id (templates hold about a million words; sharing them keeps start-up fast).</summary>
    public static WordNode For(int id)
    {
        lock (s_shared)
        {
            while (s_shared.Count <= id) s_shared.Add(new WordNode(s_shared.Count));
            return s_shared[id];
        }
    }

    public int Id { get; }
}

internal sealed class OptionalNode : TemplateNode
{
    public OptionalNode(TemplateNode[] children) => Children = children;

    public TemplateNode[] Children { get; }
}

/// <summary>An <c>&lt;alt match="regex"&gt;</c>: any run of words the regular expression accepts.</summary>
internal sealed class AltNode : TemplateNode
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);
    private static readonly Regex s_spaces = new(@"\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private readonly string _pattern;
    private Regex? _regex;
    private bool _broken;

    public AltNode(string pattern, string[] defaultWords)
    {
        _pattern = pattern;
        DefaultWords = defaultWords;
        var trimmed = pattern.Trim();
        IsWildcard = trimmed is ".+" or ".*" or ".+?" or ".*?" or "(.+)" or "(.*)";
        // A blank to fill in ("______") has no words: a copy may leave it blank too.
        MinWords = defaultWords.Length > 0 && (trimmed.StartsWith(".+", StringComparison.Ordinal) || trimmed == "(.+)") ? 1 : 0;
        int patternWords = 0;
        foreach (var part in pattern.Split('|')) patternWords = Math.Max(patternWords, part.Count(ch => ch == ' ' || ch == '+') + 1);
        MaxWords = Math.Min(80, Math.Max(Math.Max(2 * defaultWords.Length + 8, 16), patternWords + 4));
    }

    public string[] DefaultWords { get; }

    public bool IsWildcard { get; }

    public int MinWords { get; }

    public int MaxWords { get; }

    /// <summary>Whether the words <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/> fit.</summary>
    public bool Accepts(TokenizedText text, int start, int count)
    {
        if (count < MinWords) return false;
        if (IsWildcard) return true;
        // An alternative that is only punctuation in the list ("Section 1 – Definitions") may cover no words at all:
        // the guidelines ignore punctuation.
        if (count == 0 && DefaultWords.Length == 0) return true;
        // The list's own text is a valid copy even where its pattern forgets it (CeCILL-B's "CeCILL¹").
        if (count == DefaultWords.Length && count > 0)
        {
            bool same = true;
            for (int i = 0; i < count && same; i++) same = string.Equals(text.Words[start + i], DefaultWords[i], StringComparison.Ordinal);
            if (same) return true;
        }
        var regex = GetRegex();
        if (regex == null) return false;
        try
        {
            // The patterns are written against the original text, punctuation included; the normalised words are
            // tried too, so that equivalent words and reflowed whitespace do not defeat them.
            var sb = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(text.Words[start + i]);
            }
            if (regex.IsMatch(sb.ToString())) return true;
            int from = start == 0 ? 0 : text.Ends[start - 1];
            int to = start + count < text.Count ? text.Starts[start + count] : text.Source.Length;
            if (to - from > 2000) return false;
            var raw = s_spaces.Replace(text.Source.Substring(from, to - from), " ");
            return regex.IsMatch(raw);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private Regex? GetRegex()
    {
        if (_regex != null || _broken) return _regex;
        try
        {
            // Leading and trailing punctuation around the words belongs to the neighbours; let the pattern ignore it.
            _regex = new Regex(@"^[\W_]*?(?:" + _pattern + @")[\W_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);
        }
        catch (ArgumentException)
        {
            _broken = true;
        }
        return _regex;
    }
}

/// <summary>One licence, exception or header of the SPDX list, compiled for matching.</summary>
internal sealed class LicenseTemplate
{
    public LicenseTemplate(string id, TemplateKind kind, bool isOsiApproved, TemplateNode[] nodes, int[] allWords)
    {
        Id = id;
        Kind = kind;
        IsOsiApproved = isOsiApproved;
        // The match is anchored on the first word every copy has; the optional parts and alternatives before it
        // (titles, copyright lines, preambles) are matched backwards from there.
        int first = Array.FindIndex(nodes, n => n is WordNode);
        Nodes = first < 0 ? Array.Empty<TemplateNode>() : nodes[first..];
        Leading = first < 0 ? Array.Empty<TemplateNode>() : nodes[..first];
        AllWords = allWords;
        var required = new List<long>();
        int count = 0;
        CollectRequired(Nodes, required, ref count);
        RequiredBigrams = SortedDistinct(required);
        RequiredWordCount = count;
        var all = new long[Math.Max(0, allWords.Length - 1)];
        for (int i = 1; i < allWords.Length; i++) all[i - 1] = Bigram(allWords[i - 1], allWords[i]);
        AllBigrams = SortedDistinct(all);
    }

    public string Id { get; }

    public TemplateKind Kind { get; }

    public bool IsOsiApproved { get; }

    public TemplateNode[] Nodes { get; }

    /// <summary>The nodes before the first required word.</summary>
    public TemplateNode[] Leading { get; }

    /// <summary>Word ids of the text with every optional part and default alternative.</summary>
    public int[] AllWords { get; }

    /// <summary>Word pairs every matching text contains.</summary>
    public long[] RequiredBigrams { get; }

    public int RequiredWordCount { get; }

    /// <summary>Distinct word pairs of the full text, sorted (arrays, not hash sets: the index is built at every start).</summary>
    public long[] AllBigrams { get; }

    public int FirstWord => Nodes.Length > 0 && Nodes[0] is WordNode w ? w.Id : -1;

    public static long Bigram(int a, int b) => ((long)a << 32) | (uint)b;

    private static long[] SortedDistinct(IEnumerable<long> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        int n = 0;
        for (int i = 0; i < array.Length; i++)
        {
            if (n == 0 || array[i] != array[n - 1]) array[n++] = array[i];
        }
        Array.Resize(ref array, n);
        return array;
    }

    private static void CollectRequired(TemplateNode[] nodes, List<long> set, ref int count)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is not WordNode w) continue;
            count++;
            if (i + 1 < nodes.Length && nodes[i + 1] is WordNode next) set.Add(Bigram(w.Id, next.Id));
        }
    }
}
