// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Sbom;

/// <summary>Kind of an SBOM node.</summary>
internal enum SbomNodeKind
{
    /// <summary>What the document describes (a project or a solution).</summary>
    Root,
    /// <summary>A project: a deliverable of a solution, or a project referenced by the described one.</summary>
    Project,
    /// <summary>A NuGet package.</summary>
    Package,
}

/// <summary>An edge; <see cref="Scope"/> is set on edges from a project to a package (how that project uses it).</summary>
internal readonly record struct SbomEdge(string Target, DependencyScope? Scope);

/// <summary>One component of the document, with its unique reference and its outgoing edges.</summary>
internal sealed class SbomNode
{
    public required string Ref { get; init; }
    public required SbomNodeKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Version { get; init; }
    public SbomSubject? Subject { get; init; }
    public PackageResult? Package { get; init; }
    public ProjectResult? Project { get; init; }
    /// <summary>Set when the node is one deliverable's own copy (its edges differ in other deliverables).</summary>
    public string? Deliverable { get; init; }
    /// <summary>A deliverable of a solution SBOM.</summary>
    public bool IsDeliverable { get; init; }
    public DependencyScope? Scope { get; set; }
    public SortedSet<string> Frameworks { get; } = new(StringComparer.Ordinal);
    public List<SbomEdge> Edges { get; } = new();

    /// <summary>True once the edges are known (a shared node is reached from several deliverables).</summary>
    public bool Filled { get; set; }

    /// <summary>Targets, distinct and sorted (ordinal).</summary>
    public IReadOnlyList<string> DependsOn => Edges.Select(e => e.Target).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
}

/// <summary>
/// The graph an SBOM writes: a root, the components, and the edges exactly as restore recorded them. Per project, the
/// graph is that project's assets file. Per solution, each non-test deliverable keeps its own subtree: a package keeps its
/// purl as reference when it has the same edges in every deliverable that has it; otherwise each deliverable gets its own
/// copy, so that no deliverable inherits edges restore gave only to another (for example packages .NET pruned).
/// </summary>
internal sealed class SbomGraph
{
    private SbomGraph(SbomNode root, IReadOnlyList<SbomNode> components)
    {
        Root = root;
        Components = components;
    }

    public SbomNode Root { get; }

    /// <summary>Every node but the root, sorted by reference (ordinal).</summary>
    public IReadOnlyList<SbomNode> Components { get; }

    // The last project graph built on this thread: the CycloneDX and the SPDX document of one deliverable are written one
    // after the other from the same graph (it is not changed once built). One slot, so nothing else is kept alive.
    [ThreadStatic]
    private static (CheckResult Result, ProjectResult Project, SbomSubject Subject, SbomGraph Graph)? t_last;

    /// <summary>The graph of one project.</summary>
    public static SbomGraph ForProject(CheckResult result, ProjectResult project, SbomSubject subject)
    {
        if (t_last is { } last && ReferenceEquals(last.Result, result) && ReferenceEquals(last.Project, project) && ReferenceEquals(last.Subject, subject)) return last.Graph;
        var graph = BuildProject(result, project, subject);
        t_last = (result, project, subject, graph);
        return graph;
    }

    private static SbomGraph BuildProject(CheckResult result, ProjectResult project, SbomSubject subject)
    {
        var baseDir = BaseDirectory(result.RootPath);
        var context = BuildContext(result, project, baseDir);
        var root = new SbomNode { Ref = context.RootIdentity, Kind = SbomNodeKind.Root, Name = subject.Name, Version = subject.Version ?? project.Version, Subject = subject, Project = project };
        root.Frameworks.UnionWith(project.TargetFrameworks);
        var nodes = new Dictionary<string, SbomNode>(StringComparer.Ordinal);
        AddContext(context, root, nodes, id => id);
        nodes.Remove(root.Ref);
        return new SbomGraph(root, nodes.Values.OrderBy(n => n.Ref, StringComparer.Ordinal).ToArray());
    }

