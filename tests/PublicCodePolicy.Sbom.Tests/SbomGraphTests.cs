// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using static PublicCodePolicy.Sbom.Tests.DocumentBuilders;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Issue 15 (mutation testing): the graph the SBOM writers write (docs/sbom.md "What is described"): per project the
/// assets file's graph, per solution each non-test deliverable's own subtree with shared nodes and per-deliverable
/// copies. Every node is written out as one line: reference, kind, name, version, copy-of, deliverable, scope,
/// frameworks, and its edges in order.
/// </summary>
public sealed class SbomGraphTests
{
    private static readonly IReadOnlyDictionary<string, SbomSubject> NoSubjects = new Dictionary<string, SbomSubject>(StringComparer.OrdinalIgnoreCase);

    private static string Line(SbomNode n)
        => n.Ref + " | " + n.Kind + " | " + n.Name + " | " + (n.Version ?? "-") + " | copy=" + (n.Deliverable ?? "-") + (n.IsDeliverable ? " | deliverable" : string.Empty)
            + " | scope=" + (n.Scope?.ToString() ?? "-") + " | fw=" + string.Join(",", n.Frameworks)
            + " -> " + string.Join(" ", n.Edges.Select(e => e.Target + (e.Scope is { } s ? ":" + s : string.Empty)));

    private static string[] Lines(SbomGraph g) => new[] { Line(g.Root) }.Concat(g.Components.Select(Line)).ToArray();

    private static PackageResult Pkg(string id, bool direct = true, DependencyScope scope = DependencyScope.Runtime, string[]? deps = null, string[]? paths = null, string[]? frameworks = null, string project = "App")
        => Package(id, "1.0.0", scope: scope, direct: direct, dependencies: deps, paths: paths, frameworks: frameworks, project: project);

    [Fact]
    public void ForProject_IsTheProjectAndItsRestoredPackages()
    {
        var project = Project("App", new[]
        {
            Pkg("Zed", deps: new[] { "Beta/1.0.0" }),
            Pkg("Beta", direct: false, scope: DependencyScope.Development, frameworks: new[] { "net8.0", "net10.0" }),
            Pkg("Alpha", scope: DependencyScope.Test),
        }, version: "7.0.0", frameworks: new[] { "net8.0", "net10.0" });
        var result = Result(project);
        var subject = new SbomSubject { Name = "Described" };
        var graph = SbomGraph.ForProject(result, project, subject);
        Assert.Equal(new[]
        {
            "project:src/App/App.csproj | Root | Described | 7.0.0 | copy=- | scope=- | fw=net10.0,net8.0 -> pkg:nuget/Zed@1.0.0:Runtime pkg:nuget/Alpha@1.0.0:Test",
            "pkg:nuget/Alpha@1.0.0 | Package | Alpha | 1.0.0 | copy=- | scope=Test | fw=net10.0 -> ",
            "pkg:nuget/Beta@1.0.0 | Package | Beta | 1.0.0 | copy=- | scope=Development | fw=net10.0,net8.0 -> ",
            "pkg:nuget/Zed@1.0.0 | Package | Zed | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Beta@1.0.0",
        }, Lines(graph));
        Assert.Same(subject, graph.Root.Subject);
        Assert.Same(project, graph.Root.Project);
        Assert.Same(project.Packages[0], graph.Components[2].Package);
        Assert.Equal(new[] { "pkg:nuget/Beta@1.0.0", "pkg:nuget/Zed@1.0.0" }, graph.Components[2].DependsOn.Concat(graph.Root.DependsOn.Skip(1)).ToArray());
        Assert.Equal(new[] { "pkg:nuget/Alpha@1.0.0", "pkg:nuget/Zed@1.0.0" }, graph.Root.DependsOn);
        // The subject's version wins over the project's.
        Assert.Equal("2.0.0", SbomGraph.ForProject(result, project, new SbomSubject { Name = "Described", Version = "2.0.0" }).Root.Version);
    }

