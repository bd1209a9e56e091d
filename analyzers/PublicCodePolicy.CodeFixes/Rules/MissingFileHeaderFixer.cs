// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PublicCodePolicy.Analyzers;
using PublicCodePolicy.Analyzers.Headers;

namespace PublicCodePolicy.CodeFixes.Rules;

/// <summary>
/// PCP0101: inserts the missing <c>SPDX-License-Identifier</c> (the project's licence) and
/// <c>SPDX-FileCopyrightText</c> (the configured holder) lines. Offered only when the values to write are known:
/// a header with a guessed licence would be worse than no header.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingFileHeaderFixer)), Shared]
public sealed class MissingFileHeaderFixer : CodeFixProvider
{
    private const string EquivalenceKey = RuleIdentifiers.MissingFileHeader + "_AddHeader";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingFileHeader);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var props = diagnostic.Properties;
            bool addLicense = props.TryGetValue(DiagnosticPropertyNames.AddLicense, out var a) && a == "true";
            bool addCopyright = props.TryGetValue(DiagnosticPropertyNames.AddCopyright, out var c) && c == "true";
            props.TryGetValue(DiagnosticPropertyNames.ProjectLicense, out var license);
            props.TryGetValue(DiagnosticPropertyNames.CopyrightHolder, out var holder);
            if (!addLicense && !addCopyright) continue;
            if (addLicense && string.IsNullOrWhiteSpace(license)) continue;
            if (addCopyright && string.IsNullOrWhiteSpace(holder)) continue;

            var title = CodeFixResources.Get("AddHeader_Title");
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddHeaderAsync(context.Document, addLicense ? license : null, addCopyright ? holder : null, ct), EquivalenceKey),
                diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> AddHeaderAsync(Document document, string? license, string? holder, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root == null) return document;
        var header = FileHeader.Read(root);
        string nl = DetectNewLine(text);
        string licenseLine = "// " + FileHeader.LicenseTag + " " + license;
        string copyrightLine = "// " + FileHeader.CopyrightTag + " " + holder;

        TextChange change;
        if (license != null && holder != null)
        {
            change = new TextChange(new TextSpan(0, 0), licenseLine + nl + copyrightLine + nl);
        }
        else if (holder != null)
        {
            // Keep the usual order (licence, then copyright) when the licence is a line comment of its own.
            change = IsWholeLineComment(root, text, header.LicenseCommentSpan)
                ? new TextChange(new TextSpan(text.Lines.GetLineFromPosition(header.LicenseCommentSpan.Start).End, 0), nl + copyrightLine)
                : new TextChange(new TextSpan(0, 0), copyrightLine + nl);
        }
        else
        {
            change = IsWholeLineComment(root, text, header.CopyrightCommentSpan)
                ? new TextChange(new TextSpan(text.Lines.GetLineFromPosition(header.CopyrightCommentSpan.Start).Start, 0), licenseLine + nl)
                : new TextChange(new TextSpan(0, 0), licenseLine + nl);
        }
        return document.WithText(text.WithChanges(change));
    }

    // A "// ..." comment alone on its line: a new line can go right before or after it.
    private static bool IsWholeLineComment(SyntaxNode root, SourceText text, TextSpan commentSpan)
    {
        var trivia = root.FindTrivia(commentSpan.Start);
        if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)) return false;
        var line = text.Lines.GetLineFromPosition(commentSpan.Start);
        for (int i = line.Start; i < commentSpan.Start; i++)
        {
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private static string DetectNewLine(SourceText text)
    {
        foreach (var line in text.Lines)
        {
            int breakLength = line.EndIncludingLineBreak - line.End;
            if (breakLength > 0) return text.ToString(new TextSpan(line.End, breakLength));
        }
        return "\n";
    }
}
