// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

public sealed class GeneratorTests
{
    internal static readonly string LongFr = "Outil de vérification des licences des dépendances NuGet pour les collectivités territoriales.\nIl produit une nomenclature logicielle (SBOM), un fichier publiccode.yml et un rapport de conformité « mutualisation ».\n";
    internal static readonly string LongEn = "Checks the licences of NuGet dependencies for French local authorities. It writes a software bill of materials, a publiccode.yml file and a compliance report that can be used as evidence of reuse.";

    internal static PublicCodeFacts FullFacts() => new()
    {
        Name = "PublicCodePolicy",
        Url = "https://github.com/publiccodepolicy/publiccodepolicy",
        LandingUrl = "https://publiccodepolicy.example.org",
        SoftwareVersion = "1.2.0",
        ReleaseDate = "2026-11-29",
        License = "EUPL-1.2",
        MainCopyrightOwner = "PublicCodePolicy contributors",
        Organisation = new PublicCodeOrganisation("https://lannuaire.service-public.fr/auvergne-rhone-alpes/rhone/mairie-69123-01", "Ville de Lyon"),
        Platforms = new[] { "windows", "linux", "mac" },
        Categories = new[] { "application-development" },
        UsedBy = new[] { "Ville de Lyon", "Métropole de Grenoble" },
        FundedBy = new[] { new PublicCodeOrganisation("https://lannuaire.service-public.fr/national/administration-centrale/172120", "DINUM") },
        IsBasedOn = new[] { "https://github.com/example/upstream" },
        DevelopmentStatus = "beta",
        SoftwareType = "library",
        AudienceCountries = new[] { "FR" },
        AudienceScope = new[] { "local-authorities", "government" },
        Descriptions = new[]
        {
            new PublicCodeDescription("fr") { ShortDescription = "Vérifie les licences des dépendances NuGet : \"OSI\" & décret.", LongDescription = LongFr, Features = new[] { "Licences OSI", "SBOM CycloneDX" } },
            new PublicCodeDescription("en") { ShortDescription = "Checks NuGet dependency licences.", LongDescription = LongEn, Features = new[] { "OSI licences" }, Documentation = "https://publiccodepolicy.example.org/docs" },
        },
        MaintenanceType = "internal",
        MaintenanceContacts = new[] { new PublicCodeContact("Jeanne Martin", "jeanne.martin@example.org", "+33 1 23 45 67 89") },
        LocalisationReady = true,
    };