    [Fact]
    public void ForProject_ReferencedProjects_CarryThePackagesReachedThroughThem_AndOrphansAreAttachedWhereTheirPathEnters()
    {
        var app = Project("App", new[]
        {
            // Reached through Lib (App → Lib → Foo): Lib's edge, with Foo's scope.
            Pkg("Foo", direct: false, deps: new[] { "Bar/1.0.0" }, paths: new[] { "App → Lib → Foo 1.0.0" }),
            // Deeper: reached through Foo only.
            Pkg("Bar", direct: false, scope: DependencyScope.Development, paths: new[] { "App → Lib → Foo 1.0.0 → Bar 1.0.0" }),
            // Through a project App does not reference (Lib2): hangs under Lib, where its path enters.
            Pkg("Deep", direct: false, scope: DependencyScope.Test, paths: new[] { "App → Lib → Lib2 → Deep 1.0.0" }),
            // A path that names no referenced project in second place: under the root.
            Pkg("Lone", direct: false, paths: new[] { "Other → Lib" }),
            // A path whose last element is no package of this project: no edge from Lib.
            Pkg("Top", deps: new[] { "Hid/1.0.0" }),
            Pkg("Hid", direct: false, paths: new[] { "App → Lib → Nope 1.0.0" }),
            // Orphans: the one nothing points to is attached first (Zq), which makes Aq reachable.
            Pkg("Aq", direct: false, paths: Array.Empty<string>()),
            Pkg("Zq", direct: false, deps: new[] { "Aq/1.0.0" }, paths: Array.Empty<string>()),
            // A cycle of orphans: the first by reference is attached.
            Pkg("Cy1", direct: false, deps: new[] { "Cy2/1.0.0" }, paths: Array.Empty<string>()),
            Pkg("Cy2", direct: false, deps: new[] { "Cy1/1.0.0" }, paths: Array.Empty<string>()),
        }, references: new[] { "src/Lib/Lib.csproj", "src/Ext/Ext.csproj" });
        var lib = Project("Library", path: "src/Lib/Lib.csproj", version: "2.0.0");
        var result = Result(app, lib);
        var graph = SbomGraph.ForProject(result, app, new SbomSubject { Name = "App" });
        Assert.Equal(new[]
        {
            "project:src/App/App.csproj | Root | App | 1.0.0 | copy=- | scope=- | fw=net10.0 -> project:src/Lib/Lib.csproj project:src/Ext/Ext.csproj pkg:nuget/Top@1.0.0:Runtime pkg:nuget/Lone@1.0.0:Runtime pkg:nuget/Zq@1.0.0:Runtime pkg:nuget/Cy1@1.0.0:Runtime",
            "pkg:nuget/Aq@1.0.0 | Package | Aq | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Bar@1.0.0 | Package | Bar | 1.0.0 | copy=- | scope=Development | fw=net10.0 -> ",
            "pkg:nuget/Cy1@1.0.0 | Package | Cy1 | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Cy2@1.0.0",
            "pkg:nuget/Cy2@1.0.0 | Package | Cy2 | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Cy1@1.0.0",
            "pkg:nuget/Deep@1.0.0 | Package | Deep | 1.0.0 | copy=- | scope=Test | fw=net10.0 -> ",
            "pkg:nuget/Foo@1.0.0 | Package | Foo | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Bar@1.0.0",
            "pkg:nuget/Hid@1.0.0 | Package | Hid | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Lone@1.0.0 | Package | Lone | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Top@1.0.0 | Package | Top | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Hid@1.0.0",
            "pkg:nuget/Zq@1.0.0 | Package | Zq | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Aq@1.0.0",
            "project:src/Ext/Ext.csproj | Project | Ext | - | copy=- | scope=- | fw= -> ",
            "project:src/Lib/Lib.csproj | Project | Library | 2.0.0 | copy=- | scope=- | fw= -> pkg:nuget/Foo@1.0.0:Runtime pkg:nuget/Deep@1.0.0:Test",
        }, Lines(graph));
        Assert.Same(lib, graph.Components.Single(c => c.Ref == "project:src/Lib/Lib.csproj").Project);
        Assert.Null(graph.Components.Single(c => c.Ref == "project:src/Ext/Ext.csproj").Project);
    }

    [Fact]
    public void ForProject_IsBuiltOncePerResultProjectAndSubject()
    {
        var a = Project("A", new[] { Pkg("Foo", project: "A") });
        var b = Project("B", new[] { Pkg("Bar", project: "B") });
        var result = Result(a, b);
        var subject = new SbomSubject { Name = "S" };
        var first = SbomGraph.ForProject(result, a, subject);
        Assert.Same(first, SbomGraph.ForProject(result, a, subject));
        // Each call below differs from the one before it in one argument only.
        var otherProject = SbomGraph.ForProject(result, b, subject);
        Assert.Equal("project:src/B/B.csproj", otherProject.Root.Ref);
        var otherSubject = SbomGraph.ForProject(result, b, new SbomSubject { Name = "T" });
        Assert.Equal("T", otherSubject.Root.Name);
        var sameSubjectText = SbomGraph.ForProject(result, b, subject);
        Assert.Equal("S", sameSubjectText.Root.Name);
        var result2 = Result(a, b);
        var otherResult = SbomGraph.ForProject(result2, b, subject);
        Assert.NotSame(sameSubjectText, otherResult);
        Assert.Same(otherResult, SbomGraph.ForProject(result2, b, subject));
    }

