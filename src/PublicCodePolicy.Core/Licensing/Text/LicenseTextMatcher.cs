// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>
/// Identifies licence texts against the SPDX licence list's own templates, following the SPDX matching
/// guidelines: case, whitespace, punctuation, bullets and copyright lines are ignored, equivalent words are
/// equal, <c>&lt;optional&gt;</c> parts may be missing and <c>&lt;alt&gt;</c> parts may be any text their pattern
/// accepts. Works offline from data embedded in the product (SPDX License List, CC-BY-3.0).
/// </summary>
/// <remarks>
/// <para>Contract: only an exact match, a recognised notice or recognised proprietary terms conclude a licence. A
/// text that is merely close to a licence (a near match) is returned as <c>NOASSERTION</c> with its similarity as
/// the score and the nearest licence in the note: it is never promoted to that licence.</para>
/// <para>A text holding several licences becomes an expression: <c>OR</c> when the words around them state a choice
/// ("at your option", "dual licensed", "either"), <c>AND</c> otherwise, <c>WITH</c> for an exception text next to
/// the licence it modifies. The GPL-3.0 text next to the LGPL-3.0 text is read as LGPL-3.0 alone, because the
/// LGPL-3.0 is defined as the GPL-3.0 plus additional permissions and must be conveyed with it.</para>
/// <para>Words outside the matched licence texts (titles, a sentence introducing the licences) are tolerated
/// when they are few and carry no restriction; otherwise nothing is concluded.</para>
/// </remarks>
public sealed partial class LicenseTextMatcher : ILicenseTextIdentifier
{
    /// <summary>Longest text analysed, in characters; longer texts are not identified.</summary>
    public const int MaxTextLength = 512 * 1024;

    /// <summary>Similarity from which the closest licence is reported as a near match.</summary>
    public const double NearMatchThreshold = 0.75;

    /// <summary>Most unexplained words an exact match tolerates (titles, introductory sentences).</summary>
    public const int MaxUnmatchedWords = 40;

    private const double CandidateContainment = 0.95;
    private const int MaxNoticeWords = 80;

    private static readonly Lazy<LicenseTextMatcher> s_shared = new(Load);

    // Words that turn "MIT plus a sentence" into different terms; leftover words containing them are never tolerated.
    private static readonly HashSet<string> s_restrictionWords = new(StringComparer.Ordinal)
    {
        "not", "no", "nor", "must", "shall", "only", "except", "exception", "provided", "prohibited", "forbidden", "restrict",
        "restricted", "restriction", "restrictions", "evil", "military", "commercial", "noncommercial", "cannot", "never", "pay",
        "fee", "fees", "royalty", "require", "required", "requires", "condition", "conditions", "unless", "without", "excluding",
    };

    private static readonly string[][] s_choicePhrases =
    {
        new[] { "at", "your", "option" }, new[] { "at", "your", "choice" }, new[] { "your", "choice" }, new[] { "choice", "of" },
        new[] { "dual", "licensed" }, new[] { "dual", "license" }, new[] { "dual", "licensing" }, new[] { "either" },
        new[] { "alternatively" }, new[] { "you", "may", "choose" },
    };

    private static readonly string[][] s_commercialPhrases =
    {
        new[] { "commercial", "license" }, new[] { "commercial", "licensing" }, new[] { "commercial", "terms" },
    };

    private readonly TextTokenizer _tokenizer;
    private readonly Dictionary<string, int> _wordIds;
    private readonly LicenseTemplate[] _texts;
    private readonly LicenseTemplate[] _headers;
    private readonly IReadOnlyList<NoticeRule> _notices;

    private LicenseTextMatcher(string version, TextTokenizer tokenizer, Dictionary<string, int> wordIds, LicenseTemplate[] texts, LicenseTemplate[] headers, IReadOnlyList<NoticeRule> notices)
    {
        LicenseListVersion = version;
        _tokenizer = tokenizer;
        _wordIds = wordIds;
        _texts = texts;
        _headers = headers;
        _notices = notices;
    }

    /// <summary>One matcher for the whole process, built on first use (the build pays nothing until a licence file must be read).</summary>
    public static LicenseTextMatcher Shared => s_shared.Value;

