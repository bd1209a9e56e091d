// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using NuGet.Versioning;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

public sealed class PolicyEngineTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string NetLibrary = "<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>";
    private readonly TempDirectory _temp = new("engine");

    public void Dispose() => _temp.Dispose();

    private static (ProjectResult Project, IReadOnlyList<Finding> Findings) Check(string projectPath, PolicyDocument? policy = null, DateOnly? today = null, IPolicyRule[]? rules = null)
    {
        var engine = new PolicyEngine(new CheckOptions { Policy = policy ?? PolicyDocument.Default, Today = today ?? new DateOnly(2026, 11, 29), Rules = rules ?? Array.Empty<IPolicyRule>() });
        var result = engine.Check(Workspace.Load(projectPath));
        return (Assert.Single(result.Projects), result.Findings);
    }

    [Fact]
    public void RuntimeTargets_AreTheirFramework_AndPackagesCountOnce()
    {
        // Issue 15: with RuntimeIdentifiers the assets targets are "net10.0" and "net10.0/linux-x64": one framework.
        var project = new FakeRestore("App")
            .Package("Foo", "1.2.0", Mit, dependsOn: new[] { "System.Net.Http" })
            .Package("System.Net.Http", "4.3.0", NetLibrary)
            .Direct("Foo")
            .RuntimeIdentifiers("linux-x64", "win-x64")
            .WriteTo(_temp.Path);
        var (p, findings) = Check(project);
        Assert.Equal(new[] { "net10.0" }, p.TargetFrameworks);
        Assert.Equal(new[] { "Foo", "System.Net.Http" }, p.Packages.Select(x => x.Id));
        Assert.All(p.Packages, x => Assert.Equal(new[] { "net10.0" }, x.Frameworks));
        Assert.Single(findings, f => f.RuleId == "PCP0001");
    }

    [Fact]
    public void DirectAndTransitive_WithPathsAndHashes()
    {
        var project = new FakeRestore("App")
            .Package("Foo", "1.2.0", Mit, dependsOn: new[] { "System.Net.Http" })
            .Package("System.Net.Http", "4.3.0", NetLibrary)
            .Direct("Foo")
            .WriteTo(_temp.Path);
        var (p, findings) = Check(project);
        var foo = p.Packages.Single(x => x.Id == "Foo");
        var http = p.Packages.Single(x => x.Id == "System.Net.Http");
        Assert.True(foo.IsDirect);
        Assert.False(http.IsDirect);
        Assert.Equal(Verdict.Allowed, foo.Verdict);
        Assert.Equal(Verdict.Denied, http.Verdict);
        Assert.Equal(new[] { "App → Foo 1.2.0 → System.Net.Http 4.3.0" }, http.Paths);
        Assert.Equal(new[] { "System.Net.Http/4.3.0" }, foo.Dependencies);
        Assert.Equal(128, foo.Sha512!.Length);
        Assert.Matches("^[0-9a-f]+$", foo.Sha512);
        var finding = Assert.Single(findings, f => f.RuleId == "PCP0001");
        Assert.True(finding.IsEnforced);
        Assert.Equal("System.Net.Http", finding.PackageId);
        Assert.Contains("Foo 1.2.0", finding.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateAssetsAll_MakesTheSubtreeDevelopment_UnlessAlsoReachedAtRuntime()
    {
        var project = new FakeRestore("App")
            .Package("Tool", "1.0.0", Mit, dependsOn: new[] { "Shared", "ToolOnly" })
            .Package("Lib", "1.0.0", Mit, dependsOn: new[] { "Shared" })
            .Package("Shared", "1.0.0", NetLibrary)
            .Package("ToolOnly", "1.0.0", NetLibrary)
            .Direct("Tool", suppressParent: "All")
            .Direct("Lib")
            .WriteTo(_temp.Path);
        var (p, findings) = Check(project);
        Assert.Equal(DependencyScope.Development, p.Packages.Single(x => x.Id == "Tool").Scope);
        Assert.Equal(DependencyScope.Development, p.Packages.Single(x => x.Id == "ToolOnly").Scope);
        Assert.Equal(DependencyScope.Runtime, p.Packages.Single(x => x.Id == "Shared").Scope);
        // Development findings are reported but do not fail.
        var dev = Assert.Single(findings, f => f.PackageId == "ToolOnly" && f.RuleId == "PCP0001");
        Assert.False(dev.IsEnforced);
        Assert.Equal(FindingSeverity.Warning, dev.Severity);
        Assert.True(Assert.Single(findings, f => f.PackageId == "Shared" && f.RuleId == "PCP0001").IsEnforced);
    }

    [Fact]
    public void BuildOnlyAndDevelopmentDependencyPackages_AreDevelopment()
    {
        var project = new FakeRestore("App")
            .Package("Analyzer", "1.0.0", Mit, buildOnly: true, dependsOn: new[] { "AnalyzerHelper" })
            .Package("AnalyzerHelper", "1.0.0", Mit)
            .Package("Versioning", "1.0.0", Mit, developmentDependency: true)
            .Package("Runtime", "1.0.0", Mit)
            .Direct("Analyzer").Direct("Versioning").Direct("Runtime")
            .WriteTo(_temp.Path);
        var (p, _) = Check(project);
        Assert.Equal(DependencyScope.Development, p.Packages.Single(x => x.Id == "Analyzer").Scope);
        Assert.Equal(DependencyScope.Development, p.Packages.Single(x => x.Id == "AnalyzerHelper").Scope);
        Assert.Equal(DependencyScope.Development, p.Packages.Single(x => x.Id == "Versioning").Scope);
        Assert.Equal(DependencyScope.Runtime, p.Packages.Single(x => x.Id == "Runtime").Scope);
    }

    [Fact]
    public void TestProject_PutsRuntimePackagesInTestScope_NotEnforcedByDefault()
    {
        var project = new FakeRestore("App.Tests")
            .Package("Microsoft.NET.Test.Sdk", "18.0.1", Mit, buildOnly: true)
            .Package("Proprietary", "1.0.0", NetLibrary)
            .Direct("Microsoft.NET.Test.Sdk").Direct("Proprietary")
            .WriteTo(_temp.Path);
        var (p, findings) = Check(project);
        Assert.True(p.IsTestProject);
        Assert.Equal(DependencyScope.Test, p.Packages.Single(x => x.Id == "Proprietary").Scope);
        Assert.DoesNotContain(findings, f => f.IsEnforced);
        var enforceTests = new PolicyDocument { EnforcedScopes = new HashSet<DependencyScope> { DependencyScope.Runtime, DependencyScope.Test } };
        Assert.Contains(Check(project, enforceTests).Findings, f => f.IsEnforced && f.PackageId == "Proprietary");
    }

    [Fact]
    public void ProjectReference_AppearsInPaths()
    {
        var project = new FakeRestore("App")
            .Package("Bad", "2.0.0", NetLibrary)
            .ProjectReference("Lib")
            .WriteTo(_temp.Path);
        // The referenced project's dependency flows through the project library entry.
        var assets = Path.Combine(_temp.Path, "App", "obj", "project.assets.json");
        File.WriteAllText(assets, File.ReadAllText(assets).Replace("\"type\": \"project\"\n      }", "\"type\": \"project\",\n        \"dependencies\": { \"Bad\": \"2.0.0\" }\n      }", StringComparison.Ordinal));
        var (p, _) = Check(project);
        var bad = p.Packages.Single(x => x.Id == "Bad");
        Assert.Equal(new[] { "App → Lib → Bad 2.0.0" }, bad.Paths);
        Assert.Equal(DependencyScope.Runtime, bad.Scope);
    }

    [Fact]
    public void ImplicitSdkReference_RemedySaysSo_InsteadOfAskingToRemoveIt()
    {
        var project = new FakeRestore("Lib", "netstandard2.0")
            .Package("NETStandard.Library", "2.0.3", Mit, dependsOn: new[] { "Microsoft.NETCore.Platforms" })
            .Package("Microsoft.NETCore.Platforms", "1.1.0", NetLibrary)
            .Direct("NETStandard.Library", autoReferenced: true)
            .WriteTo(_temp.Path);
        var finding = Assert.Single(Check(project).Findings, f => f.PackageId == "Microsoft.NETCore.Platforms" && f.RuleId == "PCP0001");
        Assert.Equal("It comes through NETStandard.Library 2.0.3, referenced implicitly by the .NET SDK for this target framework: retarget the project, or record a justified exception.", finding.Remedy);
    }

    [Fact]
    public void Exception_AcceptsPackage_AndIsReported()
    {
        var project = new FakeRestore("App").Package("System.Net.Http", "4.3.4", NetLibrary).Direct("System.Net.Http").WriteTo(_temp.Path);
        var policy = new PolicyDocument
        {
            Exceptions = new[]
            {
                new PolicyException { Package = "System.Net.Http", Versions = VersionRange.Parse("[4.3.0,4.4)"), License = "LicenseRef-MICROSOFT-NET-LIBRARY", Justification = "Needed on .NET Framework 4.6.1 until 2027.", ApprovedBy = "DSI", Expires = new DateOnly(2027, 6, 30) },
            },
        };
        var (p, findings) = Check(project, policy);
        var pkg = Assert.Single(p.Packages);
        Assert.Equal(Verdict.Excepted, pkg.Verdict);
        Assert.NotNull(pkg.AppliedException);
        Assert.DoesNotContain(findings, f => f.IsEnforced);
        Assert.Contains(findings, f => f.RuleId == "PCP0007" && f.Message.Contains("approved by DSI", StringComparison.Ordinal));
    }

    [Fact]
    public void ExpiredException_IsAFindingAndDoesNotApply()
    {
        var project = new FakeRestore("App").Package("System.Net.Http", "4.3.4", NetLibrary).Direct("System.Net.Http").WriteTo(_temp.Path);
        var policy = new PolicyDocument { Exceptions = new[] { new PolicyException { Package = "System.Net.Http", Justification = "Legacy.", Expires = new DateOnly(2026, 1, 31) } } };
        var (p, findings) = Check(project, policy);
        Assert.Equal(Verdict.Denied, Assert.Single(p.Packages).Verdict);
        Assert.Contains(findings, f => f.RuleId == "PCP0003" && f.IsEnforced && f.Message.Contains("2026-01-31", StringComparison.Ordinal));
        // The last valid day still counts.
        Assert.Equal(Verdict.Excepted, Assert.Single(Check(project, policy, new DateOnly(2026, 1, 31)).Project.Packages).Verdict);
    }

    [Fact]
    public void Exception_ForAnotherLicence_DoesNotApply()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", NetLibrary).Direct("Pkg").WriteTo(_temp.Path);
        var policy = new PolicyDocument { Exceptions = new[] { new PolicyException { Package = "Pkg", License = "LicenseRef-Other", Justification = "x" } } };
        Assert.Equal(Verdict.Denied, Assert.Single(Check(project, policy).Project.Packages).Verdict);
    }

    [Fact]
    public void UnusedException_IsAWarning()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        var policy = new PolicyDocument { Exceptions = new[] { new PolicyException { Package = "Gone.Package", Justification = "x" } } };
        var f = Assert.Single(Check(project, policy).Findings, x => x.RuleId == "PCP0004");
        Assert.False(f.IsEnforced);
    }

    [Fact]
    public void WildcardException_MatchesPrefix()
    {
        var ex = new PolicyException { Package = "Contoso.*", Justification = "Internal packages." };
        Assert.True(ex.Matches("Contoso.Data", "1.0.0"));
        Assert.True(ex.Matches("contoso.web", "2.0.0"));
        Assert.False(ex.Matches("Other", "1.0.0"));
    }

    [Fact]
    public void NoLicence_IsUnknown_AndFailsByDefault_WarnsWhenConfigured()
    {
        var project = new FakeRestore("App").Package("Anon", "1.0.0", string.Empty).Direct("Anon").WriteTo(_temp.Path);
        var (p, findings) = Check(project);
        Assert.Equal(Verdict.Unknown, Assert.Single(p.Packages).Verdict);
        Assert.True(Assert.Single(findings, f => f.RuleId == "PCP0002").IsEnforced);
        var lenient = new PolicyDocument { FailOnUnknown = false };
        Assert.False(Assert.Single(Check(project, lenient).Findings, f => f.RuleId == "PCP0002").IsEnforced);
    }

    [Fact]
    public void UnknownUrl_IsNoAssertionWithTheUrlAsEvidence()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", "<licenseUrl>https://example.com/eula.html</licenseUrl>").Direct("Pkg").WriteTo(_temp.Path);
        var pkg = Assert.Single(Check(project).Project.Packages);
        Assert.True(pkg.License.IsNoAssertion);
        Assert.Equal("https://example.com/eula.html", pkg.License.Evidence);
        Assert.Equal(Licensing.LicenseSource.Url, pkg.License.Source);
    }

    [Fact]
    public void InvalidDeclaredExpression_IsReported()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", "<license type=\"expression\">MIT OR</license>").Direct("Pkg").WriteTo(_temp.Path);
        var findings = Check(project).Findings;
        Assert.Contains(findings, f => f.RuleId == "PCP0005");
        Assert.Contains(findings, f => f.RuleId == "PCP0002");
    }

    [Fact]
    public void DeprecatedId_IsInformational()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", "<license type=\"expression\">GPL-2.0+</license>").Direct("Pkg").WriteTo(_temp.Path);
        Assert.Contains(Check(project).Findings, f => f.RuleId == "PCP0006" && f.Severity == FindingSeverity.Info);
    }

    [Fact]
    public void CustomRule_CanDenyAndWarn()
    {
        var project = new FakeRestore("App")
            .Package("Vendor.Lib", "1.0.0", Mit)
            .Package("Agpl.Lib", "1.0.0", "<license type=\"expression\">AGPL-3.0-only</license>")
            .Direct("Vendor.Lib").Direct("Agpl.Lib")
            .WriteTo(_temp.Path);
        var (p, findings) = Check(project, rules: new IPolicyRule[] { new ForbidVendor(), new AgplNeedsApproval() });
        Assert.Equal(Verdict.Denied, p.Packages.Single(x => x.Id == "Vendor.Lib").Verdict);
        Assert.Contains(findings, f => f.RuleId == "CITY001" && f.IsEnforced);
        Assert.Contains(findings, f => f.RuleId == "CITY002" && f.Severity == FindingSeverity.Warning);
    }

    private sealed class ForbidVendor : IPolicyRule
    {
        public string Id => "CITY001";

        public PolicyRuleOutcome Evaluate(PackageRuleContext context)
            => context.PackageId.StartsWith("Vendor.", StringComparison.OrdinalIgnoreCase) ? PolicyRuleOutcome.Deny("the city does not use Vendor packages.") : PolicyRuleOutcome.None;
    }

    private sealed class AgplNeedsApproval : IPolicyRule
    {
        public string Id => "CITY002";

        public PolicyRuleOutcome Evaluate(PackageRuleContext context)
            => context.License.Concluded.ToString().Contains("AGPL", StringComparison.Ordinal) ? PolicyRuleOutcome.Warn("AGPL needs the DPO's approval.") : PolicyRuleOutcome.None;
    }

    [Fact]
    public void NotRestored_IsPCP9001_NeverAnEmptyPass()
    {
        var dir = Path.Combine(_temp.Path, "Fresh");
        Directory.CreateDirectory(dir);
        var proj = Path.Combine(dir, "Fresh.csproj");
        File.WriteAllText(proj, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var result = new PolicyEngine().Check(Workspace.Load(proj));
        Assert.False(result.Passed);
        Assert.True(result.HasInputErrors);
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP9001", f.RuleId);
        Assert.Contains("dotnet restore", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"version\": 3}")]
    [InlineData("{\"version\": \"three\"}")]
    [InlineData("{\"version\": 3, \"targets\": [], \"libraries\": {}, \"project\": {}}")]
    [InlineData("{\"version\": 3, \"targets\": {\"net8.0\": {\"NoSlash\": {}}}, \"libraries\": {}, \"project\": {\"restore\": {\"projectPath\": \"x.csproj\"}}}")]
    public void CorruptAssetsFile_IsPCP9002(string content)
    {
        var project = new FakeRestore("App").WriteTo(_temp.Path);
        File.WriteAllText(Path.Combine(_temp.Path, "App", "obj", "project.assets.json"), content);
        var result = new PolicyEngine().Check(Workspace.Load(project));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP9002", f.RuleId);
        Assert.True(result.HasInputErrors);
    }

    [Fact]
    public void HostileNuspec_WithDtd_IsRefusedAsPCP1002()
    {
        var project = new FakeRestore("App").Package("Evil", "1.0.0", Mit).Direct("Evil").WriteTo(_temp.Path);
        File.WriteAllText(Path.Combine(_temp.Path, "packages", "evil", "1.0.0", "evil.nuspec"),
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><package><metadata><id>&lol2;</id><version>1.0.0</version></metadata></package>");
        var (p, findings) = Check(project);
        Assert.Contains(findings, f => f.RuleId == "PCP1002");
        Assert.Equal(Verdict.Unknown, Assert.Single(p.Packages).Verdict);
    }

    [Fact]
    public void MissingPackageFolder_IsPCP1001()
    {
        var project = new FakeRestore("App").Package("Gone", "1.0.0", Mit).Direct("Gone").WriteTo(_temp.Path);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "gone"), recursive: true);
        Assert.Contains(Check(project).Findings, f => f.RuleId == "PCP1001");
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var project = new FakeRestore("App")
            .Package("B", "1.0.0", NetLibrary).Package("a", "1.0.0", Mit).Package("C", "1.0.0", string.Empty)
            .Direct("B").Direct("a").Direct("C")
            .WriteTo(_temp.Path);
        var first = Output.CheckResultJsonWriter.WriteToString(new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 1, 1) }).Check(Workspace.Load(project)));
        var second = Output.CheckResultJsonWriter.WriteToString(new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 1, 1) }).Check(Workspace.Load(project)));
        Assert.Equal(first, second);
        Assert.DoesNotContain(_temp.Path, first, StringComparison.Ordinal);
        // Packages (one compact line each since schemaVersion 2) are sorted case-insensitively: a before B.
        Assert.True(first.IndexOf("\"id\":\"a\"", StringComparison.Ordinal) < first.IndexOf("\"id\":\"B\"", StringComparison.Ordinal));
    }
}
