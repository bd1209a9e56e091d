// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Output;
using PublicCodePolicy.Policy;
using PublicCodePolicy.Report;
using Json.Schema;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 12, licence changes between versions: a baseline (an earlier check result) makes the engine report a package
/// whose concluded licence changed (PCP0020) and a new package (PCP0021); a denied package's fix line names the newest
/// version in the package folders whose licence is allowed.
/// </summary>
public sealed class LicenceBaselineTests : IDisposable
{
    private const string Eula = "CONTOSO MAPPER END USER LICENSE AGREEMENT\n\nThis software is licensed, not sold. You may use it only with a paid subscription.\n";

    private readonly TempDirectory _temp = new("baseline");

    public void Dispose() => _temp.Dispose();

    // App uses Contoso.Mapper 15.0.0 (commercial terms) and New.Lib; the package folder also holds Contoso.Mapper
    // 14.0.0 (MIT) and 13.0.0 (MIT): what the project used before the upgrade.
    private string Restore()
    {
        var project = new FakeRestore("App")
            .Package("Contoso.Mapper", "15.0.0", "<license type=\"file\">EULA.txt</license>")
            .Package("New.Lib", "1.0.0", "<license type=\"expression\">Apache-2.0</license>")
            .Package("Stable.Lib", "2.0.0", "<license type=\"expression\">MIT</license>")
            .Direct("Contoso.Mapper")
            .Direct("New.Lib")
            .Direct("Stable.Lib")
            .WriteTo(_temp.Path);
        var packages = Path.Combine(_temp.Path, "packages", "contoso.mapper");
        File.WriteAllText(Path.Combine(packages, "15.0.0", "EULA.txt"), Eula);
        foreach (var old in new[] { "13.0.0", "14.0.0" })
        {
            Directory.CreateDirectory(Path.Combine(packages, old));
            File.WriteAllText(Path.Combine(packages, old, "contoso.mapper.nuspec"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n"
                + "    <id>Contoso.Mapper</id>\n    <version>" + old + "</version>\n    <authors>Contoso</authors>\n    <description>d</description>\n"
                + "    <license type=\"expression\">MIT</license>\n  </metadata>\n</package>\n");
        }
        return project;
    }

    private static LicenceBaseline Baseline(string json) => LicenceBaseline.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "baseline.json");

    private const string BaselineJson = """
        {"projects": [{"name": "App", "packages": [
          {"id": "Contoso.Mapper", "version": "14.0.0", "license": "MIT"},
          {"id": "Stable.Lib", "version": "1.0.0", "license": "MIT"}
        ]}]}
        """;

    [Fact]
    public void LicenceChange_IsReportedWithBothLicences_AndANewPackageAsNew()
    {
        var project = Restore();
        var result = new PolicyEngine(new CheckOptions { Baseline = Baseline(BaselineJson) }).Check(Workspace.Load(project));

        var changed = Assert.Single(result.Findings, f => f.RuleId == "PCP0020");
        Assert.Equal("Contoso.Mapper", changed.PackageId);
        Assert.Equal(FindingSeverity.Warning, changed.Severity);
        Assert.Equal("Contoso.Mapper: licence MIT in 14.0.0 (baseline baseline.json), LicenseRef-Proprietary in 15.0.0 now.", changed.Message);
        Assert.Contains("go back to Contoso.Mapper 14.0.0", changed.Remedy, StringComparison.Ordinal);

        var added = Assert.Single(result.Findings, f => f.RuleId == "PCP0021");
        Assert.Equal("New.Lib", added.PackageId);
        Assert.Contains("(Apache-2.0) is new since the baseline", added.Message, StringComparison.Ordinal);

        // Stable.Lib moved from 1.0.0 to 2.0.0 with the same licence: nothing to say.
        Assert.DoesNotContain(result.Findings, f => f.PackageId == "Stable.Lib" && f.RuleId is "PCP0020" or "PCP0021");
    }

