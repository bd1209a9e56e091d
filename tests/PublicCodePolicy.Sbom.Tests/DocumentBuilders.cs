// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Check results built in code with every field the SBOM writers read under the test's control (metadata, licence
/// evidence, paths, project references), and exact JSON comparisons for the fast document tests.
/// </summary>
internal static class DocumentBuilders
{
    public const string Sha512Upper = "E8F33E424F3F4ED6DB76A482FDE1A5298970E442C531729119E37991884BDFFAB4F9426B7EE11FCCD074EEDA0634D71697D6F88A460DCE0AC8D627A29F7D1282";

    public static LicenseResolution Licence(
        string concluded,
        LicenseSource source = LicenseSource.Expression,
        string? declared = null,
        string? evidence = null,
        string? note = null,
        LicensePageEvidence? page = null,
        double confidence = 1)
        => new()
        {
            Concluded = concluded is "NOASSERTION" ? SpdxExpression.NoAssertion : Synthetic.Expression(concluded),
            Declared = declared,
            Source = source,
            Evidence = evidence,
            Confidence = confidence,
            Note = note,
            Page = page,
        };

    public static PackageResult Package(
        string id,
        string version,
        LicenseResolution? license = null,
        PackageMetadata? metadata = null,
        DependencyScope scope = DependencyScope.Runtime,
        string? sha512 = Synthetic.Sha512,
        bool direct = true,
        string[]? dependencies = null,
        string[]? frameworks = null,
        string[]? paths = null,
        string project = "App")
        => new()
        {
            Id = id,
            Version = version,
            Scope = scope,
            IsDirect = direct,
            Frameworks = frameworks ?? new[] { "net10.0" },
            Dependencies = dependencies ?? Array.Empty<string>(),
            Sha512 = sha512,
            Metadata = metadata,
            License = license ?? Licence("MIT", declared: "MIT", evidence: "MIT"),
            Verdict = Verdict.Allowed,
            Reason = "test",
            Paths = paths ?? (direct ? new[] { project + " → " + id + " " + version } : Array.Empty<string>()),
            IntroducedBy = Array.Empty<string>(),
        };

    public static PackageMetadata Metadata(
        string id,
        string version,
        string? authors = null,
        string? description = null,
        string? copyright = null,
        string? projectUrl = null,
        RepositoryInfo? repository = null,
        DeclaredLicenseKind kind = DeclaredLicenseKind.None,
        string? license = null)
        => new()
        {
            Id = id,
            Version = version,
            NuspecPath = id + ".nuspec",
            Authors = authors,
            Description = description,
            Copyright = copyright,
            ProjectUrl = projectUrl,
            Repository = repository,
            LicenseKind = kind,
            License = license,
        };

    public static string ProjectPath(string relative) => Path.Combine(new[] { Synthetic.Root }.Concat(relative.Split('/')).ToArray());

    public static ProjectResult Project(
        string name,
        IReadOnlyList<PackageResult>? packages = null,
        string? path = null,
        bool isTest = false,
        bool loaded = true,
        string? version = "1.0.0",
        string[]? frameworks = null,
        string[]? references = null)
        => new()
        {
            Name = name,
            ProjectPath = ProjectPath(path ?? "src/" + name + "/" + name + ".csproj"),
            Version = version,
            IsTestProject = isTest,
            TargetFrameworks = frameworks ?? new[] { "net10.0" },
            ProjectReferences = (references ?? Array.Empty<string>()).Select(ProjectPath).ToArray(),
            Packages = packages ?? Array.Empty<PackageResult>(),
            Loaded = loaded,
        };

    public static CheckResult Result(string licenseListVersion, string? rootPath, params ProjectResult[] projects) => new()
    {
        ToolVersion = "9.9.9",
        LicenseListVersion = licenseListVersion,
        Policy = PolicyDocument.Default,
        RootPath = rootPath ?? Synthetic.Root,
        Projects = projects,
        Findings = Array.Empty<PublicCodePolicy.Diagnostics.Finding>(),
    };

    public static CheckResult Result(params ProjectResult[] projects) => Result("3.27", null, projects);

    /// <summary>Asserts that <paramref name="actual"/> is the JSON <paramref name="expected"/> (arrays in order, objects by key).</summary>
    public static void AssertJson(string expected, JsonNode? actual)
    {
        var want = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(want, actual), "expected\n" + want?.ToJsonString() + "\ngot\n" + actual?.ToJsonString());
    }

    /// <summary>The keys of an object, in the order written.</summary>
    public static string[] Keys(JsonNode? node) => node!.AsObject().Select(kv => kv.Key).ToArray();

    public static JsonNode Parse(ReadOnlyMemory<byte> content) => JsonNode.Parse(content.Span)!;

    public static string Text(ReadOnlyMemory<byte> content) => System.Text.Encoding.UTF8.GetString(content.Span);

    public static string Quote(string value) => JsonSerializer.Serialize(value);
}