    /// <summary>
    /// The built-in identifier for callers that may never need it (the engine's default): it builds <see cref="Shared"/>
    /// only when the first licence text is identified, so a build whose packages all declare expressions pays nothing,
    /// and it remembers results on disk (<see cref="LicenseTextCache"/>), so later runs identify known texts without
    /// building it at all.
    /// </summary>
    public static ILicenseTextIdentifier Default { get; } = new DeferredIdentifier();

    /// <summary>Whether <see cref="Shared"/> has been built.</summary>
    public static bool IsSharedLoaded => s_shared.IsValueCreated;

    /// <summary>Version of the SPDX licence list the templates come from.</summary>
    public string LicenseListVersion { get; }

    /// <summary>Licence and exception templates indexed.</summary>
    public int TemplateCount => _texts.Length;

    /// <summary>Identifiers of the licences and exceptions the matcher knows, sorted ordinally.</summary>
    public IReadOnlyList<string> KnownIds => _texts.Select(t => t.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    /// <summary>Builds a matcher from the embedded templates (a fraction of a second; prefer <see cref="Shared"/>).</summary>
    /// <exception cref="InvalidOperationException">The embedded data is missing or damaged.</exception>
    public static LicenseTextMatcher Load()
    {
        using var raw = EmbeddedData.Open("spdx-templates.json.gz");
        using var gz = new GZipStream(raw, CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        var root = doc.RootElement;
        var groups = root.GetProperty("equivalentWords").EnumerateArray().Select(g => (IReadOnlyList<string>)g.EnumerateArray().Select(x => x.GetString()!).ToArray()).ToArray();
        var tokenizer = new TextTokenizer(groups);
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<LicenseTemplate>();
        var headers = new List<LicenseTemplate>();
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            string id = item.GetProperty("id").GetString()!;
            bool exception = item.GetProperty("kind").GetString() == "exception";
            bool osi = item.TryGetProperty("osi", out var o) && o.GetBoolean();
            texts.Add(Compile(id, exception ? TemplateKind.Exception : TemplateKind.License, osi, item.GetProperty("t"), tokenizer, wordIds));
            if (item.TryGetProperty("h", out var h)) headers.Add(Compile(id, TemplateKind.Header, osi, h, tokenizer, wordIds));
        }
        using var noticeDoc = EmbeddedData.ReadJson("license-notices.json");
        var notices = new List<NoticeRule>();
        foreach (var item in noticeDoc.RootElement.GetProperty("items").EnumerateArray())
        {
            notices.Add(new NoticeRule(
                item.GetProperty("license").GetString()!,
                item.GetProperty("kind").GetString()!,
                item.GetProperty("phrases").EnumerateArray().Select(p => tokenizer.Words(p.GetString()!)).ToArray(),
                item.TryGetProperty("unless", out var u) ? u.EnumerateArray().Select(p => tokenizer.Words(p.GetString()!)).ToArray() : Array.Empty<string[]>()));
        }
        return new LicenseTextMatcher(root.GetProperty("licenseListVersion").GetString()!, tokenizer, wordIds, texts.ToArray(), headers.ToArray(), notices);
    }

    /// <summary>
    /// Identifies a text. When nothing is concluded but the analysis has something to say (a near match, a licence
    /// found among other words), the result is <c>NOASSERTION</c> with that note and score, so the evidence reaches
    /// the report; null only when the text says nothing the matcher recognises.
    /// </summary>
    public LicenseTextMatch? Identify(string text)
    {
        var analysis = Analyze(text);
        if (analysis.Kind != LicenseTextMatchKind.None) return new LicenseTextMatch(analysis.Expression, analysis.Score, analysis.Note);
        return analysis.Note != null && analysis.Score > 0 ? new LicenseTextMatch(SpdxExpression.NoAssertion, analysis.Score, analysis.Note) : null;
    }

    /// <summary>Analyses a licence text: which licences it holds, where, and how sure the result is.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public LicenseTextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalyzeCore(text, allowSections: true);
    }

