// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PublicCodePolicy.Analyzers.Findings;
using PublicCodePolicy.Analyzers.Options;

namespace PublicCodePolicy.Analyzers.Rules;

/// <summary>
/// PCP0104: shows the MSBuild task's dependency findings in the IDE. The task writes them to
/// <c>PublicCodePolicy.findings.json</c>, passed as an AdditionalFile; each finding is reported at its entry in
/// that file. Active only when <c>PublicCodePolicyReportInIde</c> is <c>true</c> (design-time builds), because
/// command-line builds already print the task's own warnings.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DependencyFindingsAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor FindingRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.DependencyFinding, "PCP0104_Message", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor UnreadableRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.DependencyFinding, "PCP0104_UnreadableMessage", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(FindingRule, UnreadableRule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        if (!ProjectSettings.IsTrue(context.Options, null, OptionNames.ReportInIde)) return;

        // Sorted by path so that the order of the diagnostics does not depend on the host.
        var files = context.Options.AdditionalFiles
            .Where(f => string.Equals(Path.GetFileName(f.Path), FindingsDocument.FileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        string? previous = null;
        foreach (var file in files)
        {
            if (string.Equals(file.Path, previous, StringComparison.Ordinal)) continue;
            previous = file.Path;
            var text = file.GetText(context.CancellationToken);
            if (text == null) continue;
            var content = text.ToString();
            var problems = new List<FindingsProblem>();
            foreach (var finding in FindingsDocument.Read(content, problems))
            {
                string package = finding.Package == null ? string.Empty
                    : " (" + finding.Package + (finding.PackageVersion == null ? string.Empty : " " + finding.PackageVersion) + ")";
                context.ReportDiagnostic(Diagnostic.Create(FindingRule, Locate(file.Path, text, finding.Span), finding.Severity, additionalLocations: null, properties: null, finding.Id, finding.Message, package));
            }
            foreach (var problem in problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(UnreadableRule, Locate(file.Path, text, problem.Span), Path.GetFileName(file.Path), problem.Message));
            }
        }
    }

    private static Location Locate(string path, SourceText text, TextSpan span) => Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
}
