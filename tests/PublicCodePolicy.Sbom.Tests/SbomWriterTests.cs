// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Text.Json.Nodes;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>Writer behaviour on check results built in code.</summary>
public sealed class SbomWriterTests
{
    [Fact]
    public void SolutionSbom_LeavesTestProjectsOut()
    {
        var result = Synthetic.Result(
            Synthetic.Project("App", false, Synthetic.Package("Serilog", "4.4.0", "Apache-2.0")),
            Synthetic.Project("App.Tests", true, Synthetic.Package("xunit", "2.9.3", "Apache-2.0", scope: Graph.DependencyScope.Test, project: "App.Tests")));
        var bom = JsonNode.Parse(new CycloneDxWriter().WriteSolution(result, Synthetic.Subject("Sln")).Content.Span)!;
        var refs = bom["components"]!.AsArray().Select(c => c!["bom-ref"]!.GetValue<string>()).ToArray();
        Assert.Equal(new[] { "pkg:nuget/Serilog@4.4.0", "project:src/App/App.csproj" }, refs);
    }

    [Fact]
    public void SharedPackage_WithTheSameEdges_IsOneComponent_WithItsPurlAsReference()
    {
        var result = Synthetic.Result(
            Synthetic.Project("A", false, Synthetic.Package("Serilog", "4.4.0", "Apache-2.0", project: "A")),
            Synthetic.Project("B", false, Synthetic.Package("Serilog", "4.4.0", "Apache-2.0", scope: Graph.DependencyScope.Development, project: "B")));
        var bom = JsonNode.Parse(new CycloneDxWriter().WriteSolution(result, Synthetic.Subject("Sln")).Content.Span)!;
        var serilog = bom["components"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Serilog")!;
        Assert.Equal("pkg:nuget/Serilog@4.4.0", serilog["bom-ref"]!.GetValue<string>());
        // Shipped by A: required, whatever B does with it.
        Assert.Equal("required", serilog["scope"]!.GetValue<string>());
    }

    [Fact]
    public void SharedPackage_WithDifferentEdges_GetsOneCopyPerDeliverable()
    {
        var result = Synthetic.Result(
            Synthetic.Project("A", false,
                Synthetic.Package("Foo", "1.0.0", dependencies: new[] { "Bar/1.0.0" }, project: "A"),
                Synthetic.Package("Bar", "1.0.0", direct: false, project: "A")),
            Synthetic.Project("B", false, Synthetic.Package("Foo", "1.0.0", project: "B")));
        var document = new CycloneDxWriter().WriteSolution(result, Synthetic.Subject("Sln"));
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, document.Content, "solution");
        var bom = JsonNode.Parse(document.Content.Span)!;
        var refs = bom["components"]!.AsArray().Select(c => c!["bom-ref"]!.GetValue<string>()).ToArray();
        Assert.Contains("project:src/A/A.csproj>pkg:nuget/Foo@1.0.0", refs);
        Assert.Contains("project:src/B/B.csproj>pkg:nuget/Foo@1.0.0", refs);
        Assert.Contains("pkg:nuget/Bar@1.0.0", refs);
        Assert.DoesNotContain("pkg:nuget/Foo@1.0.0", refs);
        var spdx = new SpdxWriter().WriteSolution(result, Synthetic.Subject("Sln"));
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, spdx.Content, "solution SPDX");
        Assert.Contains("\"relationshipType\": \"CONTAINS\"", Encoding.UTF8.GetString(spdx.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void PackageWithoutHash_IsReported_AndWrittenWithoutHash()
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0", sha512: null)));
        var document = new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject());
        var finding = Assert.Single(document.Findings);
        Assert.Equal("PCP2001", finding.RuleId);
        Assert.Equal("Foo", finding.PackageId);
        Assert.Null(JsonNode.Parse(document.Content.Span)!["components"]![0]!["hashes"]);
        Assert.Same(SbomRules.PackageWithoutHash, RuleCatalog.Find("PCP2001"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MIT OR")]
    public void SubjectWithoutValidLicence_IsReported(string? license)
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0")));
        var document = new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject(license: license));
        Assert.Equal("PCP2002", Assert.Single(document.Findings).RuleId);
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, document.Content, "no licence");
        Assert.Contains("\"licenseDeclared\": \"NOASSERTION\"", Encoding.UTF8.GetString(document.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void NoTimestamp_CycloneDxHasNone_SpdxHasTheEpoch()
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0")));
        var cdx = JsonNode.Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        Assert.Null(cdx["metadata"]!["timestamp"]);
        var spdx = JsonNode.Parse(new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        Assert.Equal("1970-01-01T00:00:00Z", spdx["creationInfo"]!["created"]!.GetValue<string>());
    }

    [Fact]
    public void SerialNumber_IsDerivedFromTheContent()
    {
        var one = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0")));
        var other = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.1")));
        var a = new CycloneDxWriter().WriteProject(one, one.Projects[0], Synthetic.Subject());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", a.Identifier);
        Assert.Equal(a.Identifier, new CycloneDxWriter().WriteProject(one, one.Projects[0], Synthetic.Subject()).Identifier);
        Assert.NotEqual(a.Identifier, new CycloneDxWriter().WriteProject(other, other.Projects[0], Synthetic.Subject()).Identifier);
        Assert.Contains("\"serialNumber\": \"" + a.Identifier + "\"", Encoding.UTF8.GetString(a.Content.Span), StringComparison.Ordinal);
        // The default tool version is the engine's.
        Assert.Contains("\"version\": \"9.9.9\"", Encoding.UTF8.GetString(a.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IsLfOnly_WithAFinalNewline_AndNoByteOrderMark()
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0")));
        foreach (var content in new[] { new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content, new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content })
        {
            Assert.DoesNotContain((byte)'\r', content.ToArray());
            Assert.Equal((byte)'\n', content.Span[^1]);
            Assert.Equal((byte)'{', content.Span[0]);
        }
    }

    [Fact]
    public void AbsoluteEvidencePath_IsNotWritten()
    {
        var package = Synthetic.Package("Foo", "1.0.0", "NOASSERTION", LicenseSource.None, evidence: "/home/someone/.nuget/packages/foo/1.0.0/foo.nuspec");
        var result = Synthetic.Result(Synthetic.Project("App", false, package));
        foreach (var content in new[] { new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content, new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content })
        {
            var text = Encoding.UTF8.GetString(content.Span);
            Assert.DoesNotContain("/home/someone", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Synthetic.Root, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnrestoredProject_IsRejected()
    {
        var result = Synthetic.Result(new Engine.ProjectResult { Name = "App", ProjectPath = Path.Combine(Synthetic.Root, "App.csproj") });
        Assert.Throws<ArgumentException>(() => new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()));
        Assert.Throws<ArgumentException>(() => new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()));
    }
}