    [Fact]
    public void DeniedPackage_FixLineNamesTheNewestAllowedVersionInThePackageFolders()
    {
        var project = Restore();
        var result = new PolicyEngine().Check(Workspace.Load(project));
        var denied = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.DeniedLicense.Id);
        Assert.Equal("Contoso.Mapper", denied.PackageId);
        Assert.EndsWith(" Version 14.0.0 in the package folders has an allowed licence (MIT).", denied.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void DeniedPackage_WithoutAnAllowedVersion_GetsNoVersionHint()
    {
        var project = new FakeRestore("App").Package("Only.Eula", "1.0.0", "<license type=\"file\">EULA.txt</license>").Direct("Only.Eula").WriteTo(_temp.Path);
        File.WriteAllText(Path.Combine(_temp.Path, "packages", "only.eula", "1.0.0", "EULA.txt"), Eula);
        var result = new PolicyEngine().Check(Workspace.Load(project));
        var denied = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.DeniedLicense.Id);
        Assert.DoesNotContain("in the package folders", denied.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void ACheckComparedWithItsOwnJson_ReportsNothing()
    {
        var project = Restore();
        var first = new PolicyEngine().Check(Workspace.Load(project));
        var file = Path.Combine(_temp.Path, "publiccode-baseline.json");
        using (var stream = File.Create(file)) CheckResultJsonWriter.Write(first, stream);
        var second = new PolicyEngine(new CheckOptions { Baseline = LicenceBaseline.Load(file) }).Check(Workspace.Load(project));
        Assert.DoesNotContain(second.Findings, f => f.RuleId is "PCP0020" or "PCP0021");
        Assert.Equal(3, LicenceBaseline.Load(file).PackageCount);
    }

    [Fact]
    public void Report_ShowsTheChangesSinceTheBaseline_InEveryFormat()
    {
        var project = Restore();
        var result = new PolicyEngine(new CheckOptions { Baseline = Baseline(BaselineJson) }).Check(Workspace.Load(project));
        var report = ComplianceReportBuilder.Build(result, new ReportOptions { Date = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero) });
        Assert.Equal(new[] { "PCP0020", "PCP0021" }, report.LicenceChanges.Select(c => c.RuleId).ToArray());

        var md = ReportMarkdownWriter.WriteToString(report, ReportLanguage.French);
        Assert.Contains("## Changements de licence depuis la référence", md, StringComparison.Ordinal);
        // Issue 13: the French report says it in French; the English one keeps the engine's English.
        Assert.Contains("- PCP0020: Contoso.Mapper : licence MIT en version 14.0.0 (référence baseline.json), LicenseRef-Proprietary en version 15.0.0 désormais.", md, StringComparison.Ordinal);
        var html = ReportHtmlWriter.WriteToString(report, ReportLanguage.English);
        Assert.Contains("Contoso.Mapper: licence MIT in 14.0.0 (baseline baseline.json), LicenseRef-Proprietary in 15.0.0 now.", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Licence changes since the baseline</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-rule=\"PCP0021\">", html, StringComparison.Ordinal);

        using var json = System.Text.Json.JsonDocument.Parse(ReportJsonWriter.WriteToString(report));
        var changes = json.RootElement.GetProperty("licenceChanges");
        Assert.Equal(2, changes.GetArrayLength());
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "compliance-report.schema.json"));
        Assert.True(schema.Evaluate(json.RootElement).IsValid);

        // Without a baseline the section is not there at all.
        var plain = ComplianceReportBuilder.Build(new PolicyEngine().Check(Workspace.Load(project)), new ReportOptions { Date = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero) });
        Assert.DoesNotContain("licenceChanges", ReportJsonWriter.WriteToString(plain), StringComparison.Ordinal);
        Assert.DoesNotContain("Changements de licence", ReportMarkdownWriter.WriteToString(plain, ReportLanguage.French), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    [InlineData("{\"projects\": [{\"packages\": [{\"id\": \"A\"}]}]}")]
    public void NotACheckResult_IsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => Baseline(json));
    }

    [Fact]
    public void BaselineRules_AreInTheCatalogue()
    {
        Assert.Equal(RuleCategory.License, RuleCatalog.CategoryOf(RuleCatalog.LicenceChanged.Id));
        Assert.Contains(RuleCatalog.All, r => r.Id == "PCP0020");
        Assert.Contains(RuleCatalog.All, r => r.Id == "PCP0021");
    }
}
