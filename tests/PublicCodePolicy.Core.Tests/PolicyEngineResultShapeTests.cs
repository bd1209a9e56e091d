// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Tests;

/// <summary>
/// The shape of the engine's result: the order of findings, where a package's nuspec is looked for (assets file
/// names, paths that leave the package folder, links), and the per-package fields (folder, hash, shared lists).
/// </summary>
public sealed class PolicyEngineResultShapeTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private readonly TempDirectory _temp = new("engine-shape");

    public void Dispose() => _temp.Dispose();

    private static CheckResult Run(string projectPath)
        => new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 11, 29) }).Check(Workspace.Load(projectPath));

    private static void EditLibrary(string projectPath, string libraryKey, Action<JsonObject> edit)
    {
        var path = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root["libraries"]![libraryKey]!.AsObject());
        File.WriteAllText(path, root.ToJsonString());
    }

    private string PackagesFolder => Path.Combine(_temp.Path, "packages") + Path.DirectorySeparatorChar;

    private static Finding Problem(string tag, string? project, string? id, string? version, string rule, string message)
        => new() { RuleId = rule, Severity = FindingSeverity.Warning, Message = message, ProjectPath = project, PackageId = id, PackageVersion = version, Remedy = tag };

    [Fact]
    public void Findings_AreSortedByProjectThenPackageThenVersionThenRuleThenMessage()
    {
        var a = Path.Combine(_temp.Path, "a", "A.csproj");
        var b = Path.Combine(_temp.Path, "b", "B.csproj");
        var problems = new[]
        {
            Problem("b-Alpha", b, "Alpha", "1.0.0", "PCP0001", "m"),
            Problem("a-Zed", a, "Zed", "1.0.0", "PCP0001", "m"),
            Problem("a-Alpha-2.0.0", a, "Alpha", "2.0.0", "PCP0001", "m"),
            Problem("a-Alpha-1.0.0-PCP0002", a, "Alpha", "1.0.0", "PCP0002", "m"),
            Problem("a-Alpha-1.0.0-PCP0001-b", a, "Alpha", "1.0.0", "PCP0001", "b"),
            Problem("a-no-package", a, null, null, "PCP1003", "m"),
            Problem("a-Alpha-no-version", a, "ALPHA", null, "PCP0001", "m"),
            Problem("a-Alpha-1.0.0-PCP0001-a", a, "Alpha", "1.0.0", "PCP0001", "a"),
            Problem("no-project", null, null, null, "PCP9004", "m"),
        };
        var result = new PolicyEngine().Check(new Workspace(_temp.Path, Array.Empty<WorkspaceProject>(), problems));
        Assert.Equal(
            new[]
            {
                "no-project",
                "a-no-package",
                "a-Alpha-no-version",
                "a-Alpha-1.0.0-PCP0001-a",
                "a-Alpha-1.0.0-PCP0001-b",
                "a-Alpha-1.0.0-PCP0002",
                "a-Alpha-2.0.0",
                "a-Zed",
                "b-Alpha",
            },
            result.Findings.Select(f => f.Remedy));
    }

    [Fact]
    public void ToolVersion_IsTheProductVersion_WithoutBuildMetadata()
    {
        var version = PolicyEngine.ToolVersion;
        Assert.Matches(new Regex(@"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$"), version);
        // "0.0.0" is the fallback for an assembly without a version: this one has one.
        Assert.NotEqual("0.0.0", version);
        Assert.Equal(version, new PolicyEngine().Check(new Workspace(_temp.Path, Array.Empty<WorkspaceProject>())).ToolVersion);
    }

    [Fact]
    public void LocalPackage_HasItsFolder_AndTheHashInHex()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        var foo = Assert.Single(Run(project).Projects[0].Packages);
        Assert.Equal(Path.Combine(_temp.Path, "packages", "foo", "1.0.0"), foo.PackageDirectory);
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA512.HashData("Foo1.0.0"u8)).ToLowerInvariant();
        Assert.Equal(expected, foo.Sha512);
    }

    [Fact]
    public void AHashThatIsNotBase64_IsEmpty_NotACrash()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        EditLibrary(project, "Foo/1.0.0", lib => lib["sha512"] = "not base64!");
        Assert.Equal(string.Empty, Assert.Single(Run(project).Projects[0].Packages).Sha512);
    }

    [Fact]
    public void Nuspec_NamedByTheAssetsFile_IsRead_EvenInAnotherCase()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        var dir = Path.Combine(_temp.Path, "packages", "foo", "1.0.0");
        File.Move(Path.Combine(dir, "foo.nuspec"), Path.Combine(dir, "Foo.nuspec"));
        EditLibrary(project, "Foo/1.0.0", lib => lib["files"] = new JsonArray("Foo.nuspec", "lib/net8.0/Foo.dll"));
        var result = Run(project);
        Assert.Empty(result.Findings);
        Assert.Equal("MIT", Assert.Single(result.Projects[0].Packages).License.Concluded.ToString());
    }

    [Fact]
    public void Nuspec_WithoutAFileList_IsTheLowerCaseIdDotNuspec()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        EditLibrary(project, "Foo/1.0.0", lib => lib.Remove("files"));
        var result = Run(project);
        Assert.Empty(result.Findings);
        Assert.Equal("MIT", Assert.Single(result.Projects[0].Packages).License.Concluded.ToString());
    }

    [Fact]
    public void PackageFolder_IsThePathTheAssetsFileGives()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        Directory.CreateDirectory(Path.Combine(_temp.Path, "packages", "vendor"));
        Directory.Move(Path.Combine(_temp.Path, "packages", "foo", "1.0.0"), Path.Combine(_temp.Path, "packages", "vendor", "foo-1.0.0"));
        EditLibrary(project, "Foo/1.0.0", lib => lib["path"] = "vendor/foo-1.0.0");
        var result = Run(project);
        Assert.Empty(result.Findings);
        var foo = Assert.Single(result.Projects[0].Packages);
        Assert.Equal("MIT", foo.License.Concluded.ToString());
        Assert.Equal(Path.Combine(_temp.Path, "packages", "vendor", "foo-1.0.0"), foo.PackageDirectory);
    }

    [Fact]
    public void PackageFolder_WithoutAPath_IsTheLowerCaseIdSlashVersion()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0-Beta", Mit).Direct("Foo").WriteTo(_temp.Path);
        EditLibrary(project, "Foo/1.0.0-Beta", lib => lib.Remove("path"));
        var result = Run(project);
        Assert.Empty(result.Findings);
        Assert.Equal("MIT", Assert.Single(result.Projects[0].Packages).License.Concluded.ToString());
    }

    [Fact]
    public void PackagePath_LeavingThePackageFolder_IsNotRead()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Direct("Foo").WriteTo(_temp.Path);
        // A nuspec does exist where the path leads, outside the package folder: it must not be taken.
        Directory.CreateDirectory(Path.Combine(_temp.Path, "outside"));
        File.Copy(Path.Combine(_temp.Path, "packages", "foo", "1.0.0", "foo.nuspec"), Path.Combine(_temp.Path, "outside", "foo.nuspec"));
        EditLibrary(project, "Foo/1.0.0", lib => lib["path"] = "../outside");
        var result = Run(project);
        var foo = Assert.Single(result.Projects[0].Packages);
        Assert.True(foo.License.IsNoAssertion);
        Assert.Equal(
            "Foo 1.0.0 is not in the package folders (" + PackagesFolder + "); its licence cannot be read offline. Restore the project on this machine.",
            Assert.Single(result.Findings, f => f.RuleId == "PCP1001").Message);
    }

    [Fact]
    public void Nuspec_LinkedOutsideThePackageFolder_IsRefused_AndTheLicenceIsUnreadable()
    {
        var project = new FakeRestore("App").Package("Evil", "1.0.0", Mit).Direct("Evil").WriteTo(_temp.Path);
        var nuspec = Path.Combine(_temp.Path, "packages", "evil", "1.0.0", "evil.nuspec");
        var elsewhere = Path.Combine(_temp.Path, "elsewhere.nuspec");
        File.Move(nuspec, elsewhere);
        File.CreateSymbolicLink(nuspec, elsewhere);
        var result = Run(project);
        var evil = Assert.Single(result.Projects[0].Packages);
        Assert.True(evil.License.IsNoAssertion);
        Assert.Equal(LicenseSource.None, evil.License.Source);
        Assert.Equal(nuspec, evil.License.Evidence);
        Assert.Equal("The package metadata is unreadable.", evil.License.Note);
        var f = Assert.Single(result.Findings, x => x.RuleId == "PCP1002");
        Assert.Equal(FindingSeverity.Warning, f.Severity);
        Assert.Equal("The nuspec of Evil 1.0.0 cannot be read (" + nuspec + "): it resolves (through a symbolic link) outside the package folder, so it was not read", f.Message);
    }

    [Fact]
    public void PackageLists_AreShared_BetweenPackagesWithTheSameList()
    {
        var project = new FakeRestore("App").Package("Foo", "1.0.0", Mit).Package("Bar", "1.0.0", Mit).Direct("Foo").Direct("Bar").WriteTo(_temp.Path);
        var packages = Run(project).Projects[0].Packages;
        Assert.Equal(new[] { "net10.0" }, packages[0].Frameworks);
        Assert.Same(packages[0].Frameworks, packages[1].Frameworks);
    }

    [Fact]
    public void PackageLists_ThatRunTogetherTheSame_AreNotConfused()
    {
        // Joined without a separator both lists read "A/1.0.0-bBc/1.0.0": the shared copy must be chosen by items.
        var one = new FakeRestore("One")
            .Package("P", "1.0.0", Mit, dependsOn: new[] { "A", "Bc" }).Package("A", "1.0.0-b", Mit).Package("Bc", "1.0.0", Mit)
            .Direct("P").WriteTo(_temp.Path);
        var two = new FakeRestore("Two")
            .Package("Q", "1.0.0", Mit, dependsOn: new[] { "A", "c" }).Package("A", "1.0.0-bB", Mit).Package("c", "1.0.0", Mit)
            .Direct("Q").WriteTo(_temp.Path);
        var result = new PolicyEngine().Check(new Workspace(_temp.Path, new[] { new WorkspaceProject(one, Path.Combine(_temp.Path, "One", "obj", "project.assets.json")), new WorkspaceProject(two, Path.Combine(_temp.Path, "Two", "obj", "project.assets.json")) }));
        Assert.Equal(new[] { "A/1.0.0-b", "Bc/1.0.0" }, result.Projects.Single(p => p.Name == "One").Packages.Single(p => p.Id == "P").Dependencies);
        Assert.Equal(new[] { "A/1.0.0-bB", "c/1.0.0" }, result.Projects.Single(p => p.Name == "Two").Packages.Single(p => p.Id == "Q").Dependencies);
    }
}
