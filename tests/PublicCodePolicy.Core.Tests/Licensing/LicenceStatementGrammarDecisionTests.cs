// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// The named-licence statement grammar, decision by decision: every trigger, filler, "or later" wording, modifier
/// and French participle; versions merged from "version 2.0", "v3", "2.1"; names longest first, with their own
/// version ("MIT No Attribution" is MIT-0); the family resolution (single version, unversioned licence, "+").
/// Each statement is written "start-end family vVERSION [or-later] [modified] → id" (word positions, end exclusive).
/// </summary>
public sealed class LicenceStatementGrammarDecisionTests
{
    private static readonly TextTokenizer s_tokenizer = new(new[] { (IReadOnlyList<string>)new[] { "license", "licence" } });

    private static string Read(string text) => Format(LicenseTextMatcher.Shared.Statements(text));

    private static string Format(IEnumerable<LicenceStatement> statements) => string.Join(" | ", statements.Select(s =>
        s.Start + "-" + s.End + " " + s.Family + " v" + s.Version + (s.OrLater ? " or-later" : string.Empty) + (s.Modified ? " modified" : string.Empty) + " → " + (s.Id ?? "?")));

    private static LicenceStatementGrammar Custom(params (string, string, string?)[] aliases) => new(s_tokenizer, LicenseList.Default, aliases);

    [Theory]
    [InlineData("Licensed under the MIT license.", "0-5 MIT v → MIT")]
    [InlineData("Licensed under the MIT", "0-4 MIT v → MIT")]
    [InlineData("Licensed under the MIT No Attribution license.", "0-7 MIT v0 → MIT-0")]
    [InlineData("Released under the terms and conditions of MIT", "0-8 MIT v → MIT")]
    [InlineData("Released under the terms and conditions of the MIT", "")]
    [InlineData("Licensed under the Boost Software License", "0-6 BSL v1 → BSL-1.0")]
    [InlineData("Licensed under the Mozilla Public License 2.0 or later", "0-10 MPL v2 or-later → MPL-2.0+")]
    [InlineData("Licensed under the Apache License 9.0 and more", "0-7 Apache v9 → ?")]
    [InlineData("Licensed under the Apache License version 2", "0-7 Apache v2 → Apache-2.0")]
    [InlineData("Licensed under the Apache License, Version 2.0 with the Commons Clause", "0-8 Apache v2 modified → Apache-2.0")]
    [InlineData("Licensed under the GNU General Public License v2.0 only. Also licensed under the BSD 3-Clause License", "0-10 GPL v2 → GPL-2.0-only | 11-18 BSD-3-Clause v → BSD-3-Clause")]
    [InlineData("Licensed under the GNU General Public License v2.0 or later", "0-11 GPL v2 or-later → GPL-2.0-or-later")]
    [InlineData("under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.", "0-31 LGPL v2.1 or-later → LGPL-2.1-or-later")]
    [InlineData("licensed under the GPL either version 3 of the license only, thanks", "0-11 GPL v3 → GPL-3.0-only")]
    [InlineData("licensed under the GPL license version 3 license", "0-8 GPL v3 → GPL-3.0-only")]
    [InlineData("licensed under GPLv3 or later", "0-5 GPL v3 or-later → GPL-3.0-or-later")]
    [InlineData("licensed under GPLv3 or any later", "0-6 GPL v3 or-later → GPL-3.0-or-later")]
    [InlineData("licensed under the GPL version 2 or any later version", "0-10 GPL v2 or-later → GPL-2.0-or-later")]
    [InlineData("licensed under the LGPL v2.1", "0-6 LGPL v2.1 → LGPL-2.1-only")]
    [InlineData("publié sous licence GPL v3 ou toute version ultérieure", "0-9 GPL v3 or-later → GPL-3.0-or-later")]
    [InlineData("publié sous licence GPL v3 ou ultérieure", "0-7 GPL v3 or-later → GPL-3.0-or-later")]
    [InlineData("Ce logiciel est publiée sous licence MIT. Elle est diffusés sous licence ISC. Mises sous la licence EUPL v1.2", "3-7 MIT v → MIT | 9-13 ISC v → ISC | 13-20 EUPL v1.2 → EUPL-1.2")]
    [InlineData("licensed under the MIT licensed under the ISC", "0-4 MIT v → MIT | 4-8 ISC v → ISC")]
    [InlineData("Licensed under the MIT license and the GPL-3.0 license.", "0-5 MIT v modified → MIT")]
    [InlineData("Licensed under the MIT license or the ISC license, at your option.", "0-5 MIT v modified → MIT")]
    [InlineData("Licensed under the MIT license and/or Apache 2.0.", "0-5 MIT v modified → MIT")]
    [InlineData("Licensed under the MIT license and the terms and conditions of the license below.", "0-5 MIT v → MIT")]
    [InlineData("Licensed under the MIT license and", "0-5 MIT v → MIT")]
    [InlineData("Licensed under the MIT license and the terms and conditions of ISC", "0-5 MIT v modified → MIT")]
    [InlineData("Licensed under the MIT license and the terms and conditions of the ISC", "0-5 MIT v → MIT")]
    [InlineData("Licensed under the MIT license or or ISC", "0-5 MIT v modified → MIT")]
    [InlineData("Licensed under", "")]
    [InlineData("Licensed under the", "")]
    [InlineData("Licensed under the wxWindows license.", "")]
    [InlineData("It is licensed under the naumen, the xnet, the glide or the w3c", "")]
    [InlineData("We like the MIT license", "")]
    [InlineData("Ce code est publié", "")]
    public void Statements_AreRead(string text, string expected)
    {
        Assert.Equal(expected, Read(text));
    }

