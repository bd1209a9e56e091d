// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Cli.Tests;

[Collection(RestoredSamplesCollection.Name)]
public sealed class MergeCommandTests : IDisposable
{
    private readonly RestoredSamples _samples;
    private readonly TempDirectory _temp = new("merge");

    public MergeCommandTests(RestoredSamples samples) => _samples = samples;

    public void Dispose() => _temp.Dispose();

    // Three repositories' CI results: the sample (fails), the same with an approved exception (passes), and a small library (passes).
    private string[] ThreeResults()
    {
        var valmont = Path.Combine(_temp.Path, "valmont.json");
        var excepted = Path.Combine(_temp.Path, "valmont-excepted.json");
        var multi = Path.Combine(_temp.Path, "multi.json");
        Assert.Equal(1, Cli.Run("check", Path.Combine(_samples.Valmont, "Valmont.sln"), "-f", "json", "-o", valmont).ExitCode);
        var policy = _temp.Write("policy.json", """
            { "exceptions": [ { "package": "System.Net.Http", "justification": "j" }, { "package": "runtime.native.*", "justification": "j" }, { "package": "Microsoft.NETCore.*", "justification": "j" } ] }
            """);
        Assert.Equal(0, Cli.Run("check", Path.Combine(_samples.Valmont, "Valmont.sln"), "-f", "json", "-o", excepted, "--policy", policy).ExitCode);
        Assert.Equal(0, Cli.Run("check", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-f", "json", "-o", multi).ExitCode);
        return new[] { valmont, excepted, multi };
    }

    [Fact]
    public void ThreeResults_MergeIntoOneOrganisationView()
    {
        var files = ThreeResults();
        var r = Cli.Run(new[] { "merge", "-f", "json" }.Concat(files).ToArray());
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        var repos = root.GetProperty("repositories").EnumerateArray().ToArray();
        Assert.Equal(3, repos.Length);
        // Two results share the folder name "Valmont.sln": they stay apart, named by their result file (issue 13:
        // not "(2)", which depended on the order the files were given in).
        Assert.Equal(new[] { "Multi.csproj", "Valmont.sln (valmont)", "Valmont.sln (valmont-excepted)" }, repos.Select(x => x.GetProperty("name").GetString()));
        var reversed = Cli.Run(new[] { "merge", "-f", "json" }.Concat(files.Reverse()).ToArray());
        Assert.Equal(r.StdOut, reversed.StdOut);
        Assert.Equal(2, repos.Count(x => x.GetProperty("passed").GetBoolean()));
        var newtonsoft = root.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json" && p.GetProperty("version").GetString() == "13.0.4");
        Assert.Equal(3, newtonsoft.GetProperty("repositories").GetArrayLength());
        // The worst verdict wins: denied in one repository, excepted in another.
        var http = root.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "System.Net.Http");
        Assert.Equal("denied", http.GetProperty("verdict").GetString());
        // Shared = the same id and version in more than one repository, counted here from the three inputs themselves.
        var perRepo = files.Select(f =>
        {
            using var input = JsonDocument.Parse(File.ReadAllText(f));
            return CheckResultJson.AllProjectPackages(input.RootElement)
                .Select(p => p.Get("id") + "/" + p.Get("version"))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }).ToArray();
        int shared = perRepo.SelectMany(s => s).Distinct(StringComparer.OrdinalIgnoreCase).Count(k => perRepo.Count(s => s.Contains(k)) > 1);
        Assert.True(shared > 0);
        Assert.Equal(shared, root.GetProperty("summary").GetProperty("sharedPackages").GetInt32());
        Assert.Equal(perRepo.SelectMany(s => s).Distinct(StringComparer.OrdinalIgnoreCase).Count(), root.GetProperty("packages").GetArrayLength());
    }

    [Theory]
    [InlineData("fr", "Rapport consolidé des dépôts", "non conforme")]
    [InlineData("en", "Organisation-wide report", "failed")]
    public void Markdown_InBothLanguages(string lang, string title, string failed)
    {
        var files = ThreeResults();
        var outFile = Path.Combine(_temp.Path, "org.md");
        Assert.Equal(1, Cli.Run(new[] { "merge", "-f", "md", "--lang", lang, "-o", outFile }.Concat(files).ToArray()).ExitCode);
        var md = File.ReadAllText(outFile);
        Assert.StartsWith("# " + title, md, StringComparison.Ordinal);
        Assert.Contains("| Valmont.sln (valmont) | " + failed + " |", md, StringComparison.Ordinal);
        // Issue 13: packages used by several repositories are "dépendances communes", not the label's "mutualisation".
        Assert.DoesNotContain("mutualisation", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("| System.Net.Http | 4.3.4 | LicenseRef-MICROSOFT-NET-LIBRARY | denied |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_OfResults_IsAccepted_AndOutputIsDeterministic()
    {
        ThreeResults();
        var a = Cli.Run("merge", _temp.Path, "-f", "json");
        var b = Cli.Run("merge", _temp.Path, "-f", "json");
        Assert.Equal(2, a.ExitCode); // policy.json in the folder is not a result: refused, never skipped silently
        Assert.Contains("PCP9006", a.StdErr, StringComparison.Ordinal);
        Assert.Equal(a.StdErr, b.StdErr);
    }

    [Fact]
    public void Issue13_FolderHoldingItsOwnEarlierOutput_IsMergedAgain()
    {
        var folder = Path.Combine(_temp.Path, "results");
        Directory.CreateDirectory(folder);
        foreach (var f in ThreeResults().Where(f => !f.EndsWith("excepted.json", StringComparison.Ordinal))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var output = Path.Combine(folder, "organisation.json");
        var first = Cli.Run("merge", folder, "-f", "json", "-o", output);
        Assert.True(first.ExitCode == 1, first.All);
        var firstBytes = File.ReadAllBytes(output);
        // The second run finds organisation.json in the folder: it is this command's output, not a check result.
        var second = Cli.Run("merge", folder, "-f", "json", "-o", output);
        Assert.True(second.ExitCode == 1, second.All);
        Assert.Equal(firstBytes, File.ReadAllBytes(output));
        // Another merge output in the folder is skipped, and said so.
        File.Copy(output, Path.Combine(folder, "older-organisation.json"));
        var third = Cli.Run("merge", folder, "-f", "json", "-o", output);
        Assert.True(third.ExitCode == 1, third.All);
        Assert.Contains("older-organisation.json", third.StdErr, StringComparison.Ordinal);
        Assert.Equal(firstBytes, File.ReadAllBytes(output));
    }

    [Theory]
    [InlineData("fr", "Dossier consolidé de l'organisation", "1 dépôt(s) sur 3 ne respectent pas encore la politique.", "2 sur 3")]
    [InlineData("en", "Organisation-wide dossier", "1 repository(ies) of 3 do not pass the policy yet.", "2 of 3")]
    public void Issue13_Html_IsTheOrganisationWideDossier(string lang, string title, string result, string passing)
    {
        var files = ThreeResults();
        var outFile = Path.Combine(_temp.Path, "org-" + lang + ".html");
        Assert.Equal(1, Cli.Run(new[] { "merge", "-f", "html", "--lang", lang, "-o", outFile }.Concat(files).ToArray()).ExitCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(outFile));
        Assert.Equal(lang, doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(result, doc.QuerySelector("[data-result]")!.TextContent);
        Assert.Equal(passing, doc.QuerySelector("[data-figure=repositories] dd")!.TextContent);
        Assert.Equal("failed", doc.QuerySelector("tr[data-repository=\"Valmont.sln (valmont)\"]")!.GetAttribute("data-result"));
        // System.Net.Http is denied in one repository and excepted in another: one row, both repositories named.
        Assert.Equal(2, doc.QuerySelector("#problems tr[data-package=\"System.Net.Http\"] td:last-child")!.ChildNodes.Count(n => n is AngleSharp.Dom.IText));
        Assert.Equal(3, doc.QuerySelector("#common tr[data-common=\"Newtonsoft.Json\"] td:last-child")!.ChildNodes.Count(n => n is AngleSharp.Dom.IText));
        Assert.Empty(doc.QuerySelectorAll("script, link, img"));
        Assert.DoesNotContain("mutualisation", doc.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Issue13_FrenchTable_HasNoEnglishSentence()
    {
        var files = ThreeResults();
        var fr = Cli.Run(new[] { "merge", "--lang", "fr" }.Concat(files).ToArray());
        Assert.Equal(1, fr.ExitCode);
        Assert.Contains("paquet(s) : ", fr.StdOut, StringComparison.Ordinal);
        Assert.Contains("refusé   System.Net.Http 4.3.4", fr.StdOut, StringComparison.Ordinal);
        Assert.Contains("2/3 dépôt(s) conforme(s)", fr.StdOut, StringComparison.Ordinal);
        foreach (var english in new[] { "packages:", " allowed", " denied", "repositories passed", "to act on", " excepted" })
            Assert.DoesNotContain(english, fr.StdOut, StringComparison.Ordinal);
        var en = Cli.Run(new[] { "merge", "--lang", "en" }.Concat(files).ToArray());
        foreach (var french in new[] { "paquet", "autorisé", "refusé", "conforme", "à traiter" })
            Assert.DoesNotContain(french, en.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Version1Result_CommittedFromAnOlderTool_IsStillMerged_WithVersion2Results()
    {
        // A schemaVersion 1 result as older versions wrote it (validated against the version 1 schema, so the test
        // really reads the previous format), merged with a version 2 result of today.
        var v1 = Path.Combine(TestPaths.RepositoryRoot, "tests", "PublicCodePolicy.Cli.Tests", "Fixtures", "check-result-v1.json");
        using (var old = JsonDocument.Parse(File.ReadAllText(v1)))
        {
            Assert.Equal(1, old.RootElement.GetProperty("schemaVersion").GetInt32());
            var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "check-result.v1.schema.json"));
            Assert.True(schema.Evaluate(old.RootElement).IsValid);
        }
        var multi = Path.Combine(_temp.Path, "multi.json");
        Assert.Equal(0, Cli.Run("check", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-f", "json", "-o", multi).ExitCode);
        using (var current = JsonDocument.Parse(File.ReadAllText(multi))) Assert.Equal(2, current.RootElement.GetProperty("schemaVersion").GetInt32());

        var r = Cli.Run("merge", "-f", "json", v1, multi);
        Assert.True(r.ExitCode == 1, r.All);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal(new[] { "Multi.csproj", "Registre.sln" }, root.GetProperty("repositories").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        var newtonsoft = root.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
        Assert.Equal(new[] { "Multi.csproj", "Registre.sln" }, newtonsoft.GetProperty("repositories").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(new[] { "runtime", "test" }, newtonsoft.GetProperty("scopes").EnumerateArray().Select(x => x.GetString()));
        var legacy = root.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Legacy.Crypto");
        Assert.Equal("unknown", legacy.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"schemaVersion\": 99}")]
    [InlineData("{\"schemaVersion\": 1, \"root\": \"x\"}")]
    public void UnreadableResult_IsPCP9006(string content)
    {
        var bad = _temp.Write("bad.json", content);
        var r = Cli.Run("merge", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PCP9006", r.StdErr, StringComparison.Ordinal);
    }
}
