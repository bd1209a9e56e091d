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

        var location = Location.Create(context.Tree, header.LicenseExpressionSpan);
        var check = LicenseExpressions.Check(header.LicenseExpression);
        if (check.Expression == null)
        {
            context.ReportDiagnostic(Diagnostic.Create(InvalidRule, location, header.LicenseExpression, check.Problem));
            return;
        }
        if (projectExpression == null) return;
        if (ProjectSettings.IsTrue(context.Options, context.Tree, OptionNames.AllowDifferentLicense)) return;
        if (string.Equals(LicenseExpressions.Normalize(check.Expression), LicenseExpressions.Normalize(projectExpression), StringComparison.Ordinal)) return;

        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.ProjectLicense, projectExpression.ToString());
        context.ReportDiagnostic(Diagnostic.Create(DifferentRule, location, properties, check.Expression.ToString(), projectExpression.ToString()));
    }
}