    private LicenseTextAnalysis AnalyzeCore(string text, bool allowSections)
    {
        if (text.Length > MaxTextLength) return Nothing(0, "The text is longer than " + MaxTextLength.ToString(CultureInfo.InvariantCulture) + " characters; it was not analysed.");
        var tokens = _tokenizer.Tokenize(text);
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = _wordIds.TryGetValue(tokens.Words[i], out var id) ? id : -1;
        int significant = tokens.CountSignificant();
        if (significant == 0)
        {
            // "Copyright … All rights reserved." and nothing else: a reservation, not a licence.
            return MatchNotices(tokens, 0, Array.Empty<LicenseTextRegion>(), "reserved") ?? Nothing(0, "The text has no words besides copyright lines.");
        }
        var bigrams = Bigrams(tokens, ids);

        var regions = FindRegions(_texts, tokens, ids, bigrams);
        if (regions.Count > 0)
        {
            // A statement outside the texts naming another licence ("The icons are licensed under CC BY 4.0") or
            // "any later version" is not a title: it is read with the extras below, never dropped.
            var exact = StatesMoreThanTheTexts(tokens, regions) ? null : Conclude(regions, tokens, significant, notice: false);
            if (exact != null) return exact;
            // Words around the texts that a reader sees as harmless (holders, the licence's own appendix, a notice of
            // the same licence, bundled parts "under the same terms"): concluded with a note naming them.
            var withExtras = ConcludeWithExtras(regions, tokens, ids, bigrams, significant);
            if (withExtras != null) return withExtras;
        }
        if (significant <= MaxNoticeWords * 4)
        {
            var headerRegions = FindRegions(_headers, tokens, ids, bigrams);
            if (headerRegions.Count > 0)
            {
                var header = Conclude(headerRegions, tokens, significant, notice: true);
                if (header != null) return header;
            }
        }
        var byNotice = MatchNotices(tokens, significant, regions, "notice", "public-domain");
        if (byNotice != null) return byNotice;
        var proprietary = MatchNotices(tokens, significant, regions, "proprietary");
        if (proprietary != null) return proprietary;
        if (regions.Count == 0)
        {
            var statement = ConcludeSpdxTag(tokens, significant) ?? ConcludeStatements(tokens, significant);
            if (statement != null) return statement;
        }
        if (allowSections)
        {
            var sections = ConcludeSections(text);
            if (sections != null) return sections;
        }
        if (regions.Count > 0)
        {
            // Licence texts were found exactly, with words around them that may change the terms: say so, rather
            // than calling the whole a near match.
            var leftover = Unmatched(tokens, regions);
            int unmatched = leftover.Count;
            bool onlyExceptions = regions.All(r => r.IsException);
            var restriction = FirstRestriction(leftover.Concat(OutsideRegions(tokens, regions, skippableOnly: true)).ToList());
            var unread = restriction == null ? UnreadStatement(tokens, regions) : null;
            return new LicenseTextAnalysis
            {
                Kind = LicenseTextMatchKind.None,
                Expression = SpdxExpression.NoAssertion,
                Regions = regions,
                WordCount = significant,
                UnmatchedWordCount = unmatched,
                Score = Covered(regions, tokens) / (double)significant,
                Note = onlyExceptions && unmatched <= MaxUnmatchedWords
                    ? "The text is the licence exception " + string.Join(", ", regions.Select(r => r.Id)) + ", without the licence it modifies; nothing is concluded."
                    : "The text contains " + string.Join(", ", regions.Select(r => r.Id)) + " but also " + unmatched.ToString(CultureInfo.InvariantCulture) + " other words"
                        + (restriction != null ? ", among them '" + restriction + "', which may restrict the licence"
                            : unread != null ? ", among them " + unread : string.Empty) + "; nothing is concluded.",
            };
        }
        var near = Nearest(tokens, ids, significant);
        if (near != null) return near;
        var reserved = MatchNotices(tokens, significant, regions, "reserved");
        if (reserved != null) return reserved;
        var named = NamedButNotConcluded(tokens, significant);
        if (named != null) return named;
        return Nothing(significant, "The text matches no licence of the SPDX licence list " + LicenseListVersion + ".");
    }

    private static LicenseTextAnalysis Nothing(int words, string note) => new()
    {
        Kind = LicenseTextMatchKind.None,
        Expression = SpdxExpression.NoAssertion,
        WordCount = words,
        UnmatchedWordCount = words,
        Note = note,
    };

