// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 13: the console speaks French or English from resources, never a mix. Every English resource sentence
/// (three words or more, between placeholders) of the CLI and of the engine is looked for in the French output of
/// the Valmont sample, and every French one in the English output.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class LocalisationTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly RestoredSamples _samples;

    public LocalisationTests(RestoredSamples samples) => _samples = samples;

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    internal static IReadOnlyDictionary<string, string> Resx(string relativePath, string suffix)
        => XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, relativePath + suffix + ".resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private const string CliResx = "src/PublicCodePolicy.Cli/CliResources";
    private const string EngineResx = "src/PublicCodePolicy.Core/Diagnostics/EngineResources";

    /// <summary>
    /// The pieces of a language's texts between placeholders, line breaks and sentence ends that are sentences (three
    /// words or more) and not shared with the other language (an example command line is the same in both).
    /// </summary>
    internal static string[] Sentences(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> other)
        => texts.SelectMany(kv => Regex.Split(kv.Value, @"\{\d+\}|\n|(?<=[.;])\s").Select(f => f.Trim(' ', ':', ',', ';', '.', '(', ')', '«', '»', '…', '—', '\u00a0'))
                .Where(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && !other[kv.Key].Contains(f, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static (string[] English, string[] French) SentencesOf(params string[] resx)
    {
        var en = resx.Select(r => Resx(r, string.Empty)).ToArray();
        var fr = resx.Select(r => Resx(r, ".fr")).ToArray();
        return (en.Zip(fr, Sentences).SelectMany(x => x).ToArray(), fr.Zip(en, Sentences).SelectMany(x => x).ToArray());
    }

    [Theory]
    [InlineData(CliResx)]
    [InlineData(EngineResx)]
    public void EveryKey_IsInBothLanguages_WithTheSamePlaceholders(string resx)
    {
        var en = Resx(resx, string.Empty);
        var fr = Resx(resx, ".fr");
        Assert.Empty(en.Keys.Except(fr.Keys, StringComparer.Ordinal));
        Assert.Empty(fr.Keys.Except(en.Keys, StringComparer.Ordinal));
        foreach (var (key, english) in en)
        {
            Assert.Equal(Regex.Matches(english, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal), Regex.Matches(fr[key], @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
            if (english.Split(' ').Length >= 3) Assert.True(english != fr[key], key + " is not translated: " + english);
        }
    }

    [Fact]
    public void TheCodeReadsExactlyTheKeysOfItsResources()
        => Assert.Equal(Resx(CliResx, string.Empty).Keys.Order(StringComparer.Ordinal), CliTexts.Keys());

    [Theory]
    [InlineData(null, null, null, "", "en")]
    [InlineData("fr", null, null, "", "fr")]
    [InlineData("fr-FR", null, null, "en-US", "fr")]
    [InlineData("en", "fr_FR.UTF-8", null, "fr-FR", "en")]
    [InlineData(null, null, null, "fr-CA", "fr")]
    [InlineData(null, null, null, "en-GB", "en")]
    [InlineData(null, "fr_BE.UTF-8", null, "", "fr")]
    [InlineData(null, "C.UTF-8", "fr_FR.UTF-8", "", "en")]
    [InlineData(null, null, "fr_FR.UTF-8", "", "fr")]
    [InlineData("fro", null, null, "", "en")]
    public void Language_FollowsDotnetCliUiLanguage_ThenTheCulture_ThenThePosixLocale(string? dotnet, string? lcAll, string? lang, string culture, string expected)
    {
        var env = new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = dotnet, ["LC_ALL"] = lcAll, ["LANG"] = lang };
        var resolved = CliLanguage.Resolve(n => env.GetValueOrDefault(n), culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture));
        Assert.Equal(expected, CliLanguage.IsFrench(resolved) ? "fr" : "en");
    }

    [Fact]
    public void CheckTable_OfValmont_IsAllFrench_OrAllEnglish()
    {
        var (english, french) = SentencesOf(CliResx, EngineResx);
        Assert.Contains("is not a free licence", english);
        Assert.Contains("n'est pas une licence libre", french);
        using var temp = new TempDirectory("l10n-check");
        var policy = temp.Write("policy.json", """
            { "exceptions": [ { "package": "System.Net.Http", "justification": "Pile HTTP historique.", "expires": "2026-01-31" }, { "package": "runtime.native.*", "justification": "Amené par System.Net.Http.", "expires": "2027-01-15" }, { "package": "Nothing.Here", "justification": "Sans objet." } ] }
            """);
        foreach (var args in new[] { new[] { "check", Sln }, new[] { "check", Sln, "--policy", policy, "--as-of", "2026-11-29" } })
        {
            var fr = Cli.RunIn(French, args);
            var en = Cli.Run(args);
            Assert.Equal(1, fr.ExitCode);
            Assert.Equal(1, en.ExitCode);
            foreach (var sentence in english) Assert.False(fr.All.Contains(sentence, StringComparison.Ordinal), "French output contains the English \"" + sentence + "\":\n" + fr.All);
            foreach (var sentence in french) Assert.False(en.All.Contains(sentence, StringComparison.Ordinal), "English output contains the French \"" + sentence + "\":\n" + en.All);
        }
        // What a French reader sees, written out: the table, the reason, the remedy and the result.
        var table = Cli.RunIn(French, "check", Sln).StdOut;
        Assert.Contains("| Paquet ", table, StringComparison.Ordinal);
        Assert.Contains("LicenseRef-MICROSOFT-NET-LIBRARY n'est pas une licence libre.", table, StringComparison.Ordinal);
        Assert.Contains("System.Net.Http 4.3.4 (exécution) est sous licence LicenseRef-MICROSOFT-NET-LIBRARY", table, StringComparison.Ordinal);
        Assert.Contains("à faire : Retirez ou remplacez la référence à System.Net.Http dans Valmont.Data.csproj.", table, StringComparison.Ordinal);
        Assert.Contains("Résultat : non conforme, 6 constat(s) bloquant(s) (périmètres contrôlés : exécution).", table, StringComparison.Ordinal);
        var withExceptions = Cli.RunIn(French, "check", Sln, "--policy", policy, "--as-of", "2026-11-29").StdOut;
        Assert.Contains("La dérogation pour System.Net.Http 4.3.4 a expiré le 2026-01-31", withExceptions, StringComparison.Ordinal);
        Assert.Contains("Accepté par dérogation : Amené par System.Net.Http.", withExceptions, StringComparison.Ordinal);
        Assert.Contains("La dérogation pour « Nothing.Here » ne concerne aucune dépendance", withExceptions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("sbom")]
    [InlineData("report")]
    [InlineData("merge")]
    [InlineData("init")]
    [InlineData("explain")]
    [InlineData("yml")]
    [InlineData("yml", "validate")]
    [InlineData("yml", "generate")]
    public void Help_IsAllFrench_OrAllEnglish(params string[] command)
    {
        var (english, french) = SentencesOf(CliResx);
        var args = command.Append("--help").ToArray();
        var fr = Cli.RunIn(French, args);
        var en = Cli.Run(args);
        Assert.Equal(0, fr.ExitCode);
        Assert.Equal(0, en.ExitCode);
        foreach (var sentence in english) Assert.False(fr.All.Contains(sentence, StringComparison.Ordinal), "French help contains the English \"" + sentence + "\":\n" + fr.All);
        foreach (var sentence in french) Assert.False(en.All.Contains(sentence, StringComparison.Ordinal), "English help contains the French \"" + sentence + "\":\n" + en.All);
        Assert.Contains("Afficher l'aide", fr.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_FollowsDotnetCliUiLanguage()
    {
        // The process-wide variable is read only when no language is given: RunIn(null) resolves it like Program.Main.
        var stdout = new StringWriter();
        var saved = Environment.GetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE");
        try
        {
            Environment.SetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE", "fr-FR");
            Assert.Equal(0, CommandLineApp.Run(new[] { "check", "--help" }, stdout, new StringWriter(), ConsoleEnvironment.Plain));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE", saved);
        }
        Assert.Contains("Vérifier chaque dépendance d'une solution ou d'un projet", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MachineOutputs_StayEnglish_WhateverTheLanguage()
    {
        var fr = Cli.RunIn(French, "check", Sln, "--format", "json");
        var en = Cli.Run("check", Sln, "--format", "json");
        Assert.Equal(en.StdOut, fr.StdOut);
        Assert.Contains("\"reason\":\"LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence.\"", fr.StdOut, StringComparison.Ordinal);
    }
}
