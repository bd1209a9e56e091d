// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Json.Schema;
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 7 (report part): 'publiccode report' on the real restored Valmont sample, made a git repository with a
/// known history, asserting on the parsed HTML, the Markdown and the JSON, in French and English.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class ReportCommandTests
{
    /// <summary>The date of the sample's last commit (2026-10-16T09:30:00Z), which dates the report when SOURCE_DATE_EPOCH is unset.</summary>
    private const string LastCommitDate = "2026-10-16";

    private static readonly string[] SectionIds =
    {
        "synthese", "key-figures", "criteria", "explanations", "identity", "publiccode", "dependencies", "non-allowed", "exceptions", "sbom", "reuse", "contributors", "upstream", "policy", "verify",
    };

    private readonly RestoredSamples _samples;

    public ReportCommandTests(RestoredSamples samples)
    {
        _samples = samples;
        SampleGit.Ensure(samples.Valmont);
    }

    private string Sln => Path.Combine(_samples.Valmont, "Valmont.sln");

    private static IDocument Html(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path));

    private static string Figure(IDocument doc, string key) => doc.QuerySelector("[data-figure=\"" + key + "\"] dd")!.TextContent;

    private static string Field(IDocument doc, string section, string key) => doc.QuerySelector("#" + section + " [data-field=\"" + key + "\"] td")!.TextContent;

    [Fact]
    public void French_AllThreeFormats_CarryTheEvidence()
    {
        using var temp = new TempDirectory("report-fr");
        var r = Cli.Run("report", Sln, "-o", temp.Path);
        Assert.True(r.ExitCode == 1, r.All);
        // Issue 13: the French report speaks French on the console too.
        Assert.Contains("Bilan : 4 projet(s), 28 paquet(s) distinct(s) : 22 autorisé(s), 6 refusé(s), 0 de licence inconnue, 0 sous dérogation.", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary:", r.StdOut, StringComparison.Ordinal);

        var doc = Html(Path.Combine(temp.Path, "publiccode-report.html"));
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
        foreach (var id in SectionIds) Assert.NotNull(doc.GetElementById(id));
        Assert.Equal("failed", doc.QuerySelector("[data-result]")!.GetAttribute("data-result"));
        Assert.Contains("6 constat(s) bloquant(s)", doc.QuerySelector("[data-result]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LastCommitDate, doc.QuerySelector("time[data-field=date]")!.GetAttribute("datetime"));

        // Key figures.
        Assert.Equal("28", Figure(doc, "dependencies"));
        // Issue 13: the headline share is on what ships (5 of 11 runtime packages of the deliverables), not on test tools.
        Assert.Equal("45,5\u00a0%", Figure(doc, "free-share"));
        Assert.Equal("5 sur 11", Figure(doc, "shipped"));
        Assert.Equal("6", Figure(doc, "denied"));
        Assert.Equal("0", Figure(doc, "unknown"));
        Assert.Equal("2", Figure(doc, "organisations"));

        // Identity: name and licence from publiccode.yml, licence free and on the French list, public forge.
        Assert.StartsWith("Guichet état civil", Field(doc, "identity", "name"), StringComparison.Ordinal);
        Assert.Contains("EUPL-1.2", Field(doc, "identity", "license"), StringComparison.Ordinal);
        Assert.Equal("Oui", Field(doc, "identity", "license-free"));
        Assert.Equal("Oui", Field(doc, "identity", "license-french-list"));
        Assert.Equal("https://forge.valmont.example/numerique/guichet-etat-civil", doc.QuerySelector("#identity [data-field=forge] a")!.GetAttribute("href"));
        Assert.Equal("Guichet numérique de l'état civil des communes, mutualisé entre collectivités.", Field(doc, "identity", "description"));

        // Dependencies: a bar per project in the inline SVG, counts per scope in the table.
        var svg = doc.QuerySelector("#dependencies figure svg")!;
        Assert.Equal("28", svg.QuerySelector("g.bar[data-label=\"Total\"]")!.GetAttribute("data-total"));
        Assert.Equal("9", svg.QuerySelector("g.bar[data-label=\"Valmont.Data\"]")!.GetAttribute("data-total"));
        Assert.Equal("6", doc.QuerySelector("tr[data-project=\"Valmont.Data\"][data-scope=runtime] td[data-verdict=denied]")!.TextContent);
        Assert.Equal("33,3\u00a0%", doc.QuerySelector("tr[data-project=\"Valmont.Data\"][data-scope=runtime] td[data-field=free-share]")!.TextContent);
        Assert.Equal("3", doc.QuerySelector("tr[data-project=\"Valmont.Tests\"][data-scope=test] td[data-verdict=allowed]")!.TextContent);

        // Every non-allowed dependency, with its evidence and path.
        var issues = doc.QuerySelectorAll("#non-allowed tr[data-package]");
        Assert.Equal(6, issues.Length);
        Assert.All(issues, row => Assert.Equal("denied", row.GetAttribute("data-verdict")));
        var http = issues.Single(row => row.GetAttribute("data-package") == "System.Net.Http");
        Assert.Contains("LicenseRef-MICROSOFT-NET-LIBRARY", http.TextContent, StringComparison.Ordinal);
        Assert.Contains("http://go.microsoft.com/fwlink/?LinkId=329770", http.TextContent, StringComparison.Ordinal);
        Assert.Contains("Valmont.Data → System.Net.Http 4.3.4", http.TextContent, StringComparison.Ordinal);
        Assert.Contains("bloquant", http.TextContent, StringComparison.Ordinal);

        Assert.Equal("valid", doc.QuerySelector("[data-field=publiccode-status]")!.GetAttribute("data-status"));

        // Reuse evidence from publiccode.yml, contributors by domain, upstream contributions from publiccode-report.json.
        Assert.Equal(3, doc.QuerySelectorAll("#reuse [data-field=used-by] li").Length);
        Assert.Equal("https://forge.valdelys.example/mutualisation/guichet-commun", doc.QuerySelector("#reuse [data-field=is-based-on] a")!.GetAttribute("href"));
        Assert.Contains("Communauté de communes du Val de Lys", Field(doc, "reuse", "funded-by"), StringComparison.Ordinal);
        var valmont = doc.QuerySelector("#contributors tr[data-domain=\"valmont.example\"]")!;
        Assert.Equal("2", valmont.Children[1].TextContent);
        // Issue 13: the domain is tied to the organisation publiccode.yml names with that host.
        Assert.Equal("valmont.example — Commune de Valmont", valmont.Children[0].TextContent);
        Assert.Equal("Camille Martin, Dominique Petit", valmont.Children[2].TextContent);
        Assert.Equal("1", doc.QuerySelector("#contributors tr[data-domain=\"valdelys.example\"]")!.Children[1].TextContent);
        Assert.DoesNotContain("@", doc.GetElementById("contributors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, doc.QuerySelectorAll("#upstream tbody tr").Length);

        // Policy, SPDX list version and a verification command relative to the repository root.
        Assert.Contains("osi", Field(doc, "policy", "preset"), StringComparison.Ordinal);
        Assert.Equal(PublicCodePolicy.Licensing.LicenseList.Default.Version, Field(doc, "policy", "spdx-version"));
        // Issue 13: the date exceptions were judged against is pinned, so that the reviewer gets the same verdict later.
        Assert.Equal("publiccode check Valmont.sln --preset osi --as-of " + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("[data-field=verify-command]")!.TextContent);
        Assert.Equal("Summary: 4 projects, 28 distinct packages: 22 allowed, 6 denied, 0 unknown, 0 excepted.", doc.QuerySelector("[data-field=verify-expected]")!.TextContent);

        var md = File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.md"));
        Assert.StartsWith("# Dossier de conformité logiciel libre — Guichet état civil 1.4.0\n", md, StringComparison.Ordinal);
        Assert.Contains("| Dépendances distinctes | 28 |", md, StringComparison.Ordinal);
        Assert.Contains("| Part sous licence libre des dépendances livrées | 45,5\u00a0% |", md, StringComparison.Ordinal);
        Assert.Contains("## Contributions aux logiciels libres amont", md, StringComparison.Ordinal);
        Assert.Contains("<https://forge.valdelys.example/mutualisation/guichet-commun/-/merge_requests/42>", md, StringComparison.Ordinal);
        Assert.Contains("Valmont.Data → System.Net.Http 4.3.4 → runtime.native.System 4.3.0", md, StringComparison.Ordinal);
        Assert.Contains("| **Valmont.Data** (livrable) | tous | 3 | 0 | 0 | 6 | 9 | 33,3\u00a0% |", md, StringComparison.Ordinal);
        Assert.Contains("```sh\npubliccode check Valmont.sln --preset osi --as-of " + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\n```", md, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.json")));
        var root = json.RootElement;
        AssertMatchesSchema(root);
        Assert.Equal(LastCommitDate + "T09:30:00Z", root.GetProperty("date").GetString());
        Assert.Equal(6, root.GetProperty("totals").GetProperty("denied").GetInt32());
        Assert.Equal(0.7857, root.GetProperty("totals").GetProperty("freeShare").GetDouble());
        Assert.Equal("EUPL-1.2", root.GetProperty("software").GetProperty("license").GetString());
        Assert.True(root.GetProperty("software").GetProperty("licenseOnFrenchAdministrationList").GetBoolean());
        Assert.Equal("valid", root.GetProperty("publiccode").GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("publiccode").GetProperty("usedBy").GetArrayLength());
        Assert.Equal(3, root.GetProperty("contributors").GetProperty("commits").GetInt32());
        Assert.Equal("src/Valmont.Data/Valmont.Data.csproj", root.GetProperty("deliverables").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Valmont.Data").GetProperty("path").GetString());
        Assert.Equal(40, root.GetProperty("verification").GetProperty("commit").GetString()!.Length);

        // No machine path leaks into any format.
        foreach (var file in Directory.GetFiles(temp.Path))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(_samples.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_IsSelfContained_WithoutScriptOrExternalResource()
    {
        using var temp = new TempDirectory("report-self");
        Assert.Equal(1, Cli.Run("report", Sln, "--format", "html", "--no-sbom", "-o", temp.Path).ExitCode);
        Assert.Equal(new[] { "SHA256SUMS", "publiccode-report.html", "publiccode-yml-validation.txt" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        var doc = Html(Path.Combine(temp.Path, "publiccode-report.html"));
        Assert.Empty(doc.QuerySelectorAll("script, link, img, iframe, object, embed, video, audio, source"));
        Assert.DoesNotContain(doc.All, e => e.HasAttribute("src") || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var css = string.Concat(doc.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Equal("utf-8", doc.CharacterSet, ignoreCase: true);
        // Links only lead to sections of the report or to web pages, never to a local file.
        Assert.All(doc.QuerySelectorAll("a[href]"), a => Assert.Matches("^(#|https?://)", a.GetAttribute("href")!));
    }

    [Fact]
    public void English_TranslatesEveryLabelSection()
    {
        using var fr = new TempDirectory("report-fr2");
        using var en = new TempDirectory("report-en");
        Assert.Equal(1, Cli.Run("report", Sln, "--format", "html,md", "-o", fr.Path).ExitCode);
        var r = Cli.Run("report", Sln, "--lang", "en", "-f", "html", "-f", "md", "-o", en.Path);
        Assert.True(r.ExitCode == 1, r.All);
        Assert.False(File.Exists(Path.Combine(en.Path, "publiccode-report.json")));

        var docFr = Html(Path.Combine(fr.Path, "publiccode-report.html"));
        var docEn = Html(Path.Combine(en.Path, "publiccode-report.html"));
        Assert.Equal("en", docEn.DocumentElement.GetAttribute("lang"));
        foreach (var id in SectionIds)
        {
            var h2Fr = docFr.QuerySelector("#" + id + " h2")!.TextContent;
            var h2En = docEn.QuerySelector("#" + id + " h2")!.TextContent;
            Assert.NotEqual(h2Fr, h2En);
            var criterionFr = docFr.QuerySelector("#" + id + " .criterion")?.TextContent;
            var criterionEn = docEn.QuerySelector("#" + id + " .criterion")?.TextContent;
            if (criterionFr != null) Assert.NotEqual(criterionFr, criterionEn);
        }
        Assert.Equal("Software identity", docEn.QuerySelector("#identity h2")!.TextContent);
        Assert.Equal("45.5%", Figure(docEn, "free-share"));
        Assert.Equal("Yes", Field(docEn, "identity", "license-french-list"));
        Assert.Equal("Civil-registry desk software for municipalities, pooled between local authorities.", Field(docEn, "identity", "description"));
        Assert.Contains("6 enforced finding(s)", docEn.QuerySelector("[data-result]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("non-free", docEn.QuerySelector("#non-allowed tr[data-package=\"System.Net.Http\"] .verdict-denied")!.TextContent);

        var md = File.ReadAllText(Path.Combine(en.Path, "publiccode-report.md"));
        Assert.StartsWith("# Free-software compliance report — Guichet état civil 1.4.0\n", md, StringComparison.Ordinal);
        Assert.Contains("## Contributions to upstream free software", md, StringComparison.Ordinal);
        Assert.Contains("| Share of shipped dependencies under a free licence | 45.5% |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Dépendances", md, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceDateEpoch_GivesByteIdenticalReports_AndTheJsonIsLanguageNeutral()
    {
        using var a = new TempDirectory("report-a");
        using var b = new TempDirectory("report-b");
        using var c = new TempDirectory("report-c");
        WithSourceDateEpoch("1764374400", () =>
        {
            Assert.Equal(1, Cli.Run("report", Sln, "-o", a.Path).ExitCode);
            Assert.Equal(1, Cli.Run("report", Sln, "-o", b.Path).ExitCode);
            Assert.Equal(1, Cli.Run("report", Sln, "--lang", "en", "-o", c.Path).ExitCode);
        });
        foreach (var name in new[] { "publiccode-report.html", "publiccode-report.md", "publiccode-report.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, name)), File.ReadAllBytes(Path.Combine(b.Path, name)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, "publiccode-report.json")), File.ReadAllBytes(Path.Combine(c.Path, "publiccode-report.json")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.Path, "publiccode-report.html")), File.ReadAllBytes(Path.Combine(c.Path, "publiccode-report.html")));
        Assert.Equal("2025-11-29", Html(Path.Combine(a.Path, "publiccode-report.html")).QuerySelector("time[data-field=date]")!.GetAttribute("datetime"));

        var bad = new ProcessResult(0, string.Empty, string.Empty);
        using var d = new TempDirectory("report-d");
        WithSourceDateEpoch("yesterday", () => bad = Cli.Run("report", Sln, "-o", d.Path));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("SOURCE_DATE_EPOCH", bad.StdErr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(d.Path));
    }

    [Fact]
    public void Sboms_FromTheSbomCommand_AreAttachedWithTheirSha256()
    {
        using var temp = new TempDirectory("report-sbom");
        var outDir = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(outDir);
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
        // One SBOM already in the report's folder (attached by its name), one named with --sbom (copied beside the report).
        var cdx = Path.Combine(outDir, "valmont.cdx.json");
        var spdx = Path.Combine(temp.Path, "elsewhere", "valmont.spdx.json");
        Assert.Equal(0, Cli.Run("sbom", Sln, "-o", cdx).ExitCode);
        Assert.Equal(0, Cli.Run("sbom", Sln, "--format", "spdx", "-o", spdx).ExitCode);

        var r = Cli.Run("report", Sln, "--format", "json,html", "--no-sbom", "--sbom", spdx, "-o", outDir);
        Assert.True(r.ExitCode == 1, r.All);
        Assert.Equal(File.ReadAllBytes(spdx), File.ReadAllBytes(Path.Combine(outDir, "valmont.spdx.json")));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "publiccode-report.json")));
        AssertMatchesSchema(json.RootElement);
        var sboms = json.RootElement.GetProperty("sboms").EnumerateArray().ToArray();
        Assert.Equal(new[] { "valmont.cdx.json", "valmont.spdx.json" }, sboms.Select(s => s.GetProperty("file").GetString()).ToArray());
        Assert.Equal("CycloneDX 1.6", sboms[0].GetProperty("format").GetString());
        Assert.Equal("SPDX-2.3", sboms[1].GetProperty("format").GetString());
        Assert.Equal(Sha256(cdx), sboms[0].GetProperty("sha256").GetString());
        Assert.Equal(Sha256(spdx), sboms[1].GetProperty("sha256").GetString());
        Assert.Equal(new FileInfo(cdx).Length, sboms[0].GetProperty("size").GetInt64());

        var doc = Html(Path.Combine(outDir, "publiccode-report.html"));
        Assert.Equal(2, doc.QuerySelectorAll("#sbom tr[data-sbom]").Length);
        // The digest lines are in sha256sum's format, so a reviewer checks the attachments with 'sha256sum -c'.
        Assert.Equal(Sha256(cdx) + "  valmont.cdx.json\n" + Sha256(spdx) + "  valmont.spdx.json\n", doc.QuerySelector("#sbom pre")!.TextContent);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public void Exceptions_AreListedWithJustification_AndTheVerificationCommandReproducesTheResult()
    {
        using var temp = new TempDirectory("report-exc");
        var policy = Path.Combine(_samples.Valmont, "policy-report-test.json");
        File.WriteAllText(policy, """
            {
              "preset": "fr-administration",
              "exceptions": [
                { "package": "System.Net.Http", "versions": "[4.3.4]", "justification": "Pile HTTP historique, retrait prévu.", "approvedBy": "DSI de Valmont", "expires": "2027-06-30" },
                { "package": "runtime.native.*", "justification": "Amené par System.Net.Http 4.3.4.", "expires": "2027-06-30" },
                { "package": "Microsoft.NETCore.*", "justification": "Amené par System.Net.Http 4.3.4.", "expires": "2027-06-30" },
                { "package": "Unused.Package", "justification": "<script>alert(1)</script> | <b>tube</b> *gras*\nligne 2" }
              ]
            }
            """);
        try
        {
            var r = Cli.Run("report", Sln, "--policy", policy, "--as-of", "2026-11-29", "-o", temp.Path);
            Assert.True(r.ExitCode == 0, r.All);
            var doc = Html(Path.Combine(temp.Path, "publiccode-report.html"));
            Assert.Equal("passed", doc.QuerySelector("[data-result]")!.GetAttribute("data-result"));
            Assert.Equal("6", Figure(doc, "excepted"));
            Assert.Equal("0", Figure(doc, "denied"));
            var http = doc.QuerySelector("#exceptions tr[data-exception=\"System.Net.Http\"]")!;
            Assert.Contains("Pile HTTP historique, retrait prévu.", http.TextContent, StringComparison.Ordinal);
            Assert.Contains("DSI de Valmont", http.TextContent, StringComparison.Ordinal);
            Assert.Contains("2027-06-30", http.TextContent, StringComparison.Ordinal);
            Assert.Contains("System.Net.Http 4.3.4", http.Children[4].TextContent, StringComparison.Ordinal);
            Assert.Equal(3, doc.QuerySelector("#exceptions tr[data-exception=\"runtime.native.*\"]")!.Children[4].ChildNodes.Count(n => n is IText));
            var unused = doc.QuerySelector("#exceptions tr[data-exception=\"Unused.Package\"]")!;
            Assert.Equal("aucun paquet", unused.Children[4].TextContent);
            // Text from the policy file is text: no markup gets into the HTML, no table breaks in the Markdown.
            Assert.Equal("<script>alert(1)</script> | <b>tube</b> *gras*\nligne 2", unused.Children[1].TextContent);
            Assert.Empty(doc.QuerySelectorAll("script, b"));
            var mdRow = File.ReadAllLines(Path.Combine(temp.Path, "publiccode-report.md")).Single(l => l.StartsWith("| `Unused.Package`", StringComparison.Ordinal));
            Assert.Equal(6, mdRow.Split(" | ").Length);
            Assert.Contains("| \\<script\\>alert(1)\\</script\\> \\| \\<b\\>tube\\</b\\> \\*gras\\* ligne 2 |", mdRow, StringComparison.Ordinal);
            Assert.Contains("fr-administration", Field(doc, "policy", "preset"), StringComparison.Ordinal);
            Assert.Equal("policy-report-test.json", Field(doc, "policy", "policy-file"));
            Assert.Equal("Aucune : toutes les dépendances sont sous une licence autorisée ou couvertes par une dérogation.", doc.QuerySelector("#non-allowed p:not(.criterion)")!.TextContent);

            // The reviewer's command, run from the repository root, gives the exit code and summary the report states.
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "publiccode-report.json")));
            var verification = json.RootElement.GetProperty("verification");
            var command = verification.GetProperty("command").GetString()!;
            Assert.Equal("publiccode check Valmont.sln --policy policy-report-test.json --preset fr-administration --as-of 2026-11-29", command);
            var args = command.Split(' ').Skip(1).ToArray();
            args[1] = Path.Combine(_samples.Valmont, args[1]);
            args[3] = Path.Combine(_samples.Valmont, args[3]);
            var check = Cli.Run(args);
            Assert.Equal(verification.GetProperty("expectedExitCode").GetInt32(), check.ExitCode);
            Assert.Contains(verification.GetProperty("expectedSummary").GetString()!, check.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public void InvalidPubliccodeYml_IsReportedWithTheValidatorFindings()
    {
        using var temp = new TempDirectory("report-yml");
        var yml = temp.Write("yml/publiccode.yml", "publiccodeYmlVersion: \"0\"\nname: Guichet\nurl: https://forge.valmont.example/guichet\nusedBy:\n  - Commune de Valmont\n");
        var r = Cli.Run("report", Sln, "--publiccode", yml, "--format", "html,json", "-o", Path.Combine(temp.Path, "out"));
        Assert.True(r.ExitCode == 1, r.All);
        var doc = Html(Path.Combine(temp.Path, "out", "publiccode-report.html"));
        Assert.Equal("invalid", doc.QuerySelector("[data-field=publiccode-status]")!.GetAttribute("data-status"));
        var keys = doc.QuerySelectorAll("#publiccode tbody tr td:nth-child(2)").Select(td => td.TextContent).ToArray();
        Assert.Contains("legal.license", keys);
        Assert.Contains("platforms", keys);
        Assert.Single(doc.QuerySelectorAll("#reuse [data-field=used-by] li"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "publiccode-report.json")));
        var pc = json.RootElement.GetProperty("publiccode");
        Assert.Equal("invalid", pc.GetProperty("status").GetString());
        Assert.Equal("publiccode.yml", pc.GetProperty("path").GetString());
        Assert.Contains(pc.GetProperty("findings").EnumerateArray(), f => f.GetProperty("type").GetString() == "error" && f.GetProperty("key").GetString() == "legal.license");

        // A file that is not YAML at all is reported as invalid, and nothing is read from it.
        var broken = temp.Write("broken/publiccode.yml", "name: [unclosed\nusedBy: {\n");
        Assert.Equal(1, Cli.Run("report", Sln, "--publiccode", broken, "--format", "json", "-o", Path.Combine(temp.Path, "out2")).ExitCode);
        using var json2 = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out2", "publiccode-report.json")));
        var pc2 = json2.RootElement.GetProperty("publiccode");
        Assert.Equal("invalid", pc2.GetProperty("status").GetString());
        Assert.Equal(0, pc2.GetProperty("usedBy").GetArrayLength());
        Assert.Equal("Valmont", json2.RootElement.GetProperty("software").GetProperty("name").GetString());
        Assert.Equal("msbuild", json2.RootElement.GetProperty("software").GetProperty("licenseSource").GetString());
    }

    [Fact]
    public void InputErrors_WriteNothing_AndExitWith2()
    {
        using var temp = new TempDirectory("report-err");
        var config = temp.Write("bad/publiccode-report.json", """{ "upstreamContributions": [ { "project": "NodaTime", "url": "ftp://example.org/x" } ] }""");
        var r = Cli.Run("report", Sln, "--config", config, "-o", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.upstreamContributions[0].url", r.StdErr, StringComparison.Ordinal);

        var unknownKey = temp.Write("bad2/publiccode-report.json", """{ "contributions": [] }""");
        r = Cli.Run("report", Sln, "--config", unknownKey, "-o", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.contributions", r.StdErr, StringComparison.Ordinal);

        r = Cli.Run("report", Sln, "--format", "pdf", "-o", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unknown report format 'pdf'", r.StdErr, StringComparison.Ordinal);

        r = Cli.Run("report", Path.Combine(_samples.NotRestored, "Fresh.csproj"), "-o", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PCP9001", r.StdErr, StringComparison.Ordinal);

        r = Cli.Run("report", Sln, "--sbom", Path.Combine(temp.Path, "missing.cdx.json"), "-o", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Help_TeachesWithExamplesAndExitCodes()
    {
        var r = Cli.Run("report", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Territoire Numérique Libre", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("Examples:", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("SOURCE_DATE_EPOCH=", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("--lang", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("--sbom", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Contributors_AreGroupedByDomain_Deterministically()
    {
        var summary = GitHistory.Summarize(new[]
        {
            "Camille Martin\tcamille.martin@Valmont.example", "Lou Bernard\tlou@valdelys.example", "Dominique Petit\tdp@valmont.example",
            "Camille Martin\tcamille.martin@valmont.example", "Sans Adresse\t", string.Empty,
        });
        Assert.Equal(5, summary.Commits);
        Assert.Equal(new[] { "valmont.example", string.Empty, "valdelys.example" }, summary.Organisations.Select(o => o.Domain).ToArray());
        Assert.Equal(new[] { "Camille Martin", "Dominique Petit" }, summary.Organisations[0].Contributors);
        Assert.Equal(3, summary.Organisations[0].Commits);
        Assert.False(GitHistory.ReadContributors(_samples.Cpm).IsGitRepository);
    }

    [Fact]
    public void SampleReportConfig_MatchesItsSchema_AndLoads()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "samples", "Valmont", ReportConfig.FileName);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var eval = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "publiccode-report.schema.json")).Evaluate(doc.RootElement);
        Assert.True(eval.IsValid);
        var config = ReportConfig.Load(path);
        Assert.Equal(new[] { "Guichet commun (Communauté de communes du Val de Lys)", "NodaTime" }, config.UpstreamContributions.Select(c => c.Project).ToArray());
        Assert.Equal("2026-06-12", config.UpstreamContributions[0].Date);
    }

    private static void WithSourceDateEpoch(string value, Action action)
    {
        var previous = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", value);
        try
        {
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", previous);
        }
    }

    private static void AssertMatchesSchema(JsonElement root)
    {
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "compliance-report.schema.json"));
        var eval = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(eval.IsValid, string.Join("\n", (eval.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }
}

/// <summary>Makes the restored Valmont copy a git repository with a fixed history: three commits by people of two organisations.</summary>
internal static class SampleGit
{
    private static readonly object s_gate = new();

    public static void Ensure(string folder)
    {
        lock (s_gate)
        {
            if (Directory.Exists(Path.Combine(folder, ".git"))) return;
            Git(folder, null, "init", "-q");
            Git(folder, null, "add", "-A");
            Git(folder, ("Camille Martin", "camille.martin@valmont.example", "2026-09-01T08:00:00Z"), "commit", "-q", "-m", "Guichet état civil 1.3");
            File.AppendAllText(Path.Combine(folder, "README.md"), "\nExport CSV reversé au guichet commun.\n");
            Git(folder, null, "add", "README.md");
            Git(folder, ("Lou Bernard", "lou.bernard@valdelys.example", "2026-10-01T14:00:00Z"), "commit", "-q", "-m", "Export CSV");
            File.AppendAllText(Path.Combine(folder, "README.md"), "\nVersion 1.4.0.\n");
            Git(folder, null, "add", "README.md");
            Git(folder, ("Dominique Petit", "dominique.petit@valmont.example", "2026-10-16T09:30:00Z"), "commit", "-q", "-m", "Version 1.4.0");
        }
    }

    private static void Git(string folder, (string Name, string Email, string Date)? author, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "commit.gpgsign=false", "-c", "user.name=Test", "-c", "user.email=test@test.example" }.Concat(args)) psi.ArgumentList.Add(a);
        if (author is { } who)
        {
            psi.Environment["GIT_AUTHOR_NAME"] = who.Name;
            psi.Environment["GIT_AUTHOR_EMAIL"] = who.Email;
            psi.Environment["GIT_AUTHOR_DATE"] = who.Date;
            psi.Environment["GIT_COMMITTER_NAME"] = who.Name;
            psi.Environment["GIT_COMMITTER_EMAIL"] = who.Email;
            psi.Environment["GIT_COMMITTER_DATE"] = who.Date;
        }
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(' ', args) + " failed: " + output);
    }
}

/// <summary>The report's own readers (its configuration, SBOM attachments) never fail other than as documented, whatever the bytes.</summary>
public sealed class ReportInputRobustnessTests
{
    [Fact]
    public void MutatedConfigurationsAndSboms_FailOnlyAsDocumented()
    {
        var seed = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "samples", "Valmont", ReportConfig.FileName));
        var sbom = Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[]}");
        var random = new Random(20261129);
        using var temp = new TempDirectory("report-fuzz");
        var path = Path.Combine(temp.Path, ReportConfig.FileName);
        int loaded = 0, rejected = 0;
        for (int i = 0; i < 400; i++)
        {
            var bytes = Mutate(seed, random);
            File.WriteAllBytes(path, bytes);
            try
            {
                ReportConfig.Load(path);
                loaded++;
            }
            catch (ReportConfigException)
            {
                rejected++;
            }
            var format = ComplianceReportBuilder.DetectSbomFormat(Mutate(sbom, random));
            Assert.False(string.IsNullOrEmpty(format));
        }
        // Both outcomes occur: the mutations reach the validation rules, not only the JSON parser.
        Assert.True(loaded > 0 && rejected > 0, "loaded " + loaded + ", rejected " + rejected);
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var list = input.ToList();
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0: list[at] = (byte)random.Next(256); break;
                case 1: list.RemoveAt(at); break;
                case 2: list.Insert(at, (byte)"\"{}[],:\\0a-"[random.Next(11)]); break;
                default: list.RemoveRange(at, Math.Min(list.Count - at, random.Next(1, 40))); break;
            }
        }
        return list.ToArray();
    }
}
