// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>The MSBuild property mapping documented in docs/publiccode.md.</summary>
public sealed class FactsBuilderTests
{
    // The example of docs/publiccode.md, as the MSBuild task or the CLI would read it.
    internal static Dictionary<string, string?> DocExample() => new(StringComparer.Ordinal)
    {
        ["AssemblyName"] = "Valmont.Guichet",
        ["Product"] = "Guichet Valmont",
        ["Description"] = "Guichet numérique de l'état civil de la commune de Valmont.",
        ["Version"] = "2.1.0",
        ["PackageLicenseExpression"] = "EUPL-1.2",
        ["RepositoryUrl"] = "https://forge.valmont.fr/dsi/guichet.git",
        ["PackageProjectUrl"] = "https://guichet.valmont.fr",
        ["Company"] = "Commune de Valmont",
        ["OutputType"] = "Exe",
        ["PublicCodeOrganisationUri"] = "https://lannuaire.service-public.fr/normandie/seine-maritime/mairie-76719-01",
        ["PublicCodePlatforms"] = "web",
        ["PublicCodeCategories"] = "digital-citizenship; document-management",
        ["PublicCodeDevelopmentStatus"] = "stable",
        ["PublicCodeSoftwareType"] = "standalone/web",
        ["PublicCodeAudienceCountries"] = "FR",
        ["PublicCodeAudienceScope"] = "local-authorities",
        ["PublicCodeUsedBy"] = "Commune de Valmont;Communauté de communes de la Côte d'Albâtre",
        ["PublicCodeFundedBy"] = "https://lannuaire.service-public.fr/normandie/seine-maritime/mairie-76719-01|Commune de Valmont",
        ["PublicCodeIsBasedOn"] = "https://github.com/example/etat-civil",
        ["PublicCodeMaintenanceType"] = "internal",
        ["PublicCodeMaintenanceContacts"] = "Jeanne Martin <dsi@valmont.fr>",
        ["PublicCodeLocalisationReady"] = "true",
        ["PublicCodeLongDescriptionFr"] = "Le guichet permet aux habitants de demander en ligne des copies et extraits d'actes d'état civil, de suivre leur demande et de recevoir les documents. Les agents traitent les demandes depuis une file unique.",
        ["PublicCodeFeaturesFr"] = "Demande d'actes en ligne;Suivi des demandes;Export CSV",
        ["PublicCodeDescriptionEn"] = "Online civil registry desk of the municipality of Valmont.",
        ["PublicCodeLongDescriptionEn"] = "Residents request copies and extracts of civil registry records online, follow their request and receive the documents. Staff handle every request from a single queue, with exports for statistics.",
        ["PublicCodeFeaturesEn"] = "Online requests;Request tracking;CSV export",
    };

    [Fact]
    public void DocExample_MapsToTheDocumentedKeys()
    {
        var facts = PublicCodeFactsBuilder.FromMsBuildProperties(DocExample(), sourceDateEpoch: "1764374400");
        Assert.Equal("Guichet Valmont", facts.Name);
        Assert.Equal("https://forge.valmont.fr/dsi/guichet.git", facts.Url);
        Assert.Equal("https://guichet.valmont.fr", facts.LandingUrl);
        Assert.Equal("2.1.0", facts.SoftwareVersion);
        Assert.Equal("2025-11-29", facts.ReleaseDate);
        Assert.Equal("EUPL-1.2", facts.License);
        Assert.Equal(new PublicCodeOrganisation("https://lannuaire.service-public.fr/normandie/seine-maritime/mairie-76719-01", "Commune de Valmont"), facts.Organisation);
        Assert.Equal(new[] { "digital-citizenship", "document-management" }, facts.Categories);
        Assert.Equal(new[] { "fr", "en" }, facts.Descriptions.Select(d => d.Language));
        Assert.Equal("Guichet numérique de l'état civil de la commune de Valmont.", facts.Descriptions[0].ShortDescription);
        Assert.Equal(new PublicCodeContact("Jeanne Martin", "dsi@valmont.fr"), Assert.Single(facts.MaintenanceContacts));
        Assert.Equal("Commune de Valmont", Assert.Single(facts.FundedBy).Name);
        Assert.True(facts.LocalisationReady);
    }

