// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PublicCodePolicy.Analyzers.Options;

/// <summary>Reads the analyzer settings from .editorconfig (per file) and MSBuild properties (global).</summary>
internal static class ProjectSettings
{
    /// <summary>A non-blank value for <paramref name="key"/>: the file's options first, then the global ones.</summary>
    public static string? GetValue(AnalyzerOptions options, SyntaxTree? tree, string key)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (tree != null && provider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }
        return provider.GlobalOptions.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>Whether a boolean option is set to <c>true</c> (any case).</summary>
    public static bool IsTrue(AnalyzerOptions options, SyntaxTree? tree, string key)
        => string.Equals(GetValue(options, tree, key), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project's licence expression as declared, or null.</summary>
    public static string? GetProjectLicense(AnalyzerOptions options) => GetValue(options, null, OptionNames.PackageLicenseExpression);

    /// <summary>
    /// The copyright holder: .editorconfig key, then PublicCodeCopyrightHolder, then Company, then Authors.
    /// Analyzer config values end at ';' or '#' (comment characters), so of "A; B" authors only "A" arrives here.
    /// </summary>
    public static string? GetCopyrightHolder(AnalyzerOptions options, SyntaxTree tree)
        => GetValue(options, tree, OptionNames.CopyrightHolder)
            ?? GetValue(options, null, OptionNames.CopyrightHolderProperty)
            ?? GetValue(options, null, OptionNames.Company)
            ?? GetValue(options, null, OptionNames.Authors);
}
