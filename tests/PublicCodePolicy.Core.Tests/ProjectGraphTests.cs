// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Tests;

/// <summary>
/// The package graph of one project, built from an assets file held in memory (the shape AssetsFileReader returns):
/// development barriers, runtime reachability, shortest paths and their summary, and the order of everything listed.
/// </summary>
public sealed class ProjectGraphTests
{
    private const string Net = "net10.0";

    private static AssetsTargetLibrary Lib(string id, string[]? dependsOn = null, string version = "1.0.0", bool ships = true, bool build = false, string type = "package")
        => new()
        {
            Id = id,
            Version = version,
            Type = type,
            Dependencies = (dependsOn ?? Array.Empty<string>()).ToDictionary(d => d, _ => "1.0.0"),
            HasShippingAssets = ships,
            HasBuildAssets = build,
        };

    private static AssetsTargetLibrary Project(string name, params string[] dependsOn) => Lib(name, dependsOn, type: "project", ships: false);

    /// <summary>An assets file of project "App": one target per entry of <paramref name="targets"/>.</summary>
    private static AssetsFile Assets(
        IReadOnlyDictionary<string, IReadOnlyList<AssetsTargetLibrary>> targets,
        string[] direct,
        string[]? analyzers = null,
        IReadOnlyDictionary<string, IReadOnlyList<DirectDependency>>? declared = null,
        string[]? projectReferences = null)
    {
        var libraries = new Dictionary<string, AssetsLibrary>(StringComparer.OrdinalIgnoreCase);
        foreach (var lib in targets.Values.SelectMany(t => t))
        {
            bool project = lib.Type == "project";
            libraries[lib.Id + "/" + lib.Version] = new AssetsLibrary
            {
                Id = lib.Id,
                Version = lib.Version,
                Type = lib.Type,
                Path = project ? "../" + lib.Id + "/" + lib.Id + ".csproj" : lib.Id.ToLowerInvariant() + "/" + lib.Version,
                HasAnalyzers = analyzers?.Contains(lib.Id) == true,
            };
        }
        return new AssetsFile
        {
            Path = "/src/App/obj/project.assets.json",
            FormatVersion = 3,
            ProjectName = "App",
            ProjectPath = "/src/App/App.csproj",
            PackageFolders = new[] { "/packages/" },
            Targets = targets,
            Libraries = libraries,
            DirectDependencyIds = new Dictionary<string, IReadOnlyList<string>> { [Net] = direct },
            DeclaredDependencies = declared ?? new Dictionary<string, IReadOnlyList<DirectDependency>>(),
            ProjectReferences = new Dictionary<string, IReadOnlyList<string>> { [Net] = projectReferences ?? Array.Empty<string>() },
            Logs = Array.Empty<AssetsLogMessage>(),
        };
    }

    private static AssetsFile Assets(AssetsTargetLibrary[] libs, params string[] direct)
        => Assets(new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>> { [Net] = libs }, direct);

    private static ProjectGraph Build(AssetsFile assets, params string[] developmentDependencies)
        => ProjectGraph.Build(assets, l => developmentDependencies.Contains(l.Id)
            ? new PackageMetadata { Id = l.Id, Version = l.Version, NuspecPath = "/packages/" + l.Id + ".nuspec", DevelopmentDependency = true }
            : null);

    private static ProjectGraph.Node Node(ProjectGraph graph, string id) => Assert.Single(graph.Nodes, n => n.Id == id);

    [Theory]
    [InlineData("net10.0/linux-x64", "net10.0")]
    [InlineData("net10.0", "net10.0")]
    [InlineData("net8.0-windows7.0/win-x64", "net8.0-windows7.0")]
    [InlineData("/linux-x64", "")]
    public void FrameworkOf_IsTheTargetNameBeforeTheRuntimeIdentifier(string target, string expected)
    {
        Assert.Equal(expected, ProjectGraph.FrameworkOf(target));
    }

    [Fact]
    public void Build_RejectsNullArguments()
    {
        var assets = Assets(new[] { Lib("A") }, "A");

        Assert.Equal("assets", Assert.Throws<ArgumentNullException>(() => ProjectGraph.Build(null!, _ => null)).ParamName);
        Assert.Equal("metadata", Assert.Throws<ArgumentNullException>(() => ProjectGraph.Build(assets, null!)).ParamName);
    }

