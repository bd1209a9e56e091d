// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>A sentence that names a licence: "licensed under the LGPLv3", "sous licence CeCILL-B".</summary>
/// <param name="Start">First word of the statement (the trigger).</param>
/// <param name="End">One past its last word (the name, version and "or later" qualifier).</param>
/// <param name="Family">The licence family read (an SPDX identifier without version and suffix).</param>
/// <param name="Version">The version read, normalised ("3" for 3.0), or null.</param>
/// <param name="OrLater">"or (at your option) any later version" follows the name.</param>
/// <param name="Modified">Words after the name change the licence ("with …", "plus …"): the statement alone proves nothing.</param>
/// <param name="Id">The SPDX identifier the statement names, or null when the name is ambiguous (a family without a version).</param>
internal sealed record LicenceStatement(int Start, int End, string Family, string? Version, bool OrLater, bool Modified, string? Id);

/// <summary>A statement of a licence the grammar cannot name ("licensed under a proprietary license", "under CC BY-NC").</summary>
/// <param name="Start">First word of the statement (the trigger).</param>
/// <param name="End">One past the word that shows a licence is named ("license", "commons", the qualifier).</param>
/// <param name="Family">The family of the start of the name, when the grammar read one ("CC-BY" in "CC BY-NC"), or null.</param>
/// <param name="Continuation">How that name goes on, abbreviated as SPDX identifiers do ("NC" for "-NonCommercial"), or null.</param>
/// <param name="Id">The licence named, for a statement without its verb whose name the grammar reads ("use it under the MIT licence"); otherwise null.</param>
/// <param name="WithoutVerb">The statement has no verb: "…; the artwork under the Acme Art License".</param>
internal sealed record UnnamedLicenceStatement(int Start, int End, string? Family, string? Continuation, string? Id = null, bool WithoutVerb = false);

/// <summary>
/// Reads named-licence statements with a small grammar: a trigger ("licensed under", "released under", "under the
/// terms of", "sous licence" …), a few filler words ("the", "terms of"), a licence name from the SPDX list's names and
/// identifiers plus common aliases, a version ("v3", "Version 2.0", "either version 3 of the License") and a qualifier
/// ("or (at your option) any later version", "only"). A name is never found as a substring: it must follow a trigger.
/// A family named without a version resolves only when the list has a single version of it.
/// </summary>
internal sealed partial class LicenceStatementGrammar
{
    private const string VersionMark = "#";

    private static readonly string[][] s_triggers =
    {
        new[] { "licensed", "under" }, new[] { "released", "under" }, new[] { "distributed", "under" }, new[] { "available", "under" },
        new[] { "provided", "under" }, new[] { "published", "under" }, new[] { "licensed", "to", "you", "under" }, new[] { "under", "the", "terms", "of" },
        // The .NET Foundation's and the ASF's file headers: "The .NET Foundation licenses this file to you under the MIT license."
        new[] { "licenses", "this", "file", "to", "you", "under" }, new[] { "licenses", "this", "software", "to", "you", "under" },
        new[] { "is", "under" }, new[] { "are", "under" }, new[] { "covered", "by" }, new[] { "governed", "by" }, new[] { "subject", "to" },
        new[] { "sous", "license" }, new[] { "sous", "la", "license" }, new[] { "sous", "les", "termes", "de" },
        // The CeCILL header: "Ce logiciel est régi par la licence CeCILL-B … sous les conditions de la licence CeCILL-B".
        new[] { "sous", "les", "conditions", "de" }, new[] { "régi", "par" }, new[] { "régie", "par" }, new[] { "régis", "par" },
        new[] { "régies", "par" },
    };

    // French participles agree with their subject: "publiée", "diffusés" … all announce a licence the same way.
    private static readonly string[] s_frenchVerbs = { "publié", "distribué", "diffusé", "placé", "mis", "mise" };

    private static readonly HashSet<string> s_fillers = new(StringComparer.Ordinal) { "the", "a", "an", "terms", "of", "and", "conditions", "license", "la", "les", "termes", "de", "du", "version", "either", "both" };

    private static readonly string[][] s_gnuFiller = { new[] { "as", "published", "by", "the", "free", "software", "foundation" } };

