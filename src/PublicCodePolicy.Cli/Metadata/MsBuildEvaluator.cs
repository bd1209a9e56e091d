// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Exceptions;
using Microsoft.Build.Execution;

namespace PublicCodePolicy.Cli.Metadata;

/// <summary>One project's evaluated properties and the files its evaluation read (the project file first).</summary>
internal sealed record Evaluation(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Files);

/// <summary>
/// Evaluates projects with the MSBuild that <see cref="MsBuildHost"/> loaded. Only called after a successful
/// registration; kept apart so that no Microsoft.Build type is loaded before it.
/// </summary>
internal static class MsBuildEvaluator
{
    /// <summary>
    /// Evaluates every project (in parallel, one shared evaluation context so that SDK files are parsed once) with no
    /// global property, as <c>dotnet msbuild -getProperty</c> does; a project that cannot be evaluated maps to null.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyDictionary<string, Evaluation?> Evaluate(IReadOnlyList<string> projectPaths, IReadOnlyList<string> names)
    {
        var results = new ConcurrentDictionary<string, Evaluation?>(StringComparer.Ordinal);
        using var collection = new ProjectCollection(ToolsetDefinitionLocations.Default);
        var context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared);
        Parallel.ForEach(projectPaths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, path =>
        {
            try
            {
                var instance = ProjectInstance.FromFile(Path.GetFullPath(path), new ProjectOptions
                {
                    ProjectCollection = collection,
                    EvaluationContext = context,
                    LoadSettings = ProjectLoadSettings.Default,
                });
                var values = names.ToDictionary(n => n, instance.GetPropertyValue, StringComparer.Ordinal);
                var files = new List<string> { instance.FullPath };
                files.AddRange(instance.ImportPaths);
                results[path] = new Evaluation(values, files.Distinct(StringComparer.Ordinal).ToArray());
            }
            catch (Exception ex) when (ex is InvalidProjectFileException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                results[path] = null;
            }
        });
        return results;
    }
}