    [Fact]
    public void RuntimeIdentifierTargets_CountAsTheirFramework()
    {
        var targets = new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>>
        {
            ["net10.0"] = new[] { Lib("A") },
            ["net10.0/linux-x64"] = new[] { Lib("A") },
            ["net8.0/win-x64"] = new[] { Lib("A") },
        };

        var graph = Build(Assets(targets, new[] { "A" }));

        Assert.Equal(new[] { "net10.0", "net8.0" }, Node(graph, "A").Frameworks);
    }

    [Fact]
    public void Barriers_AnalyzerOnlyBuildOnlyAndDevelopmentDependencies_AndWhatOnlyTheyBringIn_AreDevelopment()
    {
        var libs = new[]
        {
            // Ships a library and also has analyzers: not a barrier.
            Lib("Lib", new[] { "Mid" }),
            Lib("Mid", new[] { "Leaf" }),
            Lib("Leaf"),
            // Only analyzers: a barrier, and so is what it alone brings in.
            Lib("Analyzer", new[] { "AnalyzerHelper" }, ships: false),
            Lib("AnalyzerHelper"),
            // Only build assets.
            Lib("BuildTool", new[] { "BuildHelper" }, ships: false, build: true),
            Lib("BuildHelper"),
            // developmentDependency in its nuspec.
            Lib("DevTool", new[] { "DevHelper", "Leaf" }),
            Lib("DevHelper"),
            // A meta-package without assets is no barrier: what it brings in ships.
            Lib("Meta", new[] { "Real" }, ships: false),
            Lib("Real"),
        };
        var assets = Assets(new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>> { [Net] = libs },
            new[] { "Lib", "Analyzer", "BuildTool", "DevTool", "Meta" }, analyzers: new[] { "Lib", "Analyzer" });

        var graph = Build(assets, "DevTool");

        Assert.Equal(
            new[]
            {
                "Analyzer Development", "AnalyzerHelper Development", "BuildHelper Development", "BuildTool Development",
                "DevHelper Development", "DevTool Development", "Leaf Runtime", "Lib Runtime", "Meta Runtime", "Mid Runtime", "Real Runtime",
            },
            graph.Nodes.Select(n => n.Id + " " + n.Scope));
        Assert.Equal(new[] { "Analyzer", "BuildTool", "DevTool", "Lib", "Meta" }, graph.Nodes.Where(n => n.IsDirect).Select(n => n.Id));
    }

    [Fact]
    public void PackageThatShipsInOneTarget_AndHasOnlyBuildAssetsInAnother_IsNoBarrier()
    {
        var targets = new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>>
        {
            ["net10.0"] = new[] { Lib("Mixed", new[] { "Dep" }), Lib("Dep") },
            ["net472"] = new[] { Lib("Mixed", new[] { "Dep" }, ships: false, build: true), Lib("Dep") },
        };

        var graph = Build(Assets(targets, new[] { "Mixed" }));

        Assert.Equal(new[] { "Dep Runtime", "Mixed Runtime" }, graph.Nodes.Select(n => n.Id + " " + n.Scope));
        Assert.Equal(new[] { "net10.0", "net472" }, Node(graph, "Mixed").Frameworks);
    }

    [Theory]
    [InlineData("All", null, DependencyScope.Runtime)]
    [InlineData("All", "All", DependencyScope.Development)]
    public void ReferenceDeclaredPerFramework_IsDevelopmentOnlyWhenEveryDeclarationIs(string net8, string? net10, DependencyScope expected)
    {
        var declared = new Dictionary<string, IReadOnlyList<DirectDependency>>
        {
            ["net8.0"] = new[] { new DirectDependency("Pkg", "[1.0.0, )", net8, null, null, false) },
            ["net10.0"] = new[] { new DirectDependency("Pkg", "[1.0.0, )", net10, null, null, false) },
        };
        var targets = new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>>
        {
            ["net8.0"] = new[] { Lib("Pkg", new[] { "Dep" }), Lib("Dep") },
            ["net10.0"] = new[] { Lib("Pkg", new[] { "Dep" }), Lib("Dep") },
        };

        var graph = Build(Assets(targets, new[] { "Pkg" }, declared: declared));

        Assert.Equal(expected, Node(graph, "Pkg").Scope);
        Assert.Equal(expected, Node(graph, "Dep").Scope);
    }

