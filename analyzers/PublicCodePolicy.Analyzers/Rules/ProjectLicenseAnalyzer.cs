// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PublicCodePolicy.Analyzers.Licensing;
using PublicCodePolicy.Analyzers.Options;

namespace PublicCodePolicy.Analyzers.Rules;

/// <summary>
/// PCP0103: the project must declare its licence (<c>PackageLicenseExpression</c>) and the licence must be allowed by
/// the policy preset (<c>PublicCodePolicyPreset</c>, default osi). Reported once per compilation, without a location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProjectLicenseAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor MissingRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.ProjectLicense, "PCP0103_MissingMessage", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor InvalidRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.ProjectLicense, "PCP0103_InvalidMessage", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor NotAllowedRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.ProjectLicense, "PCP0103_NotAllowedMessage", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor UnknownPresetRule = DiagnosticDescriptorFactory.Create(RuleIdentifiers.ProjectLicense, "PCP0103_UnknownPresetMessage", DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(MissingRule, InvalidRule, NotAllowedRule, UnknownPresetRule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var presetName = ProjectSettings.GetValue(context.Options, null, OptionNames.Preset);
        if (!PolicyPresetRules.TryParse(presetName, out var preset))
        {
            context.ReportDiagnostic(Diagnostic.Create(UnknownPresetRule, Location.None, presetName, string.Join(", ", PolicyPresetRules.Names)));
            return;
        }
        var license = ProjectSettings.GetProjectLicense(context.Options);
        if (license == null)
        {
            context.ReportDiagnostic(Diagnostic.Create(MissingRule, Location.None));
            return;
        }
        var check = LicenseExpressions.Check(license);
        if (check.Expression == null)
        {
            context.ReportDiagnostic(Diagnostic.Create(InvalidRule, Location.None, license, check.Problem));
            return;
        }
        if (!PolicyPresetRules.Allows(preset, check.Expression))
        {
            context.ReportDiagnostic(Diagnostic.Create(NotAllowedRule, Location.None, check.Expression.ToString(), PolicyPresetRules.ToName(preset)));
        }
    }
}
