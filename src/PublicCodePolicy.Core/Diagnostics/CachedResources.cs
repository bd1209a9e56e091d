// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace PublicCodePolicy.Diagnostics;

/// <summary>
/// A resource manager whose texts are looked up once per key and culture. <see cref="ResourceManager.GetString(string, CultureInfo)"/>
/// takes a lock on every call; a large solution asks for the same few keys hundreds of thousands of times from
/// several threads (a reason and a remedy per project and package, a report row per package).
/// </summary>
internal sealed class CachedResources
{
    private readonly ConcurrentDictionary<(string Key, string Culture), string?> _texts = new();

    public CachedResources(string baseName, Assembly assembly) => Manager = new ResourceManager(baseName, assembly);

    /// <summary>The underlying manager (for listing the keys).</summary>
    public ResourceManager Manager { get; }

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>, or null when there is none.</summary>
    public string? GetString(string key, CultureInfo culture)
        => _texts.GetOrAdd((key, culture.Name), static (k, state) => state.Manager.GetString(k.Key, state.Culture), (Manager, Culture: culture));
}
