// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Analyzers.Options;

/// <summary>
/// Keys the analyzers read. <c>build_property.*</c> keys exist only for properties listed as
/// <c>CompilerVisibleProperty</c> (the package's props do it); the others are .editorconfig keys.
/// </summary>
internal static class OptionNames
{
    /// <summary>.editorconfig: holder written by the PCP0101 code fix.</summary>
    public const string CopyrightHolder = "PCP0101.copyright_holder";

    /// <summary>.editorconfig: <c>true</c> lets files declare a licence other than the project's (third-party code).</summary>
    public const string AllowDifferentLicense = "PCP0102.allow_different_license";

    /// <summary>MSBuild: the project's licence.</summary>
    public const string PackageLicenseExpression = "build_property.PackageLicenseExpression";

    /// <summary>MSBuild: holder written by the PCP0101 code fix when .editorconfig names none.</summary>
    public const string CopyrightHolderProperty = "build_property.PublicCodeCopyrightHolder";

    /// <summary>MSBuild: fallback holder.</summary>
    public const string Company = "build_property.Company";

    /// <summary>MSBuild: last fallback holder (semicolon-separated).</summary>
    public const string Authors = "build_property.Authors";

    /// <summary>MSBuild: policy preset (osi, fsf, osi-or-fsf, fr-administration).</summary>
    public const string Preset = "build_property.PublicCodePolicyPreset";

    /// <summary>MSBuild: <c>true</c> in design-time (IDE) builds, where PCP0104 surfaces the task's findings.</summary>
    public const string ReportInIde = "build_property.PublicCodePolicyReportInIde";
}