    [Fact]
    public void ReferencedProject_IsARootLabelledAsAProject_AndItsOwnProjectReferencesAreNot()
    {
        var libs = new[] { Project("A", "B"), Project("B", "P"), Lib("P") };
        var assets = Assets(new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>> { [Net] = libs }, Array.Empty<string>(),
            projectReferences: new[] { "/src/A/A.csproj" });

        var graph = Build(assets);

        var p = Assert.Single(graph.Nodes);
        Assert.Equal("P", p.Id);
        Assert.False(p.IsDirect);
        Assert.Equal(DependencyScope.Runtime, p.Scope);
        Assert.Equal(new[] { "A (project)" }, p.IntroducedBy);
        Assert.Equal(new[] { "App → A → B → P 1.0.0" }, p.Paths);
    }

    [Fact]
    public void IntroducedBy_ListsEveryRootInLabelOrder_AndPathsAreShortestFirst()
    {
        // Zeta comes first in the assets file; roots are sorted ignoring case.
        var graph = Build(Assets(new[] { Lib("Zeta", new[] { "Shared" }), Lib("alpha", new[] { "Shared" }), Lib("Shared") }, "Zeta", "alpha"));

        var shared = Node(graph, "Shared");
        Assert.Equal(new[] { "alpha 1.0.0", "Zeta 1.0.0" }, shared.IntroducedBy);
        Assert.Equal(new[] { "App → Zeta 1.0.0 → Shared 1.0.0", "App → alpha 1.0.0 → Shared 1.0.0" }, shared.Paths);
        Assert.Equal(new[] { "App → alpha 1.0.0" }, Node(graph, "alpha").Paths);
        Assert.Equal(new[] { "alpha 1.0.0" }, Node(graph, "alpha").IntroducedBy);
    }

    [Fact]
    public void EqualShortestPaths_TheOneThroughTheFirstIdWins_AndDependenciesAreSorted()
    {
        // R depends on B then A (in that order); both lead to D.
        var graph = Build(Assets(new[] { Lib("R", new[] { "B", "A" }), Lib("B", new[] { "D" }), Lib("A", new[] { "D" }), Lib("D") }, "R"));

        Assert.Equal(new[] { "App → R 1.0.0 → A 1.0.0 → D 1.0.0" }, Node(graph, "D").Paths);
        Assert.Equal(new[] { "R 1.0.0" }, Node(graph, "D").IntroducedBy);
        Assert.Equal(new[] { "A/1.0.0", "B/1.0.0" }, Node(graph, "R").Dependencies);
        Assert.Equal(Array.Empty<string>(), Node(graph, "D").Dependencies);
    }

    [Fact]
    public void AtMostEightPathsPerPackage_TheFirstRootsInOrder_ButEveryRootIsNamed()
    {
        var libs = Enumerable.Range(1, 9).Select(i => Lib("D" + i, new[] { "Shared" })).Append(Lib("Shared")).ToArray();

        var graph = Build(Assets(libs, libs.Take(9).Select(l => l.Id).ToArray()));

        var shared = Node(graph, "Shared");
        Assert.Equal(8, ProjectGraph.MaxPathsPerPackage);
        Assert.Equal(
            new[]
            {
                "App → D1 1.0.0 → Shared 1.0.0", "App → D2 1.0.0 → Shared 1.0.0", "App → D3 1.0.0 → Shared 1.0.0", "App → D4 1.0.0 → Shared 1.0.0",
                "App → D5 1.0.0 → Shared 1.0.0", "App → D6 1.0.0 → Shared 1.0.0", "App → D7 1.0.0 → Shared 1.0.0", "App → D8 1.0.0 → Shared 1.0.0",
            },
            shared.Paths);
        Assert.Equal(new[] { "D1 1.0.0", "D2 1.0.0", "D3 1.0.0", "D4 1.0.0", "D5 1.0.0", "D6 1.0.0", "D7 1.0.0", "D8 1.0.0", "D9 1.0.0" }, shared.IntroducedBy);
    }

    [Fact]
    public void LongPaths_KeepTheirHeadAndTail_AndCountWhatIsLeftOut()
    {
        // Pkg00 → Pkg01 → … → Pkg20: Pkg20 is 20 steps below the direct reference Pkg00.
        var libs = Enumerable.Range(0, 21).Select(i => Lib("Pkg" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            i < 20 ? new[] { "Pkg" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture) } : null)).ToArray();

