// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Analyzers.Licensing;

/// <summary>The policy presets the engine knows (see the core's PolicyPreset), as seen by the analyzers.</summary>
internal enum PolicyPresetKind
{
    Osi,
    Fsf,
    OsiOrFsf,
    FrAdministration,
}

/// <summary>
/// Whether a preset allows an expression, with the engine's semantics: OR needs one allowed branch, AND needs all,
/// WITH needs an allowed licence and a listed exception; LicenseRef-, NOASSERTION and NONE are never allowed by a
/// preset alone (the engine allows them only through a policy file's allow list, which the analyzers do not read).
/// </summary>
internal static class PolicyPresetRules
{
    // The French list names current GNU identifiers; deprecated ones map to their "-only" form, as in the engine.
    private static readonly Dictionary<string, string> s_deprecatedToCurrent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GPL-2.0"] = "GPL-2.0-only", ["GPL-3.0"] = "GPL-3.0-only", ["LGPL-2.0"] = "LGPL-2.0-only", ["LGPL-2.1"] = "LGPL-2.1-only",
        ["LGPL-3.0"] = "LGPL-3.0-only", ["AGPL-1.0"] = "AGPL-1.0-only", ["AGPL-3.0"] = "AGPL-3.0-only", ["GFDL-1.1"] = "GFDL-1.1-only",
        ["GFDL-1.2"] = "GFDL-1.2-only", ["GFDL-1.3"] = "GFDL-1.3-only",
    };

    /// <summary>Names as written in the PublicCodePolicyPreset property, policy files and the CLI.</summary>
    public static readonly string[] Names = { "osi", "fsf", "osi-or-fsf", "fr-administration" };

    public static bool TryParse(string? name, out PolicyPresetKind preset)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null:
            case "":
            case "osi": preset = PolicyPresetKind.Osi; return true;
            case "fsf": preset = PolicyPresetKind.Fsf; return true;
            case "osi-or-fsf": preset = PolicyPresetKind.OsiOrFsf; return true;
            case "fr-administration": preset = PolicyPresetKind.FrAdministration; return true;
            default: preset = PolicyPresetKind.Osi; return false;
        }
    }

    public static string ToName(PolicyPresetKind preset) => Names[(int)preset];

    public static bool Allows(PolicyPresetKind preset, SpdxExpression expression)
    {
        switch (expression)
        {
            case SpdxLicense l:
                return AllowsLicense(preset, l);
            case SpdxWith w:
                return w.ExceptionIsListed && Allows(preset, w.License);
            case SpdxCompound c when c.Kind == SpdxNodeKind.Or:
                return c.Operands.Any(o => Allows(preset, o));
            case SpdxCompound c:
                return c.Operands.All(o => Allows(preset, o));
            default:
                return false;
        }
    }

    private static bool AllowsLicense(PolicyPresetKind preset, SpdxLicense license)
    {
        if (!license.IsListed || !SpdxCatalog.Instance.TryGetLicenseFlags(license.Id, out var flags)) return false;
        switch (preset)
        {
            case PolicyPresetKind.Osi: return (flags & LicenseFlags.OsiApproved) != 0;
            case PolicyPresetKind.Fsf: return (flags & LicenseFlags.FsfLibre) != 0;
            case PolicyPresetKind.OsiOrFsf: return (flags & (LicenseFlags.OsiApproved | LicenseFlags.FsfLibre)) != 0;
            case PolicyPresetKind.FrAdministration: return AllowsFrench(license.Id, license.OrLater);
            default: return false;
        }
    }

    private static bool AllowsFrench(string id, bool orLater)
    {
        if (s_deprecatedToCurrent.TryGetValue(id, out var current)) id = current;
        if (orLater && id.EndsWith("-only", StringComparison.Ordinal)) id = id.Substring(0, id.Length - "-only".Length) + "-or-later";
        if (IsFrench(id)) return true;
        // "X-or-later" includes X itself, which the list may name as "-only" only.
        return id.EndsWith("-or-later", StringComparison.Ordinal) && IsFrench(id.Substring(0, id.Length - "-or-later".Length) + "-only");
    }

    private static bool IsFrench(string id) => SpdxCatalog.Instance.TryGetLicenseFlags(id, out var flags) && (flags & LicenseFlags.FrenchAdministration) != 0;
}
