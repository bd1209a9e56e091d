// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>Check results built in code, for the cases a real restore cannot produce on demand.</summary>
internal static class Synthetic
{
    /// <summary>A root path that is never created (the results are built in memory), unique to this test process.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "pcp-tests", "synthetic-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public const string Sha512 = "e8f33e424f3f4ed6db76a482fde1a5298970e442c531729119e37991884bdffab4f9426b7ee11fccd074eeda0634d71697d6f88a460dce0ac8d627a29f7d1282";

    public static SpdxExpression Expression(string text)
    {
        Assert.True(LicenseList.Default.TryParse(text, out var expression, out _), text);
        return expression!;
    }

    /// <summary>A package judged allowed, its licence given by the few fields most tests vary (see <see cref="DocumentBuilders.Package"/>).</summary>
    public static PackageResult Package(
        string id,
        string version,
        string concluded = "MIT",
        LicenseSource source = LicenseSource.Expression,
        string? declared = null,
        string? sha512 = Sha512,
        DependencyScope scope = DependencyScope.Runtime,
        bool direct = true,
        string[]? dependencies = null,
        string? evidence = null,
        string project = "App")
        => DocumentBuilders.Package(
            id,
            version,
            DocumentBuilders.Licence(concluded, source, declared ?? (source == LicenseSource.Expression ? concluded : null), evidence ?? declared ?? concluded),
            scope: scope,
            sha512: sha512,
            direct: direct,
            dependencies: dependencies,
            project: project);

    public static ProjectResult Project(string name, bool isTest = false, params PackageResult[] packages) => new()
    {
        Name = name,
        ProjectPath = Path.Combine(Root, "src", name, name + ".csproj"),
        Version = "1.0.0",
        IsTestProject = isTest,
        TargetFrameworks = new[] { "net10.0" },
        Packages = packages,
        Loaded = true,
    };

    public static CheckResult Result(params ProjectResult[] projects) => new()
    {
        ToolVersion = "9.9.9",
        LicenseListVersion = LicenseList.Default.Version,
        Policy = PolicyDocument.Default,
        RootPath = Root,
        Projects = projects,
        Findings = Array.Empty<PublicCodePolicy.Diagnostics.Finding>(),
    };

    public static SbomSubject Subject(string name = "App", string? license = "EUPL-1.2") => new() { Name = name, Version = "1.0.0", License = license };
}
