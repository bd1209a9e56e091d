// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Tests;

/// <summary>
/// Online mode with in-memory sources (no network): deprecations (PCP1004), nuspecs fetched for packages missing
/// from the package folders, failing sources (PCP1005) and allowed versions found on a feed, word for word.
/// </summary>
public sealed class PolicyEngineOnlineFakeTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string NetLibrary = "<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>";
    private const string Feed = "https://feed.example/v3/index.json";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly TempDirectory _temp = new("engine-online");

    public void Dispose() => _temp.Dispose();

    private static CheckOptions Options(IPackageMetadataSource? metadata = null, IPackageStatusSource? status = null, IPackageVersionSource? versions = null)
        => new() { MetadataSource = metadata, StatusSource = status, VersionSource = versions, Today = new DateOnly(2026, 11, 29) };

    private static byte[] Nuspec(string id, string version, string licenseXml)
        => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><package><metadata><id>" + id + "</id><version>" + version + "</version>" + licenseXml + "</metadata></package>");

    /// <summary>App references Here (in the package folder) and Gone 2.0.0 (not there).</summary>
    private string WriteProjectWithAMissingPackage()
    {
        var project = new FakeRestore("App").Package("Here", "1.0.0", Mit).Package("Gone", "2.0.0", Mit).Direct("Here").Direct("Gone").WriteTo(_temp.Path);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "gone"), recursive: true);
        return project;
    }

    /// <summary>Adds a second, empty package folder (a fallback folder) to the project's assets file.</summary>
    private string AddSecondPackageFolder(string projectPath)
    {
        var second = Path.Combine(_temp.Path, "fallback") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(second);
        var assets = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        var root = JsonNode.Parse(File.ReadAllText(assets))!.AsObject();
        root["packageFolders"]!.AsObject()[second] = new JsonObject();
        File.WriteAllText(assets, root.ToJsonString());
        return second;
    }

    private string PackagesFolder => Path.Combine(_temp.Path, "packages") + Path.DirectorySeparatorChar;

    [Fact]
    public void IsOnline_WhenAnyOneSourceIsSet()
    {
        var source = new Sources();
        Assert.False(new CheckOptions().IsOnline);
        Assert.True(new CheckOptions { MetadataSource = source }.IsOnline);
        Assert.True(new CheckOptions { StatusSource = source }.IsOnline);
        Assert.True(new CheckOptions { VersionSource = source }.IsOnline);
    }

    [Fact]
    public async Task Deprecations_AreReportedWordForWord_WithTheFixThatFits()
    {
        var project = new FakeRestore("App")
            .Package("Old", "1.0.0", Mit).Package("Plain", "1.0.0", Mit).Package("Blank", "1.0.0", Mit)
            .Package("Foo", "1.0.0", Mit, dependsOn: new[] { "Shared" }).Package("Bar", "1.0.0", Mit, dependsOn: new[] { "Shared" })
            .Package("Shared", "1.0.0", Mit)
            .Direct("Old").Direct("Plain").Direct("Blank").Direct("Foo").Direct("Bar")
            .WriteTo(_temp.Path);
        var source = new Sources
        {
            Deprecations =
            {
                [new PackageKey("Old", "1.0.0")] = new PackageDeprecation { Reasons = new[] { "CriticalBugs", "Legacy" }, Message = "Use New.Lib instead", AlternatePackage = "New.Lib", Source = Feed },
                [new PackageKey("Plain", "1.0.0")] = new PackageDeprecation { Reasons = Array.Empty<string>(), Source = Feed },
                [new PackageKey("Blank", "1.0.0")] = new PackageDeprecation { Reasons = new[] { "Other" }, Message = "   ", Source = Feed },
                [new PackageKey("Shared", "1.0.0")] = new PackageDeprecation { Reasons = new[] { "Legacy" }, Message = "  No longer maintained.  ", Source = Feed },
            },
        };
        var result = await new PolicyEngine(Options(status: source)).CheckAsync(Workspace.Load(project));
        var deprecated = result.Findings.Where(f => f.RuleId == "PCP1004").ToArray();
        Assert.Equal(
            new[]
            {
                "Blank 1.0.0 is deprecated by its owner (Other) on " + Feed + ".",
                "Old 1.0.0 is deprecated by its owner (CriticalBugs, Legacy) on " + Feed + ". The owner says: Use New.Lib instead.",
                "Plain 1.0.0 is deprecated by its owner on " + Feed + ".",
                "Shared 1.0.0 is deprecated by its owner (Legacy) on " + Feed + ". The owner says: No longer maintained.",
            },
            deprecated.Select(f => f.Message));
        Assert.Equal(
            new[]
            {
                "Replace it with a maintained package, or upgrade to a version that is not deprecated.",
                "Replace it with New.Lib, the alternative its owner recommends.",
                "Replace it with a maintained package, or upgrade to a version that is not deprecated.",
                "Upgrade the reference that brings it in (Bar 1.0.0, Foo 1.0.0) to a version that no longer depends on it.",
            },
            deprecated.Select(f => f.Remedy));
        Assert.All(deprecated, f =>
        {
            Assert.Equal(FindingSeverity.Warning, f.Severity);
            Assert.False(f.IsEnforced);
            Assert.Equal(project, f.ProjectPath);
        });
        Assert.Equal(new[] { "Blank", "Old", "Plain", "Shared" }, deprecated.Select(f => f.PackageId));
        Assert.Equal(new[] { "App → Bar 1.0.0 → Shared 1.0.0", "App → Foo 1.0.0 → Shared 1.0.0" }, deprecated[3].Paths);
        Assert.Equal("Old 1.0.0 est déclaré obsolète par son propriétaire (CriticalBugs, Legacy) sur " + Feed + ". Son propriétaire indique : Use New.Lib instead.", deprecated[1].MessageIn(French));
        Assert.Equal("Passez la référence qui l'amène (Bar 1.0.0, Foo 1.0.0) à une version qui n'en dépend plus.", deprecated[3].RemedyIn(French));
        // The package results carry the deprecation too.
        Assert.Same(source.Deprecations[new PackageKey("Old", "1.0.0")], result.Projects[0].Packages.Single(p => p.Id == "Old").Deprecation);
        Assert.Null(result.Projects[0].Packages.Single(p => p.Id == "Foo").Deprecation);
    }

    [Fact]
    public void StatusSourceAlone_MakesTheCheckOnline()
    {
        var project = new FakeRestore("App").Package("Old", "1.0.0", Mit).Direct("Old").WriteTo(_temp.Path);
        var source = new Sources { Deprecations = { [new PackageKey("Old", "1.0.0")] = new PackageDeprecation { Reasons = new[] { "Legacy" }, Source = Feed } } };
        var result = new PolicyEngine(new CheckOptions { StatusSource = source }).Check(Workspace.Load(project));
        Assert.Equal(new[] { "PCP1004: Old 1.0.0 is deprecated by its owner (Legacy) on " + Feed + "." }, result.Findings.Select(f => f.RuleId + ": " + f.Message));
    }

    [Fact]
    public void MetadataSourceAlone_MakesTheCheckOnline()
    {
        var source = new Sources { Nuspecs = { [new PackageKey("Gone", "2.0.0")] = Nuspec("Gone", "2.0.0", Mit) } };
        var result = new PolicyEngine(new CheckOptions { MetadataSource = source }).Check(Workspace.Load(WriteProjectWithAMissingPackage()));
        Assert.Equal("MIT", result.Projects[0].Packages.Single(p => p.Id == "Gone").License.Concluded.ToString());
    }

    [Fact]
    public async Task ASourceThatTimesOut_IsAWarning_QuotingTheException_WhenTheCallerDidNotCancel()
    {
        var project = new FakeRestore("App").Package("Old", "1.0.0", Mit).Direct("Old").WriteTo(_temp.Path);
        var source = new Sources { Failure = new TaskCanceledException("The request timed out.") };
        var result = await new PolicyEngine(Options(status: source)).CheckAsync(Workspace.Load(project));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP1005", f.RuleId);
        Assert.Equal(FindingSeverity.Warning, f.Severity);
        Assert.Null(f.ProjectPath);
        Assert.Equal("The online source failed: TaskCanceledException: The request timed out. The result is the offline one for what this source would have answered.", f.Message);
        Assert.Equal("The online source failed: TaskCanceledException: The request timed out. Le résultat est celui du mode hors ligne pour ce que cette source aurait fourni.", f.MessageIn(French));
        Assert.Equal("Check the source URL, your network and the credentials in nuget.config, or turn online mode off (CLI --online, build property PublicCodePolicyOnline).", f.Remedy);
    }

    [Fact]
    public async Task FetchedNuspec_IsUsed_AndItsOriginIsTheNote()
    {
        var project = WriteProjectWithAMissingPackage();
        var fallback = AddSecondPackageFolder(project);
        var source = new Sources { Nuspecs = { [new PackageKey("Gone", "2.0.0")] = Nuspec("Gone", "2.0.0", Mit) } };
        var result = await new PolicyEngine(Options(metadata: source)).CheckAsync(Workspace.Load(project));
        var gone = result.Projects[0].Packages.Single(p => p.Id == "Gone");
        Assert.Equal("MIT", gone.License.Concluded.ToString());
        Assert.Equal(LicenseSource.Expression, gone.License.Source);
        Assert.Equal("Metadata fetched from memory:Gone/2.0.0 (source " + Feed + "); the package is not in the package folders.", gone.License.Note);
        Assert.Null(gone.PackageDirectory);
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP1001", f.RuleId);
        Assert.Equal(FindingSeverity.Info, f.Severity);
        Assert.Equal("Gone", f.PackageId);
        Assert.Equal("Gone 2.0.0 is not in the package folders (" + PackagesFolder + ", " + fallback + "); its metadata was fetched online from memory:Gone/2.0.0.", f.Message);
    }

    [Fact]
    public void FetchedNuspec_WithAnUnmappedUrl_KeepsTheResolversNoteAfterItsOrigin()
    {
        var source = new Sources { Nuspecs = { [new PackageKey("Gone", "2.0.0")] = Nuspec("Gone", "2.0.0", "<licenseUrl>https://example.com/eula.html</licenseUrl>") } };
        var result = new PolicyEngine(Options(metadata: source)).Check(Workspace.Load(WriteProjectWithAMissingPackage()));
        var gone = result.Projects[0].Packages.Single(p => p.Id == "Gone");
        Assert.True(gone.License.IsNoAssertion);
        Assert.Equal("https://example.com/eula.html", gone.License.Evidence);
        Assert.Equal("Metadata fetched from memory:Gone/2.0.0 (source " + Feed + "); the package is not in the package folders. The licence URL is not in the curated table; it was not fetched.", gone.License.Note);
    }

    [Fact]
    public void FetchedNuspec_ForAnotherPackage_IsUnusable()
    {
        var source = new Sources { Nuspecs = { [new PackageKey("Gone", "2.0.0")] = Nuspec("Other", "9.9.9", Mit) } };
        var result = new PolicyEngine(Options(metadata: source)).Check(Workspace.Load(WriteProjectWithAMissingPackage()));
        var gone = result.Projects[0].Packages.Single(p => p.Id == "Gone");
        Assert.True(gone.License.IsNoAssertion);
        Assert.Equal("memory:Gone/2.0.0", gone.License.Evidence);
        Assert.Equal("The package is not in the package folders and the metadata fetched online is unusable.", gone.License.Note);
        var f = Assert.Single(result.Findings, x => x.RuleId == "PCP1002");
        Assert.Equal(FindingSeverity.Warning, f.Severity);
        Assert.Equal("The nuspec of Gone 2.0.0 fetched from memory:Gone/2.0.0 cannot be used: it describes Other 9.9.9, not the package asked for.", f.Message);
        Assert.Equal("Le fichier nuspec de Gone 2.0.0 récupéré à l'adresse memory:Gone/2.0.0 est inutilisable : it describes Other 9.9.9, not the package asked for.", f.MessageIn(French));
    }

    [Fact]
    public void FetchedNuspec_ForAnotherVersion_IsUnusable()
    {
        var source = new Sources { Nuspecs = { [new PackageKey("Gone", "2.0.0")] = Nuspec("gone", "2.0.1", Mit) } };
        var result = new PolicyEngine(Options(metadata: source)).Check(Workspace.Load(WriteProjectWithAMissingPackage()));
        Assert.Equal(
            "The nuspec of Gone 2.0.0 fetched from memory:Gone/2.0.0 cannot be used: it describes gone 2.0.1, not the package asked for.",
            Assert.Single(result.Findings, x => x.RuleId == "PCP1002").Message);
    }

    [Fact]
    public void MissingPackage_TheSourcesDoNotHave_SaysTheyWereAsked()
    {
        var project = WriteProjectWithAMissingPackage();
        var fallback = AddSecondPackageFolder(project);
        var online = new PolicyEngine(Options(metadata: new Sources())).Check(Workspace.Load(project));
        Assert.Equal(
            "Gone 2.0.0 is not in the package folders (" + PackagesFolder + ", " + fallback + "); its licence cannot be read offline, and the online sources did not provide it. Restore the project on this machine.",
            Assert.Single(online.Findings, f => f.RuleId == "PCP1001").Message);
        var offline = new PolicyEngine(Options()).Check(Workspace.Load(project));
        Assert.Equal(
            "Gone 2.0.0 is not in the package folders (" + PackagesFolder + ", " + fallback + "); its licence cannot be read offline. Restore the project on this machine.",
            Assert.Single(offline.Findings, f => f.RuleId == "PCP1001").Message);
        var gone = offline.Projects[0].Packages.Single(p => p.Id == "Gone");
        Assert.Equal("The package is not in the package folders.", gone.License.Note);
        Assert.Equal(
            "Gone 2.0.0 (runtime): No licence could be determined (NOASSERTION). The package is not in the package folders.",
            Assert.Single(offline.Findings, f => f.RuleId == "PCP0002").Message);
    }

    [Fact]
    public void DeniedPackage_WithAnAllowedVersionOnTheFeed_NamesItInTheFix()
    {
        var project = new FakeRestore("App").Package("Pkg", "1.0.0", NetLibrary).Direct("Pkg").WriteTo(_temp.Path);
        var source = new Sources
        {
            Versions = { ["Pkg"] = new[] { "0.9.0", "1.0.0", "2.0.0", "3.0.0-beta.1" } },
            Nuspecs =
            {
                [new PackageKey("Pkg", "0.9.0")] = Nuspec("Pkg", "0.9.0", "<license type=\"expression\">Apache-2.0</license>"),
                [new PackageKey("Pkg", "2.0.0")] = Nuspec("Pkg", "2.0.0", Mit),
                [new PackageKey("Pkg", "3.0.0-beta.1")] = Nuspec("Pkg", "3.0.0-beta.1", Mit),
            },
        };
        var result = new PolicyEngine(Options(metadata: source, versions: source)).Check(Workspace.Load(project));
        var f = Assert.Single(result.Findings);
        Assert.Equal("PCP0001", f.RuleId);
        Assert.Equal("Remove or replace the reference to Pkg in App.csproj. Version 2.0.0 on " + Feed + " has an allowed licence (MIT).", f.Remedy);
    }

    /// <summary>In-memory sources: nuspecs, deprecations and version lists by key, or one exception for every call.</summary>
    private sealed class Sources : IPackageMetadataSource, IPackageStatusSource, IPackageVersionSource
    {
        public Dictionary<PackageKey, byte[]> Nuspecs { get; } = new();

        public Dictionary<PackageKey, PackageDeprecation> Deprecations { get; } = new();

        public Dictionary<string, string[]> Versions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Exception? Failure { get; init; }

        public Task<PackageLookupResult<RemoteNuspec>> GetNuspecsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
        {
            if (Failure != null) throw Failure;
            var found = packages.Where(Nuspecs.ContainsKey).ToDictionary(k => k, k => new RemoteNuspec { Content = Nuspecs[k], Source = Feed, Location = "memory:" + k.Id + "/" + k.Version });
            return Task.FromResult(new PackageLookupResult<RemoteNuspec> { Found = found });
        }

        public Task<PackageLookupResult<PackageDeprecation>> GetDeprecationsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
        {
            if (Failure != null) throw Failure;
            return Task.FromResult(new PackageLookupResult<PackageDeprecation> { Found = packages.Where(Deprecations.ContainsKey).ToDictionary(k => k, k => Deprecations[k]) });
        }

        public Task<PackageLookupResult<PackageVersionList>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            if (Failure != null) throw Failure;
            var found = ids.Where(Versions.ContainsKey).ToDictionary(id => new PackageKey(id, string.Empty), id => new PackageVersionList { Versions = Versions[id], Source = Feed });
            return Task.FromResult(new PackageLookupResult<PackageVersionList> { Found = found });
        }
    }
}
