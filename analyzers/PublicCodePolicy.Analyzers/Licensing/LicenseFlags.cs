// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Analyzers.Licensing;

/// <summary>Facts about a licence identifier, as generated into <see cref="SpdxData"/>.</summary>
[Flags]
internal enum LicenseFlags
{
    None = 0,
    /// <summary>Approved by the Open Source Initiative.</summary>
    OsiApproved = 1,
    /// <summary>Free according to the Free Software Foundation.</summary>
    FsfLibre = 2,
    /// <summary>Deprecated SPDX identifier (e.g. <c>GPL-3.0</c>).</summary>
    Deprecated = 4,
    /// <summary>On the French administration list (CRPA art. D323-2-1).</summary>
    FrenchAdministration = 8,
}
