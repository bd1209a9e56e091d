// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Resources;

namespace PublicCodePolicy.Cli;

/// <summary>
/// The console texts and help of <c>publiccode</c>, from <c>CliResources.resx</c> (English, the neutral culture) and
/// <c>CliResources.fr.resx</c> (French). A test checks that both files hold the same keys and placeholders.
/// </summary>
internal sealed class CliTexts
{
    private static readonly ResourceManager s_resources = new("PublicCodePolicy.Cli.CliResources", typeof(CliTexts).Assembly);

    private CliTexts(CultureInfo culture) => Culture = culture;

    /// <summary>English texts (the invariant culture).</summary>
    public static CliTexts English { get; } = new(CliLanguage.English);

    /// <summary>French texts.</summary>
    public static CliTexts French { get; } = new(CliLanguage.French);

    /// <summary>The texts for a culture: French for any <c>fr</c> culture, else English.</summary>
    public static CliTexts For(CultureInfo culture) => CliLanguage.IsFrench(culture) ? French : English;

    /// <summary>The culture the texts are read in (and engine texts rendered in).</summary>
    public CultureInfo Culture { get; }

    /// <summary>Whether the texts are French.</summary>
    public bool IsFrench => ReferenceEquals(this, French);

    /// <summary>The text of <paramref name="key"/>. A missing key is a defect: it throws rather than print a blank.</summary>
    public string S(string key) => s_resources.GetString(key, Culture) ?? throw new MissingManifestResourceException("CliResources has no text '" + key + "'.");

    /// <summary>The composite format <paramref name="key"/> with its arguments (invariant formatting: output does not depend on the machine).</summary>
    public string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, S(key), args);

    /// <summary>Every key of the neutral resources, for the tests.</summary>
    internal static IReadOnlyList<string> Keys()
    {
        // Not disposed: the manager caches this set and reads the texts from it.
        var set = s_resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }
}

/// <summary>
/// Which language the console speaks: <c>--lang</c> where a command has it, else <c>DOTNET_CLI_UI_LANGUAGE</c> (as the
/// .NET SDK's own commands), else the user's UI culture; English by default. The tool runs with invariant globalization,
/// where the runtime ignores the POSIX locale, so the locale variables (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>)
/// are read here in their POSIX order of precedence.
/// </summary>
internal static class CliLanguage
{
    public static CultureInfo English => CultureInfo.InvariantCulture;

    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr", predefinedOnly: false);

    public static bool IsFrench(CultureInfo culture) => IsFrenchTag(culture.Name);

    /// <summary>The console language from the environment and the current UI culture.</summary>
    public static CultureInfo Resolve(Func<string, string?> environment, CultureInfo currentUiCulture)
    {
        var dotnet = environment("DOTNET_CLI_UI_LANGUAGE");
        if (!string.IsNullOrWhiteSpace(dotnet)) return IsFrenchTag(dotnet) ? French : English;
        if (!string.IsNullOrEmpty(currentUiCulture.Name)) return IsFrench(currentUiCulture) ? French : English;
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = environment(name);
            if (!string.IsNullOrWhiteSpace(value)) return IsFrenchTag(value) ? French : English;
        }
        return English;
    }

    // "fr", "fr-FR", "fr_BE.UTF-8", "fr.UTF-8": French. "C", "en_US", "fro" (Old French, not a UI language): English.
    private static bool IsFrenchTag(string tag)
    {
        var t = tag.Trim();
        return t.StartsWith("fr", StringComparison.OrdinalIgnoreCase) && (t.Length == 2 || t[2] is '-' or '_' or '.' or '@');
    }
}
