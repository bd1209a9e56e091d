// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PublicCodePolicy.Analyzers;

namespace PublicCodePolicy.CodeFixes.Rules;

/// <summary>
/// PCP0102: replaces the licence of a file header by the project's licence. Offered only for a header that differs
/// from the project (an invalid expression may be a typo of a third-party licence that a person must check).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FileHeaderLicenseFixer)), Shared]
public sealed class FileHeaderLicenseFixer : CodeFixProvider
{
    private const string EquivalenceKey = RuleIdentifiers.FileHeaderLicense + "_UseProjectLicense";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.FileHeaderLicense);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ProjectLicense, out var license) || string.IsNullOrWhiteSpace(license)) continue;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    CodeFixResources.Format("UseProjectLicense_Title", license!),
                    async ct =>
                    {
                        var text = await context.Document.GetTextAsync(ct).ConfigureAwait(false);
                        return context.Document.WithText(text.WithChanges(new TextChange(span, license!)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
        return Task.CompletedTask;
    }
}
