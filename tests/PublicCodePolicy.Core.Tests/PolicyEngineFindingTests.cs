// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Json.Nodes;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

/// <summary>
/// The engine's findings, word for word: not-restored and unreadable projects, restore errors, custom rules,
/// exceptions, unknown licences and the fix line, and where a finding points.
/// </summary>
public sealed class PolicyEngineFindingTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string NetLibrary = "<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>";
    private const string UnknownUrl = "<licenseUrl>https://example.com/eula.html</licenseUrl>";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly TempDirectory _temp = new("engine-findings");

    public void Dispose() => _temp.Dispose();

    private static CheckResult Run(string projectPath, PolicyDocument? policy = null, IPolicyRule[]? rules = null)
        => new PolicyEngine(new CheckOptions { Policy = policy ?? PolicyDocument.Default, Today = new DateOnly(2026, 11, 29), Rules = rules ?? Array.Empty<IPolicyRule>() })
            .Check(Workspace.Load(projectPath));

    /// <summary>One line per finding: rule, severity, enforced or not, package, message.</summary>
    private static string[] Lines(IEnumerable<Finding> findings)
        => findings.Select(f => f.RuleId + " " + f.Severity + (f.IsEnforced ? " enforced " : " advisory ") + (f.PackageId ?? "-") + " " + (f.PackageVersion ?? "-") + ": " + f.Message).ToArray();

    private static string AssetsOf(string projectPath) => Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");

    private static void EditAssets(string projectPath, Action<JsonObject> edit)
    {
        var path = AssetsOf(projectPath);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
    }

    private string WriteUnrestoredProject(string name)
    {
        var dir = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(dir);
        var proj = Path.Combine(dir, name + ".csproj");
        File.WriteAllText(proj, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        return proj;
    }

    [Fact]
    public void NotRestored_WithoutAnAssetsPath_SaysSo_AndTheRemedyRestoresThatProject()
    {
        var proj = WriteUnrestoredProject("Fresh");
        var result = new PolicyEngine().Check(new Workspace(_temp.Path, new[] { new WorkspaceProject(proj, null) }));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP9001", f.RuleId);
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.True(f.IsEnforced);
        Assert.Equal(proj, f.ProjectPath);
        Assert.Equal("Project 'Fresh' has not been restored (no project.assets.json). Run 'dotnet restore' first, or pass --restore.", f.Message);
        Assert.Equal("Le projet « Fresh » n'a pas été restauré (pas de project.assets.json). Lancez d'abord « dotnet restore », ou ajoutez --restore.", f.MessageIn(French));
        Assert.Equal("dotnet restore \"" + proj + "\"", f.Remedy);
        var p = Assert.Single(result.Projects);
        Assert.Equal("Fresh", p.Name);
        Assert.Equal(proj, p.ProjectPath);
        Assert.Null(p.AssetsFilePath);
        Assert.False(p.Loaded);
        Assert.Empty(p.Packages);
    }

    [Fact]
    public void NotRestored_WithAnAssetsPathThatDoesNotExist_NamesThePath_NotAnUnreadableFile()
    {
        var proj = WriteUnrestoredProject("Fresh");
        var assets = Path.Combine(_temp.Path, "Fresh", "obj", "project.assets.json");
        var result = new PolicyEngine().Check(new Workspace(_temp.Path, new[] { new WorkspaceProject(proj, assets) }));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP9001", f.RuleId);
        Assert.Equal("Project 'Fresh' has not been restored (no project.assets.json at " + assets + "). Run 'dotnet restore' first, or pass --restore.", f.Message);
        Assert.Equal("Le projet « Fresh » n'a pas été restauré (pas de project.assets.json à l'emplacement " + assets + "). Lancez d'abord « dotnet restore », ou ajoutez --restore.", f.MessageIn(French));
        Assert.Equal("dotnet restore \"" + proj + "\"", f.Remedy);
        Assert.Equal(assets, Assert.Single(result.Projects).AssetsFilePath);
    }

    [Fact]
    public void UnreadableAssetsFile_RemedyIsAForcedRestoreOfThatProject()
    {
        var project = new FakeRestore("App").WriteTo(_temp.Path);
        File.WriteAllText(AssetsOf(project), "{");
        var result = new PolicyEngine().Check(Workspace.Load(project));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP9002", f.RuleId);
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.True(f.IsEnforced);
        Assert.Equal("dotnet restore --force \"" + project + "\"", f.Remedy);
        Assert.StartsWith("The assets file '" + AssetsOf(project) + "' cannot be read: ", f.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(result.Projects).Loaded);
    }

    [Fact]
    public void RestoreErrors_OnlyTheFirstErrorIsReported_AndPackageFindingsStillPointAtTheirLine()
    {
        var project = new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad").WriteTo(_temp.Path);
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Bad\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n");
        EditAssets(project, root => root["logs"] = new JsonArray(
            new JsonObject { ["code"] = "NU1603", ["level"] = "Warning", ["message"] = "A warning, not an error." },
            new JsonObject { ["code"] = "NU1101", ["level"] = "Error", ["message"] = "Unable to find package Missing." },
            new JsonObject { ["code"] = "NU1102", ["level"] = "error", ["message"] = "The second error." }));
        var findings = Run(project).Findings;
        var restore = Assert.Single(findings, f => f.RuleId == "PCP1003");
        Assert.Equal("Restore of 'App' reported NU1101: Unable to find package Missing.", restore.Message);
        Assert.Equal("La restauration de « App » a signalé NU1101 : Unable to find package Missing.", restore.MessageIn(French));
        Assert.Equal(FindingSeverity.Warning, restore.Severity);
        Assert.False(restore.IsEnforced);
        Assert.Equal(project, restore.ProjectPath);
        Assert.Null(restore.PackageId);
        Assert.Null(restore.Location);
        // A finding without a package (the restore error) does not stop the package findings being located.
        var denied = Assert.Single(findings, f => f.RuleId == "PCP0001");
        Assert.Equal(new SourceLocation(project, 3, 5), denied.Location);
        Assert.Equal(new[] { "PCP0001", "PCP1003" }, findings.Select(f => f.RuleId).OrderBy(r => r, StringComparer.Ordinal));
    }

    [Fact]
    public void IsTestProject_GivenByTheWorkspace_WinsOverTheInference()
    {
        var project = new FakeRestore("App.Tests")
            .Package("Microsoft.NET.Test.Sdk", "18.0.1", Mit, buildOnly: true)
            .Package("Lib", "1.0.0", Mit)
            .Direct("Microsoft.NET.Test.Sdk").Direct("Lib")
            .WriteTo(_temp.Path);
        var engine = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 11, 29) });
        var notTest = Assert.Single(engine.Check(new Workspace(_temp.Path, new[] { new WorkspaceProject(project, AssetsOf(project), IsTestProject: false) })).Projects);
        Assert.False(notTest.IsTestProject);
        Assert.Equal(DependencyScope.Runtime, notTest.Packages.Single(p => p.Id == "Lib").Scope);

        var plain = new FakeRestore("Plain").Package("Lib", "1.0.0", Mit).Direct("Lib").WriteTo(_temp.Path);
        var test = Assert.Single(engine.Check(new Workspace(_temp.Path, new[] { new WorkspaceProject(plain, AssetsOf(plain), IsTestProject: true) })).Projects);
        Assert.True(test.IsTestProject);
        Assert.Equal(DependencyScope.Test, Assert.Single(test.Packages).Scope);
    }

    [Theory]
    [InlineData("MSTest.Sdk", true)]
    [InlineData("Microsoft.Testing.Platform.MSBuild", true)]
    [InlineData("mstest.sdk", true)]
    [InlineData("MSTest.TestFramework", false)]
    public void IsTestProject_IsInferredFromTheTestPlatformReferences(string reference, bool isTest)
    {
        var project = new FakeRestore("App").Package(reference, "1.0.0", Mit).Package("Lib", "1.0.0", Mit).Direct(reference).Direct("Lib").WriteTo(_temp.Path);
        var p = Assert.Single(Run(project).Projects);
        Assert.Equal(isTest, p.IsTestProject);
        Assert.Equal(isTest ? DependencyScope.Test : DependencyScope.Runtime, p.Packages.Single(x => x.Id == "Lib").Scope);
    }

    [Fact]
    public void ProjectResult_ListsFrameworksAndProjectReferencesSorted_AndTheProjectsOwnFields()
    {
        var project = new FakeRestore("App", "net8.0")
            .Package("Lib", "1.0.0", Mit).Direct("Lib")
            .ProjectReference("Zeta").ProjectReference("Alpha")
            .RuntimeIdentifiers("linux-x64")
            .WriteTo(_temp.Path);
        // A second framework, as a multi-targeting project has it.
        EditAssets(project, root =>
        {
            var targets = root["targets"]!.AsObject();
            targets["net10.0"] = targets["net8.0"]!.DeepClone();
        });
        var p = Assert.Single(Run(project).Projects);
        Assert.Equal(new[] { "net10.0", "net8.0" }, p.TargetFrameworks);
        Assert.Equal(new[] { Path.Combine(_temp.Path, "Alpha", "Alpha.csproj"), Path.Combine(_temp.Path, "Zeta", "Zeta.csproj") }, p.ProjectReferences);
        Assert.Equal("App", p.Name);
        Assert.Equal(project, p.ProjectPath);
        Assert.Equal(AssetsOf(project), p.AssetsFilePath);
        Assert.Equal("1.0.0", p.Version);
        Assert.False(p.IsTestProject);
        Assert.True(p.Loaded);
    }

    [Fact]
    public void Packages_AreSortedByIdIgnoringCase_NotByVersionOrOrdinalCase()
    {
        var project = new FakeRestore("App")
            .Package("Beta", "1.0.0", Mit).Package("alpha", "2.0.0", Mit).Package("Gamma", "0.5.0", Mit)
            .Direct("Beta").Direct("alpha").Direct("Gamma")
            .WriteTo(_temp.Path);
        var p = Assert.Single(Run(project).Projects);
        Assert.Equal(new[] { "alpha 2.0.0", "Beta 1.0.0", "Gamma 0.5.0" }, p.Packages.Select(x => x.Id + " " + x.Version));
    }

    [Fact]
    public void Packages_OfOneIdInTwoVersions_AreSortedByVersion_InALongList()
    {
        // Seventeen packages (more than a short list, which sorting leaves in place), one id restored in two versions
        // for two frameworks, in the middle of the list.
        var restore = new FakeRestore("App");
        var ids = new[] { "A", "B", "C", "D", "E", "F", "G", "H", "N", "O", "P", "Q", "R", "S", "T" };
        foreach (var id in ids) restore.Package(id, "1.0.0", Mit);
        restore.Package("M", "1.0.0", Mit).Package("M", "2.0.0", Mit);
        foreach (var id in ids) restore.Direct(id);
        var project = restore.Direct("M").WriteTo(_temp.Path);
        EditAssets(project, root =>
        {
            var targets = root["targets"]!.AsObject();
            var net10 = targets["net10.0"]!.AsObject();
            var net8 = net10.DeepClone().AsObject();
            net10.Remove("M/2.0.0");
            net8.Remove("M/1.0.0");
            targets["net8.0"] = net8;
        });
        var p = Assert.Single(Run(project).Projects);
        Assert.Equal(
            new[] { "A 1.0.0", "B 1.0.0", "C 1.0.0", "D 1.0.0", "E 1.0.0", "F 1.0.0", "G 1.0.0", "H 1.0.0", "M 1.0.0", "M 2.0.0", "N 1.0.0", "O 1.0.0", "P 1.0.0", "Q 1.0.0", "R 1.0.0", "S 1.0.0", "T 1.0.0" },
            p.Packages.Select(x => x.Id + " " + x.Version));
        Assert.Equal(new[] { "net10.0" }, p.Packages.Single(x => x.Version == "1.0.0" && x.Id == "M").Frameworks);
        Assert.Equal(new[] { "net8.0" }, p.Packages.Single(x => x.Version == "2.0.0").Frameworks);
    }

    [Fact]
    public void CustomRule_DenyWithAMessage_IsItsOwnFinding_WithTheRuleId()
    {
        var project = new FakeRestore("App").Package("Vendor.Lib", "1.0.0", Mit).Direct("Vendor.Lib").WriteTo(_temp.Path);
        var result = Run(project, rules: new IPolicyRule[] { new FixedRule("CITY001", new PolicyRuleOutcome(PolicyRuleAction.Deny, "the city does not use Vendor packages.")) });
        var pkg = Assert.Single(Assert.Single(result.Projects).Packages);
        Assert.Equal(Verdict.Denied, pkg.Verdict);
        Assert.Equal("CITY001: the city does not use Vendor packages.", pkg.Reason);
        Assert.Equal(new[] { "CITY001 Error enforced Vendor.Lib 1.0.0: Vendor.Lib 1.0.0 (runtime) has licence MIT: CITY001: the city does not use Vendor packages." }, Lines(result.Findings));
        Assert.Equal("Vendor.Lib 1.0.0 (exécution) est sous licence MIT : CITY001 : the city does not use Vendor packages.", result.Findings[0].MessageIn(French));
        Assert.Equal("Remove or replace the reference to Vendor.Lib in App.csproj.", result.Findings[0].Remedy);
    }

    [Fact]
    public void CustomRule_DenyWithoutAMessage_SaysACustomRuleDeniedIt()
    {
        var project = new FakeRestore("App").Package("Vendor.Lib", "1.0.0", Mit).Direct("Vendor.Lib").WriteTo(_temp.Path);
        var result = Run(project, rules: new IPolicyRule[] { new FixedRule("CITY001", new PolicyRuleOutcome(PolicyRuleAction.Deny, null)) });
        Assert.Equal(new[] { "CITY001 Error enforced Vendor.Lib 1.0.0: Vendor.Lib 1.0.0 (runtime) has licence MIT: CITY001: denied by a custom rule." }, Lines(result.Findings));
        Assert.Equal("Vendor.Lib 1.0.0 (exécution) est sous licence MIT : CITY001 : refusé par une règle propre à la collectivité.", result.Findings[0].MessageIn(French));
    }

    [Fact]
    public void CustomRule_DenyOnAPackageThePolicyAlreadyDenies_KeepsThePolicysFindingAndReason()
    {
        var project = new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad").WriteTo(_temp.Path);
        var plain = Run(project);
        var result = Run(project, rules: new IPolicyRule[] { new FixedRule("CITY001", PolicyRuleOutcome.Deny("no.")) });
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP0001", f.RuleId);
        Assert.Equal(Assert.Single(plain.Findings).Message, f.Message);
        Assert.DoesNotContain("CITY001", f.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(plain.Projects[0].Packages).Reason, Assert.Single(result.Projects[0].Packages).Reason);
    }

    [Fact]
    public void CustomRule_Warn_IsAWarningAndLeavesTheVerdict_None_SaysNothing()
    {
        var project = new FakeRestore("App").Package("Agpl.Lib", "1.0.0", Mit).Package("Quiet.Lib", "1.0.0", Mit).Direct("Agpl.Lib").Direct("Quiet.Lib").WriteTo(_temp.Path);
        var rule = new ByIdRule("CITY002", new Dictionary<string, PolicyRuleOutcome> { ["Agpl.Lib"] = PolicyRuleOutcome.Warn("needs the DPO's approval.") });
        var result = Run(project, rules: new IPolicyRule[] { rule });
        Assert.Equal(new[] { "CITY002 Warning advisory Agpl.Lib 1.0.0: Agpl.Lib 1.0.0: needs the DPO's approval." }, Lines(result.Findings));
        Assert.Equal("Agpl.Lib 1.0.0 : needs the DPO's approval.", result.Findings[0].MessageIn(French));
        Assert.Equal(new[] { "App → Agpl.Lib 1.0.0" }, result.Findings[0].Paths);
        Assert.All(result.Projects[0].Packages, p => Assert.Equal(Verdict.Allowed, p.Verdict));
    }

    [Fact]
    public void Exception_WithoutApproverOrExpiry_SaysOnlyTheJustification()
    {
        var project = new FakeRestore("App").Package("Legacy.Http", "4.3.4", NetLibrary).Direct("Legacy.Http").WriteTo(_temp.Path);
        var policy = new PolicyDocument { Exceptions = new[] { new PolicyException { Package = "Legacy.Http", Justification = "Needed on .NET Framework" } } };
        var result = Run(project, policy);
        Assert.Equal(new[] { "PCP0007 Info advisory Legacy.Http 4.3.4: Legacy.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) is accepted by an exception: Needed on .NET Framework." }, Lines(result.Findings));
        Assert.Equal("Legacy.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) est accepté par dérogation : Needed on .NET Framework.", result.Findings[0].MessageIn(French));
    }

    [Fact]
    public void Exception_WithApproverAndExpiry_NamesBoth_TheDateInIsoForm()
    {
        var project = new FakeRestore("App").Package("Legacy.Http", "4.3.4", NetLibrary).Direct("Legacy.Http").WriteTo(_temp.Path);
        var policy = new PolicyDocument { Exceptions = new[] { new PolicyException { Package = "Legacy.Http", Justification = "Needed on .NET Framework", ApprovedBy = "DSI", Expires = new DateOnly(2027, 6, 30) } } };
        var result = Run(project, policy);
        Assert.Equal(new[] { "PCP0007 Info advisory Legacy.Http 4.3.4: Legacy.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) is accepted by an exception: Needed on .NET Framework (approved by DSI), until 2027-06-30." }, Lines(result.Findings));
        Assert.Equal("Legacy.Http 4.3.4 (LicenseRef-MICROSOFT-NET-LIBRARY) est accepté par dérogation : Needed on .NET Framework (validée par DSI), jusqu'au 2027-06-30.", result.Findings[0].MessageIn(French));
    }

    [Fact]
    public void UnknownLicence_FromAnUnmappedUrl_GivesTheNoteAndTheEvidence_AndFailsByDefault()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", UnknownUrl).Direct("Pkg").WriteTo(_temp.Path);
        var result = Run(project);
        Assert.Equal(new[] { "PCP0002 Error enforced Pkg 1.0.0: Pkg 1.0.0 (runtime): No licence could be determined (NOASSERTION). The licence URL is not in the curated table; it was not fetched. Evidence: https://example.com/eula.html." }, Lines(result.Findings));
        // The resolver's own note is translated; the evidence (a URL) is quoted.
        Assert.Equal("Pkg 1.0.0 (exécution) : Aucune licence n'a pu être établie (NOASSERTION). L'URL de licence ne figure pas dans la table vérifiée ; elle n'a pas été consultée. Preuve : https://example.com/eula.html.", result.Findings[0].MessageIn(French));
        Assert.Equal("Remove or replace the reference to Pkg in App.csproj. Or record the licence as a curation, or add a justified exception, in publiccode-policy.json.", result.Findings[0].Remedy);
    }

    [Fact]
    public void UnknownLicence_WithNoEvidence_HasNoEvidencePart_AndWarnsWhenUnknownDoesNotFail()
    {
        var project = new FakeRestore("App").Package("Anon", "1.0.0", string.Empty).Direct("Anon").WriteTo(_temp.Path);
        var result = Run(project, new PolicyDocument { FailOnUnknown = false });
        Assert.Equal(new[] { "PCP0002 Warning advisory Anon 1.0.0: Anon 1.0.0 (runtime): No licence could be determined (NOASSERTION). The package declares no licence and has no licence file at its root." }, Lines(result.Findings));
    }

    [Fact]
    public void AValidExpression_GivesNoFindingAtAll()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        Assert.Empty(Run(project).Findings);
    }

    [Fact]
    public void Denied_DevelopmentPackage_IsAWarning_RuntimePackage_AnError()
    {
        var project = new FakeRestore("App")
            .Package("Tool", "1.0.0", NetLibrary).Package("Bad", "1.0.0", NetLibrary)
            .Direct("Tool", suppressParent: "All").Direct("Bad")
            .WriteTo(_temp.Path);
        Assert.Equal(
            new[]
            {
                "PCP0001 Error enforced Bad 1.0.0: Bad 1.0.0 (runtime) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence.",
                "PCP0001 Warning advisory Tool 1.0.0: Tool 1.0.0 (development) has licence LicenseRef-MICROSOFT-NET-LIBRARY: LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence.",
            },
            Lines(Run(project).Findings));
    }

    [Fact]
    public void Remedy_DirectReference_IsToRemoveItFromTheProject()
    {
        var project = new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad").WriteTo(_temp.Path);
        var f = Assert.Single(Run(project).Findings);
        Assert.Equal("Remove or replace the reference to Bad in App.csproj.", f.Remedy);
        Assert.Equal("Retirez ou remplacez la référence à Bad dans App.csproj.", f.RemedyIn(French));
    }

    [Fact]
    public void Remedy_ThroughAnImplicitAndAnExplicitReference_NamesBoth_AsReferencesToChange()
    {
        var project = new FakeRestore("Lib", "netstandard2.0")
            .Package("NETStandard.Library", "2.0.3", Mit, dependsOn: new[] { "Bad" })
            .Package("Foo", "1.0.0", Mit, dependsOn: new[] { "Bad" })
            .Package("Bad", "1.0.0", NetLibrary)
            .Direct("NETStandard.Library", autoReferenced: true).Direct("Foo")
            .WriteTo(_temp.Path);
        var f = Assert.Single(Run(project).Findings);
        Assert.Equal("It comes through Foo 1.0.0, NETStandard.Library 2.0.3: replace or upgrade that reference, or remove it.", f.Remedy);
    }

    [Fact]
    public void Remedy_ThroughTwoImplicitReferences_NamesBoth()
    {
        var project = new FakeRestore("Lib", "netstandard2.0")
            .Package("NETStandard.Library", "2.0.3", Mit, dependsOn: new[] { "Bad" })
            .Package("Microsoft.NETCore.App", "2.2.0", Mit, dependsOn: new[] { "Bad" })
            .Package("Bad", "1.0.0", NetLibrary)
            .Direct("NETStandard.Library", autoReferenced: true).Direct("Microsoft.NETCore.App", autoReferenced: true)
            .WriteTo(_temp.Path);
        var f = Assert.Single(Run(project).Findings);
        Assert.Equal("It comes through Microsoft.NETCore.App 2.2.0, NETStandard.Library 2.0.3, referenced implicitly by the .NET SDK for this target framework: retarget the project, or record a justified exception.", f.Remedy);
    }

    [Fact]
    public void Remedy_ForAPackageNoReferenceReaches_PointsAtItsParentPackage()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Package("Orphan", "1.0.0", NetLibrary).Direct("Foo").WriteTo(_temp.Path);
        var f = Assert.Single(Run(project).Findings);
        Assert.Equal("Orphan", f.PackageId);
        Assert.Equal("It comes through its parent package: replace or upgrade that reference, or remove it.", f.Remedy);
        Assert.Equal("Il est amené par son paquet parent : remplacez cette référence, changez-en la version, ou retirez-la.", f.RemedyIn(French));
    }

    private string WriteFanIn(int introducers)
    {
        var restore = new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary);
        var ids = Enumerable.Range(0, introducers).Select(i => ((char)('A' + i)).ToString()).ToArray();
        foreach (var id in ids) restore.Package(id, "1.0.0", Mit, dependsOn: new[] { "Bad" });
        foreach (var id in ids) restore.Direct(id);
        return restore.WriteTo(_temp.Path);
    }

    [Fact]
    public void Remedy_ThroughFiveReferences_NamesAllFive()
    {
        var f = Assert.Single(Run(WriteFanIn(5)).Findings);
        Assert.Equal("It comes through A 1.0.0, B 1.0.0, C 1.0.0, D 1.0.0, E 1.0.0: replace or upgrade that reference, or remove it.", f.Remedy);
    }

    [Fact]
    public void Remedy_ThroughSixReferences_NamesTheFirstFive_AndCountsTheRest()
    {
        var f = Assert.Single(Run(WriteFanIn(6)).Findings);
        Assert.Equal("It comes through A 1.0.0, B 1.0.0, C 1.0.0, D 1.0.0, E 1.0.0 and 1 other direct references: replace or upgrade that reference, or remove it.", f.Remedy);
        Assert.Equal("Il est amené par A 1.0.0, B 1.0.0, C 1.0.0, D 1.0.0, E 1.0.0 et 1 autres références directes : remplacez cette référence, changez-en la version, ou retirez-la.", f.RemedyIn(French));
    }

    [Fact]
    public void Remedy_OfADeniedPackage_NamesAnAllowedVersionInThePackageFolder()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", NetLibrary).Direct("Pkg").WriteTo(_temp.Path);
        var newer = Path.Combine(_temp.Path, "packages", "pkg", "2.0.0");
        Directory.CreateDirectory(newer);
        File.WriteAllText(Path.Combine(newer, "pkg.nuspec"), "<?xml version=\"1.0\"?><package><metadata><id>Pkg</id><version>2.0.0</version>" + Mit + "</metadata></package>");
        var f = Assert.Single(Run(project).Findings);
        Assert.Equal("Remove or replace the reference to Pkg in App.csproj. Version 2.0.0 in the package folders has an allowed licence (MIT).", f.Remedy);
    }

    [Fact]
    public async Task ArgumentNull_IsRefusedByEveryEntryPoint()
    {
        var engine = new PolicyEngine();
        Assert.Equal("workspace", Assert.Throws<ArgumentNullException>(() => engine.Check(null!)).ParamName);
        Assert.Equal("workspace", (await Assert.ThrowsAsync<ArgumentNullException>(() => engine.CheckAsync(null!))).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentNullException>(() => engine.CheckProject(null!)).ParamName);
    }

    private sealed class FixedRule(string id, PolicyRuleOutcome outcome) : IPolicyRule
    {
        public string Id => id;

        public PolicyRuleOutcome Evaluate(PackageRuleContext context) => outcome;
    }

    private sealed class ByIdRule(string id, Dictionary<string, PolicyRuleOutcome> outcomes) : IPolicyRule
    {
        public string Id => id;

        public PolicyRuleOutcome Evaluate(PackageRuleContext context) => outcomes.TryGetValue(context.PackageId, out var o) ? o : PolicyRuleOutcome.None;
    }
}
