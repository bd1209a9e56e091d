// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json.Nodes;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using static PublicCodePolicy.Sbom.Tests.DocumentBuilders;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Issue 15 (mutation testing): every field CycloneDxWriter writes, on check results built in code, with the value
/// docs/sbom.md and the CycloneDX 1.6/1.7 specification give written out by hand. Each document is also schema-checked.
/// </summary>
public sealed class CycloneDxDocumentTests
{
    private const string Sha = Synthetic.Sha512;
    private const string P = "publiccodepolicy:";

    private static SbomDocument Write(CheckResult result, SbomSubject subject, CycloneDxSpecVersion version = CycloneDxSpecVersion.V1_6, SbomOptions? options = null, int project = 0)
    {
        var document = new CycloneDxWriter(version, options).WriteProject(result, result.Projects[project], subject);
        SchemaValidator.AssertValid(version == CycloneDxSpecVersion.V1_7 ? SchemaValidator.CycloneDx17 : SchemaValidator.CycloneDx16, document.Content, "CycloneDX " + version);
        return document;
    }

    private static JsonNode Bom(CheckResult result, SbomSubject subject, CycloneDxSpecVersion version = CycloneDxSpecVersion.V1_6, SbomOptions? options = null)
        => Parse(Write(result, subject, version, options).Content);

    private static JsonNode Component(JsonNode bom, string name) => bom["components"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    private static JsonNode OnePackage(PackageResult package, CycloneDxSpecVersion version = CycloneDxSpecVersion.V1_6)
        => Component(Bom(Result(Project("App", new[] { package })), Synthetic.Subject(), version), package.Id);

    private static string[] Properties(JsonNode component, string name)
        => (component["properties"]?.AsArray() ?? new JsonArray()).Where(p => p!["name"]!.GetValue<string>() == name).Select(p => p!["value"]!.GetValue<string>()).ToArray();

    [Theory]
    [InlineData(CycloneDxSpecVersion.V1_6, "1.6")]
    [InlineData(CycloneDxSpecVersion.V1_7, "1.7")]
    public void Header_IsSchemaFormatVersion_ThenTheSerialNumber_ThenVersion1(CycloneDxSpecVersion version, string text)
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var document = Write(result, Synthetic.Subject(), version);
        Assert.Equal(version, new CycloneDxWriter(version).SpecVersion);
        var content = Text(document.Content);
        var expectedStart = "{\n  \"$schema\": \"http://cyclonedx.org/schema/bom-" + text + ".schema.json\",\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"" + text + "\",\n  \"serialNumber\": \"" + document.Identifier + "\",\n  \"version\": 1,\n  \"metadata\": {\n";
        Assert.StartsWith(expectedStart, content, StringComparison.Ordinal);
        Assert.Equal(new[] { "$schema", "bomFormat", "specVersion", "serialNumber", "version", "metadata", "components", "dependencies" }, Keys(Parse(document.Content)));
        // docs/sbom.md: urn:uuid: + UUID v5 (SBOM namespace) of the document written without the serial number.
        var withoutSerial = content.Replace(",\n  \"serialNumber\": \"" + document.Identifier + "\"", string.Empty, StringComparison.Ordinal);
        Assert.Equal("urn:uuid:" + NameBasedUuid.Create(NameBasedUuid.SbomNamespace, withoutSerial).ToString("D"), document.Identifier);
        Assert.Equal(2, content.Split("\"serialNumber\"").Length);
    }