    private static readonly string[][] s_orLater =
    {
        new[] { "or", "at", "your", "option", "any", "later", "version" }, new[] { "or", "any", "later", "version" }, new[] { "or", "later" },
        new[] { "or", "any", "later" }, new[] { "ou", "toute", "version", "ultérieure" }, new[] { "ou", "ultérieure" },
    };

    private static readonly HashSet<string> s_modifiers = new(StringComparer.Ordinal) { "with", "plus", "except", "excluding", "avec", "sauf" };

    private readonly TextTokenizer _tokenizer;
    private readonly List<(string[] Words, string Family, string? Version)> _names = new();
    private readonly Dictionary<string, List<(string[] Words, string Family, string? Version)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (string? Plain, string? Only, string? OrLater)>> _families = new(StringComparer.Ordinal);

    public LicenceStatementGrammar(TextTokenizer tokenizer, LicenseList list, IEnumerable<(string Alias, string Family, string? Version)> aliases)
    {
        _tokenizer = tokenizer;
        foreach (var l in list.Licenses)
        {
            if (l.IsDeprecated) continue;
            var (family, version, suffix) = SplitId(l.Id);
            if (!_families.TryGetValue(family, out var versions)) _families[family] = versions = new(StringComparer.Ordinal);
            var key = version ?? string.Empty;
            versions.TryGetValue(key, out var ids);
            ids = suffix switch
            {
                "-only" => ids with { Only = l.Id },
                "-or-later" => ids with { OrLater = l.Id },
                _ => ids with { Plain = l.Id },
            };
            versions[key] = ids;
            AddName(l.Id.Replace('-', ' '), family, null, fromId: true);
            // A name without a version ("MIT No Attribution") still names its own entry (MIT-0), not the family's
            // unversioned licence (MIT).
            AddName(StripQualifier(l.Name), family, null, fromId: false, nameless: version);
        }
        foreach (var (alias, family, version) in aliases) AddName(alias, family, version is null ? null : NormalizeVersion(version), fromId: false);
        // Longest names first: "GNU Lesser General Public License" before "GNU".
        _names.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        // Names by their first word (a version slot under its mark), longest first within each.
        foreach (var n in _names)
        {
            if (!_byFirstWord.TryGetValue(n.Words[0], out var same)) _byFirstWord[n.Words[0]] = same = new();
            same.Add(n);
        }
    }

    private static string StripQualifier(string name)
    {
        foreach (var q in new[] { " only", " or later" })
        {
            if (name.EndsWith(q, StringComparison.OrdinalIgnoreCase)) return name.Substring(0, name.Length - q.Length);
        }
        return name;
    }

    // "LGPL-3.0-only" → (LGPL, 3, -only); "CC-BY-4.0" → (CC-BY, 4, null); "BSD-3-Clause" → (BSD-3-Clause, null, null).
    /// <summary>The family of an SPDX identifier as statements name it ("Apache" for Apache-2.0, "GPL" for GPL-3.0-only and for GPL-2.0+).</summary>
    public static string FamilyOf(string id) => SplitId(id.TrimEnd('+')).Family;

    private static (string Family, string? Version, string? Suffix) SplitId(string id)
    {
        var m = IdPattern().Match(id);
        if (!m.Success) return (id, null, null);
        return (m.Groups["f"].Value, NormalizeVersion(m.Groups["v"].Value), m.Groups["s"].Success ? m.Groups["s"].Value : null);
    }

    private static string NormalizeVersion(string v)
    {
        var s = v.TrimStart('v', 'V');
        while (s.EndsWith(".0", StringComparison.Ordinal) && s.Length > 2) s = s.Substring(0, s.Length - 2);
        return s;
    }

