// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

/// <summary>
/// LicenceBaseline.Compare on results built by hand: which packages are new or changed licence, against which baseline
/// entry, once per id and version, in a stable order.
/// </summary>
public sealed class LicenceBaselineCompareTests
{
    private static LicenceBaseline Baseline(string json) => LicenceBaseline.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "old.json");

    private static PackageResult Package(string id, string version, string license)
    {
        Assert.True(LicenseList.Default.TryParse(license, out var concluded, out _));
        return new PackageResult
        {
            Id = id,
            Version = version,
            Scope = DependencyScope.Runtime,
            IsDirect = true,
            Frameworks = new[] { "net10.0" },
            Dependencies = Array.Empty<string>(),
            License = new LicenseResolution { Concluded = concluded! },
            Verdict = Verdict.Allowed,
            Reason = "reason",
            Paths = new[] { "App → " + id + " " + version },
            IntroducedBy = Array.Empty<string>(),
        };
    }

    private static ProjectResult Project(string path, params PackageResult[] packages) => new() { Name = Path.GetFileNameWithoutExtension(path), ProjectPath = path, Packages = packages, Loaded = true };

    private static string[] Describe(IEnumerable<Finding> findings) => findings.Select(f => f.RuleId + " " + f.ProjectPath + " " + f.PackageId + " " + f.PackageVersion).ToArray();

    [Fact]
    public void Compare_RejectsNull()
    {
        Assert.Equal("projects", Assert.Throws<ArgumentNullException>(() => Baseline("""{"projects": []}""").Compare(null!)).ParamName);
    }

    [Fact]
    public void NewPackages_AreReportedOncePerIdAndVersion_InProjectThenIdThenVersionOrder()
    {
        var baseline = Baseline("""{"projects": [{"packages": [{"id": "Old", "version": "1.0.0", "license": "MIT"}]}]}""");
        var projects = new[]
        {
            Project("/src/B/B.csproj", Package("Zed", "1.0.0", "MIT"), Package("Both", "1.0.0", "MIT")),
            // "A" 11.0.0 and "A1" 1.0.0 are two packages, although their id and version written together are the same.
            Project("/src/A/A.csproj", Package("Both", "1.0.0", "MIT"), Package("beta", "2.0.0", "MIT"), Package("A1", "1.0.0", "MIT"), Package("A", "11.0.0", "MIT"), Package("beta", "10.0.0", "MIT"), Package("Old", "1.0.0", "MIT")),
        };

        var findings = baseline.Compare(projects);

        Assert.Equal(
            new[]
            {
                "PCP0021 /src/A/A.csproj A 11.0.0", "PCP0021 /src/A/A.csproj A1 1.0.0", "PCP0021 /src/A/A.csproj beta 10.0.0", "PCP0021 /src/A/A.csproj beta 2.0.0",
                "PCP0021 /src/A/A.csproj Both 1.0.0", "PCP0021 /src/B/B.csproj Zed 1.0.0",
            },
            Describe(findings));
        var first = findings[0];
        Assert.Equal("A 11.0.0 (MIT) is new since the baseline old.json.", first.Message);
        Assert.Equal("A 11.0.0 (MIT) est une nouvelle dépendance depuis la référence old.json.", first.Text!.ToString(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(new[] { "App → A 11.0.0" }, first.Paths);
    }

    [Fact]
    public void APackageWithALicenceItHadInAnyBaselineVersion_IsNotAChange()
    {
        var baseline = Baseline("""
            {"projects": [{"packages": [
              {"id": "Lib", "version": "1.0.0", "license": "MIT"},
              {"id": "Lib", "version": "2.0.0", "license": "Apache-2.0"}
            ]}]}
            """);

        Assert.Empty(baseline.Compare(new[] { Project("/src/App/App.csproj", Package("lib", "3.0.0", "MIT")) }));
    }

    [Fact]
    public void LicenceChange_IsComparedWithTheSameVersionInTheBaseline_WhenItHasIt()
    {
        var baseline = Baseline("""
            {"projects": [{"packages": [
              {"id": "Lib", "version": "1.0.0", "license": "MIT"},
              {"id": "Lib", "version": "2.0.0", "license": "BSD-3-Clause"}
            ]}]}
            """);

        var finding = Assert.Single(baseline.Compare(new[] { Project("/src/App/App.csproj", Package("Lib", "2.0.0", "Apache-2.0")) }));

        Assert.Equal("PCP0020", finding.RuleId);
        Assert.Equal("Lib: licence BSD-3-Clause in 2.0.0 (baseline old.json), Apache-2.0 in 2.0.0 now.", finding.Message);
        Assert.Equal("Lib : licence BSD-3-Clause en version 2.0.0 (référence old.json), Apache-2.0 en version 2.0.0 désormais.", finding.Text!.ToString(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("Read the new licence terms; if they are acceptable, refresh the baseline, otherwise go back to Lib 2.0.0.", finding.Remedy);
    }

    [Fact]
    public void LicenceChange_WithoutTheSameVersion_IsComparedWithTheFirstBaselineEntry()
    {
        var baseline = Baseline("""
            {"projects": [{"packages": [
              {"id": "Lib", "version": "1.0.0", "license": "MIT"},
              {"id": "Lib", "version": "2.0.0", "license": "BSD-3-Clause"}
            ]}]}
            """);

        var finding = Assert.Single(baseline.Compare(new[] { Project("/src/App/App.csproj", Package("Lib", "3.0.0", "Apache-2.0")) }));

        Assert.Equal("Lib: licence MIT in 1.0.0 (baseline old.json), Apache-2.0 in 3.0.0 now.", finding.Message);
    }

    [Theory]
    [InlineData("""{"id": "Lib", "version": "1.0.0", "license": 5}""")]
    [InlineData("""{"id": "Lib", "version": 1, "license": "MIT"}""")]
    [InlineData("""{"id": "Lib", "version": "1.0.0"}""")]
    public void APackageWithoutTextIdVersionAndLicence_IsNotABaseline(string package)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Baseline("""{"projects": [{"packages": [""" + package + "]}]}"));

        Assert.Equal("old.json: a package has no id, version or licence.", ex.Message);
    }
}
