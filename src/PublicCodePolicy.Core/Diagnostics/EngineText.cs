// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Resources;

namespace PublicCodePolicy.Diagnostics;

/// <summary>
/// A sentence of the engine (a reason, a finding's message, a remedy) kept as a resource key of
/// <c>EngineResources.resx</c> and its arguments, so that each front-end renders it in its reader's language:
/// English (the neutral culture, and what the JSON outputs carry) or French (<c>EngineResources.fr.resx</c>).
/// Arguments are identifiers, versions, paths and texts from the inputs, shown as they are, or other engine texts,
/// rendered in the same language.
/// </summary>
public sealed class EngineText
{
    private static readonly CachedResources s_resources = new("PublicCodePolicy.Diagnostics.EngineResources", typeof(EngineText).Assembly);

    private readonly object?[] _arguments;
    private readonly string? _separator;

    private EngineText(string? key, string? separator, object?[] arguments)
    {
        Key = key;
        _separator = separator;
        _arguments = arguments;
    }

    /// <summary>The resource key; null for a verbatim text or a joined list.</summary>
    public string? Key { get; }

    /// <summary>The arguments: strings shown as they are, or other <see cref="EngineText"/>s.</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>The text of resource <paramref name="key"/> with its arguments.</summary>
    /// <exception cref="MissingManifestResourceException">The key does not exist (a defect, caught by the tests).</exception>
    public static EngineText Of(string key, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (s_resources.GetString(key, CultureInfo.InvariantCulture) == null) throw new MissingManifestResourceException("EngineResources has no text '" + key + "'.");
        return new EngineText(key, null, arguments ?? Array.Empty<object?>());
    }

    /// <summary>A text from the inputs or a custom rule, the same in every language.</summary>
    public static EngineText Verbatim(string text) => new(null, null, new object?[] { text ?? string.Empty });

    /// <summary>Several texts one after the other, separated by <paramref name="separator"/>.</summary>
    public static EngineText Join(string separator, IEnumerable<EngineText> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new EngineText(null, separator ?? string.Empty, parts.Cast<object?>().ToArray());
    }

    /// <summary>The text in the language of <paramref name="culture"/> (French for any <c>fr</c> culture, else English).</summary>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (_separator != null) return string.Join(_separator, _arguments.Select(a => Render(a, culture)));
        if (Key == null) return Render(_arguments[0], culture);
        var format = s_resources.GetString(Key, culture) ?? Key;
        return string.Format(CultureInfo.InvariantCulture, format, _arguments.Select(a => (object?)Render(a, culture)).ToArray());
    }

    /// <summary>The English text: what <see cref="Finding.Message"/> and the JSON outputs carry.</summary>
    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    private static string Render(object? argument, CultureInfo culture) => argument switch
    {
        null => string.Empty,
        EngineText t => t.ToString(culture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => argument.ToString() ?? string.Empty,
    };

    /// <summary>Every key of <c>EngineResources.resx</c>, for the tests.</summary>
    internal static IReadOnlyList<string> Keys()
    {
        // Not disposed: the manager caches this set and reads the texts from it.
        var set = s_resources.Manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }
}