    private void AddName(string text, string family, string? version, bool fromId, string? nameless = null)
    {
        var tokens = Grammar(_tokenizer.Tokenize(text, markSkippable: false));
        var words = tokens.Select(t => t.Text).ToList();
        if (words.Count == 0) return;
        // A name carrying its own version ("Apache License 2.0", "CC BY 4.0") is stored with a version slot, so that
        // "Apache License, Version 2.0" and "Apache 2.0 License" read alike.
        // Only a family with versions gets a slot: in "BSD 3-Clause" the number is part of the name.
        bool versioned = _families.TryGetValue(family, out var known) && known.Keys.Any(k => k.Length > 0);
        if (version == null && versioned)
        {
            int at = words.FindIndex(w => w.StartsWith(VersionMark, StringComparison.Ordinal));
            if (at >= 0)
            {
                version = words[at].Substring(VersionMark.Length);
                words[at] = VersionMark;
            }
            else
            {
                version = nameless;
            }
        }
        // "license" closing a name is optional in statements ("the MIT license", "the MIT").
        if (words.Count > 1 && words[^1] == "license") words.RemoveAt(words.Count - 1);
        if (words.Count == 0 || (words.Count == 1 && words[0] == VersionMark)) return;
        // One-word identifiers that are ordinary words are never names on their own.
        if (fromId && words.Count == 1 && s_commonWords.Contains(words[0])) return;
        var arr = words.ToArray();
        if (_names.Any(n => n.Family == family && n.Version == version && n.Words.SequenceEqual(arr, StringComparer.Ordinal))) return;
        _names.Add((arr, family, version));
    }

    private static readonly HashSet<string> s_commonWords = new(StringComparer.Ordinal) { "free", "open", "public", "fair", "glide", "naumen", "beerware", "x11", "ruby", "python", "vim", "w3c", "curl", "libpng", "zed", "sendmail", "diffmark", "ntp", "xnet" };

    /// <summary>A word of the grammar: a normalised word, or a version ("#3", "#2.1") merged from "v3", "version 3", "3.0".</summary>
    internal readonly record struct GrammarToken(string Text, int First, int Last);

    internal static List<GrammarToken> Grammar(TokenizedText t)
    {
        var result = new List<GrammarToken>();
        int i = 0;
        while (i < t.Count)
        {
            var w = t.Words[i];
            int first = i;
            string? number = null;
            if (w.All(char.IsDigit)) number = w;
            else if (w.Length > 1 && w[0] == 'v' && w.Skip(1).All(char.IsDigit)) number = w.Substring(1);
            if (number != null)
            {
                // "3.0", "2.1": digits joined by a dot in the source.
                while (i + 1 < t.Count && t.Words[i + 1].All(char.IsDigit) && t.Starts[i + 1] - t.Ends[i] == 1 && t.Source[t.Ends[i]] == '.')
                {
                    i++;
                    number += "." + t.Words[i];
                }
                // "version 3", "v 3": the word before only announces the number.
                if (result.Count > 0 && (result[^1].Text is "version" or "v") && result[^1].Last == first - 1)
                {
                    first = result[^1].First;
                    result.RemoveAt(result.Count - 1);
                }
                result.Add(new GrammarToken(VersionMark + NormalizeVersion(number), first, i));
                AddPlus(t, i, result);
                i++;
                continue;
            }
            result.Add(new GrammarToken(w, i, i));
            if (char.IsAsciiDigit(w[^1])) AddPlus(t, i, result);
            i++;
        }
        return result;
    }

    // "GPL-3.0+", "GPLv3+": a plus right after a version (the tokenizer drops it) reads as "or later".
    private static void AddPlus(TokenizedText t, int i, List<GrammarToken> result)
    {
        int at = t.Ends[i];
        if (at >= t.Source.Length || t.Source[at] != '+' || (at + 1 < t.Source.Length && char.IsLetterOrDigit(t.Source[at + 1]))) return;
        result.Add(new GrammarToken("or", i, i));
        result.Add(new GrammarToken("later", i, i));
    }

    /// <summary>Every statement in the text, in order.</summary>
    public IReadOnlyList<LicenceStatement> Find(TokenizedText text) => StatementsOf(Grammar(text));

    /// <summary>
    /// Licence names written anywhere, trigger or not ("Icons from Font Awesome (CC BY 4.0)", "GPLv3 compatible", "code
    /// from Foo (BSD-3-Clause)"), that name one identifier: a one-word name without a version ("MIT", "zlib") may be an
    /// ordinary word and does not count.
    /// </summary>
    public IReadOnlyList<LicenceStatement> FindNames(TokenizedText text)
    {
        var g = Grammar(text);
        var found = new List<LicenceStatement>();
        for (int i = 0; i < g.Count; i++)
        {
            if (ReadName(g, i, i) is not { Id: not null } name || (name.Version == null && name.End - name.Start < 2)) continue;
            found.Add(name);
            i = IndexOfToken(g, name.End) - 1;
        }
        return found;
    }

