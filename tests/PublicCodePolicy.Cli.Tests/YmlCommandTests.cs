// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.Cli.Tests;

[Collection(RestoredSamplesCollection.Name)]
public sealed class YmlCommandTests
{
    private readonly RestoredSamples _samples;

    public YmlCommandTests(RestoredSamples samples) => _samples = samples;

    private static string Conformance(string name) => Path.Combine(TestPaths.TestData, "publiccode", "parser-go-testdata", "v0", name);

    [Fact]
    public void Validate_ValidFile_Exits0()
    {
        var file = Directory.EnumerateFiles(Conformance("valid"), "*.yml").OrderBy(f => f, StringComparer.Ordinal).First();
        var r = Cli.Run("yml", "validate", file, "--no-file-checks");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains(": valid", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidFile_PrintsTheOfficialMessage_AndExits1()
    {
        var r = Cli.Run("yml", "validate", Path.Combine(Conformance("invalid"), "developmentStatus_invalid.yml"), "--no-file-checks");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("developmentStatus_invalid.yml:", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("error: developmentStatus:", r.StdOut, StringComparison.Ordinal);
        var json = Cli.Run("yml", "validate", Path.Combine(Conformance("invalid"), "developmentStatus_invalid.yml"), "--no-file-checks", "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.StdOut);
        Assert.Contains(doc.RootElement.EnumerateArray(), e => e.GetProperty("key").GetString() == "developmentStatus");
    }

    [Fact]
    public void Validate_MissingFile_Exits2() => Assert.Equal(2, Cli.Run("yml", "validate", Path.Combine(_samples.Root, "nope.yml")).ExitCode);

    [Fact]
    public void Generate_FromASampleWithoutPubliccodeYml_NamesTheMissingProperties_AndWritesNothing()
    {
        using var temp = new TempDirectory("ymlgen");
        // The same projects, without the publiccode.yml the sample carries: only the project's facts are left.
        var copy = Path.Combine(temp.Path, "Valmont");
        CopyTree(_samples.Valmont, copy, skip: "publiccode.yml");
        var target = Path.Combine(temp.Path, "out", "publiccode.yml");
        var r = Cli.Run("yml", "generate", Path.Combine(copy, "Valmont.sln"), "-o", target);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("PCP3003", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("PublicCodeMaintenanceType", r.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Issue13_GenerateToANewFile_StartsFromTheFoldersValidPubliccodeYml()
    {
        using var temp = new TempDirectory("ymlgen-issue13");
        var target = Path.Combine(temp.Path, "dossier", "publiccode.yml");
        var r = Cli.Run("yml", "generate", Path.Combine(_samples.Valmont, "Valmont.sln"), "-o", target);
        Assert.True(r.ExitCode == 0, r.All);
        var text = File.ReadAllText(target);
        // Keys only the repository's own file knows are kept: the reuse evidence and the maintenance block.
        Assert.Contains("  - Commune de Saint-Aubin-sur-Lys\n", text, StringComparison.Ordinal);
        Assert.Contains("maintenance:\n  type: internal\n", text, StringComparison.Ordinal);
        Assert.Contains("name: Guichet état civil\n", text, StringComparison.Ordinal);
        Assert.True(Cli.Run("yml", "validate", target, "--no-file-checks").ExitCode == 0);
        // The repository's file itself is left alone.
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "samples", "Valmont", "publiccode.yml")), File.ReadAllText(Path.Combine(_samples.Valmont, "publiccode.yml")));
    }

    private static void CopyTree(string from, string to, string skip)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel == skip || rel.StartsWith(".git", StringComparison.Ordinal)) continue;
            File.Copy(file, Path.Combine(to, rel));
        }
    }

    [Fact]
    public void Generate_WithThePolicySection_WritesAValidFile_ThenKeepsHandEdits()
    {
        using var temp = new TempDirectory("ymlgen2");
        var policy = temp.Write("publiccode-policy.json", """
            {
              "publicCode": {
                "platforms": ["linux", "windows"],
                "developmentStatus": "stable",
                "softwareType": "standalone/desktop",
                "maintenanceType": "internal",
                "maintenanceContacts": ["Jeanne Martin <dsi@valmont.example>"],
                "audienceCountries": ["FR"],
                "descriptionFr": "Guichet numérique de l'état civil de la commune de Valmont.",
                "longDescriptionFr": "Le guichet état civil permet aux agents de la commune de Valmont d'enregistrer les actes de naissance, de mariage et de décès, de les rechercher et d'en exporter les données ouvertes au format CSV, dans le respect du RGPD.",
                "featuresFr": ["Enregistrement des actes", "Export CSV des données ouvertes"]
              }
            }
            """);
        var target = Path.Combine(temp.Path, "publiccode.yml");
        // Generated from the facts alone: a copy of the sample without its own publiccode.yml.
        var copy = Path.Combine(temp.Path, "Valmont");
        CopyTree(_samples.Valmont, copy, skip: "publiccode.yml");
        var sln = Path.Combine(copy, "Valmont.sln");
        var r = Cli.Run("yml", "generate", sln, "-o", target, "--policy", policy);
        Assert.True(r.ExitCode == 0, r.All);
        var validation = Cli.Run("yml", "validate", target, "--no-file-checks");
        Assert.True(validation.ExitCode == 0, validation.All);
        var text = File.ReadAllText(target);
        Assert.Contains("publiccodeYmlVersion: \"0\"", text, StringComparison.Ordinal);
        Assert.Contains("license: EUPL-1.2", text, StringComparison.Ordinal);
        Assert.Contains("softwareVersion: \"1.4.0\"", text, StringComparison.Ordinal);

        // A person adds a comment and a key; regeneration keeps them byte for byte.
        var edited = text.Replace("platforms:", "# Déployé sur les postes du guichet\nplatforms:", StringComparison.Ordinal) + "usedBy:\n  - Commune de Valmont\n";
        File.WriteAllText(target, edited);
        var again = Cli.Run("yml", "generate", sln, "-o", target, "--policy", policy);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(edited, File.ReadAllText(target));
        Assert.Contains("up to date", again.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_WritesASkeletonThatParses_AndListsWhatToComplete()
    {
        using var temp = new TempDirectory("init-yml");
        temp.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType><Product>Guichet</Product><PackageLicenseExpression>EUPL-1.2</PackageLicenseExpression><RepositoryUrl>https://forge.example/guichet</RepositoryUrl><Version>2.0.0</Version></PropertyGroup></Project>");
        var r = Cli.Run("init", temp.Path);
        Assert.True(r.ExitCode == 0, r.All);
        var yml = File.ReadAllText(Path.Combine(temp.Path, "publiccode.yml"));
        Assert.StartsWith("# To complete before publishing", yml, StringComparison.Ordinal);
        Assert.Contains("PublicCodeMaintenanceType", yml, StringComparison.Ordinal);
        Assert.Contains("name: Guichet", yml, StringComparison.Ordinal);
        // It parses (the validator reports missing keys, not a YAML error).
        var result = PublicCodeValidator.Validate(yml, new PublicCodeValidationOptions { CheckFiles = false });
        Assert.Contains(result.Diagnostics, d => d.Key.StartsWith("maintenance", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("yaml", StringComparison.OrdinalIgnoreCase));
        // A second init never replaces it.
        File.AppendAllText(Path.Combine(temp.Path, "publiccode.yml"), "# mine\n");
        Assert.Equal(0, Cli.Run("init", temp.Path, "--force").ExitCode);
        Assert.EndsWith("# mine\n", File.ReadAllText(Path.Combine(temp.Path, "publiccode.yml")), StringComparison.Ordinal);
    }
}
