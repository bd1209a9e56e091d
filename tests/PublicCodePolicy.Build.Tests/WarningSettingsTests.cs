// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Build.Tests;

public sealed class WarningSettingsTests
{
    // mode, NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors, expected level for an enforced PCP0001.
    [Theory]
    [InlineData(PolicyMode.Default, "", "", "", "", ReportLevel.Warning)]
    [InlineData(PolicyMode.Default, "", "", "", "false", ReportLevel.Warning)]
    [InlineData(PolicyMode.Default, "", "", "", "true", ReportLevel.Error)]
    [InlineData(PolicyMode.Default, "", "", "PCP0001", "true", ReportLevel.Warning)]
    [InlineData(PolicyMode.Default, "", "PCP0001", "", "", ReportLevel.Error)]
    [InlineData(PolicyMode.Default, "", "PCP0001", "PCP0001", "", ReportLevel.Error)]
    [InlineData(PolicyMode.Default, "PCP0001", "PCP0001", "", "true", ReportLevel.Suppressed)]
    [InlineData(PolicyMode.Default, "PCP0002", "", "", "", ReportLevel.Warning)]
    [InlineData(PolicyMode.Strict, "", "", "", "", ReportLevel.Error)]
    [InlineData(PolicyMode.Strict, "", "", "PCP0001", "", ReportLevel.Warning)]
    [InlineData(PolicyMode.Strict, "PCP0001", "", "", "", ReportLevel.Suppressed)]
    [InlineData(PolicyMode.ReportOnly, "", "PCP0001", "", "true", ReportLevel.Message)]
    [InlineData(PolicyMode.ReportOnly, "PCP0001", "", "", "", ReportLevel.Suppressed)]
    public void EnforcedDenial(PolicyMode mode, string noWarn, string warningsAsErrors, string warningsNotAsErrors, string treatWarningsAsErrors, ReportLevel expected)
    {
        var settings = new WarningSettings(mode, noWarn, warningsAsErrors, warningsNotAsErrors, treatWarningsAsErrors);

        Assert.Equal(expected, settings.Decide(Caches.Denied()));
    }

    [Theory]
    [InlineData(PolicyMode.Default, ReportLevel.Warning)]
    [InlineData(PolicyMode.Strict, ReportLevel.Warning)]
    [InlineData(PolicyMode.ReportOnly, ReportLevel.Message)]
    public void PlainWarning_StaysAWarningInStrict(PolicyMode mode, ReportLevel expected)
        => Assert.Equal(expected, new WarningSettings(mode, null, null, null, null).Decide(Caches.Unused()));

    [Theory]
    [InlineData(PolicyMode.Default, ReportLevel.Error)]
    [InlineData(PolicyMode.Strict, ReportLevel.Error)]
    [InlineData(PolicyMode.ReportOnly, ReportLevel.Suppressed)]
    public void ConfigurationError_NoWarnHidesItOnlyInReportOnly(PolicyMode mode, ReportLevel expected)
        => Assert.Equal(expected, new WarningSettings(mode, "PCP9003", null, "PCP9003", null).Decide(Caches.InvalidPolicy()));

    [Fact]
    public void CodeLists_AcceptSemicolonsCommasSpacesAndAnyCase()
    {
        var settings = new WarningSettings(PolicyMode.Default, " 1701 ;\n pcp0001,CS0168 ", null, null, null);

        Assert.Equal(3, settings.NoWarn.Count);
        Assert.Contains("PCP0001", settings.NoWarn);
        Assert.Equal(ReportLevel.Suppressed, settings.Decide(Caches.Denied()));
    }

    [Fact]
    public void Strict_LeavesAnUnenforcedErrorAWarning()
    {
        // An expired exception in a scope the policy does not enforce: the engine says error, but nothing is enforced.
        var expired = new CachedFinding("PCP0003", FindingSeverity.Error, false, "The exception for X expired.", Caches.Project, "X", "1.0.0", null);

        Assert.Equal(ReportLevel.Warning, new WarningSettings(PolicyMode.Strict, null, null, null, null).Decide(expired));
        Assert.Equal(FindingSeverity.Warning, FindingsFiles.SeverityInIde(expired, PolicyMode.Strict));
    }

    [Fact]
    public void InformationIsAMessage()
        => Assert.Equal(ReportLevel.Message, new WarningSettings(PolicyMode.Strict, null, "PCP0007", null, "true").Decide(Caches.Excepted()));

    [Theory]
    [InlineData("", PolicyMode.Default)]
    [InlineData("default", PolicyMode.Default)]
    [InlineData(" Strict ", PolicyMode.Strict)]
    [InlineData("REPORTONLY", PolicyMode.ReportOnly)]
    public void Modes_Parse(string text, PolicyMode expected)
    {
        Assert.True(PolicyModes.TryParse(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Fact]
    public void UnknownMode_DoesNotParse() => Assert.False(PolicyModes.TryParse("Report-Only", out _));

    [Fact]
    public void SeverityForTheIde_FollowsTheMode()
    {
        Assert.Equal(FindingSeverity.Warning, FindingsFiles.SeverityInIde(Caches.Denied(), PolicyMode.Default));
        Assert.Equal(FindingSeverity.Error, FindingsFiles.SeverityInIde(Caches.Denied(), PolicyMode.Strict));
        Assert.Equal(FindingSeverity.Info, FindingsFiles.SeverityInIde(Caches.Denied(), PolicyMode.ReportOnly));
        Assert.Equal(FindingSeverity.Error, FindingsFiles.SeverityInIde(Caches.InvalidPolicy(), PolicyMode.Default));
        Assert.Equal(FindingSeverity.Warning, FindingsFiles.SeverityInIde(Caches.Unused(), PolicyMode.Strict));
    }
}
