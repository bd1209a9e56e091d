// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PublicCodePolicy.Analyzers.Headers;
using PublicCodePolicy.Analyzers.Licensing;
using PublicCodePolicy.Analyzers.Options;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Analyzers.Rules;

/// <summary>
/// PCP0102: the licence of a file header must be a valid SPDX expression and, unless the file is allowed to
/// differ (<c>PCP0102.allow_different_license</c>), the project's licence.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileHeaderLicenseAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor InvalidRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.FileHeaderLicense, "PCP0102_InvalidMessage", DiagnosticSeverity.Warning);

    internal static readonly DiagnosticDescriptor DifferentRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.FileHeaderLicense, "PCP0102_DifferentMessage", DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(InvalidRule, DifferentRule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // The project's licence is the same for every file: parse it once per compilation.
            var projectLicense = ProjectSettings.GetProjectLicense(start.Options);
            var projectExpression = projectLicense == null ? null : LicenseExpressions.Check(projectLicense).Expression;
            start.RegisterSyntaxTreeAction(tree => AnalyzeTree(tree, projectExpression));
        });
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context, SpdxExpression? projectExpression)
    {
        var header = FileHeader.Read(context.Tree.GetRoot(context.CancellationToken));
        if (!header.HasLicense) return;

        var expressions = new List<SpdxExpression>();
        foreach (var tag in header.Licenses)
        {
            var check = LicenseExpressions.Check(tag.Expression);
            if (check.Expression == null)
            {
                context.ReportDiagnostic(Diagnostic.Create(InvalidRule, Location.Create(context.Tree, tag.ExpressionSpan), tag.Expression, check.Problem));
            }
            else
            {
                expressions.Add(check.Expression);
            }
        }
        if (expressions.Count != header.Licenses.Count || projectExpression == null) return;
        if (ProjectSettings.IsTrue(context.Options, context.Tree, OptionNames.AllowDifferentLicense)) return;

        // Several tags all apply (REUSE): the file is under their conjunction.
        var fileExpression = LicenseExpressions.And(expressions);
        if (string.Equals(LicenseExpressions.Normalize(fileExpression), LicenseExpressions.Normalize(projectExpression), StringComparison.Ordinal)) return;

        // The fix rewrites one expression: it is offered only when the header has a single tag.
        var properties = header.Licenses.Count == 1
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.ProjectLicense, projectExpression.ToString())
            : ImmutableDictionary<string, string?>.Empty;
        var location = Location.Create(context.Tree, header.Licenses[0].ExpressionSpan);
        var additional = header.Licenses.Skip(1).Select(t => Location.Create(context.Tree, t.ExpressionSpan));
        context.ReportDiagnostic(Diagnostic.Create(DifferentRule, location, additional, properties, fileExpression.ToString(), projectExpression.ToString()));
    }
}
