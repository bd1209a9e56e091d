// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.Tests.Properties;

/// <summary>An SPDX expression as text, generated as a tree of listed and unlisted licences, LicenseRefs, '+', WITH, AND and OR.</summary>
public sealed record ExpressionText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>A policy file's JSON: a preset and allow/deny lists drawn from the same identifiers as the expressions.</summary>
public sealed record PolicyText(string Json)
{
    public override string ToString() => Json;
}

/// <summary>A licence identifier and a licence exception identifier.</summary>
public sealed record LicenceAndException(string Licence, string Exception);

/// <summary>A publiccode.yml written by a person: owned keys, keys of their own, comments in many places.</summary>
public sealed record HandWrittenYaml(string Text, IReadOnlyList<string> KeptLines)
{
    public override string ToString() => Text;
}

/// <summary>Generators (FsCheck 3): small trees, the identifiers a policy can name, hand-written documents.</summary>
public static class Generators
{
    // Listed (free and not), deprecated, unlisted, and custom identifiers: every kind the evaluator distinguishes.
    internal static readonly string[] Licences =
    {
        "MIT", "Apache-2.0", "GPL-2.0-only", "GPL-3.0-or-later", "LGPL-2.1-only", "BSD-3-Clause", "MPL-2.0", "EUPL-1.2",
        "CC-BY-4.0", "CC-BY-NC-4.0", "Unlicense", "SSPL-1.0", "BUSL-1.1", "GPL-2.0", "Not-A-Licence-1.0",
        "LicenseRef-Custom", "LicenseRef-Proprietary",
    };

    internal static readonly string[] Exceptions = { "Classpath-exception-2.0", "LLVM-exception", "GCC-exception-3.1", "My-own-exception" };

    private static Gen<string> Leaf() => Gen.OneOf(
        Gen.Elements(Licences),
        Gen.Elements(Licences.Where(l => !l.StartsWith("LicenseRef-", StringComparison.Ordinal) && !l.EndsWith("-only", StringComparison.Ordinal) && !l.EndsWith("-or-later", StringComparison.Ordinal)).ToArray()).Select(l => l + "+"),
        Gen.Zip(Gen.Elements("GPL-2.0-only", "Apache-2.0", "MIT", "LGPL-2.1-only"), Gen.Elements(Exceptions)).Select(p => p.Item1 + " WITH " + p.Item2));

    private static Gen<string> Tree(int size) => size <= 1
        ? Leaf()
        : Gen.Frequency(
            (2, Leaf()),
            (3, Gen.Zip(Gen.Elements(" AND ", " OR "), Gen.Choose(2, 3).SelectMany(n => Tree(size / n).ArrayOf(n)))
                .Select(p => "(" + string.Join(p.Item1, p.Item2) + ")")));

    public static Arbitrary<ExpressionText> Expression() => Arb.From(Gen.Sized(s => Tree(Math.Min(s, 24))).Select(t => new ExpressionText(t)));

    public static Arbitrary<PolicyText> Policy() => Arb.From(
        from preset in Gen.Elements("osi", "fsf", "osi-or-fsf", "fr-administration")
        from allow in Gen.SubListOf(Licences.Concat(Exceptions).ToArray())
        from deny in Gen.SubListOf(Licences.Concat(Exceptions).ToArray())
        select new PolicyText("{\"preset\":\"" + preset + "\",\"allow\":[" + string.Join(",", allow.Select(a => "\"" + a + "\"")) + "],\"deny\":[" + string.Join(",", deny.Where(d => !allow.Contains(d)).Select(d => "\"" + d + "\"")) + "]}"));

    public static Arbitrary<LicenceAndException> With() => Arb.From(
        from licence in Gen.Elements(Licences)
        from exception in Gen.Elements(Exceptions)
        select new LicenceAndException(licence, exception));

    public static Arbitrary<HandWrittenYaml> Yaml() => Arb.From(
        from extraKeys in Gen.Choose(0, 6)
        from comments in Gen.ListOf(Gen.Elements("# note de la DSI", "# TODO: relire", "# ne pas modifier", "#", "# « accents » et émojis 🙂"), 5)
        from order in Gen.Shuffle(new[] { "url", "softwareVersion", "releaseDate", "name", "developmentStatus" })
        from withLegal in Gen.Elements(true, false)
        select BuildYaml(extraKeys, comments.ToArray(), order, withLegal));

    private static HandWrittenYaml BuildYaml(int extraKeys, string[] comments, IReadOnlyList<string> order, bool withLegal)
    {
        var sb = new StringBuilder();
        var kept = new List<string>();
        void Line(string line, bool keep)
        {
            sb.Append(line).Append('\n');
            if (keep) kept.Add(line);
        }
        int c = 0;
        string Comment() => comments.Length == 0 ? "# c" : comments[c++ % comments.Length] + " " + c.ToString(CultureInfo.InvariantCulture);
        Line(Comment(), true);
        Line("publiccodeYmlVersion: \"0.4\"", true);
        foreach (var key in order)
        {
            switch (key)
            {
                case "url": Line("url: https://git.example.org/old/repo.git", false); break;
                case "softwareVersion": Line("softwareVersion: \"0.9.0\"", false); break;
                case "releaseDate": Line("releaseDate: 2020-01-01", false); break;
                case "name": Line("name: Outil   " + Comment(), true); break;
                default: Line("developmentStatus: beta", true); break;
            }
            Line(Comment(), true);
        }
        for (int i = 0; i < extraKeys; i++)
        {
            Line("x-custom-" + i.ToString(CultureInfo.InvariantCulture) + ": valeur " + i.ToString(CultureInfo.InvariantCulture) + "   " + Comment(), true);
        }
        if (withLegal)
        {
            Line("legal:", true);
            Line("  " + Comment(), true);
            Line("  license: MIT", false);
            Line("  mainCopyrightOwner: Commune de Valmont   " + Comment(), true);
        }
        Line(Comment(), true);
        return new HandWrittenYaml(sb.ToString(), kept);
    }
}

