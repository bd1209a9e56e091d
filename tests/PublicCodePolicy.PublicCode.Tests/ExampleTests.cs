// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>The real files in tests/data/publiccode/examples give the verdicts noted in the reference README (STANDARDS.md §1.5).</summary>
public sealed class ExampleTests
{
    private static readonly string s_examples = Path.Combine(TestPaths.TestData, "publiccode", "examples");

    [Theory]
    [InlineData("standard-0.7-example.publiccode.yml")]
    [InlineData("standard-0.7-example.minimal.publiccode.yml")]
    [InlineData("CatalaLang__catala.publiccode.yml")]
    public void ValidExample_HasNoErrorsNorWarnings(string file)
    {
        var result = Validate(file);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("schemastore-test-minimum.json", "publiccodeYmlVersion|description.en.genericName")]
    [InlineData("schemastore-test-extended.json", "publiccodeYmlVersion|monochromeLogo|legal.authorsFile|legal.repoOwner|inputTypes|outputTypes|description.en.genericName|IT.riuso.codiceIPA")]
    public void SchemaStoreFixture_IsValidWithDeprecationWarnings(string file, string warnedKeys)
    {
        var result = Validate(file);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(warnedKeys.Split('|').Order(StringComparer.Ordinal), result.Diagnostics.Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StandardExample_InAnEmptyRepository_ReportsItsMissingImages()
    {
        var result = PublicCodeValidator.ValidateFile(Path.Combine(s_examples, "standard-0.7-example.publiccode.yml"));
        Assert.Equal(new[] { "logo", "description.en.screenshots[0]", "description.en.screenshots[1]", "description.en.screenshots[2]" }, result.Diagnostics.Select(d => d.Key));
        Assert.StartsWith("no such file: ", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenFisca_IsValidWithTheOldVersionWarning()
    {
        var result = Validate("openfisca__openfisca-core.publiccode.yml");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(PublicCodeSeverity.Warning, d.Severity);
        Assert.Equal("publiccodeYmlVersion", d.Key);
        Assert.Equal("v0.5.0 is not the latest version, use '0'. Parsing this file as v0.7.", d.Message);
    }

    [Fact]
    public void SuiteNumerique_IsRejectedForItsVersion()
    {
        var result = Validate("suitenumerique__docs.publiccode.yml");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("publiccodeYmlVersion", d.Key);
        Assert.StartsWith("unsupported version: '2.4.0'. Supported versions: 0, 0.2,", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("codegouvfr-awesome-demarchesSimplifiees.publiccode.yml")]
    [InlineData("codegouvfr-awesome-template.publiccode.yml")]
    [InlineData("codegouvfr-awesome-udata.publiccode.yml")]
    [InlineData("codegouvfr-awesome-vitam.publiccode.yml")]
    public void CodeGouvFrAwesomeDialect_IsRejected(string file)
    {
        var result = Validate(file);
        Assert.True(result.HasErrors);
        // None of the four files has the standard's required "developmentStatus" and "platforms", and all declare
        // version "0.2": those three diagnostics must be there (with the official messages), whatever else is.
        Assert.Contains(result.Diagnostics, d => d.Severity == PublicCodeSeverity.Error && d.Key == "developmentStatus" && d.Message == "developmentStatus is a required field");
        Assert.Contains(result.Diagnostics, d => d.Severity == PublicCodeSeverity.Error && d.Key == "platforms" && d.Message == "platforms must contain more than 0 items");
        Assert.Contains(result.Diagnostics, d => d.Severity == PublicCodeSeverity.Warning && d.Key == "publiccodeYmlVersion" && d.Message == "v0.2 is not the latest version, use '0'. Parsing this file as v0.7.");
    }

    private static PublicCodeValidationResult Validate(string file)
        => PublicCodeValidator.ValidateFile(Path.Combine(s_examples, file), new PublicCodeValidationOptions { CheckFiles = false });
}
