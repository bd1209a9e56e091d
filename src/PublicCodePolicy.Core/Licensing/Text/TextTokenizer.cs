// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>A text cut into normalised words, with what the SPDX matching guidelines let a matcher skip.</summary>
internal sealed class TokenizedText
{
    public TokenizedText(string source, string[] words, int[] starts, int[] ends, bool[] lineStarts, bool[] skippable)
    {
        Source = source;
        Words = words;
        Starts = starts;
        Ends = ends;
        LineStarts = lineStarts;
        Skippable = skippable;
        SkipEnd = new int[words.Length + 1];
        SkipEnd[words.Length] = words.Length;
        for (int i = words.Length - 1; i >= 0; i--) SkipEnd[i] = skippable[i] ? SkipEnd[i + 1] : i;
        SkipStart = new int[words.Length + 1];
        SkipStart[0] = 0;
        for (int i = 1; i <= words.Length; i++) SkipStart[i] = skippable[i - 1] ? SkipStart[i - 1] : i;
    }

    /// <summary>The text after character normalisation (quotes, dashes); offsets point into it.</summary>
    public string Source { get; }

    /// <summary>Lower-case words after equivalent-word substitution.</summary>
    public string[] Words { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public bool[] LineStarts { get; }

    /// <summary>
    /// The characters between word <paramref name="word"/> and the word before it (spaces, punctuation, line breaks);
    /// empty for the first word, or when the two words share their characters (an expanded equivalent).
    /// </summary>
    public ReadOnlySpan<char> GapBefore(int word)
        => word <= 0 || Starts[word] <= Ends[word - 1] ? ReadOnlySpan<char>.Empty : Source.AsSpan(Ends[word - 1], Starts[word] - Ends[word - 1]);

    /// <summary>Words the matcher may skip: copyright lines, "all rights reserved", list numbering.</summary>
    public bool[] Skippable { get; }

    /// <summary>For each position, the first position at or after it that is not skippable.</summary>
    public int[] SkipEnd { get; }

    /// <summary>For each position, the first position of the skippable run that ends there (itself when none).</summary>
    public int[] SkipStart { get; }

    public int Count => Words.Length;

    public int CountSignificant()
    {
        int n = 0;
        foreach (bool s in Skippable) if (!s) n++;
        return n;
    }
}

/// <summary>
/// Cuts texts into words the way the SPDX matching guidelines compare them: case-insensitive, punctuation and
/// whitespace ignored, <c>&amp;</c> read as "and", © and (c) read alike, equivalent words (licence/license, …)
/// made equal. Templates and texts go through this one class, so they are always normalised alike.
/// </summary>
internal sealed class TextTokenizer
{
    private readonly Dictionary<string, List<(string[] From, string[] To)>> _rules = new(StringComparer.Ordinal);

    /// <summary>Creates a tokenizer from the list's equivalent-word groups (the first spelling of a group is kept).</summary>
    public TextTokenizer(IEnumerable<IReadOnlyList<string>> equivalentGroups)
    {
        // The guidelines also make http:// and https:// equivalent. Their list makes "licence" and "license" equal but
        // not the plurals, which British and French texts write "licences": "under different licences" must read as
        // "under different licenses".
        var groups = equivalentGroups.Append(new[] { "http", "https" }).Append(new[] { "licenses", "licences" });
        foreach (var group in groups)
        {
            if (group.Count < 2) continue;
            var canonical = RawWords(group[0]);
            foreach (var variant in group.Skip(1))
            {
                var from = RawWords(variant);
                if (from.Length == 0 || from.SequenceEqual(canonical, StringComparer.Ordinal)) continue;
                if (!_rules.TryGetValue(from[0], out var list)) _rules[from[0]] = list = new List<(string[], string[])>();
                if (list.Any(r => r.From.SequenceEqual(from, StringComparer.Ordinal))) continue;
                list.Add((from, canonical));
                list.Sort((a, b) => b.From.Length.CompareTo(a.From.Length));
            }
        }
    }

