// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.Json;
using Json.Schema;
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>SBOMs of really restored projects (multi-targeting, Central Package Management, project references).</summary>
public sealed class RestoredSbomTests : IClassFixture<RestoredSolutionFixture>
{
    private static readonly SbomOptions s_options = new() { ToolVersion = "0.0.0-test" };
    private readonly RestoredSolutionFixture _fixture;

    public RestoredSbomTests(RestoredSolutionFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Formats() => new()
    {
        { "cyclonedx", "1.6" },
        { "cyclonedx", "1.7" },
        { "spdx", "2.3" },
    };

    public static TheoryData<string, string, string> ProjectFormats()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var project in new[] { "Guichet", "Data", "Rapports" })
        {
            data.Add(project, "cyclonedx", "1.6");
            data.Add(project, "cyclonedx", "1.7");
            data.Add(project, "spdx", "2.3");
        }
        return data;
    }

    internal static SbomSubject Subject(string name) => new()
    {
        Name = name,
        Version = "2.1.0",
        License = "EUPL-1.2",
        RepositoryUrl = "https://forge.valmont.example/numerique/" + name.ToLowerInvariant(),
        Supplier = "Commune de Valmont",
        Description = "Guichet numérique de la commune de Valmont.",
    };

    private static SbomDocument WriteProject(CheckResult result, ProjectResult project, string format, string version, SbomOptions? options = null)
        => format == "spdx"
            ? new SpdxWriter(options ?? s_options).WriteProject(result, project, Subject(project.Name))
            : new CycloneDxWriter(version == "1.7" ? CycloneDxSpecVersion.V1_7 : CycloneDxSpecVersion.V1_6, options ?? s_options).WriteProject(result, project, Subject(project.Name));

    private static SbomDocument WriteSolution(CheckResult result, string format, string version, SbomOptions? options = null)
        => format == "spdx"
            ? new SpdxWriter(options ?? s_options).WriteSolution(result, Subject("Commune"))
            : new CycloneDxWriter(version == "1.7" ? CycloneDxSpecVersion.V1_7 : CycloneDxSpecVersion.V1_6, options ?? s_options).WriteSolution(result, Subject("Commune"));

    private static JsonSchema Schema(string format, string version)
        => format == "spdx" ? SchemaValidator.Spdx23 : version == "1.7" ? SchemaValidator.CycloneDx17 : SchemaValidator.CycloneDx16;

    private static string FileName(string subject, string format, string version) => subject + "." + format + "-" + version + ".json";

    [Fact]
    public void PackagesWrittenForOneDocument_AreReusedByTheNext_WithTheBytesOfAFreshWrite()
    {
        // The report writes every deliverable's SBOMs with one options object: a package already written for one
        // document is copied into the next. Whatever the order, each document must be the one written alone.
        var shared = new SbomOptions { ToolVersion = "0.0.0-test" };
        string[] projects = { "Guichet", "Data", "Rapports" };
        foreach (var (format, version) in new[] { ("cyclonedx", "1.6"), ("cyclonedx", "1.7"), ("spdx", "2.3") })
        {
            foreach (var order in new[] { projects, projects.Reverse().ToArray() })
            {
                foreach (var name in order)
                {
                    var reused = WriteProject(_fixture.Result, _fixture.Project(name), format, version, shared);
                    var alone = WriteProject(_fixture.Result, _fixture.Project(name), format, version, new SbomOptions { ToolVersion = "0.0.0-test" });
                    Assert.True(alone.Content.Span.SequenceEqual(reused.Content.Span), name + " " + format + " " + version);
                }
            }
        }
        Assert.True(shared.Fragments.Count > 0);
    }

    [Theory]
    [MemberData(nameof(ProjectFormats))]
    public void ProjectSbom_IsSchemaValid_AndMatchesSnapshot(string project, string format, string version)
    {
        var document = WriteProject(_fixture.Result, _fixture.Project(project), format, version);
        SchemaValidator.AssertValid(Schema(format, version), document.Content, FileName(project, format, version));
        Snapshot.AssertMatches(FileName(project, format, version), document.Content);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void SolutionSbom_IsSchemaValid_AndMatchesSnapshot(string format, string version)
    {
        var document = WriteSolution(_fixture.Result, format, version);
        SchemaValidator.AssertValid(Schema(format, version), document.Content, FileName("Commune", format, version));
        Snapshot.AssertMatches(FileName("Commune", format, version), document.Content);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TwoRuns_AreByteIdentical(string format, string version)
    {
        var again = _fixture.CheckAgain();
        Assert.True(WriteSolution(_fixture.Result, format, version).Content.Span.SequenceEqual(WriteSolution(again, format, version).Content.Span));
        foreach (var project in _fixture.Result.Projects)
        {
            var first = WriteProject(_fixture.Result, project, format, version);
            var second = WriteProject(again, again.Projects.Single(p => p.Name == project.Name), format, version);
            Assert.True(first.Content.Span.SequenceEqual(second.Content.Span), project.Name + " differs between two runs");
            Assert.Equal(first.Identifier, second.Identifier);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void SourceDateEpoch_SetsTheTime_Reproducibly(string format, string version)
    {
        var options = new SbomOptions { ToolVersion = "0.0.0-test", Timestamp = SourceDateEpoch.Parse("1700000000") };
        var first = WriteSolution(_fixture.Result, format, version, options);
        var second = WriteSolution(_fixture.CheckAgain(), format, version, options);
        Assert.True(first.Content.Span.SequenceEqual(second.Content.Span));
        var text = Encoding.UTF8.GetString(first.Content.Span);
        Assert.Contains("\"2023-11-14T22:13:20Z\"", text, StringComparison.Ordinal);
        SchemaValidator.AssertValid(Schema(format, version), first.Content, "with SOURCE_DATE_EPOCH");
        // The identity names the content, so another time gives another identity.
        Assert.NotEqual(WriteSolution(_fixture.Result, format, version).Identifier, first.Identifier);
        Snapshot.AssertMatches(FileName("Commune.epoch", format, version), first.Content);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NoLocalPath_EntersTheSbom(string format, string version)
    {
        var outputs = _fixture.Result.Projects.Select(p => WriteProject(_fixture.Result, p, format, version)).Append(WriteSolution(_fixture.Result, format, version));
        foreach (var output in outputs)
        {
            var text = Encoding.UTF8.GetString(output.Content.Span);
            Assert.DoesNotContain(_fixture.Root.Path, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CycloneDx_KeepsOrExpressions_AndLicenceIds()
    {
        using var bom = JsonDocument.Parse(WriteProject(_fixture.Result, _fixture.Project("Data"), "cyclonedx", "1.6").Content);
        var csv = Component(bom, "pkg:nuget/CsvHelper@34.0.0");
        Assert.Equal("MS-PL OR Apache-2.0", csv.GetProperty("licenses")[0].GetProperty("expression").GetString());
        Assert.Equal("concluded", csv.GetProperty("licenses")[0].GetProperty("acknowledgement").GetString());
        var dapper = Component(bom, "pkg:nuget/Dapper@2.1.86");
        Assert.Equal("Apache-2.0", dapper.GetProperty("licenses")[0].GetProperty("license").GetProperty("id").GetString());
        Assert.Equal("pkg:nuget/Dapper@2.1.86", dapper.GetProperty("purl").GetString());
        Assert.Equal("SHA-512", dapper.GetProperty("hashes")[0].GetProperty("alg").GetString());
        Assert.Equal(128, dapper.GetProperty("hashes")[0].GetProperty("content").GetString()!.Length);
    }

    [Fact]
    public void CycloneDx_NamesTheProprietaryLicenceAndItsUrl()
    {
        using var bom = JsonDocument.Parse(WriteProject(_fixture.Result, _fixture.Project("Data"), "cyclonedx", "1.6").Content);
        var http = Component(bom, "pkg:nuget/System.Net.Http@4.3.4");
        var license = http.GetProperty("licenses")[0].GetProperty("license");
        Assert.Equal("LicenseRef-MICROSOFT-NET-LIBRARY", license.GetProperty("name").GetString());
        Assert.StartsWith("http", license.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains(http.GetProperty("properties").EnumerateArray(), p => p.GetProperty("name").GetString() == "publiccodepolicy:license:source" && p.GetProperty("value").GetString() == "url");
    }

    [Fact]
    public void Spdx_DeclaresLicenceRefs_AndKeepsExpressions()
    {
        using var doc = JsonDocument.Parse(WriteProject(_fixture.Result, _fixture.Project("Data"), "spdx", "2.3").Content);
        var packages = doc.RootElement.GetProperty("packages").EnumerateArray().ToArray();
        var http = packages.Single(p => p.GetProperty("name").GetString() == "System.Net.Http");
        Assert.Equal("LicenseRef-MICROSOFT-NET-LIBRARY", http.GetProperty("licenseConcluded").GetString());
        var extracted = doc.RootElement.GetProperty("hasExtractedLicensingInfos").EnumerateArray().ToArray();
        Assert.Contains(extracted, e => e.GetProperty("licenseId").GetString() == "LicenseRef-MICROSOFT-NET-LIBRARY");
        var csv = packages.Single(p => p.GetProperty("name").GetString() == "CsvHelper");
        Assert.Equal("MS-PL OR Apache-2.0", csv.GetProperty("licenseConcluded").GetString());
        Assert.Equal("MS-PL OR Apache-2.0", csv.GetProperty("licenseDeclared").GetString());
        Assert.StartsWith("https://spdx.org/spdxdocs/publiccodepolicy/Data-", doc.RootElement.GetProperty("documentNamespace").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildOnlyPackage_IsExcluded_AndADevelopmentDependency()
    {
        var project = _fixture.Project("Guichet");
        using var bom = JsonDocument.Parse(WriteProject(_fixture.Result, project, "cyclonedx", "1.6").Content);
        Assert.Equal("excluded", Component(bom, "pkg:nuget/Microsoft.SourceLink.GitHub@10.0.403").GetProperty("scope").GetString());
        Assert.Equal("required", Component(bom, "pkg:nuget/Serilog@4.4.0").GetProperty("scope").GetString());
        using var spdx = JsonDocument.Parse(WriteProject(_fixture.Result, project, "spdx", "2.3").Content);
        Assert.Contains(spdx.RootElement.GetProperty("relationships").EnumerateArray(), r =>
            r.GetProperty("relationshipType").GetString() == "DEV_DEPENDENCY_OF"
            && r.GetProperty("spdxElementId").GetString() == "SPDXRef-pkg-nuget-Microsoft.SourceLink.GitHub-10.0.403");
    }

    [Fact]
    public void ProjectGraph_IsTheRestoredOne()
    {
        var project = _fixture.Project("Guichet");
        using var bom = JsonDocument.Parse(WriteProject(_fixture.Result, project, "cyclonedx", "1.6").Content);
        var root = bom.RootElement.GetProperty("metadata").GetProperty("component");
        Assert.Equal("project:src/Guichet/Guichet.csproj", root.GetProperty("bom-ref").GetString());
        Assert.Equal("application", root.GetProperty("type").GetString());
        Assert.Equal("EUPL-1.2", root.GetProperty("licenses")[0].GetProperty("license").GetProperty("id").GetString());
        var dependsOn = DependsOn(bom, "project:src/Guichet/Guichet.csproj");
        // Direct packages and the referenced project, nothing transitive.
        Assert.Equal(new[] { "pkg:nuget/Microsoft.SourceLink.GitHub@10.0.403", "pkg:nuget/Newtonsoft.Json@13.0.4", "pkg:nuget/Serilog@4.4.0", "project:src/Data/Data.csproj" }, dependsOn);
        Assert.Contains("pkg:nuget/Dapper@2.1.86", DependsOn(bom, "project:src/Data/Data.csproj"));
        // Every edge of the engine's graph is in the SBOM, and every component is reachable from the root.
        foreach (var package in project.Packages)
        {
            var edges = DependsOn(bom, PackageUrl.ForNuGet(package.Id, package.Version));
            Assert.Equal(package.Dependencies.Select(d => PackageUrl.ForNuGet(d.Split('/')[0], d.Split('/')[1])).OrderBy(x => x, StringComparer.Ordinal), edges);
        }
        var reachable = Reachable(bom, "project:src/Guichet/Guichet.csproj");
        foreach (var component in bom.RootElement.GetProperty("components").EnumerateArray()) Assert.Contains(component.GetProperty("bom-ref").GetString()!, reachable);
    }

    [Fact]
    public void SolutionSbom_KeepsEachDeliverablesOwnSubtree()
    {
        using var bom = JsonDocument.Parse(WriteSolution(_fixture.Result, "cyclonedx", "1.6").Content);
        var deliverables = DependsOn(bom, "solution:Commune");
        Assert.Equal(new[] { "project:cpm/Rapports/Rapports.csproj", "project:src/Data/Data.csproj", "project:src/Guichet/Guichet.csproj" }, deliverables);
        foreach (var project in _fixture.Result.Projects)
        {
            // What a deliverable reaches is exactly what its own restore has: nothing merged in from another deliverable.
            var reachable = Reachable(bom, deliverables.Single(d => d.EndsWith("/" + project.Name + ".csproj", StringComparison.Ordinal)));
            var purls = reachable.Select(r => r.Contains('>', StringComparison.Ordinal) ? r.Split('>')[1] : r).Where(r => r.StartsWith("pkg:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            var expected = project.Packages.Select(p => PackageUrl.ForNuGet(p.Id, p.Version)).ToHashSet(StringComparer.Ordinal);
            Assert.True(expected.SetEquals(purls), project.Name + ": expected " + string.Join(", ", expected.Except(purls)) + " / unexpected " + string.Join(", ", purls.Except(expected)));
        }
        var refs = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()!).ToArray();
        Assert.Equal(refs.Length, refs.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(refs.OrderBy(r => r, StringComparer.Ordinal), refs);
    }

    [Fact]
    public void Findings_AreEmpty_ForAFullyRestoredSolution()
    {
        Assert.Empty(WriteSolution(_fixture.Result, "cyclonedx", "1.6").Findings);
    }

    private static JsonElement Component(JsonDocument bom, string reference)
        => bom.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == reference);

    private static string[] DependsOn(JsonDocument bom, string reference)
        => bom.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == reference)
            .GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static HashSet<string> Reachable(JsonDocument bom, string from)
    {
        var edges = bom.RootElement.GetProperty("dependencies").EnumerateArray().ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!).ToArray(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(edges[from]);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (!seen.Add(next)) continue;
            foreach (var target in edges[next]) queue.Enqueue(target);
        }
        return seen;
    }
}
