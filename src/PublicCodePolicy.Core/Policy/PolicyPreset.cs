// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Policy;

/// <summary>Which licences a policy allows before its own allow/deny lists apply.</summary>
public enum PolicyPreset
{
    /// <summary>OSI-approved licences (the default).</summary>
    Osi,
    /// <summary>Licences the FSF calls free.</summary>
    Fsf,
    /// <summary>OSI-approved or FSF-free.</summary>
    OsiOrFsf,
    /// <summary>The licences French administrations may use for their source code (CRPA art. D323-2-1).</summary>
    FrAdministration,
}

/// <summary>Names and rules of the presets.</summary>
public static class PolicyPresets
{
    private static readonly Lazy<IReadOnlySet<string>> s_fr = new(LoadFrench);

    // Deprecated GNU identifiers and "+" forms, mapped to the current identifiers the French list uses.
    private static readonly Dictionary<string, string> s_deprecatedToCurrent = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GPL-2.0"] = "GPL-2.0-only", ["GPL-3.0"] = "GPL-3.0-only", ["LGPL-2.0"] = "LGPL-2.0-only", ["LGPL-2.1"] = "LGPL-2.1-only",
        ["LGPL-3.0"] = "LGPL-3.0-only", ["AGPL-1.0"] = "AGPL-1.0-only", ["AGPL-3.0"] = "AGPL-3.0-only", ["GFDL-1.1"] = "GFDL-1.1-only",
        ["GFDL-1.2"] = "GFDL-1.2-only", ["GFDL-1.3"] = "GFDL-1.3-only",
    };

    /// <summary>The preset's name as written in policy files and on the command line.</summary>
    public static string ToName(this PolicyPreset preset) => preset switch
    {
        PolicyPreset.Osi => "osi",
        PolicyPreset.Fsf => "fsf",
        PolicyPreset.OsiOrFsf => "osi-or-fsf",
        PolicyPreset.FrAdministration => "fr-administration",
        _ => throw new ArgumentOutOfRangeException(nameof(preset)),
    };

    /// <summary>All preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "osi", "fsf", "osi-or-fsf", "fr-administration" };

    /// <summary>Parses a preset name (case-insensitive).</summary>
    public static bool TryParse(string? name, out PolicyPreset preset)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "osi": preset = PolicyPreset.Osi; return true;
            case "fsf": preset = PolicyPreset.Fsf; return true;
            case "osi-or-fsf": preset = PolicyPreset.OsiOrFsf; return true;
            case "fr-administration": preset = PolicyPreset.FrAdministration; return true;
            default: preset = PolicyPreset.Osi; return false;
        }
    }

    /// <summary>The SPDX identifiers of the French administration list (CRPA art. D323-2-1).</summary>
    public static IReadOnlySet<string> FrenchAdministrationLicenses => s_fr.Value;

    /// <summary>Whether the preset allows a listed licence (<paramref name="orLater"/> for <c>Id+</c>).</summary>
    public static bool Allows(PolicyPreset preset, LicenseInfo license, bool orLater)
    {
        ArgumentNullException.ThrowIfNull(license);
        return preset switch
        {
            PolicyPreset.Osi => license.IsOsiApproved,
            PolicyPreset.Fsf => license.IsFsfLibre == true,
            PolicyPreset.OsiOrFsf => license.IsOsiApproved || license.IsFsfLibre == true,
            PolicyPreset.FrAdministration => AllowsFrench(license.Id, orLater),
            _ => false,
        };
    }

    private static bool AllowsFrench(string id, bool orLater)
    {
        var set = s_fr.Value;
        if (s_deprecatedToCurrent.TryGetValue(id, out var current)) id = current;
        if (orLater && id.EndsWith("-only", StringComparison.Ordinal)) id = id.Substring(0, id.Length - "-only".Length) + "-or-later";
        if (set.Contains(id)) return true;
        // "X-or-later" includes X itself, which the list may name as "-only" only.
        return id.EndsWith("-or-later", StringComparison.Ordinal) && set.Contains(id.Substring(0, id.Length - "-or-later".Length) + "-only");
    }

    private static IReadOnlySet<string> LoadFrench()
    {
        using var doc = EmbeddedData.ReadJson("fr-administration.json");
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in new[] { "permissive", "reciprocal" })
        {
            foreach (var e in doc.RootElement.GetProperty(group).EnumerateArray()) set.Add(e.GetString()!);
        }
        return set;
    }
}
