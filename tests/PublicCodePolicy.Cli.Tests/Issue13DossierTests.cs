// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 13: the whole label dossier in one command (report, SBOMs of each deliverable, publiccode.yml validation,
/// SHA256SUMS), and the bugs a jury found reading the report.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class Issue13DossierTests
{
    private static readonly string[] Deliverables = { "Valmont.Data", "Valmont.Domain", "Valmont.Guichet" };

    private readonly RestoredSamples _samples;

    public Issue13DossierTests(RestoredSamples samples)
    {
        _samples = samples;
        SampleGit.Ensure(samples.Valmont);
    }

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public void Report_WritesTheWholeDossier_AndSha256SumsChecksEveryFile()
    {
        using var temp = new TempDirectory("dossier");
        var dossier = Path.Combine(temp.Path, "dossier");
        var r = Cli.Run("report", Sln, "-o", dossier);
        Assert.True(r.ExitCode == 1, r.All);

        var expected = Deliverables.SelectMany(d => new[] { d + ".cdx.json", d + ".spdx.json" })
            .Concat(new[] { "publiccode-report.html", "publiccode-report.json", "publiccode-report.md", "publiccode-yml-validation.txt" })
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Append("SHA256SUMS").OrderBy(f => f, StringComparer.Ordinal), Directory.GetFiles(dossier).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));

        // The manifest, computed here independently, in sha256sum's format.
        var manifest = string.Concat(expected.Select(f => Sha256(Path.Combine(dossier, f)) + "  " + f + "\n"));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(dossier, "SHA256SUMS")));
        if (ExternalToolAvailable("sha256sum"))
        {
            var psi = new ProcessStartInfo("sha256sum", "-c SHA256SUMS") { WorkingDirectory = dossier, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, output);
        }

        // The SBOMs are the deliverables' own, dated like the report (the last commit), attached with their digest.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dossier, "publiccode-report.json")));
        Assert.Equal(Deliverables.Length * 2, json.RootElement.GetProperty("sboms").GetArrayLength());
        // The SBOMs written by this run are described without being read back: what the report says of each must be
        // what the file holds (its digest and size computed here, its format read from its own fields).
        foreach (var entry in json.RootElement.GetProperty("sboms").EnumerateArray())
        {
            var file = Path.Combine(dossier, entry.GetProperty("file").GetString()!);
            Assert.Equal(Sha256(file), entry.GetProperty("sha256").GetString());
            Assert.Equal(new FileInfo(file).Length, entry.GetProperty("size").GetInt64());
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var format = doc.RootElement.TryGetProperty("bomFormat", out var bf)
                ? bf.GetString() + " " + doc.RootElement.GetProperty("specVersion").GetString()
                : doc.RootElement.GetProperty("spdxVersion").GetString();
            Assert.Equal(file.EndsWith(".cdx.json", StringComparison.Ordinal) ? "CycloneDX 1.6" : "SPDX-2.3", format);
            Assert.Equal(format, entry.GetProperty("format").GetString());
        }
        using var spdx = JsonDocument.Parse(File.ReadAllText(Path.Combine(dossier, "Valmont.Data.spdx.json")));
        Assert.Equal("2026-10-16T09:30:00Z", spdx.RootElement.GetProperty("creationInfo").GetProperty("created").GetString());
        Assert.Contains(spdx.RootElement.GetProperty("packages").EnumerateArray(), p => p.GetProperty("name").GetString() == "System.Net.Http");
        using var cdx = JsonDocument.Parse(File.ReadAllText(Path.Combine(dossier, "Valmont.Guichet.cdx.json")));
        Assert.Equal("Valmont.Guichet", cdx.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        Assert.Equal("publiccode.yml: valid\n", File.ReadAllText(Path.Combine(dossier, "publiccode-yml-validation.txt")));

        // A second run in the same folder gives the same bytes (its own earlier SBOMs are replaced, not re-attached twice).
        var before = File.ReadAllText(Path.Combine(dossier, "SHA256SUMS"));
        Assert.Equal(1, Cli.Run("report", Sln, "-o", dossier).ExitCode);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dossier, "SHA256SUMS")));

        // --no-sbom writes no SBOM; the manifest still covers what is written.
        var bare = Path.Combine(temp.Path, "bare");
        Assert.Equal(1, Cli.Run("report", Sln, "--no-sbom", "-o", bare).ExitCode);
        Assert.DoesNotContain(Directory.GetFiles(bare), f => f.EndsWith(".cdx.json", StringComparison.Ordinal) || f.EndsWith(".spdx.json", StringComparison.Ordinal));
        Assert.Equal(new[] { "publiccode-report.html", "publiccode-report.json", "publiccode-report.md", "publiccode-yml-validation.txt" },
            File.ReadAllLines(Path.Combine(bare, "SHA256SUMS")).Select(l => l.Substring(66)));
    }

    private static bool ExternalToolAvailable(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));

    [Fact]
    public void ExpiredException_EveryBlockingFindingTheHeaderCountsIsListed_PCP0003Included()
    {
        using var temp = new TempDirectory("dossier-expired");
        var policy = temp.Write("policy.json", """
            {
              "exceptions": [
                { "package": "System.Net.Http", "versions": "[4.3.4]", "justification": "Pile HTTP historique.", "expires": "2026-01-31" },
                { "package": "runtime.native.System", "justification": "Amené par System.Net.Http.", "expires": "2027-01-15" }
              ]
            }
            """);
        var r = Cli.Run("report", Sln, "--policy", policy, "--as-of", "2026-11-29", "--no-sbom", "-o", temp.Path);
        Assert.True(r.ExitCode == 1, r.All);
        var check = Cli.Run("check", Sln, "--policy", policy, "--as-of", "2026-11-29", "-f", "json");
        using var checkJson = JsonDocument.Parse(check.StdOut);
        var enforced = checkJson.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("enforced").GetBoolean()).ToArray();
        Assert.Contains(enforced, f => f.GetProperty("id").GetString() == "PCP0003");

        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.html")));
        var header = doc.QuerySelector("[data-result]")!.TextContent;
        Assert.Contains(enforced.Length + " constat(s) bloquant(s)", header, StringComparison.Ordinal);
        var rows = doc.QuerySelectorAll("#non-allowed table.issues tbody tr").Length + doc.QuerySelectorAll("#non-allowed table.findings tbody tr").Length;
        Assert.Equal(enforced.Length, rows);
        var expiredRow = doc.QuerySelector("#non-allowed table.findings tr[data-rule=PCP0003]")!;
        Assert.Contains("System.Net.Http 4.3.4", expiredRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("a expiré le 2026-01-31", expiredRow.TextContent, StringComparison.Ordinal);
        // The exceptions table says which is expired and which expires soon, and against which date.
        Assert.Equal("expired", doc.QuerySelector("#exceptions tr[data-exception=\"System.Net.Http\"] td[data-state]")!.GetAttribute("data-state"));
        Assert.Equal("expires-soon", doc.QuerySelector("#exceptions tr[data-exception=\"runtime.native.System\"] td[data-state]")!.GetAttribute("data-state"));
        Assert.Equal("Échéances appréciées au 2026-11-29.", doc.QuerySelector("[data-field=exceptions-judged-on]")!.TextContent);

        var md = File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.md"));
        Assert.Contains("| `PCP0003` | **System.Net.Http 4.3.4** |", md, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.json")));
        var other = json.RootElement.GetProperty("otherFindings").EnumerateArray().ToArray();
        Assert.Contains(other, f => f.GetProperty("rule").GetString() == "PCP0003" && f.GetProperty("expiredOn").GetString() == "2026-01-31");
        Assert.Equal(json.RootElement.GetProperty("enforcedFindings").GetInt32(),
            json.RootElement.GetProperty("nonAllowed").EnumerateArray().Count(i => i.GetProperty("enforced").GetBoolean()) + other.Length);
        Assert.Equal("2026-11-29", json.RootElement.GetProperty("exceptionsJudgedOn").GetString());
    }

    [Fact]
    public void AttachedSbom_ThatIsNotOne_OrDescribesAnotherSolution_IsRefusedWithPCP2003()
    {
        using var temp = new TempDirectory("dossier-sbom");
        var notSbom = temp.Write("notes.json", """{ "name": "Valmont.Data", "components": [] }""");
        var r = Cli.Run("report", Sln, "--sbom", notSbom, "-o", Path.Combine(temp.Path, "a"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP2003", r.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "a")));

        // The SBOM of another solution (the CPM sample), with an SBOM's shape and the checked project's name forged in.
        var other = Path.Combine(temp.Path, "other.cdx.json");
        Assert.Equal(0, Cli.Run("sbom", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-o", other).ExitCode);
        r = Cli.Run("report", Sln, "--sbom", other, "-o", Path.Combine(temp.Path, "b"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("describes 'Multi'", r.StdErr, StringComparison.Ordinal);
        var forged = temp.Write("forged.cdx.json", File.ReadAllText(other).Replace("\"name\": \"Multi\"", "\"name\": \"Valmont.Data\"", StringComparison.Ordinal));
        Assert.Contains("\"name\": \"Valmont.Data\"", File.ReadAllText(forged), StringComparison.Ordinal);
        r = Cli.Run("report", Sln, "--sbom", forged, "-o", Path.Combine(temp.Path, "c"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Serilog", r.StdErr + File.ReadAllText(forged), StringComparison.Ordinal);
        Assert.Contains("does not restore", r.StdErr, StringComparison.Ordinal);

        // The solution's own SBOM is accepted.
        var own = Path.Combine(temp.Path, "own.spdx.json");
        Assert.Equal(0, Cli.Run("sbom", Sln, "--format", "spdx", "-o", own).ExitCode);
        Assert.Equal(1, Cli.Run("report", Sln, "--no-sbom", "--sbom", own, "-o", Path.Combine(temp.Path, "d")).ExitCode);
    }

    private static IReadOnlyDictionary<string, string> Resources(string suffix)
        => System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Report", "ReportResources" + suffix + ".resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    /// <summary>The pieces of a language's texts between placeholders that are sentences (three words or more) and not shared with the other language.</summary>
    private static string[] Sentences(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> other)
        => texts.SelectMany(kv => System.Text.RegularExpressions.Regex.Split(kv.Value, @"\{\d+\}").Select(f => f.Trim(' ', ':', ',', ';', '.', '(', ')', '«', '»', '“', '”', '\u00a0'))
                .Where(f => f.Split(' ').Length >= 3 && !other[kv.Key].Contains(f, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void ReportsOfEverySample_ContainNoSentenceOfTheOtherLanguage()
    {
        using var temp = new TempDirectory("dossier-langs");
        var en = Resources(string.Empty);
        var fr = Resources(".fr");
        var englishSentences = Sentences(en, fr);
        var frenchSentences = Sentences(fr, en);
        Assert.Contains(englishSentences, s => s.StartsWith("Every non-free or unknown-licence dependency", StringComparison.Ordinal));
        var policy = temp.Write("policy.json", """
            { "exceptions": [ { "package": "System.Net.Http", "justification": "Pile HTTP historique.", "expires": "2026-01-31" }, { "package": "runtime.native.*", "justification": "Amené par System.Net.Http.", "expires": "2027-01-15" } ] }
            """);
        var samples = new (string Name, string[] Args)[]
        {
            ("valmont", new[] { Sln }),
            ("valmont-exceptions", new[] { Sln, "--policy", policy, "--as-of", "2026-11-29" }),
            ("cpm", new[] { Path.Combine(_samples.Cpm, "Multi", "Multi.csproj") }),
        };
        foreach (var (name, args) in samples)
        {
            foreach (var (lang, foreign) in new[] { ("fr", englishSentences), ("en", frenchSentences) })
            {
                var dir = Path.Combine(temp.Path, name + "-" + lang);
                var r = Cli.Run(new[] { "report" }.Concat(args).Concat(new[] { "--lang", lang, "--no-sbom", "-o", dir }).ToArray());
                Assert.True(r.ExitCode is 0 or 1, r.All);
                var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "publiccode-report.html"))).Body!.TextContent;
                var md = File.ReadAllText(Path.Combine(dir, "publiccode-report.md"));
                foreach (var sentence in foreign)
                {
                    Assert.False(html.Contains(sentence, StringComparison.Ordinal), name + " (" + lang + ") HTML contains the other language's \"" + sentence + "\"");
                    Assert.False(md.Contains(sentence, StringComparison.Ordinal), name + " (" + lang + ") Markdown contains the other language's \"" + sentence + "\"");
                }
            }
        }
        // The French Valmont report explains its licence family and says what to do, in French.
        var valmont = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "valmont-fr", "publiccode-report.html")));
        Assert.NotNull(valmont.QuerySelector("#explanations article[data-family=dotnet-library]"));
        Assert.Contains("LicenseRef-MICROSOFT-NET-LIBRARY n'est pas une licence libre", valmont.QuerySelector("#non-allowed tr[data-package=\"System.Net.Http\"]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("remove-inbox", valmont.QuerySelector("#non-allowed tr[data-package=\"System.Net.Http\"] [data-remedy]")!.GetAttribute("data-remedy"));
    }

    [Fact]
    public void Synthese_GivesTheVerdict_TheShippedRatio_AndTheFirstAction()
    {
        using var temp = new TempDirectory("dossier-synthese");
        Assert.Equal(1, Cli.Run("report", Sln, "-o", temp.Path).ExitCode);
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.html")));
        // The synthèse is the first section: the first printed page.
        Assert.Equal("synthese", doc.QuerySelector("main > section")!.Id);
        Assert.Equal("« Guichet état civil » ne remplit pas encore les conditions : 6 constat(s) bloquant(s) sur ses dépendances.", doc.QuerySelector("[data-field=verdict]")!.TextContent);
        // Shipped: 11 distinct runtime packages of the three deliverables, 5 of them free (the 6 denied come with System.Net.Http).
        Assert.StartsWith("45,5\u00a0% des dépendances livrées avec le logiciel sont sous licence libre (5 sur 11).", doc.QuerySelector("[data-field=ratio]")!.TextContent, StringComparison.Ordinal);
        var actions = doc.QuerySelectorAll("#synthese li[data-action]").Select(a => a.TextContent).ToArray();
        Assert.Equal("Retirer la référence à System.Net.Http 4.3.4 du projet Valmont.Data : ce paquet fait partie de .NET (net10.0) ; 6 dépendance(s) non libre(s) en moins.", actions[0]);
        Assert.NotNull(doc.QuerySelector("#synthese table.visa"));
        Assert.Equal("complete", doc.QuerySelector("[data-dossier]")!.GetAttribute("data-dossier"));
        // usedBy entries: linked to their proof when publiccode-report.json gives one, else shown as declared only.
        var usedBy = doc.QuerySelectorAll("#reuse [data-field=used-by] li").ToArray();
        Assert.Equal(3, usedBy.Length);
        var linked = usedBy.Single(li => li.TextContent.StartsWith("Commune de Saint-Aubin-sur-Lys", StringComparison.Ordinal));
        Assert.Equal("https://www.saint-aubin-sur-lys.example/deliberations/2026-04-adhesion-guichet-etat-civil", linked.QuerySelector("[data-proof=linked] a")!.GetAttribute("href"));
        Assert.Equal(2, usedBy.Count(li => li.QuerySelector("[data-proof=declared]") != null));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.json")));
        Assert.Equal(11, json.RootElement.GetProperty("shipped").GetProperty("total").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("shipped").GetProperty("allowed").GetInt32());
        Assert.Equal(17, json.RootElement.GetProperty("notShipped").GetProperty("total").GetInt32());
    }

    [Fact]
    public void Dossier_WithoutPubliccodeYml_OrWithAnHttpForge_IsIncomplete_EvenWhenDependenciesPass()
    {
        using var temp = new TempDirectory("dossier-incomplete");
        var policy = temp.Write("policy.json", """
            { "exceptions": [ { "package": "System.Net.Http", "justification": "j" }, { "package": "runtime.native.*", "justification": "j" }, { "package": "Microsoft.NETCore.*", "justification": "j" } ] }
            """);
        var yml = temp.Write("publiccode.yml", File.ReadAllText(Path.Combine(_samples.Valmont, "publiccode.yml")).Replace("url: https://forge", "url: http://forge", StringComparison.Ordinal));
        var r = Cli.Run("report", Sln, "--policy", policy, "--publiccode", yml, "--no-sbom", "-o", Path.Combine(temp.Path, "out"));
        Assert.True(r.ExitCode == 0, r.All);
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "out", "publiccode-report.html")));
        Assert.Equal("passed", doc.QuerySelector("[data-result]")!.GetAttribute("data-result"));
        Assert.Equal("incomplete", doc.QuerySelector("[data-dossier]")!.GetAttribute("data-dossier"));
        Assert.Contains("forge publique en https", doc.QuerySelector("[data-dossier]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("SBOM de ce commit", doc.QuerySelector("[data-dossier]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Les dépendances de « Guichet état civil » respectent la politique de la collectivité, mais le dossier est incomplet", doc.QuerySelector("[data-field=verdict]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_ShowsWhatChangedSinceTheLastDossier()
    {
        using var temp = new TempDirectory("dossier-previous");
        var old = Path.Combine(temp.Path, "old");
        // The previous dossier: the same solution, with an exception that had not expired then.
        var policy = temp.Write("policy.json", """{ "exceptions": [ { "package": "System.Net.Http", "justification": "Pile HTTP historique.", "expires": "2026-01-31" } ] }""");
        Assert.Equal(1, Cli.Run("report", Sln, "--policy", policy, "--as-of", "2026-01-15", "--no-sbom", "--format", "json", "-o", old).ExitCode);
        // Edit it as if the solution had changed since: Serilog was not there, NodaTime had another licence, a package left.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(old, "publiccode-report.json")))!;
        var packages = json["packages"]!.AsArray();
        Assert.Contains(packages, p => (string?)p!["id"] == "Serilog");
        packages.Remove(packages.Single(p => (string?)p!["id"] == "Serilog"));
        packages.Single(p => (string?)p!["id"] == "NodaTime")!["license"] = "LicenseRef-Old";
        packages.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "Old.Package", ["version"] = "1.0.0", ["license"] = "MIT", ["verdict"] = "allowed", ["shipped"] = true });
        json["shipped"]!["freeShare"] = 0.25;
        var previous = Path.Combine(old, "publiccode-report.json");
        File.WriteAllText(previous, json.ToJsonString());

        var now = Path.Combine(temp.Path, "now");
        var r = Cli.Run("report", Sln, "--policy", policy, "--as-of", "2026-11-29", "--no-sbom", "--previous", previous, "-o", now);
        Assert.True(r.ExitCode == 1, r.All);
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(now, "publiccode-report.html")));
        Assert.Equal("Part sous licence libre des dépendances livrées : 25,0 % auparavant, 45,5 % aujourd'hui.", doc.QuerySelector("[data-field=evolution-share]")!.TextContent);
        Assert.Equal("Serilog 4.4.0", doc.QuerySelector("#evolution [data-field=evolution-added] td")!.TextContent);
        Assert.Equal("Old.Package 1.0.0", doc.QuerySelector("#evolution [data-field=evolution-removed] td")!.TextContent);
        Assert.Equal("NodaTime: LicenseRef-Old → Apache-2.0", doc.QuerySelector("#evolution [data-field=evolution-licenses] td")!.TextContent);
        Assert.Equal("System.Net.Http", doc.QuerySelector("#evolution [data-field=evolution-expired] td")!.TextContent);

        // A previous file that is not a report stops everything: exit 2, nothing written.
        var bad = temp.Write("bad.json", """{ "schemaVersion": 1 }""");
        var r2 = Cli.Run("report", Sln, "--previous", bad, "-o", Path.Combine(temp.Path, "none"));
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("PCP9006", r2.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "none")));
    }

    [Fact]
    public void SbomCommand_CreatesTheOutputFolder_AndDatesSpdxByTheLastCommit()
    {
        using var temp = new TempDirectory("dossier-sbomcmd");
        var target = Path.Combine(temp.Path, "dossier-label", "valmont.spdx.json");
        var r = Cli.Run("sbom", Sln, "--format", "spdx", "-o", target);
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal("2026-10-16T09:30:00Z", doc.RootElement.GetProperty("creationInfo").GetProperty("created").GetString());
    }

    [Fact]
    public void FrenchReport_TranslatesMaintenance_AndSaysEnglishOnlyInEnglish()
    {
        using var temp = new TempDirectory("dossier-lang");
        Assert.Equal(1, Cli.Run("report", Sln, "--no-sbom", "--format", "html", "-o", Path.Combine(temp.Path, "fr")).ExitCode);
        var en = Cli.Run("report", Sln, "--no-sbom", "--format", "html", "--lang", "en", "-o", Path.Combine(temp.Path, "en"));
        Assert.Equal(1, en.ExitCode);
        var fr = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "fr", "publiccode-report.html")));
        Assert.Equal("interne (assurée par la collectivité)", fr.QuerySelector("#reuse [data-field=maintenance] td")!.TextContent);
        Assert.DoesNotContain("(en anglais)", fr.Body!.TextContent, StringComparison.Ordinal);
        var english = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp.Path, "en", "publiccode-report.html")));
        Assert.Equal("internal (by the organisation itself)", english.QuerySelector("#reuse [data-field=maintenance] td")!.TextContent);
        Assert.Contains("Summary: 4 projects", en.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Écrit", en.StdOut, StringComparison.Ordinal);
    }
}
