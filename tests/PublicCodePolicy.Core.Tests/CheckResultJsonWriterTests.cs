// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Merge;
using PublicCodePolicy.Output;

namespace PublicCodePolicy.Core.Tests;

/// <summary>The compact check result, schemaVersion 2 (issue 11): each package judged once, projects refer to it, paths capped.</summary>
public sealed class CheckResultJsonWriterTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string None = "";
    private readonly TempDirectory _temp = new("check-json");

    public void Dispose() => _temp.Dispose();

    // Two projects use the same packages; in each, Shared is reached through three direct references (three paths).
    // Deep (no licence: unknown) is brought in the same way, to test the cap on written paths.
    private JsonDocument TwoProjects() => JsonDocument.Parse(TwoProjectsText());

    private string TwoProjectsText()
    {
        foreach (var name in new[] { "App", "Worker" })
        {
            new FakeRestore(name)
                .Package("Shared", "1.0.0", Mit).Package("Deep", "0.2.0", None)
                .Package("A", "1.0.0", Mit, new[] { "Shared", "Deep" }).Package("B", "2.0.0", Mit, new[] { "Shared", "Deep" }).Package("C", "3.0.0", Mit, new[] { "Shared", "Deep" })
                .Package("Unlicensed", "0.1.0", None)
                .Direct("A").Direct("B").Direct("C").Direct("Unlicensed")
                .WriteTo(_temp.Path);
        }
        var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 1, 1) }).Check(Workspace.Load(_temp.Path));
        return CheckResultJsonWriter.WriteToString(result);
    }

    [Fact]
    public void SharedPackages_AreJudgedOnce_AndProjectsReferToThem()
    {
        using var doc = TwoProjects();
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        var judged = root.GetProperty("packages").EnumerateArray().ToArray();
        // Six package versions, each judged the same way in both projects: six entries, not twelve.
        Assert.Equal(new[] { "A", "B", "C", "Deep", "Shared", "Unlicensed" }, judged.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("NOASSERTION", judged[5].GetProperty("license").GetString());
        Assert.Equal("unknown", judged[5].GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(judged[5].GetProperty("reason").GetString()));
        var projects = root.GetProperty("projects").EnumerateArray().ToArray();
        Assert.Equal(2, projects.Length);
        foreach (var project in projects)
        {
            var entries = project.GetProperty("packages").EnumerateArray().ToArray();
            Assert.Equal(6, entries.Length);
            foreach (var e in entries)
            {
                var j = judged[e.GetProperty("package").GetInt32()];
                Assert.Equal(j.GetProperty("verdict").GetString(), e.GetProperty("verdict").GetString());
                Assert.False(e.TryGetProperty("id", out _));
                Assert.False(e.TryGetProperty("reason", out _));
                Assert.False(e.TryGetProperty("frameworks", out _)); // every framework of the project
            }
        }
    }

    [Fact]
    public void Paths_AreCapped_WithTheCountOfTheRest()
    {
        using var doc = TwoProjects();
        var root = doc.RootElement;
        Assert.Equal(CheckResultJsonWriter.MaxPaths, root.GetProperty("maxPaths").GetInt32());
        var app = root.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "App");
        var judged = root.GetProperty("packages");
        JsonElement Entry(string id) => app.GetProperty("packages").EnumerateArray().Single(p => judged[p.GetProperty("package").GetInt32()].GetProperty("id").GetString() == id);
        // Allowed: paths counted, not written.
        var shared = Entry("Shared");
        Assert.False(shared.TryGetProperty("paths", out _));
        Assert.Equal(3, shared.GetProperty("morePaths").GetInt32());
        // Not allowed: written, here the only one.
        var unlicensed = Entry("Unlicensed");
        Assert.Equal(new[] { "App → Unlicensed 0.1.0" }, unlicensed.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.False(unlicensed.TryGetProperty("morePaths", out _));
        // Not allowed, three paths: two written, one counted, in the project entry and in the finding.
        var deep = Entry("Deep");
        Assert.Equal(new[] { "App → A 1.0.0 → Deep 0.2.0", "App → B 2.0.0 → Deep 0.2.0" }, deep.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1, deep.GetProperty("morePaths").GetInt32());
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("package").GetString() == "Deep" && f.GetProperty("project").GetString()!.StartsWith("App/", StringComparison.Ordinal));
        Assert.Equal(2, finding.GetProperty("paths").GetArrayLength());
        Assert.Equal(1, finding.GetProperty("morePaths").GetInt32());
    }

    [Fact]
    public void Entries_AreOnePerLine_AtTheirDepth()
    {
        var lines = TwoProjectsText().Split('\n');
        // 6 judgements, 2 × 6 project entries; each a whole object on its own line, indented like its array's items.
        Assert.Equal(6, lines.Count(l => l.StartsWith("    {\"id\":\"", StringComparison.Ordinal) && l.Contains("\"licenseSource\":", StringComparison.Ordinal) && l.TrimEnd(',').EndsWith('}')));
        Assert.Equal(12, lines.Count(l => l.StartsWith("        {\"package\":", StringComparison.Ordinal) && l.TrimEnd(',').EndsWith('}')));
    }

    [Fact]
    public void Merge_ReadsVersion2_ThroughTheIndex()
    {
        using var doc = TwoProjects();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.RootElement.GetRawText()));
        var (repo, packages) = ResultMerger.Read(stream, "r");

        Assert.Equal(2, repo.Projects);
        Assert.Equal(12, packages.Count);
        Assert.Contains(packages, p => p is { Id: "Unlicensed", Version: "0.1.0", License: "NOASSERTION", Verdict: "unknown", Scope: "runtime" });
    }

    [Fact]
    public void Merge_RefusesAnIndexOutsideThePackages()
    {
        const string json = "{\"schemaVersion\":2,\"tool\":{\"name\":\"PublicCodePolicy\",\"version\":\"0.1.0\"},\"licenseListVersion\":\"3.28.0\",\"root\":\"r\",\"policy\":{\"preset\":\"osi\"},\"passed\":true,\"summary\":{\"projects\":1,\"packages\":1,\"allowed\":1,\"denied\":0,\"unknown\":0,\"excepted\":0,\"enforcedFindings\":0},\"packages\":[],\"projects\":[{\"packages\":[{\"package\":3,\"scope\":\"runtime\"}]}],\"findings\":[]}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var ex = Assert.Throws<ResultFormatException>(() => ResultMerger.Read(stream, "bad.json"));
        Assert.Contains("package 3", ex.Message, StringComparison.Ordinal);
    }
}