    [Theory]
    // A second licence named after a conjunction: the statement alone is not the licence (it used to conclude MIT);
    // "or" joins the two as a choice, "and" as both.
    [InlineData("Licensed under the MIT license and the GPL-3.0 license.", "MIT AND GPL-3.0-only")]
    [InlineData("Licensed under the MIT license or the ISC license, at your option.", "MIT OR ISC")]
    [InlineData("This library is licensed under the MIT and Apache 2.0 licenses.", "MIT AND Apache-2.0")]
    [InlineData("Licensed under either of Apache License, Version 2.0 or MIT license at your option.", "Apache-2.0 OR MIT")]
    [InlineData("Licensed under (MIT OR Apache-2.0).", "MIT OR Apache-2.0")]
    [InlineData("Sous licence EUPL-1.2 ou CeCILL-B.", "EUPL-1.2 OR CECILL-B")]
    [InlineData("Sous licence EUPL-1.2 et CeCILL-B.", "EUPL-1.2 AND CECILL-B")]
    // Unless the second licence cannot be fixed, or the two conjunctions meet: nothing is concluded.
    [InlineData("Licensed under the MIT license or the Apache License.", "NOASSERTION")]
    [InlineData("Licensed under the MIT license or the Acme License.", "NOASSERTION")]
    [InlineData("Licensed under the MIT license or the GPL-3.0 license and the Apache License 2.0.", "NOASSERTION")]
    [InlineData("The code is licensed under MIT or ISC. The fonts are released under OFL-1.1 and Apache-2.0.", "NOASSERTION")]
    [InlineData("Licensed under the MIT license or the Apache License 2.0, for non-commercial use.", "NOASSERTION")]
    public void SecondLicenceAfterAConjunction_IsJoinedToTheFirst(string text, string expected)
    {
        var m = LicenseTextMatcher.Shared.Identify(text);
        Assert.NotNull(m);
        Assert.Equal(expected, m.Expression.ToString());
    }

    [Fact]
    public void MitNoAttribution_IsMit0()
    {
        Assert.Equal("MIT-0", LicenseTextMatcher.Shared.Identify("Licensed under the MIT No Attribution license.")?.Expression.ToString());
    }