/// <summary>
/// Property-based tests (issue 16): invariants that must hold for every generated input, not only the examples the
/// other tests list. A failure prints the smallest input FsCheck found.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
public sealed class PropertyTests
{
    private static SpdxExpression Parse(string text)
    {
        Assert.True(LicenseList.Default.TryParse(text, out var e, out var d), text + ": " + string.Join("; ", d.Select(x => x.Message)));
        return e!;
    }

    private static LicenseEvaluator Evaluator(PolicyText policy)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(policy.Json));
        return new LicenseEvaluator(PolicyDocument.Load(stream, "policy.json"));
    }

    [Property]
    public void Spdx_PrintThenParse_GivesTheSameTree(ExpressionText expression)
    {
        var parsed = Parse(expression.Text);
        var printed = parsed.ToString();
        var again = Parse(printed);
        Assert.Equal(parsed, again);
        Assert.Equal(printed, again.ToString());
    }

    [Property]
    public void Spdx_PrintedFormIsStable_WhateverTheSpacingAndCase(ExpressionText expression)
    {
        var canonical = Parse(expression.Text).ToString();
        var spaced = expression.Text.Replace("(", "( ", StringComparison.Ordinal).Replace(" AND ", "  and  ", StringComparison.Ordinal).Replace(" OR ", " or ", StringComparison.Ordinal);
        Assert.Equal(canonical, Parse(spaced).ToString());
    }

    [Property]
    public void Or_IsAllowedExactlyWhenOneSideIs(ExpressionText a, ExpressionText b, PolicyText policy)
    {
        var evaluator = Evaluator(policy);
        bool left = evaluator.Evaluate(Parse(a.Text)).Verdict == Verdict.Allowed;
        bool right = evaluator.Evaluate(Parse(b.Text)).Verdict == Verdict.Allowed;
        bool both = evaluator.Evaluate(Parse("(" + a.Text + ") OR (" + b.Text + ")")).Verdict == Verdict.Allowed;
        Assert.Equal(left || right, both);
    }

    [Property]
    public void And_IsAllowedExactlyWhenBothSidesAre(ExpressionText a, ExpressionText b, PolicyText policy)
    {
        var evaluator = Evaluator(policy);
        bool left = evaluator.Evaluate(Parse(a.Text)).Verdict == Verdict.Allowed;
        bool right = evaluator.Evaluate(Parse(b.Text)).Verdict == Verdict.Allowed;
        bool both = evaluator.Evaluate(Parse("(" + a.Text + ") AND (" + b.Text + ")")).Verdict == Verdict.Allowed;
        Assert.Equal(left && right, both);
    }

    [Property]
    public void With_NeverLoosens(LicenceAndException pair, PolicyText policy)
    {
        var evaluator = Evaluator(policy);
        var alone = evaluator.Evaluate(Parse(pair.Licence)).Verdict;
        var with = evaluator.Evaluate(Parse(pair.Licence + " WITH " + pair.Exception)).Verdict;
        if (alone != Verdict.Allowed) Assert.NotEqual(Verdict.Allowed, with);
        // A denied exception denies, whatever the licence.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(policy.Json));
        if (PolicyDocument.Load(stream, "p.json").Deny.Contains(pair.Exception)) Assert.NotEqual(Verdict.Allowed, with);
    }

    [Property]
    public void Allowed_IsNeverTheVerdictOfNoassertionOrNone(PolicyText policy)
    {
        var evaluator = Evaluator(policy);
        Assert.NotEqual(Verdict.Allowed, evaluator.Evaluate(SpdxExpression.NoAssertion).Verdict);
        Assert.NotEqual(Verdict.Allowed, evaluator.Evaluate(Parse("NONE")).Verdict);
    }

    [Property(MaxTest = 200)]
    public void PublicCodeUpdate_KeepsEveryUnownedKeyAndComment(HandWrittenYaml yaml)
    {
        var facts = new PublicCodeFacts { Url = "https://git.example.org/new/repo.git", SoftwareVersion = "2.3.4", ReleaseDate = "2026-11-30", License = "EUPL-1.2" };
        var result = PublicCodeUpdater.Update(yaml.Text, facts);
        Assert.NotNull(result.Text);
        var lines = result.Text!.Split('\n');
        foreach (var kept in yaml.KeptLines) Assert.Contains(kept, lines);
        Assert.Contains("softwareVersion: \"2.3.4\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("releaseDate: 2026-11-30", result.Text, StringComparison.Ordinal);
        Assert.Contains("license: EUPL-1.2", result.Text, StringComparison.Ordinal);
        // Updating again with the same facts changes nothing: the edit is a fixed point.
        Assert.Equal(result.Text, PublicCodeUpdater.Update(result.Text, facts).Text);
    }
}
