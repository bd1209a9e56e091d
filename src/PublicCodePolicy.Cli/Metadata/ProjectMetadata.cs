// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using PublicCodePolicy.Cli.Commands;

namespace PublicCodePolicy.Cli.Metadata;

/// <summary>How the evaluated properties of a project were obtained (for tests and <c>--verbose</c>-like diagnostics).</summary>
internal enum MetadataSource
{
    /// <summary>MSBuild could not evaluate the project.</summary>
    None,

    /// <summary>From the cache under obj/, still valid for every input of the evaluation.</summary>
    Cache,

    /// <summary>Evaluated in this process by the located SDK's MSBuild.</summary>
    InProcess,

    /// <summary>Evaluated by one <c>dotnet msbuild -getProperty</c> process for this project.</summary>
    Process,
}

/// <summary>The evaluated properties of one project.</summary>
internal sealed record ProjectProperties(IReadOnlyDictionary<string, string> Values, MetadataSource Source);

/// <summary>
/// Evaluated MSBuild properties of many projects at once. All projects are evaluated in this process by the MSBuild of
/// the SDK that <c>dotnet</c> would pick for them (global.json respected), with one shared evaluation context, in
/// parallel; results are cached under each project's obj/ folder, keyed by every input of the evaluation (see
/// <see cref="MetadataCache"/>). When no SDK can be loaded in process, each project is evaluated by its own
/// <c>dotnet msbuild -getProperty</c> process, as before: slower, same values.
/// </summary>
internal static class ProjectMetadata
{
    /// <summary>
    /// Set to <c>process</c> to evaluate each project in its own <c>dotnet msbuild</c> process (the reference path), or to
    /// <c>nocache</c> to evaluate in process without reading or writing the cache.
    /// </summary>
    public const string ModeVariable = "PUBLICCODE_MSBUILD_EVALUATION";

    /// <summary>
    /// The values of <paramref name="names"/> (empty string when undefined, as <c>-getProperty</c> prints them) for each
    /// project, keyed by the project path as given; a project MSBuild cannot evaluate maps to null.
    /// </summary>
    /// <param name="projectPaths">Project files.</param>
    /// <param name="names">Property names.</param>
    /// <param name="mode">As <see cref="ModeVariable"/>; null reads that variable.</param>
    public static IReadOnlyDictionary<string, ProjectProperties?> Read(IReadOnlyCollection<string> projectPaths, IEnumerable<string> names, string? mode = null)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var results = new ConcurrentDictionary<string, ProjectProperties?>(StringComparer.Ordinal);
        var paths = projectPaths.Distinct(StringComparer.Ordinal).ToArray();
        if (paths.Length == 0) return results;
        mode = (mode ?? Environment.GetEnvironmentVariable(ModeVariable))?.Trim().ToLowerInvariant();
        string? msbuildPath = mode == "process" ? null : MsBuildHost.TryRegister(CommonDirectory(paths));
        if (msbuildPath == null)
        {
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
            {
                var values = Dotnet.GetProperties(p, wanted);
                results[p] = values == null ? null : new ProjectProperties(Complete(values, wanted), MetadataSource.Process);
            });
            return results;
        }

        var cache = mode == "nocache" ? null : new MetadataCache(msbuildPath, wanted);
        var misses = new List<string>();
        foreach (var p in paths)
        {
            if (cache?.TryGet(p) is { } cached) results[p] = new ProjectProperties(cached, MetadataSource.Cache);
            else misses.Add(p);
        }
        if (misses.Count > 0)
        {
            var evaluated = wanted.Append(MetadataCache.ExtraProperty).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var (path, evaluation) in MsBuildEvaluator.Evaluate(misses, evaluated))
            {
                if (evaluation == null)
                {
                    // Broken project, or something this process cannot load: the reference path decides.
                    var values = Dotnet.GetProperties(path, wanted);
                    results[path] = values == null ? null : new ProjectProperties(Complete(values, wanted), MetadataSource.Process);
                    continue;
                }
                results[path] = new ProjectProperties(wanted.ToDictionary(n => n, n => evaluation.Values[n], StringComparer.Ordinal), MetadataSource.InProcess);
                cache?.Store(path, evaluation);
            }
        }
        return results;
    }

    private static IReadOnlyDictionary<string, string> Complete(Dictionary<string, string?> values, string[] wanted)
        => wanted.ToDictionary(n => n, n => values.TryGetValue(n, out var v) ? v ?? string.Empty : string.Empty, StringComparer.Ordinal);

    // The SDK is the one 'dotnet' picks in the projects' folder (their global.json), as for 'dotnet msbuild'.
    private static string CommonDirectory(string[] paths)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(paths[0]))!;
        foreach (var p in paths.Skip(1))
        {
            var other = Path.GetDirectoryName(Path.GetFullPath(p))! + Path.DirectorySeparatorChar;
            while (!other.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetDirectoryName(dir) is { } parent) dir = parent;
        }
        return dir;
    }
}