    [Fact]
    public void DocExample_GeneratesAValidFile()
    {
        var result = PublicCodeGenerator.Generate(PublicCodeFactsBuilder.FromMsBuildProperties(DocExample(), "1764374400"));
        Assert.True(result.Succeeded, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Empty(result.Validation!.Diagnostics);
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "publiccode.md"));
        // The generated file shown in the docs is exactly what the tool writes.
        Assert.Contains("```yaml\n" + result.Text + "```", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyOverrides_WinOverMsBuildDefaults()
    {
        var props = DocExample();
        props["PublicCodeName"] = "Guichet";
        props["PublicCodeUrl"] = "https://git.example.org/g.git";
        props["PublicCodeLicense"] = "MIT";
        props["PublicCodeSoftwareVersion"] = "3.0.0";
        props["PublicCodeReleaseDate"] = "2026-02-01";
        props["PackageProjectUrl"] = "https://git.example.org/g.git";
        var facts = PublicCodeFactsBuilder.FromMsBuildProperties(props, "1764374400");
        Assert.Equal(("Guichet", "https://git.example.org/g.git", "MIT", "3.0.0", "2026-02-01"), (facts.Name, facts.Url, facts.License, facts.SoftwareVersion, facts.ReleaseDate));
        Assert.Null(facts.LandingUrl);
    }

    [Fact]
    public void LibraryOutput_DefaultsTheSoftwareType_AndDescriptionFillsEnglish()
    {
        var facts = PublicCodeFactsBuilder.FromMsBuildProperties(new Dictionary<string, string?> { ["OutputType"] = "Library", ["Description"] = "A library." });
        Assert.Equal("library", facts.SoftwareType);
        Assert.Equal("A library.", Assert.Single(facts.Descriptions).ShortDescription);
        var missing = PublicCodeGenerator.MissingFacts(facts).Select(f => f.Remedy!).ToArray();
        Assert.Contains(missing, r => r.Contains("PublicCodeLongDescriptionEn", StringComparison.Ordinal));
        Assert.Contains(missing, r => r.Contains("PublicCodeFeaturesEn", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicySection_GivesDefaults_ThatProjectPropertiesOverride()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""
            {
              "maintenanceType": "community",
              "maintenanceContacts": ["Jeanne Martin <dsi@valmont.fr>", "Paul Durand"],
              "audienceCountries": ["FR"],
              "localisationReady": true,
              "descriptionFr": "Depuis la politique.",
              "ignored": 3
            }
            """);
        var fromPolicy = PublicCodeFactsBuilder.PropertiesFromPolicySection(doc.RootElement);
        Assert.Equal("Jeanne Martin <dsi@valmont.fr>;Paul Durand", fromPolicy["PublicCodeMaintenanceContacts"]);
        Assert.False(fromPolicy.ContainsKey("PublicCodeIgnored"));
        var project = new Dictionary<string, string?> { ["PublicCodeDescriptionFr"] = "Depuis le projet.", ["PublicCodeMaintenanceType"] = "" };
        var facts = PublicCodeFactsBuilder.FromMsBuildProperties(PublicCodeFactsBuilder.Merge(fromPolicy, project));
        Assert.Equal("community", facts.MaintenanceType);
        Assert.Equal(2, facts.MaintenanceContacts.Count);
        Assert.Equal("Depuis le projet.", Assert.Single(facts.Descriptions).ShortDescription);
        Assert.True(facts.LocalisationReady);
        Assert.Equal(new[] { "FR" }, facts.AudienceCountries);
    }

    [Theory]
    [InlineData("fr", "Fr")]
    [InlineData("pt-BR", "PtBr")]
    [InlineData("EN", "En")]
    public void LanguageSuffix(string language, string suffix) => Assert.Equal(suffix, PublicCodeFactsBuilder.Suffix(language));
}