    /// <summary>The graph of a solution: every loaded, non-test project is a deliverable.</summary>
    public static SbomGraph ForSolution(CheckResult result, SbomSubject subject, IReadOnlyDictionary<string, SbomSubject> projectSubjects)
    {
        var baseDir = BaseDirectory(result.RootPath);
        var contexts = result.Projects.Where(p => p.Loaded && !p.IsTestProject)
            .Select(p => BuildContext(result, p, baseDir))
            .OrderBy(c => c.RootIdentity, StringComparer.Ordinal)
            .ToArray();

        // Which identities mean the same thing in every deliverable that has them: same targets, and every target shared too.
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var byIdentity = contexts.SelectMany(c => c.Nodes.Values.Select(n => (Context: c, Node: n))).GroupBy(x => x.Node.Identity, StringComparer.Ordinal).ToArray();
        foreach (var group in byIdentity)
        {
            var signatures = group.Select(x => string.Join("\n", x.Node.Edges.Select(e => e.Target).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
            if (signatures == 1) shared.Add(group.Key);
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var group in byIdentity)
            {
                if (!shared.Contains(group.Key) || group.Count() == 1) continue;
                if (group.Any(x => x.Node.Edges.Any(e => !shared.Contains(e.Target))))
                {
                    shared.Remove(group.Key);
                    changed = true;
                }
            }
        }
        var occurrences = byIdentity.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var rootRef = subject.Purl ?? "solution:" + subject.Name;
        var root = new SbomNode { Ref = rootRef, Kind = SbomNodeKind.Root, Name = subject.Name, Version = subject.Version, Subject = subject, Filled = true };
        var nodes = new Dictionary<string, SbomNode>(StringComparer.Ordinal);
        // Deliverables first, so that a deliverable another one references keeps its own facts.
        foreach (var context in contexts)
        {
            projectSubjects.TryGetValue(context.Project.Name, out var deliverableSubject);
            var deliverable = new SbomNode
            {
                Ref = context.RootIdentity,
                Kind = SbomNodeKind.Project,
                Name = deliverableSubject?.Name ?? context.Project.Name,
                Version = deliverableSubject?.Version ?? context.Project.Version,
                Subject = deliverableSubject,
                Project = context.Project,
                IsDeliverable = true,
            };
            deliverable.Frameworks.UnionWith(context.Project.TargetFrameworks);
            nodes.Add(deliverable.Ref, deliverable);
            root.Edges.Add(new SbomEdge(deliverable.Ref, null));
        }
        foreach (var context in contexts)
        {
            string Resolve(string identity) =>
                identity == context.RootIdentity || occurrences[identity] == 1 || shared.Contains(identity) ? identity : context.RootIdentity + ">" + identity;
            AddContext(context, nodes[context.RootIdentity], nodes, Resolve);
        }
        var components = nodes.Values.OrderBy(n => n.Ref, StringComparer.Ordinal).ToArray();
        return new SbomGraph(root, components);
    }

    private static void AddContext(Context context, SbomNode root, Dictionary<string, SbomNode> nodes, Func<string, string> resolve)
    {
        foreach (var node in context.Nodes.Values.OrderBy(n => n.Identity, StringComparer.Ordinal))
        {
            var reference = resolve(node.Identity);
            bool isCopy = !string.Equals(reference, node.Identity, StringComparison.Ordinal);
            SbomNode? target;
            if (string.Equals(node.Identity, context.RootIdentity, StringComparison.Ordinal)) target = root;
            else if (!nodes.TryGetValue(reference, out target))
            {
                target = new SbomNode
                {
                    Ref = reference,
                    Kind = node.Package != null ? SbomNodeKind.Package : SbomNodeKind.Project,
                    Name = node.Name,
                    Version = node.Version,
                    Package = node.Package,
                    Project = node.Project,
                    Deliverable = isCopy ? context.Project.Name : null,
                };
                nodes.Add(reference, target);
            }
            MergeScope(target, node.Package);
            if (node.Package != null) target.Frameworks.UnionWith(node.Package.Frameworks);
            // A shared node has the same edges in every deliverable: write them once.
            if (target.Filled) continue;
            target.Filled = true;
            foreach (var edge in node.Edges) target.Edges.Add(new SbomEdge(resolve(edge.Target), edge.Scope));
        }
    }

    // A component used at run time by one deliverable ships, whatever another deliverable does with it.
    private static void MergeScope(SbomNode node, PackageResult? package)
    {
        if (package == null) return;
        if (node.Scope == null || Rank(package.Scope) < Rank(node.Scope.Value)) node.Scope = package.Scope;
        static int Rank(DependencyScope s) => s switch { DependencyScope.Runtime => 0, DependencyScope.Development => 1, _ => 2 };
    }

    private sealed class ContextNode
    {
        public required string Identity { get; init; }
        public required string Name { get; init; }
        public string? Version { get; init; }
        public PackageResult? Package { get; init; }
        public ProjectResult? Project { get; init; }
        public List<SbomEdge> Edges { get; } = new();
    }

    private sealed class Context
    {
        public required string RootIdentity { get; init; }
        public required ProjectResult Project { get; init; }
        public Dictionary<string, ContextNode> Nodes { get; } = new(StringComparer.Ordinal);
        public List<SbomEdge> RootEdges { get; } = new();
    }

    private const string Arrow = " → ";

    private static Context BuildContext(CheckResult result, ProjectResult project, string baseDir)
    {
        var context = new Context { RootIdentity = ProjectIdentity(project.ProjectPath, baseDir), Project = project };
        var byKey = new Dictionary<string, PackageResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in project.Packages) byKey[package.Id + "/" + package.Version] = package;
        foreach (var package in project.Packages)
        {
            var node = new ContextNode { Identity = PackageUrl.ForNuGet(package.Id, package.Version), Name = package.Id, Version = package.Version, Package = package };
            foreach (var dependency in package.Dependencies)
            {
                if (byKey.TryGetValue(dependency, out var target)) node.Edges.Add(new SbomEdge(PackageUrl.ForNuGet(target.Id, target.Version), null));
            }
            context.Nodes[node.Identity] = node;
        }

        // Referenced projects: their edges are the packages this project's restore reached through them.
        var projectNodes = new Dictionary<string, ContextNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in project.ProjectReferences)
        {
            var name = Path.GetFileNameWithoutExtension(reference);
            var loaded = result.Projects.FirstOrDefault(p => string.Equals(p.ProjectPath, reference, StringComparison.Ordinal));
            var node = new ContextNode { Identity = ProjectIdentity(reference, baseDir), Name = loaded?.Name ?? name, Version = loaded?.Version, Project = loaded };
            context.Nodes[node.Identity] = node;
            projectNodes[name] = node;
            context.RootEdges.Add(new SbomEdge(node.Identity, null));
        }
        var labels = project.Packages.ToDictionary(p => p.Id + " " + p.Version, p => p, StringComparer.OrdinalIgnoreCase);
        foreach (var package in project.Packages)
        {
            var identity = PackageUrl.ForNuGet(package.Id, package.Version);
            if (package.IsDirect) context.RootEdges.Add(new SbomEdge(identity, package.Scope));
            foreach (var path in package.Paths)
            {
                var segments = path.Split(Arrow);
                if (segments.Length == 3 && projectNodes.TryGetValue(segments[1], out var via) && labels.ContainsKey(segments[2]))
                {
                    via.Edges.Add(new SbomEdge(identity, package.Scope));
                }
            }
        }

