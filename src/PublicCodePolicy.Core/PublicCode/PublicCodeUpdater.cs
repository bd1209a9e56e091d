// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.PublicCode;

/// <summary>
/// Updates the values the tool owns (<c>softwareVersion</c>, <c>releaseDate</c>, <c>legal.license</c>,
/// <c>url</c>) in an existing publiccode.yml by editing the text at the positions the YAML parser gives.
/// Every other byte — keys, order, quoting, comments, other languages — is kept.
/// </summary>
public static class PublicCodeUpdater
{
    /// <summary>The keys the tool owns, in the order they are updated.</summary>
    public static IReadOnlyList<string> OwnedKeys { get; } = new[] { "url", "softwareVersion", "releaseDate", "legal.license" };

    private static readonly YamlLimits s_limits = new(4 * 1024 * 1024, 64, 200_000);

    /// <summary>
    /// Returns the updated text (the same text when nothing changed). When the existing text does not parse,
    /// or an owned key cannot be edited safely, a PCP3004 finding explains why and <see cref="PublicCodeGenerationResult.Text"/>
    /// is null (nothing must be written). Facts left null are not touched.
    /// </summary>
    public static PublicCodeGenerationResult Update(string existingText, PublicCodeFacts facts, PublicCodeValidationOptions? validation = null)
    {
        ArgumentNullException.ThrowIfNull(existingText);
        ArgumentNullException.ThrowIfNull(facts);
        var docs = YamlTreeLoader.Load(existingText, s_limits, out var error);
        if (docs is null) return Refuse("the existing publiccode.yml does not parse (line " + error!.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + error.Message + "); fix it by hand, then run again");
        if (docs.Count != 1 || docs[0] is not YamlMapping { IsFlow: false } root)
        {
            return Refuse("the existing publiccode.yml is not one YAML document whose top level is a block mapping");
        }
        string newline = existingText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var edits = new List<(int Start, int End, string Text)>();
        var changed = new List<string>();
        var refusals = new List<string>();
        var wanted = new List<(string Key, string Value)>();
        void Want(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) wanted.Add((key, value));
        }
        Want("url", facts.Url);
        Want("softwareVersion", facts.SoftwareVersion);
        Want("releaseDate", facts.ReleaseDate);
        Want("legal.license", facts.License);

        string indent = new(' ', root.Column - 1);
        var appendAtEnd = new StringBuilder();
        foreach (var (key, value) in wanted)
        {
            YamlMapping parent = root;
            string leaf = key;
            if (key == "legal.license")
            {
                leaf = "license";
                var legal = root.Find("legal");
                if (legal is null)
                {
                    appendAtEnd.Append(indent).Append("legal:").Append(newline).Append(indent).Append("  license: ").Append(YamlScalarWriter.Auto(value)).Append(newline);
                    changed.Add(key);
                    continue;
                }
                if (legal.Value is not YamlMapping { IsFlow: false, Pairs.Count: > 0 } legalMap)
                {
                    refusals.Add("'legal' is not a block mapping; set legal.license to '" + value + "' by hand");
                    continue;
                }
                parent = legalMap;
            }
            var pair = parent.Find(leaf);
            if (pair is null)
            {
                if (parent == root)
                {
                    var anchor = key switch
                    {
                        "softwareVersion" => root.Find("url") ?? root.Find("name"),
                        "releaseDate" => root.Find("softwareVersion") ?? root.Find("url"),
                        _ => root.Find("name"),
                    };
                    int at = anchor is null ? -1 : EndOfSingleLinePair(existingText, anchor);
                    string line = indent + key + ": " + YamlScalarWriter.Auto(value) + newline;
                    if (at >= 0) edits.Add((at, at, line));
                    else appendAtEnd.Append(line);
                }
                else
                {
                    int lineStart = LineStart(existingText, parent.Pairs[0].Key.StartIndex);
                    if (lineStart < 0)
                    {
                        refusals.Add("the first key of 'legal' does not start its line; set legal.license to '" + value + "' by hand");
                        continue;
                    }
                    string pad = new(' ', parent.Pairs[0].Key.Column - 1);
                    edits.Add((lineStart, lineStart, pad + leaf + ": " + YamlScalarWriter.Auto(value) + newline));
                }
                changed.Add(key);
                continue;
            }
            var node = pair.Value;
            if (node is not YamlScalar scalar || node is YamlScalar { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded })
            {
                refusals.Add("'" + key + "' is not a one-line text value; set it to '" + value + "' by hand");
                continue;
            }
            if (scalar.Type == YamlScalarType.Null)
            {
                int colon = existingText.IndexOf(':', pair.Key.EndIndex);
                if (colon < 0 || existingText.AsSpan(pair.Key.EndIndex, colon - pair.Key.EndIndex).Trim().Length != 0)
                {
                    refusals.Add("'" + key + "' has no value and its ':' was not found; set it to '" + value + "' by hand");
                    continue;
                }
                edits.Add((colon + 1, colon + 1, " " + YamlScalarWriter.Auto(value)));
                changed.Add(key);
                continue;
            }
            if (string.Equals(scalar.AsGoString(), value, StringComparison.Ordinal)) continue;
            edits.Add((scalar.StartIndex, scalar.EndIndex, YamlScalarWriter.InStyle(value, scalar.Style)));
            changed.Add(key);
        }

