// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Engine;

/// <summary>
/// The package graph of one project, built from its assets file: union of all targets, direct/transitive, edges,
/// shortest paths, and scope. A package is development-only when every path to it passes through a
/// development-only reference or package; test scope is applied by the caller.
/// </summary>
public sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlyList<Node> nodes) => Nodes = nodes;

    /// <summary>Package nodes, sorted by id then version.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>A package of the graph.</summary>
    public sealed class Node
    {
        internal Node(AssetsLibrary library) => Library = library;

        /// <summary>The assets file's library entry.</summary>
        public AssetsLibrary Library { get; }

        /// <summary>Package id.</summary>
        public string Id => Library.Id;

        /// <summary>Resolved version.</summary>
        public string Version => Library.Version;

        /// <summary>Directly referenced by the project.</summary>
        public bool IsDirect { get; internal set; }

        /// <summary>Runtime or development (test is decided by the project).</summary>
        public DependencyScope Scope { get; internal set; }

        /// <summary>Targets where the package is present.</summary>
        public IReadOnlyList<string> Frameworks { get; internal set; } = Array.Empty<string>();

        /// <summary>Dependencies as <c>Id/Version</c>, sorted.</summary>
        public IReadOnlyList<string> Dependencies { get; internal set; } = Array.Empty<string>();

        /// <summary>Shortest paths from the project, one per direct reference that reaches the package.</summary>
        public IReadOnlyList<string> Paths { get; internal set; } = Array.Empty<string>();

        /// <summary>Direct references (packages or projects) that bring the package in.</summary>
        public IReadOnlyList<string> IntroducedBy { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>Most paths kept per package: enough to show every way in for real graphs, bounded for huge ones.</summary>
    public const int MaxPathsPerPackage = 8;

    /// <summary>
    /// The framework of an assets-file target: targets are keyed "framework" and, with runtime identifiers,
    /// "framework/rid" (net10.0/linux-x64), which is the same framework restored for one runtime.
    /// </summary>
    internal static string FrameworkOf(string targetName)
    {
        int slash = targetName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? targetName : targetName[..slash];
    }

    /// <summary>Packages named at the start of a long dependency path (after the project); the middle is summarised.</summary>
    public const int PathHeadNodes = 4;

    /// <summary>Packages named at the end of a long dependency path (the package itself and its nearest parents).</summary>
    public const int PathTailNodes = 12;

    /// <summary>Builds the graph. <paramref name="metadata"/> gives a package's nuspec (for <c>developmentDependency</c>); it may return null.</summary>
    public static ProjectGraph Build(AssetsFile assets, Func<AssetsLibrary, PackageMetadata?> metadata)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(metadata);

        // Union of all targets (frameworks × runtime identifiers): key "id/version" (lower-case id) → node.
        var nodes = new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
        var projectLibs = new Dictionary<string, AssetsTargetLibrary>(StringComparer.OrdinalIgnoreCase);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var frameworks = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        var shipping = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var buildOnlyCandidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Per target: id → key, to resolve a dependency's version the way restore did.
        foreach (var (targetName, libs) in assets.Targets)
        {
            var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var lib in libs) byId[lib.Id] = Key(lib.Id, lib.Version);
            foreach (var lib in libs)
            {
                var key = Key(lib.Id, lib.Version);
                if (lib.Type.Equals("project", StringComparison.OrdinalIgnoreCase))
                {
                    projectLibs[lib.Id] = lib;
                }
                else if (!nodes.ContainsKey(key))
                {
                    if (!assets.Libraries.TryGetValue(lib.Id + "/" + lib.Version, out var library))
                        library = new AssetsLibrary { Id = lib.Id, Version = lib.Version, Type = lib.Type };
                    nodes[key] = new Node(library);
                }
                if (!frameworks.TryGetValue(key, out var fw)) frameworks[key] = fw = new SortedSet<string>(StringComparer.Ordinal);
                fw.Add(FrameworkOf(targetName));
                if (lib.HasShippingAssets) shipping.Add(key);
                else if (lib.HasBuildAssets) buildOnlyCandidates.Add(key);
                if (!edges.TryGetValue(key, out var set)) edges[key] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var dep in lib.Dependencies.Keys)
                {
                    if (byId.TryGetValue(dep, out var depKey)) set.Add(depKey);
                }
            }
        }

        // A package is a development "barrier" when it never ships anything: developmentDependency, or only
        // build/analyzer assets in every target. What is reached only through a barrier is development-only too.
        var barriers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in nodes)
        {
            bool analyzersOnly = !shipping.Contains(key) && node.Library.HasAnalyzers;
            bool buildOnly = !shipping.Contains(key) && buildOnlyCandidates.Contains(key);
            if (analyzersOnly || buildOnly || metadata(node.Library)?.DevelopmentDependency == true) barriers.Add(key);
        }

        // Direct references: packages of projectFileDependencyGroups, and referenced projects.
        var declared = assets.DeclaredDependencies.Values.SelectMany(d => d).GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.All(d => d.IsDevelopmentOnly), StringComparer.OrdinalIgnoreCase);
        var directIds = assets.DirectDependencyIds.Values.SelectMany(v => v).Concat(declared.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var referencedProjectFiles = assets.ProjectReferences.Values.SelectMany(v => v).Select(p => Path.GetFileName(p.Replace('\\', '/'))).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var roots = new List<(string Label, string Key, bool Dev)>();
        foreach (var (key, node) in nodes)
        {
            if (directIds.Contains(node.Id))
            {
                node.IsDirect = true;
                roots.Add((node.Id + " " + node.Version, key, declared.TryGetValue(node.Id, out var dev) && dev));
            }
        }
        foreach (var (id, lib) in projectLibs)
        {
            var libPath = assets.Libraries.TryGetValue(lib.Id + "/" + lib.Version, out var l) ? l.Path : null;
            bool direct = directIds.Contains(id) || (libPath != null && referencedProjectFiles.Contains(Path.GetFileName(libPath.Replace('\\', '/'))));
            if (direct) roots.Add((id + " (project)", Key(lib.Id, lib.Version), false));
        }
        roots.Sort((a, b) => string.Compare(a.Label, b.Label, StringComparison.OrdinalIgnoreCase));

        // Runtime reachability: from non-development roots, never walking through a barrier.
        var runtime = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        foreach (var root in roots.Where(r => !r.Dev))
        {
            if (barriers.Contains(root.Key)) continue;
            if (runtime.Add(root.Key)) queue.Enqueue(root.Key);
        }
        while (queue.Count > 0)
        {
            var key = queue.Dequeue();
            if (!edges.TryGetValue(key, out var next)) continue;
            foreach (var n in next)
            {
                if (barriers.Contains(n)) continue;
                if (runtime.Add(n)) queue.Enqueue(n);
            }
        }

        // Shortest path from each root (breadth-first, deterministic order). Large solutions run this for every
        // project, so the walk works on integer indices with one reused parent array, and path text is built only
        // for the paths kept.
        var keys = edges.Keys.Concat(nodes.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToArray();
        var index = new Dictionary<string, int>(keys.Length, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < keys.Length; i++) index[keys[i]] = i;
        var adjacency = new int[keys.Length][];
        for (int i = 0; i < keys.Length; i++)
        {
            adjacency[i] = edges.TryGetValue(keys[i], out var next) ? next.Where(index.ContainsKey).Select(n => index[n]).OrderBy(n => n).ToArray() : Array.Empty<int>();
        }
        var labels = keys.Select(k => Label(k, nodes, projectLibs)).ToArray();
        var isNode = keys.Select(nodes.ContainsKey).ToArray();
        var paths = new List<string>?[keys.Length];
        var introducedBy = new List<string>?[keys.Length];
        var parent = new int[keys.Length];
        Array.Fill(parent, -2);
        // Depth from the root, and the ancestor at depth PathHeadNodes: a path is written as its head and its tail, so
        // that a 6,000-deep chain costs the same as a short one (output linear in the graph, not quadratic).
        var depth = new int[keys.Length];
        var anchor = new int[keys.Length];
        var head = new List<string>();
        var visited = new List<int>();
        var walk = new Queue<int>();
        string projectLabel = assets.ProjectName;
        var chain = new List<string>();
        foreach (var root in roots)
        {
            if (!index.TryGetValue(root.Key, out int start)) continue;
            parent[start] = -1;
            depth[start] = 0;
            anchor[start] = start;
            visited.Add(start);
            walk.Enqueue(start);
            while (walk.Count > 0)
            {
                int current = walk.Dequeue();
                foreach (int n in adjacency[current])
                {
                    if (parent[n] != -2) continue;
                    parent[n] = current;
                    depth[n] = depth[current] + 1;
                    anchor[n] = depth[n] <= PathHeadNodes ? n : anchor[current];
                    visited.Add(n);
                    walk.Enqueue(n);
                }
            }
            foreach (int reached in visited)
            {
                if (!isNode[reached]) continue;
                (introducedBy[reached] ??= new List<string>()).Add(root.Label);
                var list = paths[reached] ??= new List<string>();
                if (list.Count >= MaxPathsPerPackage) continue;
                chain.Clear();
                int omitted = depth[reached] - PathHeadNodes - PathTailNodes;
                if (omitted <= 0)
                {
                    for (int k = reached; k >= 0; k = parent[k]) chain.Add(labels[k]);
                }
                else
                {
                    int k = reached;
                    for (int i = 0; i < PathTailNodes; i++, k = parent[k]) chain.Add(labels[k]);
                    chain.Add("… " + omitted.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more …");
                    head.Clear();
                    for (k = anchor[reached]; k >= 0; k = parent[k]) head.Add(labels[k]);
                    chain.AddRange(head);
                }
                chain.Add(projectLabel);
                chain.Reverse();
                list.Add(string.Join(" → ", chain));
            }
            foreach (int v in visited) parent[v] = -2;
            visited.Clear();
        }

        foreach (var (key, node) in nodes)
        {
            node.Scope = runtime.Contains(key) ? DependencyScope.Runtime : DependencyScope.Development;
            node.Frameworks = frameworks.TryGetValue(key, out var fw) ? fw.ToArray() : Array.Empty<string>();
            node.Dependencies = edges.TryGetValue(key, out var e)
                ? e.Where(nodes.ContainsKey).Select(k => nodes[k].Id + "/" + nodes[k].Version).OrderBy(x => x, StringComparer.OrdinalIgnoreCase).ToArray()
                : Array.Empty<string>();
            int at = index[key];
            node.Paths = paths[at] is { } p ? p.OrderBy(x => x.Length).ThenBy(x => x, StringComparer.Ordinal).ToArray() : Array.Empty<string>();
            // Roots were walked in sorted order, each once: the list is already sorted and distinct.
            node.IntroducedBy = introducedBy[at] is { } ib ? ib.ToArray() : Array.Empty<string>();
        }
        var sorted = nodes.Values
            .OrderBy(n => n.Id, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.Id, StringComparer.Ordinal).ThenBy(n => n.Version, StringComparer.Ordinal)
            .ToArray();
        return new ProjectGraph(sorted);
    }

    private static string Key(string id, string version) => id + "/" + version;

    private static string Label(string key, Dictionary<string, Node> nodes, Dictionary<string, AssetsTargetLibrary> projects)
    {
        if (nodes.TryGetValue(key, out var n)) return n.Id + " " + n.Version;
        int slash = key.LastIndexOf('/');
        var id = slash > 0 ? key.Substring(0, slash) : key;
        return projects.ContainsKey(id) ? id : key;
    }
}
