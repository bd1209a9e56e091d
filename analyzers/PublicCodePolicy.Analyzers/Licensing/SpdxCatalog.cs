// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Analyzers.Licensing;

/// <summary>The SPDX licence and exception lists, from the generated <see cref="SpdxData"/> tables.</summary>
internal sealed class SpdxCatalog : ISpdxIdentifierCatalog
{
    private readonly Dictionary<string, int> _licenses;
    private readonly Dictionary<string, int> _exceptions;

    private SpdxCatalog()
    {
        _licenses = new Dictionary<string, int>(SpdxData.Licenses.Length, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < SpdxData.Licenses.Length; i++) _licenses[SpdxData.Licenses[i].Id] = i;
        _exceptions = new Dictionary<string, int>(SpdxData.Exceptions.Length, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < SpdxData.Exceptions.Length; i++) _exceptions[SpdxData.Exceptions[i].Id] = i;
    }

    /// <summary>The shared instance (the tables are immutable).</summary>
    public static SpdxCatalog Instance { get; } = new SpdxCatalog();

    /// <summary>Version of the SPDX License List.</summary>
    public static string Version => SpdxData.LicenseListVersion;

    /// <inheritdoc />
    public bool TryGetLicenseId(string candidate, out string canonicalId)
    {
        if (candidate != null && _licenses.TryGetValue(candidate, out var index))
        {
            canonicalId = SpdxData.Licenses[index].Id;
            return true;
        }
        canonicalId = string.Empty;
        return false;
    }

    /// <inheritdoc />
    public bool TryGetExceptionId(string candidate, out string canonicalId)
    {
        if (candidate != null && _exceptions.TryGetValue(candidate, out var index))
        {
            canonicalId = SpdxData.Exceptions[index].Id;
            return true;
        }
        canonicalId = string.Empty;
        return false;
    }

    /// <summary>The flags of a listed licence identifier (case-insensitive).</summary>
    public bool TryGetLicenseFlags(string id, out LicenseFlags flags)
    {
        if (id != null && _licenses.TryGetValue(id, out var index))
        {
            flags = SpdxData.Licenses[index].Flags;
            return true;
        }
        flags = LicenseFlags.None;
        return false;
    }
}
