// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests.FrenchPreset;

/// <summary>
/// Issue 15 (mutation testing, survivors of the Policy/ run): preset names, the deprecated GNU identifiers of the
/// French list, exception id matching, the policy loader's defaults and the places (JSON paths) of its refusals.
/// These assert codes, verdicts and paths only, not the English wording (which issue 13 moves to resources).
/// </summary>
public sealed class PolicyEdgeTests
{
    private static PolicyDocument Load(string json) => PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "p.json");

    private static Verdict French(string expression)
    {
        Assert.True(LicenseList.Default.TryParse(expression, out var e, out _), expression);
        return new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.FrAdministration }).Evaluate(e!).Verdict;
    }

    [Theory]
    [InlineData(PolicyPreset.Osi, "osi")]
    [InlineData(PolicyPreset.Fsf, "fsf")]
    [InlineData(PolicyPreset.OsiOrFsf, "osi-or-fsf")]
    [InlineData(PolicyPreset.FrAdministration, "fr-administration")]
    public void PresetName_RoundTrips(PolicyPreset preset, string name)
    {
        Assert.Equal(name, preset.ToName());
        Assert.True(PolicyPresets.TryParse(name, out var parsed));
        Assert.Equal(preset, parsed);
        Assert.True(PolicyPresets.TryParse(" " + name.ToUpperInvariant() + " ", out parsed));
        Assert.Equal(preset, parsed);
    }

    [Fact]
    public void PresetNames_AndUnknownPresets()
    {
        Assert.Equal(new[] { "osi", "fsf", "osi-or-fsf", "fr-administration" }, PolicyPresets.Names);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PolicyPreset)99).ToName());
        Assert.False(PolicyPresets.TryParse("gpl", out var p));
        Assert.Equal(PolicyPreset.Osi, p);
        Assert.False(PolicyPresets.TryParse(null, out p));
        Assert.Equal(PolicyPreset.Osi, p);
    }

    [Fact]
    public void Allows_RejectsNull_AndAnUndefinedPresetAllowsNothing()
    {
        Assert.True(LicenseList.Default.TryGetLicense("MIT", out var mit));
        Assert.Throws<ArgumentNullException>(() => PolicyPresets.Allows(PolicyPreset.Osi, null!, false));
        Assert.True(PolicyPresets.Allows(PolicyPreset.Osi, mit, false));
        Assert.False(PolicyPresets.Allows((PolicyPreset)99, mit, false));
        Assert.False(PolicyPresets.Allows((PolicyPreset)99, mit, true));
    }

    [Theory]
    // The deprecated GNU identifiers (SPDX before 3.0) name the "-only" licence; the decree lists the version 3 ones.
    [InlineData("GPL-3.0", Verdict.Allowed)]
    [InlineData("LGPL-3.0", Verdict.Allowed)]
    [InlineData("AGPL-3.0", Verdict.Allowed)]
    [InlineData("GPL-3.0+", Verdict.Allowed)]
    [InlineData("AGPL-3.0+", Verdict.Allowed)]
    [InlineData("GPL-2.0", Verdict.Denied)]
    [InlineData("GPL-2.0+", Verdict.Denied)]
    [InlineData("LGPL-2.1", Verdict.Denied)]
    [InlineData("GFDL-1.3", Verdict.Denied)]
    public void DeprecatedGnuIdentifier_UnderTheFrenchPreset(string expression, Verdict expected)
    {
        Assert.Equal(expected, French(expression));
    }

    [Fact]
    public void Evaluate_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => new LicenseEvaluator(PolicyDocument.Default).Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => new LicenseEvaluator(null!));
    }

    [Theory]
    // Without a trailing '*' the id must match whole (case-insensitively), not as a prefix.
    [InlineData("Contoso.Data", "Contoso.Data", true)]
    [InlineData("Contoso.Data", "CONTOSO.DATA", true)]
    [InlineData("Contoso.Data", "Contoso.Dat", false)]
    [InlineData("Contoso.Data", "Contoso.DataX", false)]
    [InlineData("Contoso.*", "Contoso.Web", true)]
    [InlineData("Contoso.*", "Contoso.", true)]
    [InlineData("Contoso.*", "Contoso", false)]
    public void ExceptionPackage_Matching(string pattern, string id, bool matches)
    {
        var ex = new PolicyException { Package = pattern, Justification = "j" };
        Assert.Equal(matches, ex.Matches(id, "1.0.0"));
    }

    [Fact]
    public void Load_Defaults_WhenTheFileSaysNothing()
    {
        var p = Load("{}");
        Assert.True(p.FailOnUnknown);
        Assert.Equal(PolicyPreset.Osi, p.Preset);
        Assert.Empty(p.Allow);
        Assert.Empty(p.Deny);
        Assert.Empty(p.Exceptions);
        Assert.Empty(p.Curations);
        Assert.Throws<ArgumentNullException>(() => PolicyDocument.Load(null!, "p.json"));
    }

    [Fact]
    public void Load_AcceptsAUtf8ByteOrderMark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"preset\": \"fsf\", \"unknownLicenses\": \"warn\"}")).ToArray();
        var p = PolicyDocument.Load(new MemoryStream(bytes), "p.json");
        Assert.Equal(PolicyPreset.Fsf, p.Preset);
        Assert.False(p.FailOnUnknown);
    }

    [Theory]
    [InlineData("{\"enforceScopes\": \"runtime\"}", "$.enforceScopes")]
    [InlineData("{\"enforceScopes\": [1]}", "$.enforceScopes")]
    [InlineData("{\"curations\": [{\"package\": \"A\", \"license\": \"MIT\", \"source\": \"s\", \"reason\": \"r\"}, {\"package\": \"B\", \"license\": \"MIT\", \"source\": \"s\"}]}", "$.curations[1].reason")]
    [InlineData("{\"curations\": [{\"package\": \"A\", \"license\": \"MIT\", \"source\": \"s\", \"reason\": \"r\"}, {\"package\": \"B\", \"license\": \"MIT\", \"source\": \"s\", \"reason\": \"r\"}, 3]}", "$.curations[2]")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"license\": \"MIT AND\"}]}", "$.exceptions[0].license")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"license\": \"\"}]}", "$.exceptions[0].license")]
    [InlineData("{\"allow\": [\"\\ud800\"]}", "$")]
    public void Refusal_IsPlacedAtTheRightPath(string json, string at)
    {
        var e = Assert.Throws<PolicyFormatException>(() => Load(json));
        Assert.Equal(("p.json", at), (e.FilePath, e.JsonPath));
        Assert.NotEqual("", e.Reason.Trim());
    }

    [Fact]
    public void Exception_WithAValidLicence_KeepsIt()
    {
        var e = Assert.Single(Load("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"license\": \"MIT OR Apache-2.0\"}]}").Exceptions);
        Assert.Equal("MIT OR Apache-2.0", e.License);
    }

    [Fact]
    public void UnreadableFile_ReasonIsASentence()
    {
        var path = Path.Combine(Path.GetTempPath(), "pcp-tests", "no-such-policy-edge-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json");
        var e = Assert.Throws<PolicyFormatException>(() => PolicyDocument.Load(path));
        Assert.Equal("$", e.JsonPath);
        Assert.EndsWith(".", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Verdict.Allowed, "allowed")]
    [InlineData(Verdict.Denied, "denied")]
    [InlineData(Verdict.Unknown, "unknown")]
    [InlineData(Verdict.Excepted, "excepted")]
    public void VerdictName_IsTheJsonCode(Verdict verdict, string name)
    {
        Assert.Equal(name, verdict.ToName());
    }

    [Fact]
    public void VerdictName_OfAnUndefinedVerdict_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Verdict)42).ToName());
    }
}