    private static HashSet<long> Bigrams(TokenizedText tokens, int[] ids)
    {
        var set = new HashSet<long>();
        int previous = -1, previousSignificant = -1;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if (previous >= 0 && id >= 0) set.Add(LicenseTemplate.Bigram(previous, id));
            if (!tokens.Skippable[i])
            {
                if (previousSignificant >= 0 && id >= 0) set.Add(LicenseTemplate.Bigram(previousSignificant, id));
                previousSignificant = id;
            }
            previous = id;
        }
        return set;
    }

    private static List<LicenseTextRegion> FindRegions(LicenseTemplate[] templates, TokenizedText tokens, int[] ids, HashSet<long> bigrams)
    {
        var found = new List<(LicenseTemplate Template, int Start, int End)>();
        foreach (var t in templates)
        {
            if (t.FirstWord < 0 || t.RequiredWordCount == 0) continue;
            int have = 0;
            foreach (long b in t.RequiredBigrams) if (bigrams.Contains(b)) have++;
            if (t.RequiredBigrams.Length > 0 && have < CandidateContainment * t.RequiredBigrams.Length) continue;
            var span = TemplateMatcher.Find(t, tokens, ids);
            if (span != null) found.Add((t, span.Value.Start, span.Value.End));
        }
        // Longest first: a licence whose text contains another's (BSD-3-Clause holds most of BSD-2-Clause) wins.
        found.Sort((a, b) =>
        {
            int c = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (c != 0) return c;
            // Same words matched: the text cannot tell the identifiers apart. Prefer the general one (MPL-2.0, not
            // MPL-2.0-no-copyleft-exception, whose extra required words are the MPL's own Exhibit B).
            c = a.Template.RequiredWordCount.CompareTo(b.Template.RequiredWordCount);
            if (c != 0) return c;
            c = OnlyFirst(a.Template.Id).CompareTo(OnlyFirst(b.Template.Id));
            return c != 0 ? c : string.CompareOrdinal(a.Template.Id, b.Template.Id);
        });
        var chosen = new List<(LicenseTemplate Template, int Start, int End, List<string> Alternatives)>();
        foreach (var f in found)
        {
            var same = chosen.FindIndex(c => c.Start == f.Start && c.End == f.End);
            if (same >= 0)
            {
                chosen[same].Alternatives.Add(f.Template.Id);
                continue;
            }
            if (chosen.Any(c => f.Start < c.End && c.Start < f.End)) continue;
            chosen.Add((f.Template, f.Start, f.End, new List<string>()));
        }
        return chosen
            .OrderBy(c => c.Start)
            .Select(c => new LicenseTextRegion(c.Template.Id, c.Template.Kind == TemplateKind.Exception, c.Start, c.End, c.Alternatives.OrderBy(x => x, StringComparer.Ordinal).ToArray()))
            .ToList();
    }

    // The text of GPL-3.0-only and GPL-3.0-or-later is the same: the text alone grants no later version.
    private static int OnlyFirst(string id) => id.EndsWith("-only", StringComparison.Ordinal) ? 0 : id.EndsWith("-or-later", StringComparison.Ordinal) ? 2 : 1;

    private static int Covered(IReadOnlyList<LicenseTextRegion> regions, TokenizedText tokens)
    {
        int n = 0;
        foreach (var r in regions)
        {
            for (int i = r.StartWord; i < r.EndWord; i++) if (!tokens.Skippable[i]) n++;
        }
        return n;
    }

    private static IEnumerable<string> OutsideRegions(TokenizedText tokens, IReadOnlyList<LicenseTextRegion> regions, bool skippableOnly)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (skippableOnly && !tokens.Skippable[i]) continue;
            if (regions.Any(r => i >= r.StartWord && i < r.EndWord)) continue;
            yield return tokens.Words[i];
        }
    }

    private static List<string> Unmatched(TokenizedText tokens, IReadOnlyList<LicenseTextRegion> regions)
    {
        var inRegion = new bool[tokens.Count];
        foreach (var r in regions) for (int i = r.StartWord; i < r.EndWord; i++) inRegion[i] = true;
        var words = new List<string>();
        for (int i = 0; i < tokens.Count; i++) if (!inRegion[i] && !tokens.Skippable[i]) words.Add(tokens.Words[i]);
        return words;
    }

    private LicenseTextAnalysis? Conclude(List<LicenseTextRegion> regions, TokenizedText tokens, int significant, bool notice, List<string>? extras = null, string? extrasNote = null)
    {
        var leftover = extras ?? Unmatched(tokens, regions);
        bool choice = ContainsAny(leftover, s_choicePhrases, out _);
        var extra = new List<string>();
        var notes = new List<string>();
        if (choice && ContainsAny(leftover, s_commercialPhrases, out var commercial))
        {
            extra.Add("LicenseRef-Commercial");
            notes.Add("a commercial licence is offered as an alternative");
            leftover = RemovePhrase(leftover, commercial!);
        }
        // Copyright lines are skipped when matching, but a restriction hidden on one ("Copyright 2024 X. Not for
        // military use.") still counts.
        // (Extras were checked word by word before, benign idioms aside.)
        var restriction = extras != null ? null : FirstRestriction(leftover.Concat(OutsideRegions(tokens, regions, skippableOnly: true)).ToList());
        if (leftover.Count > MaxUnmatchedWords || restriction != null)
        {
            return null;
        }

        var licenses = regions.Where(r => !r.IsException).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        var exceptions = regions.Where(r => r.IsException).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        if (CollapseLgpl3(licenses)) notes.Add("the GPL-3.0 text accompanies the LGPL-3.0, which incorporates it");
        var operands = new List<string>();
        if (exceptions.Count > 0)
        {
            var host = licenses.FirstOrDefault(IsGnu) ?? (licenses.Count == 1 ? licenses[0] : AdjacentHost(regions, exceptions));
            if (host == null)
            {
                return null;
            }
            foreach (var l in licenses)
            {
                if (!string.Equals(l, host, StringComparison.Ordinal)) operands.Add(l);
            }
            operands.Insert(0, exceptions.Count == 1 ? host + " WITH " + exceptions[0] : "(" + string.Join(" AND ", exceptions.Select(e => host + " WITH " + e)) + ")");
        }
        else
        {
            operands.AddRange(licenses);
        }
        operands.AddRange(extra);
        string op = choice && operands.Count > 1 ? " OR " : " AND ";
        string expressionText = string.Join(op, operands.Select(o => operands.Count > 1 && o.Contains(" WITH ", StringComparison.Ordinal) && !o.StartsWith('(') ? "(" + o + ")" : o));
        if (!LicenseList.Default.TryParse(expressionText, out var expression, out _) || expression == null) return null;

        var sb = new StringBuilder();
        sb.Append(notice ? "Licence notice (standard header) of " : "Exact match (SPDX matching guidelines) to ").Append(string.Join(", ", regions.Select(r => r.Id)));
        var alternatives = regions.SelectMany(r => r.Alternatives).ToArray();
        if (alternatives.Length > 0) sb.Append("; the same text is also ").Append(string.Join(", ", alternatives));
        if (operands.Count > 1) sb.Append(choice ? "; the text states a choice" : "; all apply");
        foreach (var n in notes) sb.Append("; ").Append(n);
        if (extrasNote != null) sb.Append("; ").Append(extrasNote);
        else if (leftover.Count > 0) sb.Append("; ").Append(leftover.Count.ToString(CultureInfo.InvariantCulture)).Append(" other words (titles, introduction)");
        sb.Append('.');
        return new LicenseTextAnalysis
        {
            Kind = notice ? LicenseTextMatchKind.Notice : LicenseTextMatchKind.Exact,
            Expression = expression,
            Score = 1.0,
            Note = sb.ToString(),
            Regions = regions,
            WordCount = significant,
            UnmatchedWordCount = leftover.Count,
        };
    }

    // Among several licences, the one an exception modifies is the licence whose text the exception's text follows
    // directly ("Apache-2.0" then "LLVM Exceptions to the Apache 2.0 License"); null when that is not so for every
    // exception, or they follow different licences.
    private static string? AdjacentHost(List<LicenseTextRegion> regions, List<string> exceptions)
    {
        const int MaxGap = 20;
        string? host = null;
        foreach (var e in regions.Where(r => r.IsException))
        {
            var before = regions.Where(r => r.EndWord <= e.StartWord).OrderBy(r => r.EndWord).LastOrDefault();
            if (before == null || before.IsException || e.StartWord - before.EndWord > MaxGap) return null;
            if (host != null && !string.Equals(host, before.Id, StringComparison.Ordinal)) return null;
            host = before.Id;
        }
        return exceptions.Count > 0 ? host : null;
    }

    private static bool IsGnu(string id) => id.StartsWith("GPL-", StringComparison.Ordinal) || id.StartsWith("LGPL-", StringComparison.Ordinal) || id.StartsWith("AGPL-", StringComparison.Ordinal);

    private static bool CollapseLgpl3(List<string> licenses)
    {
        bool lgpl = licenses.Any(l => l.StartsWith("LGPL-3.0", StringComparison.Ordinal));
        if (!lgpl) return false;
        return licenses.RemoveAll(l => l.StartsWith("GPL-3.0", StringComparison.Ordinal)) > 0;
    }

    private static bool ContainsAny(List<string> words, string[][] phrases, out string[]? found)
    {
        foreach (var p in phrases)
        {
            if (IndexOf(words, p) >= 0)
            {
                found = p;
                return true;
            }
        }
        found = null;
        return false;
    }

    // Where the phrase first occurs in words at or after from, or -1.
    private static int IndexOf(IReadOnlyList<string> words, string[] phrase, int from = 0)
    {
        if (phrase.Length == 0) return -1;
        for (int i = from; i + phrase.Length <= words.Count; i++)
        {
            bool ok = true;
            for (int k = 0; k < phrase.Length && ok; k++) ok = string.Equals(words[i + k], phrase[k], StringComparison.Ordinal);
            if (ok) return i;
        }
        return -1;
    }

    private static List<string> RemovePhrase(List<string> words, string[] phrase)
    {
        var copy = new List<string>(words);
        int at;
        while ((at = IndexOf(copy, phrase)) >= 0) copy.RemoveRange(at, phrase.Length);
        return copy;
    }

    private LicenseTextAnalysis? MatchNotices(TokenizedText tokens, int significant, IReadOnlyList<LicenseTextRegion> regions, params string[] kinds)
    {
        // Phrases are looked for in all words, copyright lines included: "All rights reserved" usually sits on one.
        var all = tokens.Words;
        foreach (var rule in _notices)
        {
            if (!kinds.Contains(rule.Kind, StringComparer.Ordinal)) continue;
            var phrase = rule.Phrases.FirstOrDefault(p => IndexOf(all, p) >= 0);
            if (phrase == null) continue;
            if (rule.Unless.Any(p => IndexOf(all, p) >= 0)) continue;
            bool shortText = rule.Kind is "notice" or "public-domain";
            if (shortText && (significant > MaxNoticeWords || regions.Count > 0)) continue;
            // A notice or a dedication grants what it says only if no other word restricts it: "Licensed under CC BY
            // 4.0. Commercial use prohibited." is not CC-BY-4.0.
            if (shortText && FindRestriction(all.ToList()) != null) continue;
            if (rule.Kind == "reserved" && regions.Count > 0) continue;
            if (!LicenseList.Default.TryParse(rule.License, out var expression, out _) || expression == null) continue;
            string quoted = "'" + string.Join(' ', phrase) + "'";
            var kind = rule.Kind is "proprietary" or "reserved" ? LicenseTextMatchKind.Proprietary : LicenseTextMatchKind.Notice;
            string note = rule.Kind switch
            {
                "proprietary" => "Proprietary terms recognised by the words " + quoted + ".",
                "reserved" => "The text reserves all rights (" + quoted + ") and grants none: proprietary.",
                "public-domain" => "A public-domain dedication (" + quoted + "); it is not a licence, and French law keeps the author's moral rights.",
                _ => "A licence notice naming " + rule.License + " (" + quoted + ").",
            };
            if (regions.Count > 0) note += " The text also contains " + string.Join(", ", regions.Select(r => r.Id)) + ", which does not make it free.";
            return new LicenseTextAnalysis
            {
                Kind = kind,
                Expression = expression,
                Score = 1.0,
                Note = note,
                Regions = regions,
                WordCount = significant,
                UnmatchedWordCount = Math.Max(0, significant - phrase.Length),
            };
        }
        return null;
    }

    private LicenseTextAnalysis? Nearest(TokenizedText tokens, int[] ids, int significant)
    {
        var set = new HashSet<long>();
        int previous = -1;
        for (int i = 0; i < ids.Length; i++)
        {
            if (tokens.Skippable[i]) continue;
            if (previous >= 0 && ids[i] >= 0) set.Add(LicenseTemplate.Bigram(previous, ids[i]));
            previous = ids[i];
        }
        // Pairs with words no template has still count in the text's size.
        int textPairs = Math.Max(set.Count, significant - 1);
        if (textPairs <= 0) return null;
        LicenseTemplate? best = null;
        double bestScore = 0;
        foreach (var t in _texts)
        {
            if (t.Kind != TemplateKind.License || t.AllBigrams.Length == 0) continue;
            int common = 0;
            foreach (long b in t.AllBigrams) if (set.Contains(b)) common++;
            double dice = 2.0 * common / (t.AllBigrams.Length + textPairs);
            if (dice > bestScore || (dice == bestScore && best != null && string.CompareOrdinal(t.Id, best.Id) < 0))
            {
                bestScore = dice;
                best = t;
            }
        }
        if (best == null || bestScore < NearMatchThreshold) return null;
        double rounded = Math.Round(bestScore, 3);
        // Where the text stops following the licence: the first thing a reviewer should read.
        var (_, position) = TemplateMatcher.Progress(best, tokens, ids);
        string where = position > 0 && position < tokens.Count
            ? " The text departs from it after \"…" + string.Join(' ', tokens.Words.Skip(Math.Max(0, position - 6)).Take(6)) + "\" (word " + position.ToString(CultureInfo.InvariantCulture) + ")."
            : string.Empty;
        return new LicenseTextAnalysis
        {
            Kind = LicenseTextMatchKind.Near,
            Expression = SpdxExpression.NoAssertion,
            Score = Math.Min(rounded, 0.999),
            NearestLicense = best.Id,
            WordCount = significant,
            UnmatchedWordCount = significant,
            Note = "Near match to " + best.Id + " (similarity " + rounded.ToString("0.000", CultureInfo.InvariantCulture) + "), not an exact match under the SPDX matching guidelines: nothing is concluded." + where + " Compare the text with " + best.Id + " and record a curation if it is the same licence.",
        };
    }

    private static LicenseTemplate Compile(string id, TemplateKind kind, bool osi, JsonElement nodes, TextTokenizer tokenizer, Dictionary<string, int> wordIds)
    {
        var all = new List<int>();
        var compiled = CompileNodes(nodes, tokenizer, wordIds, all);
        return new LicenseTemplate(id, kind, osi, compiled, all.ToArray());
    }

    private static TemplateNode[] CompileNodes(JsonElement nodes, TextTokenizer tokenizer, Dictionary<string, int> wordIds, List<int> all)
    {
        var result = new List<TemplateNode>();
        foreach (var n in nodes.EnumerateArray())
        {
            if (n.ValueKind == JsonValueKind.String)
            {
                foreach (var w in tokenizer.Words(n.GetString()!))
                {
                    int id = Intern(w, wordIds);
                    result.Add(WordNode.For(id));
                    all.Add(id);
                }
            }
            else if (n.TryGetProperty("o", out var children))
            {
                var inner = CompileNodes(children, tokenizer, wordIds, all);
                if (inner.Length > 0) result.Add(new OptionalNode(inner));
            }
            else
            {
                var defaults = tokenizer.Words(n.GetProperty("t").GetString() ?? string.Empty);
                foreach (var w in defaults) all.Add(Intern(w, wordIds));
                result.Add(new AltNode(n.GetProperty("a").GetString() ?? ".*", defaults));
            }
        }
        return result.ToArray();
    }

    private static int Intern(string word, Dictionary<string, int> ids)
    {
        if (!ids.TryGetValue(word, out int id))
        {
            id = ids.Count;
            ids[word] = id;
        }
        return id;
    }

    private sealed class DeferredIdentifier : ILicenseTextIdentifier
    {
        // Results are remembered on disk (see LicenseTextCache), so most runs never build the index.
        private readonly Lazy<LicenseTextCache> _cache = new(() => new LicenseTextCache(new SharedIdentifier(), LicenseTextCache.DefaultDirectory()));

        public LicenseTextMatch? Identify(string text) => _cache.Value.Identify(text);
    }

    private sealed class SharedIdentifier : ILicenseTextIdentifier
    {
        public LicenseTextMatch? Identify(string text) => Shared.Identify(text);
    }

    private sealed record NoticeRule(string License, string Kind, string[][] Phrases, string[][] Unless);
}
