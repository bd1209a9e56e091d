// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.TestUtilities;

/// <summary>
/// Reads the packages of a project in a <c>publiccode check --format json</c> result of schemaVersion 2, where each
/// project entry refers by index (<c>package</c>) to the package judged once in the top-level <c>packages</c> array:
/// a field is taken from the project entry when it has it (scope, direct, verdict, frameworks, paths), else from the
/// judgement (id, version, license and the rest). Written from the schema, not from the product's writer.
/// </summary>
public static class CheckResultJson
{
    /// <summary>One package of one project, with both halves.</summary>
    public readonly record struct ProjectPackage(JsonElement Entry, JsonElement Judged)
    {
        /// <summary>The string field, from the project entry first, then the judgement; null when neither has it.</summary>
        public string? Get(string name)
            => Entry.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
             : Judged.TryGetProperty(name, out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;

        /// <summary>The element, from the project entry first, then the judgement.</summary>
        public bool TryGet(string name, out JsonElement value)
            => Entry.TryGetProperty(name, out value) || Judged.TryGetProperty(name, out value);
    }

    /// <summary>The packages of <paramref name="project"/> (an element of <c>projects</c>) in <paramref name="root"/>.</summary>
    public static IEnumerable<ProjectPackage> Packages(JsonElement root, JsonElement project)
    {
        var judged = root.GetProperty("packages").EnumerateArray().ToArray();
        foreach (var entry in project.GetProperty("packages").EnumerateArray())
        {
            yield return new ProjectPackage(entry, judged[entry.GetProperty("package").GetInt32()]);
        }
    }

    /// <summary>Every project's packages.</summary>
    public static IEnumerable<ProjectPackage> AllProjectPackages(JsonElement root)
        => root.GetProperty("projects").EnumerateArray().SelectMany(p => Packages(root, p)).ToArray();
}