    /// <summary>Normalises characters that vary between copies of one text.</summary>
    public static string NormalizeCharacters(string text)
    {
        // Most template fragments hold none of these characters: keep the string as it is.
        if (text.AsSpan().IndexOfAny("\u2018\u2019\u201A\u201B`\u00B4\u201C\u201D\u201E\u201F\u00AB\u00BB\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00A0\u2007\u202F\t\f\v\r") < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // CR LF is one line break: paragraphs (blank lines) must look the same in CRLF and LF files.
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            switch (c)
            {
                case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '`': case '\u00B4': sb.Append('\''); break;
                case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u00AB': case '\u00BB': sb.Append('"'); break;
                case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212': sb.Append('-'); break;
                case '\u00A0': case '\u2007': case '\u202F': case '\t': case '\f': case '\v': sb.Append(' '); break;
                case '\r': sb.Append('\n'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Words of a template fragment (no skippable marks: templates carry no bullets or copyright lines).</summary>
    public string[] Words(string fragment)
    {
        var words = new List<string>(RawWords(NormalizeCharacters(fragment)));
        bool any = false;
        foreach (var w in words)
        {
            if (_rules.ContainsKey(w))
            {
                any = true;
                break;
            }
        }
        if (!any) return words.ToArray();
        var dummy = new List<int>(new int[words.Count]);
        var dummyEnds = new List<int>(new int[words.Count]);
        var dummyLines = new List<bool>(new bool[words.Count]);
        ApplyEquivalences(words, dummy, dummyEnds, dummyLines);
        return words.ToArray();
    }

    /// <summary>Tokenizes a text to be identified.</summary>
    public TokenizedText Tokenize(string text, bool markSkippable = true)
    {
        var source = NormalizeCharacters(text);
        var words = new List<string>();
        var starts = new List<int>();
        var ends = new List<int>();
        var lineStarts = new List<bool>();
        bool newLine = true;
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                var word = ReadWord(source, ref i);
                Add(word, s, i);
                continue;
            }
            if (c == '&') Add("and", i, i + 1);
            else if (c == '\u00A9') Add("c", i, i + 1);
            else if (c == '\n') newLine = true;
            i++;
        }

        void Add(string w, int s, int e)
        {
            words.Add(w);
            starts.Add(s);
            ends.Add(e);
            lineStarts.Add(newLine);
            newLine = false;
        }

        ApplyEquivalences(words, starts, ends, lineStarts);
        var skippable = new bool[words.Count];
        if (markSkippable) MarkSkippable(source, words, starts, ends, lineStarts, skippable);
        return new TokenizedText(source, words.ToArray(), starts.ToArray(), ends.ToArray(), lineStarts.ToArray(), skippable);
    }

    // A word: letters and digits, lower-cased. "RSV's" and "RSVs" are one word: some list texts make the apostrophe optional.
    private static string ReadWord(string s, ref int i)
    {
        int start = i;
        bool apostrophe = false;
        while (i < s.Length)
        {
            if (char.IsLetterOrDigit(s[i])) i++;
            else if (s[i] == '\'' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && i > start)
            {
                apostrophe = true;
                i++;
            }
            else break;
        }
        var word = s.Substring(start, i - start);
        if (apostrophe) word = word.Replace("'", string.Empty, StringComparison.Ordinal);
        return word.ToLowerInvariant();
    }

    private static string[] RawWords(string s)
    {
        var list = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsLetterOrDigit(s[i]))
            {
                list.Add(ReadWord(s, ref i));
                continue;
            }
            if (s[i] == '&') list.Add("and");
            else if (s[i] == '\u00A9') list.Add("c");
            i++;
        }
        return list.ToArray();
    }

