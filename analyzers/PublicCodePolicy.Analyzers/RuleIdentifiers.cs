// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Analyzers;

/// <summary>
/// Identifiers of the analyzer rules. The PCP01xx block of the licence-policy range (PCP0001–PCP0999) belongs to
/// the analyzers; the engine's identifiers (PCP0001–PCP0008, PCP1xxx, PCP9xxx) live in the core's RuleCatalog.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>Where the rule pages are published (the same base as the engine's catalogue).</summary>
    public const string HelpBaseUri = "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/";

    /// <summary>PCP0101: a C# file lacks its REUSE header.</summary>
    public const string MissingFileHeader = "PCP0101";

    /// <summary>PCP0102: the licence in a file header is not valid SPDX or differs from the project's licence.</summary>
    public const string FileHeaderLicense = "PCP0102";

    /// <summary>PCP0103: the project's declared licence is missing or not allowed by the policy preset.</summary>
    public const string ProjectLicense = "PCP0103";

    /// <summary>PCP0104: a dependency finding of the MSBuild task, shown in the IDE.</summary>
    public const string DependencyFinding = "PCP0104";

    /// <summary>The documentation page of a rule.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}
