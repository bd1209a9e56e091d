// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// The writer produces the shapes of the CycloneDX test vectors that apply to NuGet packages (licences, SHA-512 hashes,
/// dependencies) exactly, and what it writes for every licence form is schema-valid in 1.6 and 1.7.
/// </summary>
public sealed class LicenceShapeTests
{
    private static readonly string[] s_modelled = { "id", "name", "expression", "acknowledgement" };

    public static TheoryData<string, string> VectorLicences()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "cyclonedx", "test-vectors-1.6"), "valid-*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var licenses in FindAll(JsonNode.Parse(File.ReadAllText(file))!, "licenses"))
            {
                data.Add(Path.GetFileName(file), licenses.ToJsonString());
            }
        }
        return data;
    }

    private static IEnumerable<JsonNode> FindAll(JsonNode node, string key)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                if (value == null) continue;
                if (name == key) yield return value;
                else foreach (var inner in FindAll(value, key)) yield return inner;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a.Where(i => i != null)) foreach (var inner in FindAll(item!, key)) yield return inner;
        }
    }

    [Theory]
    [MemberData(nameof(VectorLicences))]
    public void VectorLicenceChoice_RoundTrips(string vector, string licensesJson)
    {
        var expected = JsonNode.Parse(licensesJson)!.AsArray();
        var entries = new List<(SpdxExpression, string?)>();
        foreach (var entry in expected)
        {
            var obj = (entry!["license"] ?? entry)!.AsObject();
            // Keep only what PublicCodePolicy models (the vectors also carry bom-ref and licence texts).
            foreach (var key in obj.Select(kv => kv.Key).Where(k => !s_modelled.Contains(k)).ToArray()) obj.Remove(key);
            var acknowledgement = obj["acknowledgement"]?.GetValue<string>();
            SpdxExpression expression = obj["id"] is { } id ? Synthetic.Expression(id.GetValue<string>())
                : obj["name"] is { } name ? new SpdxLicense(name.GetValue<string>(), isListed: false)
                : Synthetic.Expression(obj["expression"]!.GetValue<string>());
            entries.Add((expression, acknowledgement));
        }
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            CycloneDxWriter.WriteLicenses(writer, entries, url: null);
            writer.WriteEndObject();
        }
        var actual = JsonNode.Parse(stream.ToArray())!["licenses"]!;
        Assert.True(JsonNode.DeepEquals(expected, actual), vector + ": expected " + expected.ToJsonString() + " got " + actual.ToJsonString());
    }

    [Fact]
    public void VectorSha512_IsWrittenUnchanged()
    {
        var hashes = Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "cyclonedx", "test-vectors-1.6"), "valid-*.json")
            .SelectMany(f => FindAll(JsonNode.Parse(File.ReadAllText(f))!, "hashes"))
            .SelectMany(h => h.AsArray()).Where(h => h!["alg"]!.GetValue<string>() == "SHA-512").Select(h => h!["content"]!.GetValue<string>()).Distinct().ToArray();
        Assert.NotEmpty(hashes);
        foreach (var hash in hashes)
        {
            var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0", sha512: hash)));
            var bom = JsonNode.Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
            var written = bom["components"]![0]!["hashes"]!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[{\"alg\":\"SHA-512\",\"content\":\"" + hash + "\"}]"), written));
        }
    }

    [Fact]
    public void VectorDependencies_HaveTheSameShape()
    {
        // valid-dependency-1.6.json: library-a has no dependencies, library-b depends on library-c.
        var vector = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "cyclonedx", "test-vectors-1.6", "valid-dependency-1.6.json")))!["dependencies"]!.AsArray();
        var result = Synthetic.Result(Synthetic.Project("App", false,
            Synthetic.Package("library-a", "1.0.0"),
            Synthetic.Package("library-b", "1.0.0", dependencies: new[] { "library-c/1.0.0" }),
            Synthetic.Package("library-c", "1.0.0", direct: false)));
        var bom = JsonNode.Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        var written = bom["dependencies"]!.AsArray();
        foreach (var entry in vector)
        {
            var reference = "pkg:nuget/" + entry!["ref"]!.GetValue<string>() + "@1.0.0";
            var expected = new JsonArray(entry["dependsOn"]!.AsArray().Select(d => (JsonNode)JsonValue.Create("pkg:nuget/" + d!.GetValue<string>() + "@1.0.0")).ToArray());
            var actual = written.Single(d => d!["ref"]!.GetValue<string>() == reference)!["dependsOn"]!;
            Assert.True(JsonNode.DeepEquals(expected, actual), reference);
        }
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, System.Text.Encoding.UTF8.GetBytes(bom.ToJsonString()), "dependencies");
    }

    public static TheoryData<string, string, LicenseSource> LicenceForms() => new()
    {
        { "MIT", "MIT", LicenseSource.Expression },
        { "MIT OR Apache-2.0", "MIT OR Apache-2.0", LicenseSource.Expression },
        { "GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0", LicenseSource.Expression },
        { "GPL-2.0+", "GPL-2.0+", LicenseSource.Expression },
        { "LicenseRef-Acme", "LicenseRef-Acme", LicenseSource.Expression },
        { "Acme-Unlisted-1.0", "Acme-Unlisted-1.0", LicenseSource.Expression },
        { "MIT AND Acme-Unlisted-1.0", "MIT AND Acme-Unlisted-1.0", LicenseSource.Expression },
        { "GPL-2.0", "GPL-2.0", LicenseSource.Expression },
        // Curated: the declared licence differs from the concluded one.
        { "MIT", "MIT OR Apache-2.0", LicenseSource.Expression },
        { "Apache-2.0", "MIT", LicenseSource.Expression },
        { "MIT OR Apache-2.0", "LicenseRef-Acme", LicenseSource.Expression },
        { "NOASSERTION", "LicenseRef-Acme", LicenseSource.Expression },
        { "NOASSERTION", "NOASSERTION", LicenseSource.None },
    };

    [Theory]
    [MemberData(nameof(LicenceForms))]
    public void EveryLicenceForm_IsSchemaValid_InEveryFormat(string concluded, string declared, LicenseSource source)
    {
        var package = Synthetic.Package("Foo", "1.0.0", concluded, source, declared: source == LicenseSource.None ? null : declared);
        var result = Synthetic.Result(Synthetic.Project("App", false, package));
        var project = result.Projects[0];
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, new CycloneDxWriter(CycloneDxSpecVersion.V1_6).WriteProject(result, project, Synthetic.Subject()).Content, "1.6");
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx17, new CycloneDxWriter(CycloneDxSpecVersion.V1_7).WriteProject(result, project, Synthetic.Subject()).Content, "1.7");
        var spdx = new SpdxWriter().WriteProject(result, project, Synthetic.Subject());
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, spdx.Content, "SPDX 2.3");
        // Every LicenseRef- the SPDX document uses is declared in it.
        var doc = JsonNode.Parse(spdx.Content.Span)!;
        var declaredRefs = (doc["hasExtractedLicensingInfos"]?.AsArray() ?? new JsonArray()).Select(e => e!["licenseId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var p in doc["packages"]!.AsArray())
        {
            foreach (var field in new[] { "licenseConcluded", "licenseDeclared" })
            {
                var text = p![field]!.GetValue<string>();
                foreach (var token in text.Split(' ', '(', ')').Where(t => t.StartsWith("LicenseRef-", StringComparison.Ordinal))) Assert.Contains(token, declaredRefs);
                Assert.True(text is "NOASSERTION" or "NONE" || LicenseList.Default.TryParse(text, out var parsed, out _) && parsed!.Leaves().All(l => l is not SpdxLicense { IsListed: false }), field + " = " + text);
            }
        }
    }

    [Fact]
    public void DeclaredAndConcludedExpressions_Cdx16KeepsTheConcluded_Cdx17Both()
    {
        var package = Synthetic.Package("Foo", "1.0.0", "MIT", declared: "MIT OR Apache-2.0");
        var result = Synthetic.Result(Synthetic.Project("App", false, package));
        var v16 = JsonNode.Parse(new CycloneDxWriter(CycloneDxSpecVersion.V1_6).WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!["components"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"license":{"id":"MIT","acknowledgement":"concluded"}}]"""), v16["licenses"]));
        Assert.Contains(v16["properties"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "publiccodepolicy:license:declared-expression" && p["value"]!.GetValue<string>() == "MIT OR Apache-2.0");
        var v17 = JsonNode.Parse(new CycloneDxWriter(CycloneDxSpecVersion.V1_7).WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!["components"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"expression":"MIT OR Apache-2.0","acknowledgement":"declared"}]"""), v17["licenses"]));
        var spdx = JsonNode.Parse(new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!["packages"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Foo")!;
        Assert.Equal("MIT", spdx["licenseConcluded"]!.GetValue<string>());
        Assert.Equal("MIT OR Apache-2.0", spdx["licenseDeclared"]!.GetValue<string>());
    }

    [Fact]
    public void UnlistedIdentifier_BecomesALicenceRefInSpdx_AndANameInCycloneDx()
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0", "Acme-Unlisted-1.0")));
        var spdx = JsonNode.Parse(new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        Assert.Equal("LicenseRef-Acme-Unlisted-1.0", spdx["packages"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Foo")!["licenseConcluded"]!.GetValue<string>());
        var cdx = JsonNode.Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        Assert.Equal("Acme-Unlisted-1.0", cdx["components"]![0]!["licenses"]![0]!["license"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DependencyScope.Runtime, "required")]
    [InlineData(DependencyScope.Development, "excluded")]
    [InlineData(DependencyScope.Test, "excluded")]
    public void Scope_MapsToCycloneDxScope(DependencyScope scope, string expected)
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0", scope: scope)));
        var cdx = JsonNode.Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject()).Content.Span)!;
        Assert.Equal(expected, cdx["components"]![0]!["scope"]!.GetValue<string>());
    }
}