    [Fact]
    public void ForSolution_KeepsSharedNodesOnce_AndCopiesThoseWhoseSubtreeDiffers()
    {
        var a = Project("A", new[]
        {
            Pkg("Foo", deps: new[] { "Bar/1.0.0" }, project: "A"),
            Pkg("Bar", direct: false, deps: new[] { "Baz/1.0.0" }, project: "A"),
            Pkg("Baz", direct: false, deps: new[] { "Qux/1.0.0" }, project: "A"),
            Pkg("Qux", direct: false, project: "A"),
            Pkg("Common", scope: DependencyScope.Development, frameworks: new[] { "net8.0" }, project: "A"),
            Pkg("Wide", scope: DependencyScope.Runtime, project: "A"),
            Pkg("Narrow", scope: DependencyScope.Test, project: "A"),
            Pkg("S1", deps: new[] { "S2/1.0.0" }, project: "A"),
            Pkg("S2", direct: false, project: "A"),
        }, frameworks: new[] { "net8.0" });
        var b = Project("B", new[]
        {
            Pkg("Foo", deps: new[] { "Bar/1.0.0" }, project: "B"),
            Pkg("Bar", direct: false, deps: new[] { "Baz/1.0.0" }, project: "B"),
            Pkg("Baz", direct: false, project: "B"),
            Pkg("Common", scope: DependencyScope.Test, project: "B"),
            Pkg("Wide", scope: DependencyScope.Development, project: "B"),
            Pkg("Narrow", scope: DependencyScope.Runtime, project: "B"),
            Pkg("S1", deps: new[] { "S2/1.0.0" }, project: "B"),
            Pkg("S2", direct: false, project: "B"),
        });
        var tests = Project("A.Tests", new[] { Pkg("Xunit", scope: DependencyScope.Test, project: "A.Tests") }, isTest: true);
        var unloaded = Project("C", new[] { Pkg("Late", project: "C") }, loaded: false);
        var result = Result(unloaded, tests, b, a);
        var subjects = new Dictionary<string, SbomSubject>(StringComparer.OrdinalIgnoreCase) { ["b"] = new() { Name = "Bee", Version = "9.0" } };
        var graph = SbomGraph.ForSolution(result, new SbomSubject { Name = "Sln", Version = "3.0" }, subjects);
        Assert.Equal(new[]
        {
            "solution:Sln | Root | Sln | 3.0 | copy=- | scope=- | fw= -> project:src/A/A.csproj project:src/B/B.csproj",
            "pkg:nuget/Common@1.0.0 | Package | Common | 1.0.0 | copy=- | scope=Development | fw=net10.0,net8.0 -> ",
            "pkg:nuget/Narrow@1.0.0 | Package | Narrow | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Qux@1.0.0 | Package | Qux | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/S1@1.0.0 | Package | S1 | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/S2@1.0.0",
            "pkg:nuget/S2@1.0.0 | Package | S2 | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Wide@1.0.0 | Package | Wide | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "project:src/A/A.csproj | Project | A | 1.0.0 | copy=- | deliverable | scope=- | fw=net8.0 -> project:src/A/A.csproj>pkg:nuget/Foo@1.0.0:Runtime pkg:nuget/Common@1.0.0:Development pkg:nuget/Wide@1.0.0:Runtime pkg:nuget/Narrow@1.0.0:Test pkg:nuget/S1@1.0.0:Runtime",
            "project:src/A/A.csproj>pkg:nuget/Bar@1.0.0 | Package | Bar | 1.0.0 | copy=A | scope=Runtime | fw=net10.0 -> project:src/A/A.csproj>pkg:nuget/Baz@1.0.0",
            "project:src/A/A.csproj>pkg:nuget/Baz@1.0.0 | Package | Baz | 1.0.0 | copy=A | scope=Runtime | fw=net10.0 -> pkg:nuget/Qux@1.0.0",
            "project:src/A/A.csproj>pkg:nuget/Foo@1.0.0 | Package | Foo | 1.0.0 | copy=A | scope=Runtime | fw=net10.0 -> project:src/A/A.csproj>pkg:nuget/Bar@1.0.0",
            "project:src/B/B.csproj | Project | Bee | 9.0 | copy=- | deliverable | scope=- | fw=net10.0 -> project:src/B/B.csproj>pkg:nuget/Foo@1.0.0:Runtime pkg:nuget/Common@1.0.0:Test pkg:nuget/Wide@1.0.0:Development pkg:nuget/Narrow@1.0.0:Runtime pkg:nuget/S1@1.0.0:Runtime",
            "project:src/B/B.csproj>pkg:nuget/Bar@1.0.0 | Package | Bar | 1.0.0 | copy=B | scope=Runtime | fw=net10.0 -> project:src/B/B.csproj>pkg:nuget/Baz@1.0.0",
            "project:src/B/B.csproj>pkg:nuget/Baz@1.0.0 | Package | Baz | 1.0.0 | copy=B | scope=Runtime | fw=net10.0 -> ",
            "project:src/B/B.csproj>pkg:nuget/Foo@1.0.0 | Package | Foo | 1.0.0 | copy=B | scope=Runtime | fw=net10.0 -> project:src/B/B.csproj>pkg:nuget/Bar@1.0.0",
        }, Lines(graph));
        Assert.Same(subjects["B"], graph.Components.Single(c => c.Ref == "project:src/B/B.csproj").Subject);
        Assert.Null(graph.Components.Single(c => c.Ref == "project:src/A/A.csproj").Subject);
        Assert.Same(a, graph.Components.Single(c => c.Ref == "project:src/A/A.csproj").Project);
        Assert.Null(graph.Root.Project);
    }

