// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using Json.Schema;

namespace PublicCodePolicy.TestUtilities;

/// <summary>
/// Loads JSON Schemas once per test process: JsonSchema.Net registers a schema globally under its <c>$id</c>,
/// and refuses to register the same id twice.
/// </summary>
public static class TestSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> s_cache = new(StringComparer.Ordinal);

    /// <summary>The schema in <paramref name="path"/>.</summary>
    public static JsonSchema Load(string path)
        => s_cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(p)))).Value;
}