    private void ApplyEquivalences(List<string> words, List<int> starts, List<int> ends, List<bool> lineStarts)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (!_rules.TryGetValue(words[i], out var rules)) continue;
            foreach (var (from, to) in rules)
            {
                if (i + from.Length > words.Count) continue;
                bool ok = true;
                for (int k = 1; k < from.Length && ok; k++) ok = string.Equals(words[i + k], from[k], StringComparison.Ordinal);
                if (!ok) continue;
                int s = starts[i], e = ends[i + from.Length - 1];
                bool ls = lineStarts[i];
                words.RemoveRange(i, from.Length);
                starts.RemoveRange(i, from.Length);
                ends.RemoveRange(i, from.Length);
                lineStarts.RemoveRange(i, from.Length);
                for (int k = 0; k < to.Length; k++)
                {
                    words.Insert(i + k, to[k]);
                    starts.Insert(i + k, s);
                    ends.Insert(i + k, e);
                    lineStarts.Insert(i + k, ls && k == 0);
                }
                i += to.Length - 1;
                break;
            }
        }
    }

    private static readonly HashSet<string> s_roman = new(StringComparer.Ordinal) { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv" };

    // Copyright notices and list numbering vary from copy to copy of one licence; the guidelines say to ignore them.
    // Marked words stay matchable: a template that does contain them still matches.
    private static void MarkSkippable(string source, List<string> words, List<int> starts, List<int> ends, List<bool> lineStarts, bool[] skippable)
    {
        int n = words.Count;
        for (int i = 0; i < n; i++)
        {
            if (!lineStarts[i]) continue;
            int lineEnd = i + 1;
            while (lineEnd < n && !lineStarts[lineEnd]) lineEnd++;
            bool copyrightLine = CopyrightAt(words, i, n) || (lineEnd - i == 3 && AllRightsReservedAt(words, i, n));
            if (copyrightLine)
            {
                // The line's copyright ends where a sentence that is not one begins: "Copyright (c) Acme. All rights
                // reserved. Licensed under the MIT License." keeps its statement.
                for (int k = i; k < lineEnd && (k == i || !SentenceStarts(source, words, starts, ends, k) || CopyrightSentenceAt(words, k, n)); k++)
                {
                    skippable[k] = true;
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            if (skippable[i] || !IsBulletWord(words[i])) continue;
            char before = starts[i] > 0 ? source[starts[i] - 1] : '\n';
            char after = ends[i] < source.Length ? source[ends[i]] : '\n';
            char afterNext = ends[i] + 1 < source.Length ? source[ends[i] + 1] : '\n';
            // "1.2", "2(a)": a numbering word right after another one continues the bullet.
            bool continuation = i > 0 && skippable[i - 1] && IsBulletWord(words[i - 1]) && starts[i] - ends[i - 1] <= 2
                && source.AsSpan(ends[i - 1], starts[i] - ends[i - 1]).IndexOfAnyExcept(".()[]") < 0;
            bool opens = lineStarts[i] || char.IsWhiteSpace(before) || before == '(' || before == '[' || continuation;
            bool closes = after == ')' || after == ']' || (after == '.' && (char.IsWhiteSpace(afterNext) || char.IsDigit(afterNext) || afterNext == '('))
                || after == '(' || ((continuation || lineStarts[i]) && char.IsWhiteSpace(after));
            if (opens && closes) skippable[i] = true;
        }
    }

    /// <summary>Words a period ends without ending the sentence ("Acme Inc.", "et al.", "No. 5"); initials aside.</summary>
    internal static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "inc", "ltd", "co", "corp", "llc", "llp", "gmbh", "sa", "sas", "sarl", "bv", "ag", "plc", "jr", "sr", "st", "dr", "mr",
        "mrs", "ms", "al", "etc", "vs", "no",
    };

    // A sentence begins at word k: a semicolon and a space before it; or a period and a space, then a word that opens a
    // licence statement, or a capital letter with no abbreviation or initial before the period.
    private static bool SentenceStarts(string source, List<string> words, List<int> starts, List<int> ends, int k)
    {
        // Words split from one source word ("©" read as "c") share its span: no gap, no sentence.
        if (starts[k] <= ends[k - 1]) return false;
        var gap = source.AsSpan(ends[k - 1], starts[k] - ends[k - 1]);
        int mark = gap.IndexOfAny('.', ';');
        if (mark < 0 || gap[mark..].IndexOfAny(" \t") < 0) return false;
        if (gap[mark] == ';' || s_statementStarts.Contains(words[k])) return true;
        var before = words[k - 1];
        return char.IsUpper(source[starts[k]]) && before.Length > 1 && !Abbreviations.Contains(before);
    }

    // Words that open a licence statement, a sentence even after "Acme Inc.": "… Acme Inc. Licensed under …".
    private static readonly HashSet<string> s_statementStarts = new(StringComparer.Ordinal)
    {
        "licensed", "licenced", "released", "distributed", "published", "spdx", "publié", "publiée", "distribué", "distribuée",
        "diffusé", "diffusée",
    };

    // "Copyright …", "(c) 2024 …", "Portions copyright …" or "All rights reserved" at word k.
    private static bool CopyrightSentenceAt(List<string> words, int k, int n) => CopyrightAt(words, k, n) || AllRightsReservedAt(words, k, n);

    // "Copyright …", "(c) 2024 …" or "Portions copyright …" at word k.
    private static bool CopyrightAt(List<string> words, int k, int n)
        => IsCopyrightStart(words, k, n) || (words[k] == "portions" && k + 1 < n && IsCopyrightStart(words, k + 1, n));

    private static bool AllRightsReservedAt(List<string> words, int k, int n)
        => k + 2 < n && words[k] == "all" && words[k + 1] == "rights" && words[k + 2] == "reserved";

    private static bool IsCopyrightStart(List<string> words, int i, int n)
    {
        if (words[i] == "copyright") return true;
        // "(c) 2024 Name" or "© Name": a c followed by a year or by "copyright"; "c)" list items are bullets, not notices.
        return words[i] == "c" && i + 1 < n && (char.IsDigit(words[i + 1][0]) || words[i + 1] == "copyright");
    }

    private static bool IsBulletWord(string w)
        => (w.Length <= 3 && w.All(char.IsDigit)) || (w.Length == 1 && char.IsLetter(w[0])) || s_roman.Contains(w);
}