    [Fact]
    public void ForSolution_TheSameTargets_InAnotherOrderOrRepeated_AreTheSameEdges()
    {
        var a = Project("A", new[]
        {
            Pkg("Foo", deps: new[] { "Bar/1.0.0", "Baz/1.0.0" }, project: "A"),
            Pkg("Bar", direct: false, project: "A"),
            Pkg("Baz", direct: false, project: "A"),
        });
        var b = Project("B", new[]
        {
            Pkg("Foo", deps: new[] { "Baz/1.0.0", "Bar/1.0.0", "bar/1.0.0" }, project: "B"),
            Pkg("Bar", direct: false, project: "B"),
            Pkg("Baz", direct: false, project: "B"),
        });
        var graph = SbomGraph.ForSolution(Result(a, b), new SbomSubject { Name = "Sln" }, NoSubjects);
        Assert.Equal(new[] { "pkg:nuget/Bar@1.0.0", "pkg:nuget/Baz@1.0.0", "pkg:nuget/Foo@1.0.0", "project:src/A/A.csproj", "project:src/B/B.csproj" }, graph.Components.Select(c => c.Ref).ToArray());
        // Filled once, from the first deliverable (A).
        Assert.Equal("pkg:nuget/Foo@1.0.0 | Package | Foo | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> pkg:nuget/Bar@1.0.0 pkg:nuget/Baz@1.0.0", Line(graph.Components[2]));
    }

    [Fact]
    public void ForSolution_TheRootIsTheSubjectsPurl_WhenItHasOne()
    {
        var result = Result(Project("A", new[] { Pkg("Foo", project: "A") }));
        var graph = SbomGraph.ForSolution(result, new SbomSubject { Name = "Sln", Purl = "pkg:generic/sln@1.0" }, NoSubjects);
        Assert.Equal("pkg:generic/sln@1.0", graph.Root.Ref);
        Assert.Equal(SbomNodeKind.Root, graph.Root.Kind);
        Assert.Null(graph.Root.Version);
    }

