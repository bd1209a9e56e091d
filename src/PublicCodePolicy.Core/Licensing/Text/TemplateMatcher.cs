// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Licensing.Text;

/// <summary>
/// Finds where a template matches a text. The template is run as a non-deterministic automaton over word
/// positions: the state is the set of positions reached (each with the earliest start that reaches it), a word
/// keeps the positions followed by it, an optional part adds the positions its content reaches, and an
/// alternative adds every position a bounded run of words its pattern accepts leads to. There is no
/// backtracking, so the cost is bounded by template size × live positions × the alternative's word bound.
/// </summary>
internal static class TemplateMatcher
{
    /// <summary>The longest span of <paramref name="text"/> the template matches, or null.</summary>
    public static (int Start, int End)? Find(LicenseTemplate template, TokenizedText text, int[] ids)
    {
        int first = template.FirstWord;
        var state = new Dictionary<int, int>();
        for (int p = 0; p < ids.Length; p++)
        {
            if (ids[p] == first) state[p] = p;
        }
        if (state.Count == 0) return null;
        state = Run(template.Nodes, state, text, ids);
        (int Start, int End)? best = null;
        foreach (var (end, start) in state)
        {
            if (best == null || end - start > best.Value.End - best.Value.Start || (end - start == best.Value.End - best.Value.Start && start < best.Value.Start))
            {
                best = (start, end);
            }
        }
        if (best == null || template.Leading.Length == 0) return best;
        var starts = RunBackward(template.Leading, new HashSet<int> { best.Value.Start }, text, ids);
        return starts.Count == 0 ? best : (starts.Min(), best.Value.End);
    }

    // The leading nodes, run from the anchor towards the start of the text: each position is where the part of the
    // template after it begins.
    private static HashSet<int> RunBackward(TemplateNode[] nodes, HashSet<int> state, TokenizedText text, int[] ids)
    {
        for (int i = nodes.Length - 1; i >= 0 && state.Count > 0; i--)
        {
            switch (nodes[i])
            {
                case WordNode w:
                    {
                        var next = new HashSet<int>();
                        foreach (int p in state)
                        {
                            for (int q = p; q > 0; q--)
                            {
                                if (ids[q - 1] == w.Id) next.Add(q - 1);
                                if (!text.Skippable[q - 1]) break;
                            }
                        }
                        state = next;
                        break;
                    }
                case OptionalNode o:
                    {
                        var inner = RunBackward(o.Children, new HashSet<int>(state), text, ids);
                        state.UnionWith(inner);
                        break;
                    }
                case AltNode a:
                    {
                        var next = new HashSet<int>();
                        foreach (int p in state)
                        {
                            TryAltBackward(a, p, text, next);
                            int q = text.SkipStart[p];
                            if (q != p) TryAltBackward(a, q, text, next);
                        }
                        state = next;
                        break;
                    }
            }
        }
        // Copyright lines and numbering just before the licence belong to it.
        var withSkipped = new HashSet<int>(state);
        foreach (int p in state) withSkipped.Add(text.SkipStart[p]);
        return withSkipped;
    }

    private static void TryAltBackward(AltNode a, int p, TokenizedText text, HashSet<int> next)
    {
        int max = Math.Min(a.MaxWords, p);
        for (int k = a.MinWords; k <= max; k++)
        {
            if (a.Accepts(text, p - k, k)) next.Add(p - k);
        }
    }

    /// <summary>How many top-level template nodes the text follows before it departs, and the furthest word reached then (for near-match notes).</summary>
    public static (int Nodes, int Position) Progress(LicenseTemplate template, TokenizedText text, int[] ids)
    {
        var state = new Dictionary<int, int>();
        for (int p = 0; p < ids.Length; p++)
        {
            if (ids[p] == template.FirstWord) state[p] = p;
        }
        int done = 0, furthest = 0;
        foreach (var node in template.Nodes)
        {
            var next = Run(new[] { node }, state, text, ids);
            if (next.Count == 0) break;
            state = next;
            furthest = state.Keys.Max();
            if (state.Count > 256) break;
            done++;
        }
        return (done, furthest);
    }

    private static Dictionary<int, int> Run(TemplateNode[] nodes, Dictionary<int, int> state, TokenizedText text, int[] ids)
    {
        int n = ids.Length;
        foreach (var node in nodes)
        {
            if (state.Count == 0) return state;
            switch (node)
            {
                case WordNode w:
                    {
                        var next = new Dictionary<int, int>(state.Count);
                        foreach (var (p, s) in state)
                        {
                            // Any word of a skippable run (a copyright line, numbering) may be skipped, or matched.
                            for (int q = p; q < n; q++)
                            {
                                if (ids[q] == w.Id) Add(next, q + 1, s);
                                if (!text.Skippable[q]) break;
                            }
                        }
                        state = next;
                        break;
                    }
                case OptionalNode o:
                    {
                        var inner = Run(o.Children, new Dictionary<int, int>(state), text, ids);
                        foreach (var (p, s) in inner) Add(state, p, s);
                        break;
                    }
                case AltNode a:
                    {
                        var next = new Dictionary<int, int>();
                        foreach (var (p, s) in state)
                        {
                            TryAlt(a, p, s, text, next);
                            int q = text.SkipEnd[p];
                            if (q != p) TryAlt(a, q, s, text, next);
                        }
                        state = next;
                        break;
                    }
            }
        }
        return state;
    }

    private static void TryAlt(AltNode a, int p, int s, TokenizedText text, Dictionary<int, int> next)
    {
        int max = Math.Min(a.MaxWords, text.Count - p);
        for (int k = a.MinWords; k <= max; k++)
        {
            if (a.Accepts(text, p, k)) Add(next, p + k, s);
        }
    }

    private static void Add(Dictionary<int, int> state, int position, int start)
    {
        if (!state.TryGetValue(position, out int existing) || start < existing) state[position] = start;
    }
}
