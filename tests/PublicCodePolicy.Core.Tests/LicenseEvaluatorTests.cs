// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

public sealed class LicenseEvaluatorTests
{
    private static Verdict Eval(string expression, PolicyPreset preset = PolicyPreset.Osi, string[]? allow = null, string[]? deny = null)
    {
        var policy = new PolicyDocument
        {
            Preset = preset,
            Allow = new HashSet<string>(allow ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase),
            Deny = new HashSet<string>(deny ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase),
        };
        Assert.True(LicenseList.Default.TryParse(expression, out var e, out _));
        return new LicenseEvaluator(policy).Evaluate(e!).Verdict;
    }

    [Theory]
    // OSI: approved ids pass, others fail, unknown ids and NOASSERTION are unknown.
    [InlineData("MIT", PolicyPreset.Osi, Verdict.Allowed)]
    [InlineData("Apache-2.0", PolicyPreset.Osi, Verdict.Allowed)]
    [InlineData("CECILL-B", PolicyPreset.Osi, Verdict.Denied)]
    [InlineData("CC-BY-4.0", PolicyPreset.Osi, Verdict.Denied)]
    [InlineData("CC-BY-NC-4.0", PolicyPreset.Osi, Verdict.Denied)]
    [InlineData("Foo-1.0", PolicyPreset.Osi, Verdict.Unknown)]
    [InlineData("NOASSERTION", PolicyPreset.Osi, Verdict.Unknown)]
    [InlineData("NONE", PolicyPreset.Osi, Verdict.Unknown)]
    // FSF: libre ones pass; OSI-only ones (e.g. no FSF statement) do not.
    [InlineData("GPL-3.0-only", PolicyPreset.Fsf, Verdict.Allowed)]
    [InlineData("CECILL-B", PolicyPreset.Fsf, Verdict.Allowed)]
    [InlineData("CC-BY-NC-4.0", PolicyPreset.Fsf, Verdict.Denied)]
    [InlineData("AAL", PolicyPreset.Fsf, Verdict.Denied)]
    // OSI or FSF.
    [InlineData("CECILL-B", PolicyPreset.OsiOrFsf, Verdict.Allowed)]
    [InlineData("AAL", PolicyPreset.OsiOrFsf, Verdict.Allowed)]
    [InlineData("CC-BY-NC-4.0", PolicyPreset.OsiOrFsf, Verdict.Denied)]
    // French administration list (CRPA D323-2-1).
    [InlineData("CECILL-B", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("EUPL-1.2", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("MIT", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("ISC", PolicyPreset.FrAdministration, Verdict.Denied)]
    [InlineData("LGPL-2.1-only", PolicyPreset.FrAdministration, Verdict.Denied)]
    [InlineData("GPL-3.0", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("GPL-3.0+", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("GPL-3.0-or-later", PolicyPreset.FrAdministration, Verdict.Allowed)]
    [InlineData("MS-PL", PolicyPreset.FrAdministration, Verdict.Denied)]
    public void Presets(string expression, PolicyPreset preset, Verdict expected) => Assert.Equal(expected, Eval(expression, preset));

    [Theory]
    [InlineData("MIT OR LicenseRef-Commercial", Verdict.Allowed)]
    [InlineData("LicenseRef-Commercial OR MIT", Verdict.Allowed)]
    [InlineData("CC-BY-NC-4.0 OR LicenseRef-Commercial", Verdict.Denied)]
    [InlineData("CC-BY-NC-4.0 OR Foo-1.0", Verdict.Unknown)]
    [InlineData("MIT AND Apache-2.0", Verdict.Allowed)]
    [InlineData("MIT AND CC-BY-NC-4.0", Verdict.Denied)]
    [InlineData("MIT AND Foo-1.0", Verdict.Unknown)]
    [InlineData("Foo-1.0 AND CC-BY-NC-4.0", Verdict.Denied)]
    [InlineData("(MIT OR CC-BY-NC-4.0) AND (Apache-2.0 OR LicenseRef-X)", Verdict.Allowed)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", Verdict.Allowed)]
    [InlineData("GPL-2.0-only WITH AdditionRef-Mine", Verdict.Unknown)]
    [InlineData("CC-BY-NC-4.0 WITH Classpath-exception-2.0", Verdict.Denied)]
    [InlineData("LicenseRef-Commercial", Verdict.Denied)]
    [InlineData("LicenseRef-MICROSOFT-NET-LIBRARY", Verdict.Denied)]
    [InlineData("DocumentRef-a:LicenseRef-b", Verdict.Denied)]
    public void Operators(string expression, Verdict expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void LicenseRef_AllowedOnlyWhenNamed()
    {
        Assert.Equal(Verdict.Allowed, Eval("LicenseRef-Internal", allow: new[] { "LicenseRef-Internal" }));
        Assert.Equal(Verdict.Denied, Eval("LicenseRef-Other", allow: new[] { "LicenseRef-Internal" }));
    }

    [Fact]
    public void DenyList_OverridesPreset_ButAChoiceStillPasses()
    {
        Assert.Equal(Verdict.Denied, Eval("AGPL-3.0-only", deny: new[] { "AGPL-3.0-only" }));
        Assert.Equal(Verdict.Allowed, Eval("AGPL-3.0-only OR MIT", deny: new[] { "AGPL-3.0-only" }));
        Assert.Equal(Verdict.Denied, Eval("GPL-2.0-only WITH Classpath-exception-2.0", deny: new[] { "Classpath-exception-2.0" }));
    }

    [Fact]
    public void AllowList_AddsToPreset()
    {
        Assert.Equal(Verdict.Allowed, Eval("CC-BY-4.0", allow: new[] { "CC-BY-4.0" }));
    }

    [Fact]
    public void Or_ReportsTheChosenBranch()
    {
        Assert.True(LicenseList.Default.TryParse("CC-BY-NC-4.0 OR Apache-2.0", out var e, out _));
        var v = new LicenseEvaluator(PolicyDocument.Default).Evaluate(e!);
        Assert.Equal("Apache-2.0", v.ChosenBranch!.ToString());
        Assert.Contains("Choice of Apache-2.0", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FrenchList_IsLoadedFromEmbeddedData()
    {
        Assert.Contains("CECILL-2.1", PolicyPresets.FrenchAdministrationLicenses);
        Assert.Contains("EPL-2.0", PolicyPresets.FrenchAdministrationLicenses);
        Assert.All(PolicyPresets.FrenchAdministrationLicenses, id => Assert.True(LicenseList.Default.TryGetLicense(id, out _), id));
    }
}