    [Fact]
    public void ForSolution_ADeliverableAnotherReferences_IsOneNode_WhenBothSeeTheSameEdges()
    {
        var a = Project("A", new[] { Pkg("X", direct: false, paths: new[] { "A → B → X 1.0.0" }, project: "A") }, references: new[] { "src/B/B.csproj" });
        var b = Project("B", new[] { Pkg("X", project: "B") });
        var graph = SbomGraph.ForSolution(Result(a, b), new SbomSubject { Name = "Sln" }, NoSubjects);
        Assert.Equal(new[]
        {
            "solution:Sln | Root | Sln | - | copy=- | scope=- | fw= -> project:src/A/A.csproj project:src/B/B.csproj",
            "pkg:nuget/X@1.0.0 | Package | X | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "project:src/A/A.csproj | Project | A | 1.0.0 | copy=- | deliverable | scope=- | fw=net10.0 -> project:src/B/B.csproj",
            "project:src/B/B.csproj | Project | B | 1.0.0 | copy=- | deliverable | scope=- | fw=net10.0 -> pkg:nuget/X@1.0.0:Runtime",
        }, Lines(graph));
    }

    [Fact]
    public void ForSolution_ADeliverableAnotherReferences_IsCopied_WhenTheReferencingOneSeesOtherEdges()
    {
        var a = Project("A", new[] { Pkg("Y", project: "A") }, references: new[] { "src/B/B.csproj" });
        var b = Project("B", new[] { Pkg("X", project: "B") });
        var graph = SbomGraph.ForSolution(Result(a, b), new SbomSubject { Name = "Sln" }, NoSubjects);
        Assert.Equal(new[]
        {
            "solution:Sln | Root | Sln | - | copy=- | scope=- | fw= -> project:src/A/A.csproj project:src/B/B.csproj",
            "pkg:nuget/X@1.0.0 | Package | X | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "pkg:nuget/Y@1.0.0 | Package | Y | 1.0.0 | copy=- | scope=Runtime | fw=net10.0 -> ",
            "project:src/A/A.csproj | Project | A | 1.0.0 | copy=- | deliverable | scope=- | fw=net10.0 -> project:src/A/A.csproj>project:src/B/B.csproj pkg:nuget/Y@1.0.0:Runtime",
            "project:src/A/A.csproj>project:src/B/B.csproj | Project | B | 1.0.0 | copy=A | scope=- | fw= -> ",
            "project:src/B/B.csproj | Project | B | 1.0.0 | copy=- | deliverable | scope=- | fw=net10.0 -> pkg:nuget/X@1.0.0:Runtime",
        }, Lines(graph));
    }

    [Theory]
    // What was checked is a solution or project file (its folder is the base) or a folder (the base itself).
    [InlineData("Commune.sln", "project:src/App/App.csproj")]
    [InlineData("Commune.slnx", "project:src/App/App.csproj")]
    [InlineData("Commune.SLN", "project:src/App/App.csproj")]
    [InlineData("All.csproj", "project:src/App/App.csproj")]
    [InlineData("All.fsproj", "project:src/App/App.csproj")]
    [InlineData("All.vbproj", "project:src/App/App.csproj")]
    [InlineData("src/App/App.csproj", "project:App.csproj")]
    [InlineData("", "project:src/App/App.csproj")]
    [InlineData("build.proj", "project:../src/App/App.csproj")]
    [InlineData("src", "project:App/App.csproj")]
    public void ProjectReference_IsRelativeToWhatWasChecked(string rootRelative, string expected)
    {
        var project = Project("App", new[] { Pkg("Foo") });
        var rootPath = rootRelative.Length == 0 ? Synthetic.Root : ProjectPath(rootRelative);
        var result = Result("3.27", rootPath, project);
        Assert.Equal(expected, SbomGraph.ForProject(result, project, new SbomSubject { Name = "App" }).Root.Ref);
    }

    [Fact]
    public void ProjectIdentity_UsesForwardSlashes()
    {
        var baseDir = Path.Combine(Synthetic.Root, "repo");
        Assert.Equal("project:src/My/Dir/X.csproj", SbomGraph.ProjectIdentity(Path.Combine(baseDir, "src", "My\\Dir", "X.csproj"), baseDir));
        Assert.Equal("project:X.csproj", SbomGraph.ProjectIdentity(Path.Combine(baseDir, "X.csproj"), baseDir));
    }

    [Fact]
    public void DependsOn_IsDistinctAndOrdinal()
    {
        var node = new SbomNode { Ref = "r", Kind = SbomNodeKind.Package, Name = "n" };
        node.Edges.Add(new SbomEdge("b", null));
        node.Edges.Add(new SbomEdge("B", DependencyScope.Runtime));
        node.Edges.Add(new SbomEdge("a", null));
        node.Edges.Add(new SbomEdge("b", DependencyScope.Test));
        Assert.Equal(new[] { "B", "a", "b" }, node.DependsOn);
    }
}
