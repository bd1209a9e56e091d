// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;

namespace PublicCodePolicy.Analyzers;

/// <summary>
/// The only place that builds descriptors, so that no rule ships without its help link, its category or its
/// localised texts. Resource names: <c>{Id}_Title</c>, <c>{Id}_Description</c> and the given message name.
/// </summary>
internal static class DiagnosticDescriptorFactory
{
    public static DiagnosticDescriptor Create(string id, string messageResourceName, DiagnosticSeverity defaultSeverity, params string[] customTags)
    {
        // The one place allowed to call the constructor (banned elsewhere through BannedSymbols.txt).
#pragma warning disable RS0030
        return new DiagnosticDescriptor(
            id,
            AnalyzerResources.Localizable(id + "_Title"),
            AnalyzerResources.Localizable(messageResourceName),
            RuleCategories.Licensing,
            defaultSeverity,
            isEnabledByDefault: true,
            description: AnalyzerResources.Localizable(id + "_Description"),
            helpLinkUri: RuleIdentifiers.GetHelpUri(id),
            customTags: customTags);
#pragma warning restore RS0030
    }
}
