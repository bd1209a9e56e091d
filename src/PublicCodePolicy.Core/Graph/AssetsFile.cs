// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Graph;

/// <summary>A direct dependency as the project declared it (from the assets file's <c>project</c> section).</summary>
public sealed record DirectDependency(string Id, string? VersionRange, string? SuppressParent, string? Include, string? Exclude, bool AutoReferenced)
{
    /// <summary>
    /// True when the reference keeps the package out of what the project ships: <c>PrivateAssets="all"</c>, or
    /// include/exclude flags that leave no compile, runtime, native or content assets.
    /// </summary>
    public bool IsDevelopmentOnly
    {
        get
        {
            if (HasFlag(SuppressParent, "all")) return true;
            var included = Flags(Include, all: true);
            var excluded = Flags(Exclude, all: false);
            bool Ships(string flag) => included.Contains(flag) && !excluded.Contains(flag);
            return !(Ships("compile") || Ships("runtime") || Ships("native") || Ships("contentfiles"));
        }
    }

    private static bool HasFlag(string? value, string flag) => Flags(value, all: false).Contains(flag);

    private static HashSet<string> Flags(string? value, bool all)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (all) set.UnionWith(AllFlags);
            return set;
        }
        foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase)) { set.UnionWith(AllFlags); set.Add("all"); }
            else set.Add(part);
        }
        return set;
    }

    private static readonly string[] AllFlags = { "compile", "runtime", "contentfiles", "build", "buildmultitargeting", "buildtransitive", "analyzers", "native" };
}

/// <summary>One library entry inside one target of the assets file.</summary>
public sealed class AssetsTargetLibrary
{
    /// <summary>Library id.</summary>
    public required string Id { get; init; }

    /// <summary>Resolved version.</summary>
    public required string Version { get; init; }

    /// <summary><c>package</c> or <c>project</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Dependencies: id → version range.</summary>
    public required IReadOnlyDictionary<string, string> Dependencies { get; init; }

    /// <summary>The package brings compile, runtime, native, resource or content assets (ignoring <c>_._</c> placeholders).</summary>
    public bool HasShippingAssets { get; init; }

    /// <summary>The package brings MSBuild props/targets.</summary>
    public bool HasBuildAssets { get; init; }
}

/// <summary>A library of the assets file (<c>libraries</c> section).</summary>
public sealed class AssetsLibrary
{
    /// <summary>Library id.</summary>
    public required string Id { get; init; }

    /// <summary>Resolved version.</summary>
    public required string Version { get; init; }

    /// <summary><c>package</c> or <c>project</c>.</summary>
    public required string Type { get; init; }

    /// <summary>SHA-512 of the .nupkg, base64 as NuGet stores it.</summary>
    public string? Sha512Base64 { get; init; }

    /// <summary>Relative folder of the package inside a package folder (e.g. <c>newtonsoft.json/13.0.4</c>), or the project path.</summary>
    public string? Path { get; init; }

    /// <summary>The nuspec file name listed in <c>files</c>, when present.</summary>
    public string? NuspecFile { get; init; }

    /// <summary>The package contains analyzers (<c>analyzers/…</c>).</summary>
    public bool HasAnalyzers { get; init; }

    /// <summary>Files at the package root (licence files are looked for among them).</summary>
    public IReadOnlyList<string> RootFiles { get; init; } = Array.Empty<string>();
}

/// <summary>A restore message recorded in the assets file (<c>logs</c> section).</summary>
public sealed record AssetsLogMessage(string Code, string Level, string Message, string? LibraryId);

/// <summary>The parts of a project's restored <c>project.assets.json</c> that the policy needs.</summary>
public sealed class AssetsFile
{
    /// <summary>Full path of the file read.</summary>
    public required string Path { get; init; }

    /// <summary>Assets file format version.</summary>
    public int FormatVersion { get; init; }

    /// <summary>Project name (restore metadata).</summary>
    public required string ProjectName { get; init; }

    /// <summary>Full path of the project file (restore metadata).</summary>
    public required string ProjectPath { get; init; }

    /// <summary>The project's own version.</summary>
    public string? ProjectVersion { get; init; }

    /// <summary>Package folders, global packages folder first.</summary>
    public required IReadOnlyList<string> PackageFolders { get; init; }

    /// <summary>Targets: key (e.g. <c>net8.0</c> or <c>net8.0/linux-x64</c>) → libraries.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<AssetsTargetLibrary>> Targets { get; init; }

    /// <summary>Libraries by <c>Id/Version</c> key (case-insensitive).</summary>
    public required IReadOnlyDictionary<string, AssetsLibrary> Libraries { get; init; }

    /// <summary>Direct dependency ids per framework key (from <c>projectFileDependencyGroups</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> DirectDependencyIds { get; init; }

    /// <summary>Declared direct dependencies per framework alias (from <c>project.frameworks</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<DirectDependency>> DeclaredDependencies { get; init; }

    /// <summary>Referenced project files per framework alias.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ProjectReferences { get; init; }

    /// <summary>Restore messages.</summary>
    public required IReadOnlyList<AssetsLogMessage> Logs { get; init; }
}
