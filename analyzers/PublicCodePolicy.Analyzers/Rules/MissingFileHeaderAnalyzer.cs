// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PublicCodePolicy.Analyzers.Headers;
using PublicCodePolicy.Analyzers.Licensing;
using PublicCodePolicy.Analyzers.Options;

namespace PublicCodePolicy.Analyzers.Rules;

/// <summary>
/// PCP0101: a C# file must start with a REUSE header (<c>SPDX-License-Identifier:</c> and
/// <c>SPDX-FileCopyrightText:</c> in its leading comments). Generated code is skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingFileHeaderAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.MissingFileHeader, "PCP0101_Message", DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        var header = FileHeader.Read(root);
        if (header.IsComplete) return;

        var missing = new List<string>();
        if (!header.HasLicense) missing.Add(FileHeader.LicenseTag);
        if (!header.HasCopyright) missing.Add(FileHeader.CopyrightTag);

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticPropertyNames.AddLicense] = header.HasLicense ? "false" : "true";
        properties[DiagnosticPropertyNames.AddCopyright] = header.HasCopyright ? "false" : "true";
        var license = ProjectSettings.GetProjectLicense(context.Options);
        if (license != null)
        {
            var check = LicenseExpressions.Check(license);
            properties[DiagnosticPropertyNames.ProjectLicense] = check.Expression?.ToString() ?? license;
        }
        var holder = ProjectSettings.GetCopyrightHolder(context.Options, context.Tree);
        if (holder != null) properties[DiagnosticPropertyNames.CopyrightHolder] = holder;

        var text = context.Tree.GetText(context.CancellationToken);
        TextSpan span = text.Lines.Count > 0 ? text.Lines[0].Span : new TextSpan(0, 0);
        context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(context.Tree, span), properties.ToImmutable(), string.Join(", ", missing)));
    }
}