    // Find, on a text already read into grammar tokens.
    private List<LicenceStatement> StatementsOf(List<GrammarToken> g)
    {
        var found = new List<LicenceStatement>();
        int i = 0;
        while (i < g.Count)
        {
            var (_, statement) = ReadAt(g, i);
            if (statement != null)
            {
                found.Add(statement);
                i = IndexOfToken(g, statement.End);
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    // The trigger at grammar token i and the statement it starts, or nulls. Fillers ("the terms of the", "la licence")
    // may come before the name; the name is tried at each step.
    private (string[]? Trigger, LicenceStatement? Statement) ReadAt(List<GrammarToken> g, int i)
    {
        var trigger = s_triggers.FirstOrDefault(tr => Matches(g, i, tr)) ?? FrenchTrigger(g, i);
        if (trigger == null) return (null, null);
        // "sous Licence Ouverte 2.0": the trigger's last word may be the first of the name.
        var statement = (trigger[^1] == "license" ? ReadName(g, i, i + trigger.Length - 1) : null) ?? ReadNameFrom(g, i, i + trigger.Length);
        return (trigger, statement);
    }

    // The statement starting at grammar token start whose name is at p, after up to five fillers, or null.
    private LicenceStatement? ReadNameFrom(List<GrammarToken> g, int start, int p)
    {
        for (int steps = 0; steps <= 5 && p <= g.Count; steps++)
        {
            var statement = ReadName(g, start, p);
            if (statement != null) return statement;
            if (p >= g.Count || !s_fillers.Contains(g[p].Text)) break;
            p++;
        }
        return null;
    }

    private static string[]? FrenchTrigger(List<GrammarToken> g, int i)
    {
        if (i + 1 >= g.Count || g[i + 1].Text != "sous") return null;
        var w = g[i].Text;
        foreach (var verb in s_frenchVerbs)
        {
            if (w == verb || w == verb + "e" || w == verb + "s" || w == verb + "es") return new[] { w, "sous" };
        }
        return null;
    }

    // Words after a trigger that point at the terms this document gives ("under the same license", "under the license
    // below", "under the terms of section 3"): no licence is named, the statement refers to the document's own. Words
    // that point at terms of someone else's choosing ("under their own licenses", "under the respective license", "under
    // the applicable license") are not among them: like "a different license", they state a licence the text does not
    // name.
    private static readonly HashSet<string> s_referring = new(StringComparer.Ordinal)
    {
        "this", "these", "those", "that", "following", "same", "above", "below", "its", "your",
        "such", "said", "which", "original", "compatible",
        "section", "sections", "article", "articles", "clause", "clauses", "paragraph", "chapter", "annex", "appendix",
        "exhibit", "contributor", "contributors", "contribution", "contributions",
        "ce", "cette", "ces", "même", "suivante", "suivantes", "ci", "dessous", "dessus",
    };

    /// <summary>
    /// Statements whose licence the grammar cannot name, though they name one: a trigger followed, within the clause,
    /// by a qualified "license" ("licensed under a proprietary license", "under the BSD license", "under an open source
    /// license"), by "Creative Commons" or "CC" (a family of licences, free and not: "under CC BY-NC"), by a version
    /// ("under XYZ 2.0"), or, in French,
    /// "sous licence" followed by a word ("sous licence propriétaire"). "Under the License", "under the same license"
    /// and "under the license below" name nothing. Spans are in words, as for <see cref="Find"/>.
    /// </summary>
    public IReadOnlyList<UnnamedLicenceStatement> FindUnnamed(TokenizedText text)
    {
        var g = Grammar(text);
        var found = new List<UnnamedLicenceStatement>();
        HashSet<string?>? stated = null;
        // Grammar tokens before this one that belong to a trigger already read ("licensed under").
        int covered = 0;
        for (int i = 0; i < g.Count; i++)
        {
            var (trigger, statement) = ReadAt(g, i);
            if (trigger == null)
            {
                if (g[i].Text == "under" && i >= covered && Elliptic(text, g, i, ref stated) is { } elliptic) found.Add(elliptic);
                continue;
            }
            covered = i + trigger.Length;
            // A name read whole is Find's ("the Apache License."); one read only in part ("CC BY" of "CC BY-NC", "GPL"
            // of "GPL-compatible") is this method's, with the family read so far and how the name goes on.
            if (statement != null && (statement.Id != null || IsWholeName(text, statement)))
            {
                // "the MIT License and the Acme Font License": a second licence, which the grammar may not know.
                int k = IndexOfToken(g, statement.End);
                if (k < g.Count && g[k].Text is "and" or "or" && ReadNameFrom(g, k, k + 1) == null)
                {
                    int second = UnnamedLicenceEnd(text, g, k + 1, afterLicense: false);
                    if (second > 0) found.Add(new UnnamedLicenceStatement(g[k].First, second, null, null));
                }
                continue;
            }
            int end = UnnamedLicenceEnd(text, g, i + trigger.Length, trigger[^1] == "license");
            // "licensed under the terms of …": two triggers, one statement.
            if (end > 0 && (found.Count == 0 || found[^1].End != end)) found.Add(new UnnamedLicenceStatement(g[i].First, end, statement?.Family, statement == null ? null : Continuation(text, statement)));
        }
        return found;
    }

    // "…; the artwork under the Acme Art License", "Icons under CC BY 4.0": a statement whose verb is left out ("use it
    // under the MIT licence" too). A licence the text also states with a verb is not repeated; a name the grammar reads
    // carries its identifier (the reader accepts it beside that licence's full text); any other must end with a
    // licence word: "under the License", "under the same terms", "under the hood" and "under Windows 10" name none, and
    // "under a commercial licence" is an offer, read as such elsewhere.
    private UnnamedLicenceStatement? Elliptic(TokenizedText text, List<GrammarToken> g, int i, ref HashSet<string?>? stated)
    {
        var statement = ReadNameFrom(g, i, i + 1);
        if (statement != null && (statement.Id != null || IsWholeName(text, statement)))
        {
            stated ??= StatementsOf(g).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            return statement.Id != null && stated.Contains(statement.Id) ? null : new UnnamedLicenceStatement(g[i].First, statement.End, statement.Family, null, statement.Id, WithoutVerb: true);
        }
        int q = i + 1;
        while (q < g.Count && s_fillers.Contains(g[q].Text)) q++;
        if (q < g.Count && g[q].Text == "commercial") return null;
        int end = UnnamedLicenceEnd(text, g, i + 1, afterLicense: false);
        if (end <= 0 || text.Words[end - 1] is not ("license" or "licenses" or "cc" or "creative")) return null;
        return new UnnamedLicenceStatement(g[i].First, end, statement?.Family, statement == null ? null : Continuation(text, statement), WithoutVerb: true);
    }

    /// <summary>
    /// Whether a statement's name ends the name in the text: anything but a hyphen or slash joined to the next word
    /// follows it (a space, punctuation, the end). In "a GPL-compatible licence" or "Creative Commons
    /// Attribution-NoDerivatives 4.0" only the start of a longer name was read.
    /// </summary>
    public static bool IsWholeName(TokenizedText tokens, LicenceStatement s)
    {
        if (s.End <= 0 || s.End >= tokens.Count) return true;
        // Only a hyphen (or slash) joining the next word, with no space, continues the name ("GPL-compatible",
        // "BY-NC"); "License - see below" ends it.
        var gap = tokens.GapBefore(s.End);
        return gap.IsEmpty ? false : gap.IndexOfAny(" \t\r\n") >= 0 || gap.IndexOfAny("-/") < 0;
    }

    // How a name read in part goes on, as the letters SPDX identifiers abbreviate it to: "-NoDerivatives" → "ND",
    // "-NonCommercial-ShareAlike" → "NC-SA", "-NC" → "NC". Empty when nothing joins the name.
    private static string Continuation(TokenizedText tokens, LicenceStatement s)
    {
        if (s.End <= 0 || s.End >= tokens.Count) return string.Empty;
        int from = tokens.Ends[s.End - 1];
        int to = from;
        while (to < tokens.Source.Length && (char.IsLetterOrDigit(tokens.Source[to]) || tokens.Source[to] is '-' or '/')) to++;
        var parts = tokens.Source[from..to].Split('-', '/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join("-", parts.Select(part => part.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? part : new string(part.Where(char.IsUpper).ToArray())));
    }

    // Where the unnamed licence after a trigger ends (one past its last word), or -1 when the words up to the end of
    // the clause name none. afterLicense: the trigger ends with "licence" ("sous licence …"), so any word that follows
    // in the clause qualifies it.
    private static int UnnamedLicenceEnd(TokenizedText text, List<GrammarToken> g, int from, bool afterLicense)
    {
        bool qualified = false;
        for (int q = from; q < g.Count && q < from + 8; q++)
        {
            if (q > from && ClauseBreak(text, g[q].First)) return -1;
            var w = g[q].Text;
            if (s_referring.Contains(w)) return -1;
            if (w == "cc" || (w == "creative" && q + 1 < g.Count && g[q + 1].Text == "commons")) return g[q].Last + 1;
            // A version: the name of a versioned licence the grammar does not know ("under XYZ 2.0", "under Acme v2").
            if (w.StartsWith(VersionMark, StringComparison.Ordinal)) return g[q].Last + 1;
            if (w is "license" or "licenses")
            {
                if (qualified) return g[q].Last + 1;
                continue;
            }
            if (s_fillers.Contains(w)) continue;
            if (afterLicense) return g[q].Last + 1;
            qualified = true;
        }
        return -1;
    }

    // The end of a clause between a word and the one before it: a semicolon, colon, bracket, a full stop followed by
    // a space (not after "Inc." or an initial), or a blank line. Licence files are hard-wrapped: one line break is not.
    private static bool ClauseBreak(TokenizedText text, int word)
    {
        var gap = text.GapBefore(word);
        if (gap.IndexOfAny(";:()[]!?") >= 0) return true;
        int newline = gap.IndexOf('\n');
        if (newline >= 0 && gap.Slice(newline + 1).Contains('\n')) return true;
        int dot = gap.IndexOf('.');
        if (dot < 0 || gap.Slice(dot + 1).IndexOfAny(" \t\r\n") < 0) return false;
        var before = text.Words[word - 1];
        return before.Length > 1 && !TextTokenizer.Abbreviations.Contains(before);
    }

    /// <summary>Whether the text has a statement trigger ("licensed under" …), even one whose name cannot be read.</summary>
    /// <remarks>"subject to" does not count: "Use is subject to the Acme License Agreement" grants nothing that a licence
    /// URL elsewhere in the text could name.</remarks>
    public bool HasTrigger(TokenizedText text)
    {
        var g = Grammar(text);
        for (int i = 0; i < g.Count; i++)
        {
            if (s_triggers.Any(tr => tr[0] != "subject" && Matches(g, i, tr)) || FrenchTrigger(g, i) != null) return true;
        }
        return false;
    }

    private static int IndexOfToken(List<GrammarToken> g, int wordEnd)
    {
        for (int k = 0; k < g.Count; k++) if (g[k].First >= wordEnd) return k;
        return g.Count;
    }

    // The names that may begin at grammar token p, longest first.
    private IEnumerable<(string[] Words, string Family, string? Version)> NamesAt(List<GrammarToken> g, int p)
    {
        if (p >= g.Count) return s_noNames;
        IEnumerable<(string[] Words, string Family, string? Version)> byWord = _byFirstWord.TryGetValue(g[p].Text, out var list) ? list : s_noNames;
        if (!g[p].Text.StartsWith(VersionMark, StringComparison.Ordinal) || !_byFirstWord.TryGetValue(VersionMark, out var byVersion)) return byWord;
        return byWord.Concat(byVersion).OrderByDescending(n => n.Words.Length);
    }

    private static readonly (string[] Words, string Family, string? Version)[] s_noNames = Array.Empty<(string[], string, string?)>();

    private LicenceStatement? ReadName(List<GrammarToken> g, int start, int p)
    {
        foreach (var (words, family, fixedVersion) in NamesAt(g, p))
        {
            int q = p;
            string? version = fixedVersion;
            bool ok = true;
            foreach (var w in words)
            {
                if (q >= g.Count) { ok = false; break; }
                if (w == VersionMark)
                {
                    if (!g[q].Text.StartsWith(VersionMark, StringComparison.Ordinal)) { ok = false; break; }
                    version = g[q].Text.Substring(1);
                }
                else if (!string.Equals(g[q].Text, w, StringComparison.Ordinal))
                {
                    ok = false;
                    break;
                }
                q++;
            }
            if (!ok) continue;
            // After the name: an optional "license"/"public license", the GNU wording, a version, "of the license".
            if (q < g.Count && g[q].Text == "license") q++;
            if (version == null)
            {
                foreach (var f in s_gnuFiller) if (Matches(g, q, f)) q += f.Length;
                if (q < g.Count && g[q].Text == "either") q++;
                if (q < g.Count && g[q].Text.StartsWith(VersionMark, StringComparison.Ordinal))
                {
                    version = g[q].Text.Substring(1);
                    q++;
                }
                if (Matches(g, q, new[] { "of", "the", "license" })) q += 3;
                if (q < g.Count && g[q].Text == "license") q++;
            }
            // A name that is an "-or-later" identifier ("AGPL-3.0-or-later") says it itself.
            bool orLater = words.Length > 2 && words[^2] == "or" && words[^1] == "later";
            var later = orLater ? null : s_orLater.FirstOrDefault(l => Matches(g, q, l));
            if (later != null)
            {
                orLater = true;
                q += later.Length;
            }
            else if (q < g.Count && g[q].Text == "only")
            {
                q++;
            }
            bool modified = q < g.Count && (s_modifiers.Contains(g[q].Text) || NamesAnother(g, q));
            int end = q < g.Count ? g[q].First : (g.Count == 0 ? 0 : g[^1].Last + 1);
            return new LicenceStatement(g[start].First, end, family, version, orLater, modified, Resolve(family, version, orLater));
        }
        return null;
    }

    // "the MIT license and the GPL-3.0 license", "sous licence EUPL-1.2 ou CeCILL-B": a second licence named after a
    // conjunction changes the terms as well.
    private bool NamesAnother(List<GrammarToken> g, int q) => SecondName(g, q) != null;

    // The licence named after the conjunction at grammar token q ("and"/"or", then fillers), or null.
    private LicenceStatement? SecondName(List<GrammarToken> g, int q)
    {
        if (g[q].Text is not ("and" or "or" or "et" or "ou")) return null;
        int p = q + 1;
        for (int steps = 0; steps <= 5 && p < g.Count; steps++)
        {
            if (ReadName(g, q, p) is { } name) return name;
            if (!s_fillers.Contains(g[p].Text) && g[p].Text != "or") return null;
            p++;
        }
        return null;
    }

    /// <summary>
    /// The licence a statement is joined to by "or"/"and" ("licensed under the MIT license or the Apache License 2.0",
    /// "sous licence EUPL-1.2 ou CeCILL-B"), when that name is read and nothing else follows it; <paramref name="choice"/>
    /// tells "or" from "and". Null when the statement is not joined so.
    /// </summary>
    public LicenceStatement? Conjoined(TokenizedText text, LicenceStatement statement, out bool choice)
    {
        choice = false;
        var g = Grammar(text);
        int q = IndexOfToken(g, statement.End);
        if (q >= g.Count || SecondName(g, q) is not { Id: not null, Modified: false } second) return null;
        choice = g[q].Text is "or" or "ou";
        return second;
    }

    private string? Resolve(string family, string? version, bool orLater)
    {
        if (!_families.TryGetValue(family, out var versions)) return null;
        (string? Plain, string? Only, string? OrLater) ids;
        if (version == null)
        {
            // "the MIT license": the unversioned licence of the family (MIT, not MIT-0); otherwise only a family of
            // one version resolves ("the Apache License" could be 1.0, 1.1 or 2.0).
            if (!versions.TryGetValue(string.Empty, out ids))
            {
                if (versions.Count != 1) return null;
                ids = versions.Values.First();
            }
        }
        else if (!versions.TryGetValue(version, out ids))
        {
            return null;
        }
        if (orLater) return ids.OrLater ?? (ids.Plain is null ? null : ids.Plain + "+");
        return ids.Only ?? ids.Plain;
    }

    private static bool Matches(List<GrammarToken> g, int at, string[] phrase)
    {
        if (at < 0 || at + phrase.Length > g.Count) return false;
        for (int k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(g[at + k].Text, phrase[k], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?<f>.+?)-(?<v>\d+(\.\d+)*)(?<s>-only|-or-later)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