    [Fact]
    public void SerialNumber_ChangesWithTheToolVersionOrTheTimestamp_AndNotOtherwise()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        string Serial(SbomOptions? options) => new CycloneDxWriter(CycloneDxSpecVersion.V1_6, options).WriteProject(result, result.Projects[0], Synthetic.Subject()).Identifier;
        var plain = Serial(null);
        Assert.Equal(plain, Serial(new SbomOptions()));
        Assert.Equal(plain, Serial(new SbomOptions { ToolVersion = "9.9.9" }));
        Assert.NotEqual(plain, Serial(new SbomOptions { ToolVersion = "9.9.10" }));
        Assert.NotEqual(plain, Serial(new SbomOptions { Timestamp = DateTimeOffset.UnixEpoch }));
        Assert.NotEqual(Serial(new SbomOptions { Timestamp = DateTimeOffset.UnixEpoch }), Serial(new SbomOptions { Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(1) }));
    }

    [Fact]
    public void Metadata_WithoutOptions_HasNoTimestamp_BuildLifecycle_TheToolAtTheEngineVersion_AndTheListVersion()
    {
        var bom = Bom(Result("3.27", null, Project("App", new[] { Package("Foo", "1.0.0") })), Synthetic.Subject());
        var metadata = bom["metadata"]!;
        Assert.Equal(new[] { "lifecycles", "tools", "component", "properties" }, Keys(metadata));
        AssertJson("""[{"phase":"build"}]""", metadata["lifecycles"]);
        AssertJson("""
            {"components":[{"type":"application","publisher":"PublicCodePolicy contributors","name":"PublicCodePolicy","version":"9.9.9",
              "licenses":[{"license":{"id":"EUPL-1.2"}}],
              "externalReferences":[{"type":"vcs","url":"https://github.com/publiccodepolicy/publiccodepolicy"}]}]}
            """, metadata["tools"]);
        AssertJson("""[{"name":"publiccodepolicy:licenseListVersion","value":"3.27"}]""", metadata["properties"]);
    }

    [Fact]
    public void Metadata_WithOptions_HasTheUtcTimestamp_AndTheGivenToolVersion()
    {
        var options = new SbomOptions { Timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), ToolVersion = "1.2.3-rc.1" };
        var bom = Bom(Result(Project("App", new[] { Package("Foo", "1.0.0") })), Synthetic.Subject(), CycloneDxSpecVersion.V1_7, options);
        var metadata = bom["metadata"]!;
        Assert.Equal(new[] { "timestamp", "lifecycles", "tools", "component", "properties" }, Keys(metadata));
        Assert.Equal("2024-01-02T01:04:05Z", metadata["timestamp"]!.GetValue<string>());
        Assert.Equal("1.2.3-rc.1", metadata["tools"]!["components"]![0]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void Package_WithEveryNuspecFact_IsWrittenField_ForField()
    {
        var metadata = Metadata("Foo", "1.2.3", authors: " Jane Doe, ACME Corp,, ", description: "Foo does things", copyright: "(c) ACME",
            projectUrl: "https://foo.example/", repository: new RepositoryInfo("git", "https://github.com/acme/foo", "main", "abc123"));
        var package = Package("Foo", "1.2.3", Licence("MIT", declared: "MIT", evidence: "MIT", note: "read from the nuspec"), metadata, DependencyScope.Development,
            sha512: Sha512Upper, frameworks: new[] { "net8.0", "net10.0" });
        var component = OnePackage(package);
        AssertJson("""
            {"type":"library","bom-ref":"pkg:nuget/Foo@1.2.3",
             "authors":[{"name":"Jane Doe"},{"name":"ACME Corp"}],
             "name":"Foo","version":"1.2.3","description":"Foo does things","scope":"excluded",
             "hashes":[{"alg":"SHA-512","content":"@HASH@"}],
             "licenses":[{"license":{"id":"MIT","acknowledgement":"concluded"}}],
             "copyright":"(c) ACME","purl":"pkg:nuget/Foo@1.2.3",
             "externalReferences":[{"type":"vcs","url":"https://github.com/acme/foo"},{"type":"website","url":"https://foo.example/"}],
             "properties":[
               {"name":"publiccodepolicy:framework","value":"net10.0"},
               {"name":"publiccodepolicy:framework","value":"net8.0"},
               {"name":"publiccodepolicy:license:confidence","value":"1"},
               {"name":"publiccodepolicy:license:evidence","value":"MIT"},
               {"name":"publiccodepolicy:license:note","value":"read from the nuspec"},
               {"name":"publiccodepolicy:license:source","value":"expression"},
               {"name":"publiccodepolicy:scope","value":"development"}]}
            """.Replace("@HASH@", Sha, StringComparison.Ordinal), component);
        Assert.Equal(new[] { "type", "bom-ref", "authors", "name", "version", "description", "scope", "hashes", "licenses", "copyright", "purl", "externalReferences", "properties" }, Keys(component));
    }

    [Fact]
    public void Package_WithoutNuspec_WithoutHash_HasOnlyWhatIsKnown()
    {
        var package = Package("Bare", "0.1.0", Licence("NOASSERTION", LicenseSource.None), sha512: null, scope: DependencyScope.Test, frameworks: Array.Empty<string>());
        AssertJson("""
            {"type":"library","bom-ref":"pkg:nuget/Bare@0.1.0","name":"Bare","version":"0.1.0","scope":"excluded","purl":"pkg:nuget/Bare@0.1.0",
             "properties":[
               {"name":"publiccodepolicy:license:concluded","value":"NOASSERTION"},
               {"name":"publiccodepolicy:license:confidence","value":"1"},
               {"name":"publiccodepolicy:license:source","value":"none"},
               {"name":"publiccodepolicy:scope","value":"test"}]}
            """, OnePackage(package));
    }

    [Fact]
    public void Package_WithBlankNuspecFacts_WritesNoneOfThem()
    {
        var metadata = Metadata("Foo", "1.0.0", authors: " , ", description: " ", copyright: "", projectUrl: "not a url", repository: new RepositoryInfo("git", "git@github.com:acme/foo.git", null, null));
        var component = OnePackage(Package("Foo", "1.0.0", metadata: metadata));
        Assert.Equal(new[] { "type", "bom-ref", "name", "version", "scope", "hashes", "licenses", "purl", "properties" }, Keys(component));
        Assert.Equal("required", component["scope"]!.GetValue<string>());
    }

    [Fact]
    public void OnlineEvidence_IsFourPageProperties_AndTheLicenceUrl()
    {
        var page = new LicensePageEvidence
        {
            RequestedUrl = "https://bar.example/license",
            Url = "https://raw.bar.example/v2.0.0/LICENSE",
            RetrievedAt = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2)),
            Sha256 = new string('a', 64),
            IsImmutable = true,
        };
        var package = Package("Bar", "2.0.0", Licence("Apache-2.0", LicenseSource.Url, declared: "https://bar.example/license", evidence: "https://bar.example/license", page: page, confidence: 0.95));
        var component = OnePackage(package);
        AssertJson("""[{"license":{"id":"Apache-2.0","acknowledgement":"concluded","url":"https://bar.example/license"}}]""", component["licenses"]);
        AssertJson("""
            [{"name":"publiccodepolicy:framework","value":"net10.0"},
             {"name":"publiccodepolicy:license:confidence","value":"0.95"},
             {"name":"publiccodepolicy:license:evidence","value":"https://bar.example/license"},
             {"name":"publiccodepolicy:license:page-immutable","value":"true"},
             {"name":"publiccodepolicy:license:page-retrieved","value":"2024-05-06T07:08:09Z"},
             {"name":"publiccodepolicy:license:page-sha256","value":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
             {"name":"publiccodepolicy:license:page-url","value":"https://raw.bar.example/v2.0.0/LICENSE"},
             {"name":"publiccodepolicy:license:source","value":"url"},
             {"name":"publiccodepolicy:scope","value":"runtime"}]
            """, component["properties"]);

        var mutable = new LicensePageEvidence { RequestedUrl = page.RequestedUrl, Url = page.Url, RetrievedAt = page.RetrievedAt, Sha256 = page.Sha256, IsImmutable = false };
        var other = OnePackage(Package("Bar", "2.0.0", Licence("Apache-2.0", LicenseSource.Url, declared: "https://bar.example/license", evidence: "https://bar.example/license", page: mutable)));
        Assert.Equal(new[] { "false" }, Properties(other, P + "license:page-immutable"));
    }

    [Theory]
    // The raw declaration is a property only when it is not already the evidence, and only when it is portable.
    [InlineData("LICENSE.txt", "LICENSE.txt", null)]
    [InlineData("LICENSE.txt", "docs/LICENSE.txt", "LICENSE.txt")]
    [InlineData("/home/dev/LICENSE.txt", "LICENSE.txt", null)]
    [InlineData(null, "LICENSE.txt", null)]
    public void DeclaredText_IsAPropertyWhenItIsNotTheEvidence(string? declared, string evidence, string? expected)
    {
        var component = OnePackage(Package("Foo", "1.0.0", Licence("MIT", LicenseSource.File, declared: declared, evidence: evidence)));
        Assert.Equal(expected == null ? Array.Empty<string>() : new[] { expected }, Properties(component, P + "license:declared"));
        Assert.Equal(new[] { evidence }, Properties(component, P + "license:evidence"));
        Assert.Equal(new[] { "file" }, Properties(component, P + "license:source"));
    }

    [Fact]
    public void AbsoluteEvidenceAndNote_AreLeftOut()
    {
        var component = OnePackage(Package("Foo", "1.0.0", Licence("MIT", LicenseSource.File, declared: "LICENSE", evidence: "/home/dev/.nuget/packages/foo/LICENSE", note: "C:\\Users\\dev\\LICENSE")));
        Assert.Empty(Properties(component, P + "license:evidence"));
        Assert.Empty(Properties(component, P + "license:note"));
        Assert.Equal(new[] { "LICENSE" }, Properties(component, P + "license:declared"));
    }

    public static TheoryData<CycloneDxSpecVersion, string, string, string, string?, string?> LicencePairs() => new()
    {
        // Two single licences: a list, in 1.6 as in 1.7.
        { CycloneDxSpecVersion.V1_6, "MIT", "Apache-2.0", """[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"license":{"id":"Apache-2.0","acknowledgement":"declared"}}]""", null, null },
        { CycloneDxSpecVersion.V1_6, "MIT", "LicenseRef-Acme", """[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"license":{"name":"LicenseRef-Acme","acknowledgement":"declared"}}]""", null, null },
        { CycloneDxSpecVersion.V1_6, "MIT", "Acme-Unlisted-1.0", """[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"license":{"name":"Acme-Unlisted-1.0","acknowledgement":"declared"}}]""", null, null },
        // 1.6: an expression and anything else cannot be mixed: the declared one goes to a property.
        { CycloneDxSpecVersion.V1_6, "MIT OR Apache-2.0", "MIT", """[{"expression":"MIT OR Apache-2.0","acknowledgement":"concluded"}]""", "MIT", null },
        { CycloneDxSpecVersion.V1_6, "MIT", "GPL-2.0+", """[{"license":{"id":"MIT","acknowledgement":"concluded"}}]""", "GPL-2.0+", null },
        { CycloneDxSpecVersion.V1_6, "MIT", "DocumentRef-Other:LicenseRef-Acme", """[{"license":{"id":"MIT","acknowledgement":"concluded"}}]""", "DocumentRef-Other:LicenseRef-Acme", null },
        { CycloneDxSpecVersion.V1_6, "LicenseRef-Acme", "MIT AND Apache-2.0", """[{"license":{"name":"LicenseRef-Acme","acknowledgement":"concluded"}}]""", "MIT AND Apache-2.0", null },
        // Nothing concluded: the declared expression alone fits even in 1.6.
        { CycloneDxSpecVersion.V1_6, "NOASSERTION", "MIT OR Apache-2.0", """[{"expression":"MIT OR Apache-2.0","acknowledgement":"declared"}]""", null, "NOASSERTION" },
        // 1.7 allows any mix.
        { CycloneDxSpecVersion.V1_7, "MIT OR Apache-2.0", "MIT", """[{"expression":"MIT OR Apache-2.0","acknowledgement":"concluded"},{"license":{"id":"MIT","acknowledgement":"declared"}}]""", null, null },
        { CycloneDxSpecVersion.V1_7, "MIT", "GPL-2.0+", """[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"expression":"GPL-2.0+","acknowledgement":"declared"}]""", null, null },
        { CycloneDxSpecVersion.V1_7, "MIT", "Apache-2.0", """[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"license":{"id":"Apache-2.0","acknowledgement":"declared"}}]""", null, null },
        // The same licence, or a declared NONE/NOASSERTION, is not repeated.
        { CycloneDxSpecVersion.V1_6, "MIT", "MIT", """[{"license":{"id":"MIT","acknowledgement":"concluded"}}]""", null, null },
        { CycloneDxSpecVersion.V1_7, "MIT", "NONE", """[{"license":{"id":"MIT","acknowledgement":"concluded"}}]""", null, null },
        { CycloneDxSpecVersion.V1_7, "MIT", "not an expression ((", """[{"license":{"id":"MIT","acknowledgement":"concluded"}}]""", null, null },
    };

    [Theory]
    [MemberData(nameof(LicencePairs))]
    public void ConcludedAndDeclared_AreWrittenAsTheSpecAllows(CycloneDxSpecVersion version, string concluded, string declared, string licenses, string? declaredExpression, string? concludedProperty)
    {
        var component = OnePackage(Package("Foo", "1.0.0", Licence(concluded, LicenseSource.Expression, declared: declared, evidence: "nuspec")), version);
        AssertJson(licenses, component["licenses"]);
        Assert.Equal(declaredExpression == null ? Array.Empty<string>() : new[] { declaredExpression }, Properties(component, P + "license:declared-expression"));
        Assert.Equal(concludedProperty == null ? Array.Empty<string>() : new[] { concludedProperty }, Properties(component, P + "license:concluded"));
    }

    [Fact]
    public void NothingConcluded_NorDeclared_WritesNoLicences_AndSaysNoAssertion()
    {
        var component = OnePackage(Package("Foo", "1.0.0", Licence("NOASSERTION", LicenseSource.Expression, declared: "NONE", evidence: "NONE")));
        Assert.Null(component["licenses"]);
        Assert.Equal(new[] { "NOASSERTION" }, Properties(component, P + "license:concluded"));
    }

    public static TheoryData<CycloneDxSpecVersion, string, LicenseSource, string?, DeclaredLicenseKind, string, string> LicenceUrls() => new()
    {
        // A licence read from a URL (or curated with a web address as evidence) carries that URL on the first entry only.
        { CycloneDxSpecVersion.V1_6, "Apache-2.0", LicenseSource.Url, "https://x.example/l", DeclaredLicenseKind.None, "https://x.example/l",
          """[{"license":{"id":"Apache-2.0","acknowledgement":"concluded","url":"https://x.example/l"}}]""" },
        { CycloneDxSpecVersion.V1_6, "LicenseRef-Eula", LicenseSource.Url, "https://x.example/eula", DeclaredLicenseKind.None, "https://x.example/eula",
          """[{"license":{"name":"LicenseRef-Eula","acknowledgement":"concluded","url":"https://x.example/eula"}}]""" },
        { CycloneDxSpecVersion.V1_6, "MIT", LicenseSource.Curation, "Apache-2.0", DeclaredLicenseKind.Expression, "https://curation.example/foo",
          """[{"license":{"id":"MIT","acknowledgement":"concluded","url":"https://curation.example/foo"}},{"license":{"id":"Apache-2.0","acknowledgement":"declared"}}]""" },
        // An expression has no url; the next entry does not inherit it.
        { CycloneDxSpecVersion.V1_7, "MIT OR Apache-2.0", LicenseSource.Curation, "MIT", DeclaredLicenseKind.Expression, "https://curation.example/foo",
          """[{"expression":"MIT OR Apache-2.0","acknowledgement":"concluded"},{"license":{"id":"MIT","acknowledgement":"declared"}}]""" },
        // A curated package whose nuspec declared no expression: nothing declared.
        { CycloneDxSpecVersion.V1_6, "MIT", LicenseSource.Curation, "https://x.example/l", DeclaredLicenseKind.None, "https://curation.example/foo",
          """[{"license":{"id":"MIT","acknowledgement":"concluded","url":"https://curation.example/foo"}}]""" },
        // Evidence that is no web address, or a source that is not a URL or a curation: no url.
        { CycloneDxSpecVersion.V1_6, "Apache-2.0", LicenseSource.Url, "https://x.example/l", DeclaredLicenseKind.None, "LICENSE.txt",
          """[{"license":{"id":"Apache-2.0","acknowledgement":"concluded"}}]""" },
        { CycloneDxSpecVersion.V1_6, "Apache-2.0", LicenseSource.File, "LICENSE.txt", DeclaredLicenseKind.File, "https://x.example/l",
          """[{"license":{"id":"Apache-2.0","acknowledgement":"concluded"}}]""" },
        { CycloneDxSpecVersion.V1_6, "Apache-2.0", LicenseSource.Expression, "Apache-2.0", DeclaredLicenseKind.Expression, "https://x.example/l",
          """[{"license":{"id":"Apache-2.0","acknowledgement":"concluded"}}]""" },
    };

    [Theory]
    [MemberData(nameof(LicenceUrls))]
    public void LicenceUrl_IsTheWebEvidenceOfAUrlOrCuration_OnTheFirstEntry(CycloneDxSpecVersion version, string concluded, LicenseSource source, string? declared, DeclaredLicenseKind kind, string evidence, string licenses)
    {
        var metadata = Metadata("Foo", "1.0.0", kind: kind, license: declared);
        var component = OnePackage(Package("Foo", "1.0.0", Licence(concluded, source, declared: declared, evidence: evidence), metadata), version);
        AssertJson(licenses, component["licenses"]);
    }

    private static SbomSubject FullSubject(SbomComponentType type = SbomComponentType.Application) => new()
    {
        Name = "Valmont App",
        Version = "2.0.0",
        License = "EUPL-1.2",
        RepositoryUrl = "https://forge.example/app",
        Supplier = "Commune de Valmont",
        Description = "Guichet",
        Purl = "pkg:nuget/Valmont.App@2.0.0",
        Type = type,
    };

    [Fact]
    public void DescribedProject_CarriesTheSubjectsFacts()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }, frameworks: new[] { "net8.0", "net10.0" }));
        var root = Bom(result, FullSubject())["metadata"]!["component"]!;
        AssertJson("""
            {"type":"application","bom-ref":"project:src/App/App.csproj","supplier":{"name":"Commune de Valmont"},
             "name":"Valmont App","version":"2.0.0","description":"Guichet",
             "licenses":[{"license":{"id":"EUPL-1.2","acknowledgement":"declared"}}],
             "purl":"pkg:nuget/Valmont.App@2.0.0",
             "externalReferences":[{"type":"vcs","url":"https://forge.example/app"}],
             "properties":[{"name":"publiccodepolicy:framework","value":"net10.0"},{"name":"publiccodepolicy:framework","value":"net8.0"}]}
            """, root);
        Assert.Equal(new[] { "type", "bom-ref", "supplier", "name", "version", "description", "licenses", "purl", "externalReferences", "properties" }, Keys(root));
    }

    [Fact]
    public void DescribedLibrary_WithAnExpression_IsALibraryWithTheExpressionDeclared()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var subject = new SbomSubject { Name = "Lib", Version = "3.0.0", License = "MIT OR Apache-2.0", Type = SbomComponentType.Library };
        AssertJson("""
            {"type":"library","bom-ref":"project:src/App/App.csproj","name":"Lib","version":"3.0.0",
             "licenses":[{"expression":"MIT OR Apache-2.0","acknowledgement":"declared"}],
             "properties":[{"name":"publiccodepolicy:framework","value":"net10.0"}]}
            """, Bom(result, subject)["metadata"]!["component"]);
    }

    [Theory]
    // A blank supplier, a licence that is no expression, a non-web repository: left out. No version: the project's.
    [InlineData(" ", "not an expression ((", "git@forge.example:app.git")]
    [InlineData(null, null, null)]
    [InlineData("", "NOASSERTION", "")]
    public void DescribedProject_LeavesOutWhatItDoesNotKnow(string? supplier, string? license, string? repository)
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }, frameworks: Array.Empty<string>(), version: "4.5.6"));
        var subject = new SbomSubject { Name = "App", Supplier = supplier, License = license, RepositoryUrl = repository };
        var bom = Parse(new CycloneDxWriter().WriteProject(result, result.Projects[0], subject).Content);
        AssertJson("""{"type":"application","bom-ref":"project:src/App/App.csproj","name":"App","version":"4.5.6"}""", bom["metadata"]!["component"]);
    }

    [Fact]
    public void DescribedProject_WithoutAnyVersion_HasNone()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }, version: null));
        var root = Bom(result, new SbomSubject { Name = "App", License = "MIT" })["metadata"]!["component"]!;
        Assert.Equal(new[] { "type", "bom-ref", "name", "licenses", "properties" }, Keys(root));
    }

    [Fact]
    public void Dependencies_RootFirst_ThenComponentsByReference_EachSortedAndDistinct()
    {
        var result = Result(Project("App", new[]
        {
            Package("Zed", "1.0.0", dependencies: new[] { "Beta/1.0.0", "beta/1.0.0", "Alpha/1.0.0", "Missing/9.9.9" }),
            Package("Beta", "1.0.0", direct: false),
            Package("Alpha", "1.0.0", scope: DependencyScope.Development),
        }));
        var bom = Bom(result, Synthetic.Subject());
        AssertJson("""
            [{"ref":"project:src/App/App.csproj","dependsOn":["pkg:nuget/Alpha@1.0.0","pkg:nuget/Zed@1.0.0"]},
             {"ref":"pkg:nuget/Alpha@1.0.0","dependsOn":[]},
             {"ref":"pkg:nuget/Beta@1.0.0","dependsOn":[]},
             {"ref":"pkg:nuget/Zed@1.0.0","dependsOn":["pkg:nuget/Alpha@1.0.0","pkg:nuget/Beta@1.0.0"]}]
            """, bom["dependencies"]);
        Assert.Equal(new[] { "pkg:nuget/Alpha@1.0.0", "pkg:nuget/Beta@1.0.0", "pkg:nuget/Zed@1.0.0" }, bom["components"]!.AsArray().Select(c => c!["bom-ref"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void ComponentTypes_PackagesAreLibraries_DeliverablesApplications_UnlessTheirFactsSayLibrary_ReferencedProjectsLibraries()
    {
        var app = Project("App", new[] { Package("Foo", "1.0.0", project: "App") }, references: new[] { "src/Lib/Lib.csproj" });
        var lib = Project("Lib", new[] { Package("Bar", "1.0.0", project: "Lib") });
        var tool = Project("Tool", new[] { Package("Foo", "1.0.0", project: "Tool") });
        var result = Result(app, lib, tool);
        var options = new SbomOptions { Projects = new Dictionary<string, SbomSubject>(StringComparer.OrdinalIgnoreCase) { ["tool"] = new() { Name = "Tool", Supplier = "Valmont", Type = SbomComponentType.Library, License = "MIT" } } };
        var document = new CycloneDxWriter(CycloneDxSpecVersion.V1_6, options).WriteSolution(result, new SbomSubject { Name = "Sln", License = "EUPL-1.2" });
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, document.Content, "solution");
        var bom = Parse(document.Content);
        var types = bom["components"]!.AsArray().ToDictionary(c => c!["bom-ref"]!.GetValue<string>(), c => c!["type"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string>
        {
            ["pkg:nuget/Bar@1.0.0"] = "library",
            ["pkg:nuget/Foo@1.0.0"] = "library",
            ["project:src/App/App.csproj"] = "application",
            ["project:src/App/App.csproj>project:src/Lib/Lib.csproj"] = "library",
            ["project:src/Lib/Lib.csproj"] = "application",
            ["project:src/Tool/Tool.csproj"] = "library",
        }, types);
        Assert.Equal("application", bom["metadata"]!["component"]!["type"]!.GetValue<string>());
        var toolComponent = bom["components"]!.AsArray().Single(c => c!["bom-ref"]!.GetValue<string>() == "project:src/Tool/Tool.csproj")!;
        AssertJson("""
            {"type":"library","bom-ref":"project:src/Tool/Tool.csproj","supplier":{"name":"Valmont"},"name":"Tool","version":"1.0.0",
             "licenses":[{"license":{"id":"MIT","acknowledgement":"declared"}}],
             "properties":[{"name":"publiccodepolicy:framework","value":"net10.0"}]}
            """, toolComponent);
        var copy = bom["components"]!.AsArray().Single(c => c!["bom-ref"]!.GetValue<string>() == "project:src/App/App.csproj>project:src/Lib/Lib.csproj")!;
        AssertJson("""
            {"type":"library","bom-ref":"project:src/App/App.csproj>project:src/Lib/Lib.csproj","name":"Lib","version":"1.0.0",
             "properties":[{"name":"publiccodepolicy:deliverable","value":"App"}]}
            """, copy);
        // The solution: described, no frameworks, no purl: the name, the licence, and no properties at all.
        AssertJson("""{"type":"application","bom-ref":"solution:Sln","name":"Sln","licenses":[{"license":{"id":"EUPL-1.2","acknowledgement":"declared"}}]}""", bom["metadata"]!["component"]);
    }

    [Fact]
    public void ProjectWithoutPackages_HasAnEmptyComponentList_AndTheRootAlone()
    {
        var result = Result(Project("App"));
        var document = Write(result, Synthetic.Subject());
        var content = Text(document.Content);
        Assert.Contains("\n  \"components\": [],\n  \"dependencies\": [\n", content, StringComparison.Ordinal);
        AssertJson("""[{"ref":"project:src/App/App.csproj","dependsOn":[]}]""", Parse(document.Content)["dependencies"]);
        var spdx = new SpdxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject());
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, spdx.Content, "SPDX");
        Assert.Equal(new[] { "SPDXRef-project-src-App-App.csproj" }, Parse(spdx.Content)["packages"]!.AsArray().Select(p => p!["SPDXID"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void NullArguments_AndAnUnrestoredProject_AreRefused()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var writer = new CycloneDxWriter();
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(null!, result.Projects[0], Synthetic.Subject())).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(result, null!, Synthetic.Subject())).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(result, result.Projects[0], null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => writer.WriteSolution(null!, Synthetic.Subject())).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => writer.WriteSolution(result, null!)).ParamName);
        var unrestored = Project("Late", loaded: false);
        var e = Assert.Throws<ArgumentException>(() => writer.WriteProject(Result(unrestored), unrestored, Synthetic.Subject()));
        Assert.Equal("project", e.ParamName);
        Assert.Equal("Project 'Late' has no restore output; restore it first. (Parameter 'project')", e.Message);
    }

    [Fact]
    public void Findings_AreThoseOfTheGraph()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0", sha512: null), Package("Bar", "1.0.0") }));
        var document = new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject(license: null));
        Assert.Equal(new[] { "PCP2001:Foo", "PCP2002:" }, document.Findings.Select(f => f.RuleId + ":" + f.PackageId).ToArray());
    }
}