        var graph = Build(Assets(libs, "Pkg00"));

        // 10 steps: written in full.
        Assert.Equal(new[]
        {
            "App → Pkg00 1.0.0 → Pkg01 1.0.0 → Pkg02 1.0.0 → Pkg03 1.0.0 → Pkg04 1.0.0 → Pkg05 1.0.0 → Pkg06 1.0.0 → Pkg07 1.0.0 → Pkg08 1.0.0 → Pkg09 1.0.0 → Pkg10 1.0.0",
        }, Node(graph, "Pkg10").Paths);
        // 16 steps = head (4) + tail (12): still in full.
        Assert.Equal(new[]
        {
            "App → Pkg00 1.0.0 → Pkg01 1.0.0 → Pkg02 1.0.0 → Pkg03 1.0.0 → Pkg04 1.0.0 → Pkg05 1.0.0 → Pkg06 1.0.0 → Pkg07 1.0.0 → Pkg08 1.0.0"
                + " → Pkg09 1.0.0 → Pkg10 1.0.0 → Pkg11 1.0.0 → Pkg12 1.0.0 → Pkg13 1.0.0 → Pkg14 1.0.0 → Pkg15 1.0.0 → Pkg16 1.0.0",
        }, Node(graph, "Pkg16").Paths);
        // 17 steps: one package left out.
        Assert.Equal(new[]
        {
            "App → Pkg00 1.0.0 → Pkg01 1.0.0 → Pkg02 1.0.0 → Pkg03 1.0.0 → Pkg04 1.0.0 → … 1 more … → Pkg06 1.0.0 → Pkg07 1.0.0 → Pkg08 1.0.0"
                + " → Pkg09 1.0.0 → Pkg10 1.0.0 → Pkg11 1.0.0 → Pkg12 1.0.0 → Pkg13 1.0.0 → Pkg14 1.0.0 → Pkg15 1.0.0 → Pkg16 1.0.0 → Pkg17 1.0.0",
        }, Node(graph, "Pkg17").Paths);
        // 20 steps: Pkg05 to Pkg08 left out.
        Assert.Equal(new[]
        {
            "App → Pkg00 1.0.0 → Pkg01 1.0.0 → Pkg02 1.0.0 → Pkg03 1.0.0 → Pkg04 1.0.0 → … 4 more … → Pkg09 1.0.0 → Pkg10 1.0.0 → Pkg11 1.0.0"
                + " → Pkg12 1.0.0 → Pkg13 1.0.0 → Pkg14 1.0.0 → Pkg15 1.0.0 → Pkg16 1.0.0 → Pkg17 1.0.0 → Pkg18 1.0.0 → Pkg19 1.0.0 → Pkg20 1.0.0",
        }, Node(graph, "Pkg20").Paths);
        Assert.All(graph.Nodes, n => Assert.Equal(new[] { "Pkg00 1.0.0" }, n.IntroducedBy));
        Assert.All(graph.Nodes, n => Assert.Equal(DependencyScope.Runtime, n.Scope));
    }

    [Fact]
    public void Nodes_AreSortedByIdIgnoringCase_ThenExactId_ThenVersion()
    {
        var targets = new Dictionary<string, IReadOnlyList<AssetsTargetLibrary>>
        {
            ["net8.0"] = new[] { Lib("foo", version: "1.0.0"), Lib("Bar", version: "9.0.0") },
            ["net9.0"] = new[] { Lib("Foo", version: "2.0.0"), Lib("Bar", version: "10.0.0") },
            ["net10.0"] = new[] { Lib("Bar", version: "1.0.0") },
        };

        var graph = Build(Assets(targets, new[] { "Bar", "foo" }));

        Assert.Equal(new[] { "Bar 1.0.0", "Bar 10.0.0", "Bar 9.0.0", "Foo 2.0.0", "foo 1.0.0" }, graph.Nodes.Select(n => n.Id + " " + n.Version));
        Assert.Equal(new[] { "net10.0" }, graph.Nodes[0].Frameworks);
        Assert.Equal(new[] { "net9.0" }, graph.Nodes[1].Frameworks);
        Assert.Equal(new[] { "net8.0" }, graph.Nodes[2].Frameworks);
    }
}