    [Fact]
    public void FullFacts_ProduceAFileThatPassesTheValidatorWithoutWarnings()
    {
        var result = PublicCodeGenerator.Generate(FullFacts());
        Assert.NotNull(result.Text);
        Assert.True(result.Succeeded, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Empty(result.Validation!.Diagnostics);
        Assert.Contains("publiccodeYmlVersion: \"0\"\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedText_ReadsBackAsTheFacts()
    {
        var facts = FullFacts();
        string text = PublicCodeGenerator.Generate(facts).Text!;
        var docs = YamlTreeLoader.Load(text, new YamlLimits(1 << 20, 64, 100_000), out var error);
        Assert.Null(error);
        var pc = new PublicCodeDecoder(100_000).Decode((YamlMapping)docs![0]!, out var failure);
        Assert.Null(failure);
        Assert.Equal("1.2.0", pc.GetString("softwareVersion"));
        Assert.Equal("2026-11-29", pc.GetString("releaseDate"));
        var description = (DMap)pc.Get("description")!;
        Assert.Equal(new[] { "fr", "en" }, description.Entries.Select(e => e.Key));
        var fr = (DStruct)description.Entries[0].Value!;
        Assert.Equal(LongFr, fr.GetString("longDescription"));
        Assert.Equal(facts.Descriptions[0].ShortDescription, fr.GetString("shortDescription"));
        Assert.Equal(new[] { "fr", "en" }, pc.GetStruct("localisation")!.GetList("availableLanguages")!.Items.Select(i => ((DString)i!).Value));
        Assert.Equal("+33 1 23 45 67 89", ((DStruct)pc.GetStruct("maintenance")!.GetList("contacts")!.Items[0]!).GetString("phone"));
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        Assert.Equal(PublicCodeGenerator.Generate(FullFacts()).Text, PublicCodeGenerator.Generate(FullFacts()).Text);
    }

    [Fact]
    public void MissingFacts_NameThePropertyToSet()
    {
        var result = PublicCodeGenerator.Generate(new PublicCodeFacts { Descriptions = new[] { new PublicCodeDescription("fr") } });
        Assert.Null(result.Text);
        Assert.All(result.Findings, f => Assert.Equal("PCP3003", f.RuleId));
        var remedies = string.Join("\n", result.Findings.Select(f => f.Message + " => " + f.Remedy));
        foreach (string expected in new[] { "PublicCodeName", "RepositoryUrl", "PublicCodePlatforms", "PublicCodeDevelopmentStatus", "PublicCodeSoftwareType", "PackageLicenseExpression", "PublicCodeMaintenanceType", "PublicCodeDescriptionFr", "PublicCodeLongDescriptionFr", "PublicCodeFeaturesFr", "publicCode.developmentStatus" })
        {
            Assert.Contains(expected, remedies, StringComparison.Ordinal);
        }
        Assert.Equal(10, result.Findings.Count);
    }

    [Fact]
    public void MaintenanceWithoutContacts_IsAMissingFact()
    {
        var facts = FullFacts();
        var result = PublicCodeGenerator.Generate(new PublicCodeFacts
        {
            Name = facts.Name, Url = facts.Url, Platforms = facts.Platforms, DevelopmentStatus = "stable", SoftwareType = "library", License = "MIT",
            Descriptions = facts.Descriptions, MaintenanceType = "community",
        });
        var finding = Assert.Single(result.Findings);
        Assert.Contains("maintenance.contacts", finding.Message, StringComparison.Ordinal);
        Assert.Contains("PublicCodeMaintenanceContacts", finding.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFactValues_AreReportedByTheValidator()
    {
        var facts = FullFacts();
        var result = PublicCodeGenerator.Generate(new PublicCodeFacts
        {
            Name = facts.Name, Url = facts.Url, Platforms = facts.Platforms, DevelopmentStatus = "finished", SoftwareType = "library", License = "Not-A-Licence",
            Descriptions = facts.Descriptions, MaintenanceType = "none", AudienceCountries = new[] { "FRA" },
        });
        Assert.False(result.Succeeded);
        Assert.Equal(new[] { "developmentStatus", "intendedAudience.countries[0]", "legal.license" }, result.Validation!.Diagnostics.Select(d => d.Key));
        Assert.All(result.Findings, f => Assert.Equal("PCP3001", f.RuleId));
    }

    [Theory]
    [InlineData("1700000000", "2023-11-14")]
    [InlineData("0", "1970-01-01")]
    [InlineData("", null)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    public void ReleaseDate_FromSourceDateEpoch(string epoch, string? expected)
    {
        Assert.Equal(expected, PublicCodeFacts.ReleaseDateFromSourceDateEpoch(epoch));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("1.2")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("- item")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("quote \" and \\ backslash")]
    [InlineData("tab\there")]
    [InlineData("  leading spaces")]
    [InlineData("line\nbreak\n\n")]
    [InlineData("0123")]
    public void Scalars_ReadBackExactly(string value)
    {
        foreach (string rendered in new[] { YamlScalarWriter.Auto(value), YamlScalarWriter.Block(value, 2), YamlScalarWriter.SingleQuoted(value.Replace("\n", " ", StringComparison.Ordinal)) })
        {
            string expected = rendered.StartsWith('\'') ? value.Replace("\n", " ", StringComparison.Ordinal) : value;
            var docs = YamlTreeLoader.Load("k: " + rendered + "\n", new YamlLimits(1 << 20, 64, 1000), out var error);
            Assert.Null(error);
            var scalar = (YamlScalar)((YamlMapping)docs![0]!).Pairs[0].Value;
            Assert.Equal(expected, scalar.AsGoString());
        }
    }
}