        var sb = new StringBuilder(existingText);
        // Edits at the same place are applied last-first so that they end up in the order they were made.
        foreach (var (start, end, text) in edits.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Start).ThenByDescending(x => x.i).Select(x => x.e))
        {
            sb.Remove(start, end - start).Insert(start, text);
        }
        if (appendAtEnd.Length > 0)
        {
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append(newline);
            sb.Append(appendAtEnd);
        }
        string updated = sb.ToString();
        var findings = new List<Finding>();
        foreach (string r in refusals) findings.Add(Refusal(r));

        // Never hand back a text that does not parse or does not hold what was asked for.
        var check = YamlTreeLoader.Load(updated, s_limits, out var checkError);
        if (check is null || check.Count != 1 || check[0] is not YamlMapping newRoot)
        {
            return Refuse("the edited text would not parse" + (checkError is null ? string.Empty : " (" + checkError.Message + ")") + "; the file was left as it is");
        }
        foreach (var (key, value) in wanted)
        {
            if (changed.Contains(key) && ReadBack(newRoot, key) != value)
            {
                return Refuse("the edited value of '" + key + "' would not read back as '" + value + "'; the file was left as it is");
            }
        }
        var result = PublicCodeValidator.Validate(updated, validation ?? new PublicCodeValidationOptions { CheckFiles = false });
        findings.AddRange(result.ToFindings());
        return new PublicCodeGenerationResult(updated, findings, result, changed);
    }

    private static string? ReadBack(YamlMapping root, string key)
    {
        YamlMapping? map = root;
        string leaf = key;
        if (key == "legal.license")
        {
            map = root.Find("legal")?.Value as YamlMapping;
            leaf = "license";
        }
        return map?.Find(leaf)?.Value is YamlScalar s ? s.AsGoString() : null;
    }

    /// <summary>Index just after the line break ending a pair written on one line, or -1.</summary>
    private static int EndOfSingleLinePair(string text, YamlPair pair)
    {
        if (pair.Value is not YamlScalar value || value.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded) return -1;
        if (text.AsSpan(pair.Key.StartIndex, Math.Max(0, value.EndIndex - pair.Key.StartIndex)).IndexOfAny('\r', '\n') >= 0) return -1;
        int nl = text.IndexOf('\n', value.EndIndex);
        return nl < 0 ? -1 : nl + 1;
    }

    /// <summary>Start of the line holding <paramref name="index"/> when only spaces precede it on that line; otherwise -1.</summary>
    private static int LineStart(string text, int index)
    {
        int i = index;
        while (i > 0 && text[i - 1] == ' ') i--;
        return i == 0 || text[i - 1] == '\n' ? i : -1;
    }

    private static Finding Refusal(string message) => new()
    {
        RuleId = PublicCodeRules.UpdateRefused.Id,
        Severity = FindingSeverity.Error,
        IsEnforced = true,
        Message = "publiccode.yml was not updated: " + message,
        Remedy = "Edit publiccode.yml by hand so that the owned keys (url, softwareVersion, releaseDate, legal.license) are plain one-line values.",
    };

    private static PublicCodeGenerationResult Refuse(string message)
        => new(null, new[] { Refusal(message) }, null, Array.Empty<string>());
}
