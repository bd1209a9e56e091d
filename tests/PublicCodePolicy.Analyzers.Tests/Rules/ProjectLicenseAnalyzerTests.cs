// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis.Testing;
using PublicCodePolicy.Analyzers.Rules;
using PublicCodePolicy.Analyzers.Tests.Infrastructure;

namespace PublicCodePolicy.Analyzers.Tests.Rules;

public sealed class ProjectLicenseAnalyzerTests
{
    private const string License = "build_property.PackageLicenseExpression";
    private const string Preset = "build_property.PublicCodePolicyPreset";

    private static PcpAnalyzerTest<ProjectLicenseAnalyzer> Test(string? license, string? preset = null)
    {
        var entries = new List<(string, string)>();
        if (license != null) entries.Add((License, license));
        if (preset != null) entries.Add((Preset, preset));
        var test = new PcpAnalyzerTest<ProjectLicenseAnalyzer>();
        return entries.Count == 0 ? test : test.WithGlobalConfig(entries.ToArray());
    }

    private static DiagnosticResult NotAllowed(string license, string preset)
        => new DiagnosticResult(ProjectLicenseAnalyzer.NotAllowedRule).WithArguments(license, preset);

    [Theory]
    [InlineData("EUPL-1.2", null)]
    [InlineData("MIT", "osi")]
    [InlineData("Apache-2.0 WITH LLVM-exception", "osi")]
    [InlineData("GPL-3.0-or-later", "fsf")]
    [InlineData("Unlicense", "osi-or-fsf")]
    [InlineData("MIT OR CC-BY-NC-4.0", "osi")]
    [InlineData("MIT AND BSD-3-Clause", "osi")]
    [InlineData("CECILL-2.1", "fr-administration")]
    [InlineData("EUPL-1.2", "FR-Administration")]
    [InlineData("GPL-3.0+", "fr-administration")]
    [InlineData("LGPL-3.0-or-later", "fr-administration")]
    [InlineData("GPL-3.0", "fr-administration")]
    public async Task AllowedLicense_NoDiagnostic(string license, string? preset)
    {
        await Test(license, preset).RunAsync();
    }

    [Theory]
    [InlineData("CC-BY-NC-4.0", null, "osi")]
    [InlineData("MIT AND CC-BY-NC-4.0", "osi", "osi")]
    [InlineData("LicenseRef-Proprietaire", "osi-or-fsf", "osi-or-fsf")]
    [InlineData("Zlib", "fr-administration", "fr-administration")]
    [InlineData("LGPL-2.1-only", "fr-administration", "fr-administration")]
    [InlineData("NOASSERTION", "osi", "osi")]
    [InlineData("Apache-2.0 WITH AdditionRef-Commune", "osi", "osi")]
    public async Task LicenseNotAllowedByPreset_Reported(string license, string? preset, string shownPreset)
    {
        await Test(license, preset).Expect(NotAllowed(license, shownPreset)).RunAsync();
    }

    [Fact]
    public async Task LicenseCanonicalised_InMessage()
    {
        await Test("cc-by-nc-4.0").Expect(NotAllowed("CC-BY-NC-4.0", "osi")).RunAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoLicense_ReportedAsMissing(string? license)
    {
        await Test(license)
            .Expect(new DiagnosticResult(ProjectLicenseAnalyzer.MissingRule)
                .WithMessage("The project declares no licence: set PackageLicenseExpression to an SPDX expression"))
            .RunAsync();
    }

    [Fact]
    public async Task InvalidExpression_ReportedAsInvalid()
    {
        await Test("MIT AND")
            .Expect(new DiagnosticResult(ProjectLicenseAnalyzer.InvalidRule).WithArguments("MIT AND", "The expression ends where a licence was expected."))
            .RunAsync();
    }

    [Fact]
    public async Task UnknownIdentifier_ReportedAsInvalid()
    {
        await Test("Licence-Ville-1.0")
            .Expect(new DiagnosticResult(ProjectLicenseAnalyzer.InvalidRule)
                .WithArguments("Licence-Ville-1.0", "'Licence-Ville-1.0' is not on the SPDX licence list " + PublicCodePolicy.Analyzers.Licensing.SpdxData.LicenseListVersion))
            .RunAsync();
    }

    [Fact]
    public async Task UnknownPreset_Reported()
    {
        await Test("EUPL-1.2", "open-ish")
            .Expect(new DiagnosticResult(ProjectLicenseAnalyzer.UnknownPresetRule).WithArguments("open-ish", "osi, fsf, osi-or-fsf, fr-administration"))
            .RunAsync();
    }

    [Fact]
    public async Task SeverityOption_LowersToSuggestion()
    {
        // No location: the severity comes from the global config (.globalconfig or the project's generated one).
        await new PcpAnalyzerTest<ProjectLicenseAnalyzer>()
            .WithGlobalConfig(("dotnet_diagnostic.PCP0103.severity", "suggestion"))
            .Expect(new DiagnosticResult(ProjectLicenseAnalyzer.MissingRule).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info))
            .RunAsync();
    }
}