    [Theory]
    [InlineData("Code licensed under MIT", 1)]
    [InlineData("Code released under MIT", 1)]
    [InlineData("Code distributed under MIT", 1)]
    [InlineData("Code available under MIT", 1)]
    [InlineData("Code provided under MIT", 1)]
    [InlineData("Code published under MIT", 1)]
    [InlineData("Code licensed to you under MIT", 1)]
    [InlineData("Code used under the terms of MIT", 2)]
    [InlineData("Code is under MIT", 1)]
    [InlineData("Codes are under MIT", 1)]
    [InlineData("Code covered by MIT", 1)]
    [InlineData("Code governed by MIT", 1)]
    [InlineData("Code sous licence MIT", 1)]
    [InlineData("Code sous la licence MIT", 1)]
    [InlineData("Code sous les termes de MIT", 1)]
    [InlineData("Code publié sous MIT", 1)]
    [InlineData("Code distribuée sous MIT", 1)]
    [InlineData("Code diffusés sous MIT", 1)]
    [InlineData("Code placées sous MIT", 1)]
    [InlineData("Code mis sous MIT", 1)]
    [InlineData("Code mise sous MIT", 1)]
    public void EachTrigger_StartsAStatement(string text, int start)
    {
        var s = Assert.Single(LicenseTextMatcher.Shared.Statements(text));
        Assert.Equal(start, s.Start);
        Assert.Equal("MIT", s.Id);
        Assert.Equal(text.Split(' ').Length, s.End);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("a")]
    [InlineData("an")]
    [InlineData("terms")]
    [InlineData("of")]
    [InlineData("and")]
    [InlineData("conditions")]
    [InlineData("license")]
    [InlineData("licence")]
    [InlineData("la")]
    [InlineData("les")]
    [InlineData("termes")]
    [InlineData("de")]
    [InlineData("du")]
    [InlineData("version")]
    public void EachFiller_MayComeBeforeTheName(string filler)
    {
        Assert.Equal("0-4 ISC v → ISC", Read("licensed under " + filler + " ISC"));
    }

    [Theory]
    [InlineData("with")]
    [InlineData("plus")]
    [InlineData("except")]
    [InlineData("excluding")]
    [InlineData("avec")]
    [InlineData("sauf")]
    public void EachModifier_MarksTheStatementModified(string modifier)
    {
        Assert.Equal("0-4 ISC v modified → ISC", Read("licensed under the ISC " + modifier + " extras"));
    }

    [Fact]
    public void GrammarTokens_MergeVersions()
    {
        var g = LicenceStatementGrammar.Grammar(s_tokenizer.Tokenize("Version 2.0 of v3 and 1.2.3 x 4.5 v 7 version foo 8 2. 0 2-0 v vx 2a 1.0.0"));
        var expected = new[]
        {
            new LicenceStatementGrammar.GrammarToken("#2", 0, 2), new("of", 3, 3), new("#3", 4, 4), new("and", 5, 5), new("#1.2.3", 6, 8),
            new("x", 9, 9), new("#4.5", 10, 11), new("#7", 12, 13), new("version", 14, 14), new("foo", 15, 15), new("#8", 16, 16),
            new("#2", 17, 17), new("#0", 18, 18), new("#2", 19, 19), new("#0", 20, 20), new("v", 21, 21), new("vx", 22, 22), new("2a", 23, 23),
            new("#1", 24, 26),
        };
        Assert.Equal(expected, g);
    }

    [Fact]
    public void Trigger_IsSeenEvenWhenTheNameIsNot()
    {
        var grammar = Custom();
        Assert.True(grammar.HasTrigger(s_tokenizer.Tokenize("It is licensed under a Creative Commons Attributeion licence")));
        Assert.True(grammar.HasTrigger(s_tokenizer.Tokenize("Ce code est publié sous une licence libre")));
        Assert.False(grammar.HasTrigger(s_tokenizer.Tokenize("It is licensed to nobody; see under the table")));
        Assert.False(grammar.HasTrigger(s_tokenizer.Tokenize("publié")));
    }

    [Fact]
    public void Aliases_NameTheirFamily_AndASingleVersionFamilyResolves()
    {
        var grammar = Custom(("Boosty", "BSL", null), ("Foo Bar", "FooFam", null), ("Apachey", "Apache", null), ("Gee", "GPL", "v3.0"));
        Assert.Equal("0-3 BSL v → BSL-1.0", Format(grammar.Find(s_tokenizer.Tokenize("licensed under Boosty"))));
        Assert.Equal("0-4 FooFam v → ?", Format(grammar.Find(s_tokenizer.Tokenize("licensed under Foo Bar"))));
        Assert.Equal("0-3 Apache v → ?", Format(grammar.Find(s_tokenizer.Tokenize("licensed under Apachey"))));
        Assert.Equal("0-5 GPL v3 or-later → GPL-3.0-or-later", Format(grammar.Find(s_tokenizer.Tokenize("licensed under Gee or later"))));
    }
}
