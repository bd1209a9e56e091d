// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Analyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the analyzers hand to the code fixes.</summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>PCP0101: "true" when the licence tag must be added.</summary>
    public const string AddLicense = "AddLicense";

    /// <summary>PCP0101: "true" when the copyright tag must be added.</summary>
    public const string AddCopyright = "AddCopyright";

    /// <summary>PCP0101/PCP0102: the project's licence expression (canonical when it parses).</summary>
    public const string ProjectLicense = "ProjectLicense";

    /// <summary>PCP0101: the configured copyright holder.</summary>
    public const string CopyrightHolder = "CopyrightHolder";
}