        // Packages restore reached through a project this one references only transitively: attach them where their
        // recorded path enters, so that every component stays reachable from the root.
        while (true)
        {
            var reachable = Reachable(context);
            var orphans = context.Nodes.Values.Where(n => !reachable.Contains(n.Identity)).OrderBy(n => n.Identity, StringComparer.Ordinal).ToArray();
            if (orphans.Length == 0) break;
            var targets = context.Nodes.Values.SelectMany(n => n.Edges).Select(e => e.Target).ToHashSet(StringComparer.Ordinal);
            var orphan = orphans.FirstOrDefault(o => !targets.Contains(o.Identity)) ?? orphans[0];
            var entry = orphan.Package?.Paths.Select(p => p.Split(Arrow)).FirstOrDefault(s => s.Length > 2 && projectNodes.ContainsKey(s[1]));
            var edge = new SbomEdge(orphan.Identity, orphan.Package?.Scope);
            if (entry != null) projectNodes[entry[1]].Edges.Add(edge);
            else context.RootEdges.Add(edge);
        }
        var rootNode = new ContextNode { Identity = context.RootIdentity, Name = project.Name, Version = project.Version, Project = project };
        rootNode.Edges.AddRange(context.RootEdges);
        context.Nodes[rootNode.Identity] = rootNode;
        return context;
    }

    private static HashSet<string> Reachable(Context context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(context.RootEdges.Select(e => e.Target));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id) || !context.Nodes.TryGetValue(id, out var node)) continue;
            foreach (var e in node.Edges) queue.Enqueue(e.Target);
        }
        return seen;
    }

    /// <summary>A project's identity: its path relative to what was checked, so that no machine path enters the SBOM.</summary>
    internal static string ProjectIdentity(string projectPath, string baseDir)
    {
        var relative = Path.GetRelativePath(baseDir, projectPath);
        if (Path.IsPathRooted(relative)) relative = Path.GetFileName(projectPath);
        return "project:" + relative.Replace('\\', '/');
    }

    // What was checked is a solution or project file (its folder is the base) or a folder (the base itself).
    private static string BaseDirectory(string rootPath)
        => Path.GetExtension(rootPath).ToLowerInvariant() is ".sln" or ".slnx" or ".csproj" or ".fsproj" or ".vbproj" ? Path.GetDirectoryName(rootPath) ?? rootPath : rootPath;
}
