// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using static PublicCodePolicy.Sbom.Tests.DocumentBuilders;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Issue 15 (mutation testing): every field SpdxWriter writes, on check results built in code, with the value
/// docs/sbom.md and the SPDX 2.3 specification give written out by hand. Each document is also schema-checked.
/// </summary>
public sealed class SpdxDocumentTests
{
    private const string Sha = Synthetic.Sha512;
    private const string Nil = "00000000-0000-0000-0000-000000000000";

    private static SbomDocument Write(CheckResult result, SbomSubject subject, SbomOptions? options = null, int project = 0)
    {
        var document = new SpdxWriter(options).WriteProject(result, result.Projects[project], subject);
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, document.Content, "SPDX");
        return document;
    }

    private static JsonNode Doc(CheckResult result, SbomSubject subject, SbomOptions? options = null) => Parse(Write(result, subject, options).Content);

    private static JsonNode PackageElement(JsonNode doc, string spdxId) => doc["packages"]!.AsArray().Single(p => p!["SPDXID"]!.GetValue<string>() == spdxId)!;

    private static JsonNode OnePackage(PackageResult package)
        => PackageElement(Doc(Result(Project("App", new[] { package })), Synthetic.Subject()), "SPDXRef-pkg-nuget-" + package.Id + "-" + package.Version);

    private static string[] Relationships(JsonNode doc)
        => doc["relationships"]!.AsArray().Select(r => r!["spdxElementId"]!.GetValue<string>() + " " + r["relationshipType"]!.GetValue<string>() + " " + r["relatedSpdxElement"]!.GetValue<string>()).ToArray();

    // docs/sbom.md: the UUID is the v5 UUID (SBOM namespace) of the document written with the nil UUID in its place.
    private static string ExpectedUuid(string content, string identifier)
    {
        var uuid = identifier[^36..];
        return NameBasedUuid.Create(NameBasedUuid.SbomNamespace, content.Replace(uuid, Nil, StringComparison.Ordinal)).ToString("D");
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
    public void Document_Header_CreationInfo_AndNamespace_WithoutOptions()
    {
        var result = Result("3.27.1", null, Project("App", new[] { Package("Foo", "1.0.0") }));
        var document = Write(result, FullSubject());
        var content = Text(document.Content);
        var doc = Parse(document.Content);
        Assert.Equal(new[] { "spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "creationInfo", "packages", "relationships" }, Keys(doc));
        Assert.Equal("SPDX-2.3", doc["spdxVersion"]!.GetValue<string>());
        Assert.Equal("CC0-1.0", doc["dataLicense"]!.GetValue<string>());
        Assert.Equal("SPDXRef-DOCUMENT", doc["SPDXID"]!.GetValue<string>());
        Assert.Equal("Valmont App 2.0.0", doc["name"]!.GetValue<string>());
        AssertJson("""
            {"comment":"No SOURCE_DATE_EPOCH was given: the creation time is the Unix epoch so that the same input always gives the same document.",
             "created":"1970-01-01T00:00:00Z","creators":["Organization: Commune de Valmont","Tool: PublicCodePolicy-9.9.9"],"licenseListVersion":"3.27"}
            """, doc["creationInfo"]);
        var expectedNamespace = "https://spdx.org/spdxdocs/publiccodepolicy/Valmont-App-" + ExpectedUuid(content, document.Identifier);
        Assert.Equal(expectedNamespace, document.Identifier);
        Assert.Equal(expectedNamespace, doc["documentNamespace"]!.GetValue<string>());
        Assert.DoesNotContain(Nil, content, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_WithOptions_HasTheUtcTime_TheGivenToolVersion_AndTheNamespaceBase()
    {
        var options = new SbomOptions { Timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), ToolVersion = "1.2.3", SpdxNamespaceBase = "https://sbom.example.org/docs" };
        var result = Result("3", null, Project("App", new[] { Package("Foo", "1.0.0") }, version: null));
        var document = Write(result, new SbomSubject { Name = "My App", License = "MIT", Supplier = "  " }, options);
        var doc = Parse(document.Content);
        Assert.Equal("My App", doc["name"]!.GetValue<string>());
        AssertJson("""{"created":"2024-01-02T01:04:05Z","creators":["Tool: PublicCodePolicy-1.2.3"],"licenseListVersion":"3"}""", doc["creationInfo"]);
        Assert.Equal("https://sbom.example.org/docs/My-App-" + ExpectedUuid(Text(document.Content), document.Identifier), document.Identifier);
        Assert.Equal(document.Identifier, doc["documentNamespace"]!.GetValue<string>());
    }

    [Fact]
    public void Namespace_WithABaseTheJsonWriterEscapes_IsStillTheOneWritten()
    {
        // A non-BMP character is escaped in JSON strings: the draft cannot be patched in place and is written again.
        var options = new SbomOptions { SpdxNamespaceBase = "https://sbom.example.org/\U0001F600/" };
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var document = Write(result, Synthetic.Subject(), options);
        var doc = Parse(document.Content);
        Assert.StartsWith("https://sbom.example.org/\U0001F600/App-", document.Identifier, StringComparison.Ordinal);
        Assert.Equal(document.Identifier, doc["documentNamespace"]!.GetValue<string>());
        var text = Text(document.Content);
        Assert.DoesNotContain("\U0001F600", text, StringComparison.Ordinal);
        var uuid = document.Identifier[^36..];
        var draft = text.Replace(uuid, Nil, StringComparison.Ordinal);
        Assert.Equal(uuid, NameBasedUuid.Create(NameBasedUuid.SbomNamespace, draft).ToString("D"));
    }

    [Fact]
    public void Namespace_ChangesWithTheContent_AndNotOtherwise()
    {
        var one = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var other = Result(Project("App", new[] { Package("Foo", "1.0.1") }));
        string Id(CheckResult r) => new SpdxWriter().WriteProject(r, r.Projects[0], Synthetic.Subject()).Identifier;
        Assert.Equal(Id(one), Id(Result(Project("App", new[] { Package("Foo", "1.0.0") }))));
        Assert.NotEqual(Id(one), Id(other));
    }

    [Theory]
    [InlineData("relative/base")]
    [InlineData("https://sbom.example.org/docs#part")]
    public void NamespaceBase_MustBeAnAbsoluteUriWithoutAHash(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new SpdxWriter(new SbomOptions { SpdxNamespaceBase = value }));
        Assert.Equal("options", e.ParamName);
        Assert.Equal("The SPDX namespace base must be an absolute URI without '#'. (Parameter 'options')", e.Message);
    }

    [Fact]
    public void NullArguments_AndAnUnrestoredProject_AreRefused()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }));
        var writer = new SpdxWriter();
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(null!, result.Projects[0], Synthetic.Subject())).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(result, null!, Synthetic.Subject())).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => writer.WriteProject(result, result.Projects[0], null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => writer.WriteSolution(null!, Synthetic.Subject())).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => writer.WriteSolution(result, null!)).ParamName);
        var unrestored = Project("Late", loaded: false);
        var e = Assert.Throws<ArgumentException>(() => writer.WriteProject(Result(unrestored), unrestored, Synthetic.Subject()));
        Assert.Equal("Project 'Late' has no restore output; restore it first. (Parameter 'project')", e.Message);
    }

    [Fact]
    public void Package_WithEveryNuspecFact_IsWrittenField_ForField()
    {
        var metadata = Metadata("Foo", "1.2.3", authors: "Jane Doe, ACME", description: "Foo does things", copyright: "(c) ACME",
            projectUrl: "https://foo.example/", repository: new RepositoryInfo("git", "https://github.com/acme/foo", "main", "abc123"));
        var package = Package("Foo", "1.2.3", Licence("MIT", declared: "MIT", evidence: "MIT", note: "read from the nuspec"), metadata, DependencyScope.Development,
            sha512: Sha512Upper, frameworks: new[] { "net8.0", "net10.0" });
        var element = OnePackage(package);
        AssertJson("""
            {"SPDXID":"SPDXRef-pkg-nuget-Foo-1.2.3","name":"Foo","versionInfo":"1.2.3","supplier":"Organization: Jane Doe, ACME",
             "downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "checksums":[{"algorithm":"SHA512","checksumValue":"@HASH@"}],
             "homepage":"https://foo.example/",
             "sourceInfo":"Source repository https://github.com/acme/foo at commit abc123 (nuspec repository element).",
             "licenseConcluded":"MIT","licenseDeclared":"MIT",
             "licenseComments":"Concluded by PublicCodePolicy from source 'expression', confidence 1. Evidence: MIT. Note: read from the nuspec",
             "copyrightText":"(c) ACME","description":"Foo does things",
             "comment":"Scope: development. Frameworks: net10.0, net8.0.",
             "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:nuget/Foo@1.2.3"}],
             "primaryPackagePurpose":"LIBRARY"}
            """.Replace("@HASH@", Sha, StringComparison.Ordinal), element);
        Assert.Equal(new[] { "SPDXID", "name", "versionInfo", "supplier", "downloadLocation", "filesAnalyzed", "checksums", "homepage", "sourceInfo", "licenseConcluded", "licenseDeclared", "licenseComments", "copyrightText", "description", "comment", "externalRefs", "primaryPackagePurpose" }, Keys(element));
    }

    [Fact]
    public void Package_WithoutNuspec_WithoutHash_SaysNoAssertion()
    {
        var package = Package("Bare", "0.1.0", Licence("NOASSERTION", LicenseSource.None, confidence: 0.123456), sha512: null, scope: DependencyScope.Test, frameworks: Array.Empty<string>());
        AssertJson("""
            {"SPDXID":"SPDXRef-pkg-nuget-Bare-0.1.0","name":"Bare","versionInfo":"0.1.0","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION",
             "licenseComments":"Concluded by PublicCodePolicy from source 'none', confidence 0.1235.",
             "copyrightText":"NOASSERTION","comment":"Scope: test.",
             "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:nuget/Bare@0.1.0"}],
             "primaryPackagePurpose":"LIBRARY"}
            """, OnePackage(package));
    }

    [Fact]
    public void Package_WithBlankNuspecFacts_SaysNoAssertion()
    {
        var metadata = Metadata("Foo", "1.0.0", authors: "  ", copyright: " ", projectUrl: "not a url", repository: new RepositoryInfo("git", "git@github.com:acme/foo.git", null, "abc"));
        var element = OnePackage(Package("Foo", "1.0.0", metadata: metadata));
        Assert.Equal("NOASSERTION", element["supplier"]!.GetValue<string>());
        Assert.Equal("NOASSERTION", element["copyrightText"]!.GetValue<string>());
        Assert.Null(element["homepage"]);
        Assert.Null(element["sourceInfo"]);
        Assert.Equal("Scope: runtime. Frameworks: net10.0.", element["comment"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void SourceInfo_WithoutACommit_NamesTheRepositoryOnly(string? commit)
    {
        var metadata = Metadata("Foo", "1.0.0", repository: new RepositoryInfo("git", "https://github.com/acme/foo", null, commit));
        Assert.Equal("Source repository https://github.com/acme/foo (nuspec repository element).", OnePackage(Package("Foo", "1.0.0", metadata: metadata))["sourceInfo"]!.GetValue<string>());
    }

    private static LicensePageEvidence Page(bool immutable) => new()
    {
        RequestedUrl = "https://bar.example/license",
        Url = "https://raw.bar.example/LICENSE",
        RetrievedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
        Sha256 = new string('b', 64),
        IsImmutable = immutable,
    };

    [Fact]
    public void LicenceComments_AddThePageRead_UnlessTheNoteAlreadyNamesIt()
    {
        var withoutNote = OnePackage(Package("Bar", "2.0.0", Licence("Apache-2.0", LicenseSource.Url, declared: "https://bar.example/license", evidence: "https://bar.example/license", page: Page(true), confidence: 0.5)));
        Assert.Equal(
            "Concluded by PublicCodePolicy from source 'url', confidence 0.5. Evidence: https://bar.example/license. Read online from https://raw.bar.example/LICENSE (for https://bar.example/license) on 2024-05-06T07:08:09Z, SHA-256 "
            + new string('b', 64) + ", immutable (pinned to a commit or tag).",
            withoutNote["licenseComments"]!.GetValue<string>());
        var otherNote = OnePackage(Package("Bar", "2.0.0", Licence("Apache-2.0", LicenseSource.Url, evidence: "LICENSE", note: "near match.", page: Page(false))));
        Assert.Equal(
            "Concluded by PublicCodePolicy from source 'url', confidence 1. Evidence: LICENSE. Note: near match. Read online from https://raw.bar.example/LICENSE (for https://bar.example/license) on 2024-05-06T07:08:09Z, SHA-256 "
            + new string('b', 64) + ", mutable (the address may serve another text later).",
            otherNote["licenseComments"]!.GetValue<string>());
        var namedInNote = OnePackage(Package("Bar", "2.0.0", Licence("Apache-2.0", LicenseSource.Url, evidence: "/abs/LICENSE", note: "page " + new string('b', 64), page: Page(true))));
        Assert.Equal("Concluded by PublicCodePolicy from source 'url', confidence 1. Note: page " + new string('b', 64), namedInNote["licenseComments"]!.GetValue<string>());
    }

    [Fact]
    public void DescribedProject_IsThePackageTheDocumentDescribes()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }, frameworks: new[] { "net8.0", "net10.0" }));
        var doc = Doc(result, FullSubject());
        var root = doc["packages"]![0]!;
        AssertJson("""
            {"SPDXID":"SPDXRef-project-src-App-App.csproj","name":"Valmont App","versionInfo":"2.0.0","supplier":"Organization: Commune de Valmont",
             "downloadLocation":"https://forge.example/app","filesAnalyzed":false,
             "licenseConcluded":"EUPL-1.2","licenseDeclared":"EUPL-1.2","copyrightText":"NOASSERTION","description":"Guichet",
             "comment":"Frameworks: net10.0, net8.0.",
             "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:nuget/Valmont.App@2.0.0"}],
             "primaryPackagePurpose":"APPLICATION"}
            """, root);
        Assert.Equal(new[] { "SPDXRef-project-src-App-App.csproj", "SPDXRef-pkg-nuget-Foo-1.0.0" }, doc["packages"]!.AsArray().Select(p => p!["SPDXID"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void DescribedLibrary_WithoutFacts_SaysNoAssertion()
    {
        var result = Result(Project("App", new[] { Package("Foo", "1.0.0") }, frameworks: Array.Empty<string>(), version: null));
        var subject = new SbomSubject { Name = "Lib", License = "not an expression ((", RepositoryUrl = "git@forge.example:lib.git", Type = SbomComponentType.Library };
        AssertJson("""
            {"SPDXID":"SPDXRef-project-src-App-App.csproj","name":"Lib","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION","copyrightText":"NOASSERTION","primaryPackagePurpose":"LIBRARY"}
            """, Doc(result, subject)["packages"]![0]);
    }

    [Fact]
    public void Relationships_DescribesFirst_ThenTheGraphInSpdxScopeVocabulary_Sorted()
    {
        var result = Result(Project("App", new[]
        {
            Package("Gamma", "1.0.0", scope: DependencyScope.Development),
            Package("Delta", "1.0.0", scope: DependencyScope.Test),
            Package("Alpha", "1.0.0", dependencies: new[] { "Beta/1.0.0" }),
            Package("Beta", "1.0.0", direct: false, scope: DependencyScope.Development),
        }));
        var doc = Doc(result, Synthetic.Subject());
        Assert.Equal(new[]
        {
            "SPDXRef-DOCUMENT DESCRIBES SPDXRef-project-src-App-App.csproj",
            "SPDXRef-pkg-nuget-Alpha-1.0.0 DEPENDS_ON SPDXRef-pkg-nuget-Beta-1.0.0",
            "SPDXRef-pkg-nuget-Delta-1.0.0 TEST_DEPENDENCY_OF SPDXRef-project-src-App-App.csproj",
            "SPDXRef-pkg-nuget-Gamma-1.0.0 DEV_DEPENDENCY_OF SPDXRef-project-src-App-App.csproj",
            "SPDXRef-project-src-App-App.csproj DEPENDS_ON SPDXRef-pkg-nuget-Alpha-1.0.0",
        }, Relationships(doc));
        Assert.Equal(new[] { "spdxElementId", "relationshipType", "relatedSpdxElement" }, Keys(doc["relationships"]![0]));
        Assert.Null(doc["hasExtractedLicensingInfos"]);
    }

    [Fact]
    public void Relationships_AreInOrdinalOrder_WhateverTheCulture()
    {
        // docs/sbom.md: every list is sorted with ordinal comparison (upper case before lower case), so that the CLI
        // (invariant globalization) and the build task (the machine's culture) write the same bytes.
        var result = Result(Project("App", new[]
        {
            Package("runtime.native.System", "4.3.0"),
            Package("System.Net.Http", "4.3.4", dependencies: new[] { "runtime.native.System/4.3.0", "aaa/1.0.0", "ZZZ/1.0.0" }),
            Package("aaa", "1.0.0", direct: false),
            Package("ZZZ", "1.0.0", direct: false),
            Package("Tool", "1.0.0", scope: DependencyScope.Development, dependencies: new[] { "ZZZ/1.0.0" }),
        }));
        Assert.Equal(new[]
        {
            "SPDXRef-DOCUMENT DESCRIBES SPDXRef-project-src-App-App.csproj",
            "SPDXRef-pkg-nuget-System.Net.Http-4.3.4 DEPENDS_ON SPDXRef-pkg-nuget-ZZZ-1.0.0",
            "SPDXRef-pkg-nuget-System.Net.Http-4.3.4 DEPENDS_ON SPDXRef-pkg-nuget-aaa-1.0.0",
            "SPDXRef-pkg-nuget-System.Net.Http-4.3.4 DEPENDS_ON SPDXRef-pkg-nuget-runtime.native.System-4.3.0",
            "SPDXRef-pkg-nuget-Tool-1.0.0 DEPENDS_ON SPDXRef-pkg-nuget-ZZZ-1.0.0",
            "SPDXRef-pkg-nuget-Tool-1.0.0 DEV_DEPENDENCY_OF SPDXRef-project-src-App-App.csproj",
            "SPDXRef-project-src-App-App.csproj DEPENDS_ON SPDXRef-pkg-nuget-System.Net.Http-4.3.4",
            "SPDXRef-project-src-App-App.csproj DEPENDS_ON SPDXRef-pkg-nuget-runtime.native.System-4.3.0",
        }, Relationships(Doc(result, Synthetic.Subject())));
    }

    [Fact]
    public void Solution_ContainsItsDeliverables_WhichDependOnTheirPackages()
    {
        var result = Result(
            Project("App", new[] { Package("Foo", "1.0.0", project: "App"), Package("Tool", "1.0.0", scope: DependencyScope.Development, project: "App") }),
            Project("App.Tests", new[] { Package("Xunit", "2.9.3", scope: DependencyScope.Test, project: "App.Tests") }, isTest: true),
            Project("Web", new[] { Package("Foo", "1.0.0", frameworks: new[] { "net8.0" }, project: "Web") }, frameworks: new[] { "net8.0" }));
        var options = new SbomOptions { Projects = new Dictionary<string, SbomSubject> { ["Web"] = new() { Name = "Portail", Version = "3.1.0", Supplier = "Valmont", License = "EUPL-1.2", RepositoryUrl = "https://forge.example/web" } } };
        var document = new SpdxWriter(options).WriteSolution(result, new SbomSubject { Name = "Commune", Version = "5.0", License = "EUPL-1.2", Purl = "pkg:generic/commune@5.0" });
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, document.Content, "solution");
        var doc = Parse(document.Content);
        Assert.Equal("Commune 5.0", doc["name"]!.GetValue<string>());
        Assert.StartsWith("https://spdx.org/spdxdocs/publiccodepolicy/Commune-", document.Identifier, StringComparison.Ordinal);
        Assert.Equal(new[]
        {
            "SPDXRef-DOCUMENT DESCRIBES SPDXRef-pkg-generic-commune-5.0",
            "SPDXRef-pkg-generic-commune-5.0 CONTAINS SPDXRef-project-src-App-App.csproj",
            "SPDXRef-pkg-generic-commune-5.0 CONTAINS SPDXRef-project-src-Web-Web.csproj",
            "SPDXRef-pkg-nuget-Tool-1.0.0 DEV_DEPENDENCY_OF SPDXRef-project-src-App-App.csproj",
            "SPDXRef-project-src-App-App.csproj DEPENDS_ON SPDXRef-pkg-nuget-Foo-1.0.0",
            "SPDXRef-project-src-Web-Web.csproj DEPENDS_ON SPDXRef-pkg-nuget-Foo-1.0.0",
        }, Relationships(doc));
        Assert.Equal(new[] { "SPDXRef-pkg-generic-commune-5.0", "SPDXRef-pkg-nuget-Foo-1.0.0", "SPDXRef-pkg-nuget-Tool-1.0.0", "SPDXRef-project-src-App-App.csproj", "SPDXRef-project-src-Web-Web.csproj" },
            doc["packages"]!.AsArray().Select(p => p!["SPDXID"]!.GetValue<string>()).ToArray());
        AssertJson("""
            {"SPDXID":"SPDXRef-project-src-App-App.csproj","name":"App","versionInfo":"1.0.0","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION","copyrightText":"NOASSERTION","comment":"Frameworks: net10.0.","primaryPackagePurpose":"APPLICATION"}
            """, PackageElement(doc, "SPDXRef-project-src-App-App.csproj"));
        AssertJson("""
            {"SPDXID":"SPDXRef-project-src-Web-Web.csproj","name":"Portail","versionInfo":"3.1.0","supplier":"Organization: Valmont","downloadLocation":"https://forge.example/web","filesAnalyzed":false,
             "licenseConcluded":"EUPL-1.2","licenseDeclared":"EUPL-1.2","copyrightText":"NOASSERTION","comment":"Frameworks: net8.0.","primaryPackagePurpose":"APPLICATION"}
            """, PackageElement(doc, "SPDXRef-project-src-Web-Web.csproj"));
        AssertJson("""
            {"SPDXID":"SPDXRef-pkg-generic-commune-5.0","name":"Commune","versionInfo":"5.0","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "licenseConcluded":"EUPL-1.2","licenseDeclared":"EUPL-1.2","copyrightText":"NOASSERTION",
             "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:generic/commune@5.0"}],
             "primaryPackagePurpose":"APPLICATION"}
            """, doc["packages"]![0]);
        Assert.Equal("Scope: runtime. Frameworks: net10.0, net8.0.", PackageElement(doc, "SPDXRef-pkg-nuget-Foo-1.0.0")["comment"]!.GetValue<string>());
    }

    [Fact]
    public void PerDeliverableCopy_SaysWhichDeliverableItBelongsTo_AndAReferencedProjectIsALibrary()
    {
        var result = Result(
            Project("A", new[] { Package("Foo", "1.0.0", dependencies: new[] { "Bar/1.0.0" }, project: "A"), Package("Bar", "1.0.0", direct: false, project: "A") }, references: new[] { "src/Lib/Lib.csproj" }),
            Project("B", new[] { Package("Foo", "1.0.0", project: "B") }));
        var document = new SpdxWriter().WriteSolution(result, new SbomSubject { Name = "Sln", License = "MIT" });
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, document.Content, "solution");
        var doc = Parse(document.Content);
        var copy = PackageElement(doc, "SPDXRef-project-src-A-A.csproj-pkg-nuget-Foo-1.0.0");
        Assert.Equal("Scope: runtime. Frameworks: net10.0. The copy of this component as restored for the deliverable A (its dependencies differ between deliverables).", copy["comment"]!.GetValue<string>());
        Assert.Equal("Foo", copy["name"]!.GetValue<string>());
        Assert.Equal(new[]
        {
            "SPDXRef-solution-Sln", "SPDXRef-pkg-nuget-Bar-1.0.0", "SPDXRef-project-src-A-A.csproj", "SPDXRef-project-src-A-A.csproj-pkg-nuget-Foo-1.0.0",
            "SPDXRef-project-src-B-B.csproj", "SPDXRef-project-src-B-B.csproj-pkg-nuget-Foo-1.0.0", "SPDXRef-project-src-Lib-Lib.csproj",
        }, doc["packages"]!.AsArray().Select(p => p!["SPDXID"]!.GetValue<string>()).ToArray());
        // Lib is not a deliverable of the solution (not in it): a project A links, with no facts of its own.
        var lib = PackageElement(doc, "SPDXRef-project-src-Lib-Lib.csproj");
        AssertJson("""
            {"SPDXID":"SPDXRef-project-src-Lib-Lib.csproj","name":"Lib","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,
             "licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION","copyrightText":"NOASSERTION","primaryPackagePurpose":"LIBRARY"}
            """, lib);
        Assert.Contains("SPDXRef-project-src-A-A.csproj DEPENDS_ON SPDXRef-project-src-Lib-Lib.csproj", Relationships(doc));
        Assert.Contains("SPDXRef-project-src-A-A.csproj-pkg-nuget-Foo-1.0.0 DEPENDS_ON SPDXRef-pkg-nuget-Bar-1.0.0", Relationships(doc));
    }

    [Fact]
    public void ClashingIdentifiers_GetAHashSuffix_OthersKeepTheirs()
    {
        var result = Result(Project("App", new[] { Package("A_B", "1.0.0"), Package("A-B", "1.0.0"), Package("C", "1.0.0") }));
        var doc = Doc(result, Synthetic.Subject());
        static string Suffix(string reference) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(reference)), 0, 4).ToLowerInvariant();
        Assert.Equal(new[]
        {
            "SPDXRef-project-src-App-App.csproj",
            "SPDXRef-pkg-nuget-A-B-1.0.0-" + Suffix("pkg:nuget/A-B@1.0.0"),
            "SPDXRef-pkg-nuget-A-B-1.0.0-" + Suffix("pkg:nuget/A_B@1.0.0"),
            "SPDXRef-pkg-nuget-C-1.0.0",
        }, doc["packages"]!.AsArray().Select(p => p!["SPDXID"]!.GetValue<string>()).ToArray());
        Assert.Contains("SPDXRef-project-src-App-App.csproj DEPENDS_ON SPDXRef-pkg-nuget-A-B-1.0.0-" + Suffix("pkg:nuget/A_B@1.0.0"), Relationships(doc));
    }

    [Fact]
    public void LicenceRefs_AreDeclared_WithTheirPackages_AndTheirUrls()
    {
        var result = Result(Project("App", new[]
        {
            Package("X", "1.0.0", Licence("LicenseRef-Acme", LicenseSource.Url, declared: "https://acme.example/eula", evidence: "https://acme.example/eula")),
            Package("Y", "1.0.0", Licence("Acme-Unlisted-1.0", declared: "Acme-Unlisted-1.0", evidence: "Acme-Unlisted-1.0")),
            Package("Z", "1.0.0", Licence("MIT AND LicenseRef-Acme", declared: "MIT AND LicenseRef-Acme", evidence: "MIT AND LicenseRef-Acme")),
            Package("W", "1.0.0", Licence("MIT", declared: "DocumentRef-Other:LicenseRef-Ext", evidence: "nuspec")),
        }));
        var doc = Doc(result, new SbomSubject { Name = "App", Version = "1.0.0", License = "LicenseRef-Own" });
        AssertJson("""
            [{"licenseId":"LicenseRef-Acme","name":"Acme",
              "extractedText":"The licence text is not reproduced in this document. It is the licence the packages named in the comment carry; its text is at the URLs in seeAlsos.",
              "comment":"Used by: X 1.0.0, Z 1.0.0.","seeAlsos":["https://acme.example/eula"]},
             {"licenseId":"LicenseRef-Acme-Unlisted-1.0","name":"Acme-Unlisted-1.0",
              "extractedText":"The licence text is not reproduced in this document. It is the licence the packages named in the comment carry; see those packages.",
              "comment":"Used by: Y 1.0.0."},
             {"licenseId":"LicenseRef-Own","name":"Own",
              "extractedText":"The licence text is not reproduced in this document. It is the licence the packages named in the comment carry; see those packages.",
              "comment":"Used by: App 1.0.0."}]
            """, doc["hasExtractedLicensingInfos"]);
        Assert.Equal("LicenseRef-Acme-Unlisted-1.0", PackageElement(doc, "SPDXRef-pkg-nuget-Y-1.0.0")["licenseDeclared"]!.GetValue<string>());
        Assert.Equal("DocumentRef-Other:LicenseRef-Ext", PackageElement(doc, "SPDXRef-pkg-nuget-W-1.0.0")["licenseDeclared"]!.GetValue<string>());
        Assert.Equal("LicenseRef-Own", doc["packages"]![0]!["licenseConcluded"]!.GetValue<string>());
    }

    [Fact]
    public void LicenceRefWithAnException_IsDeclaredToo()
    {
        var result = Result(Project("App", new[] { Package("X", "1.0.0", Licence("LicenseRef-Acme WITH Classpath-exception-2.0", declared: "LicenseRef-Acme WITH Classpath-exception-2.0", evidence: "e")) }));
        var doc = Doc(result, Synthetic.Subject());
        Assert.Equal(new[] { "LicenseRef-Acme" }, doc["hasExtractedLicensingInfos"]!.AsArray().Select(e => e!["licenseId"]!.GetValue<string>()).ToArray());
        Assert.Equal("Used by: X 1.0.0.", doc["hasExtractedLicensingInfos"]![0]!["comment"]!.GetValue<string>());
    }
}
