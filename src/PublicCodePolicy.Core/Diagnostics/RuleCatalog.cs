// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Diagnostics;

/// <summary>Severity of a finding.</summary>
public enum FindingSeverity
{
    /// <summary>Information for the report.</summary>
    Info,
    /// <summary>Should be looked at; does not fail the check.</summary>
    Warning,
    /// <summary>Fails the check (when in an enforced scope).</summary>
    Error,
}

/// <summary>Area of a rule; each area owns a range of identifiers.</summary>
public enum RuleCategory
{
    /// <summary>PCP0001–PCP0999: licence policy.</summary>
    License,
    /// <summary>PCP1000–PCP1999: dependency graph and package metadata.</summary>
    Graph,
    /// <summary>PCP2000–PCP2999: SBOM.</summary>
    Sbom,
    /// <summary>PCP3000–PCP3999: publiccode.yml.</summary>
    PublicCode,
    /// <summary>PCP9000–PCP9999: configuration and tool errors.</summary>
    Configuration,
}

/// <summary>A rule of the catalogue: identifier, titles, default severity, help link.</summary>
public sealed record RuleDescriptor(string Id, RuleCategory Category, FindingSeverity DefaultSeverity, string Title, string TitleFr)
{
    /// <summary>The documentation page of the rule.</summary>
    public string HelpUri => RuleCatalog.GetHelpUri(Id);
}

/// <summary>
/// The one catalogue of PCP identifiers, shared by the CLI, the MSBuild task, the analyzers and the SDK.
/// Every identifier has a page <c>docs/rules/PCPxxxx.md</c> (a test checks it).
/// </summary>
public static class RuleCatalog
{
    /// <summary>Where the rule pages are published.</summary>
    public const string HelpBaseUri = "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/";

    /// <summary>Help link of a rule.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";

    /// <summary>PCP0001: a dependency's licence is not allowed.</summary>
    public static readonly RuleDescriptor DeniedLicense = new("PCP0001", RuleCategory.License, FindingSeverity.Error, "Dependency licence not allowed by the policy", "Licence de dépendance non autorisée par la politique");
    /// <summary>PCP0002: a dependency's licence is unknown.</summary>
    public static readonly RuleDescriptor UnknownLicense = new("PCP0002", RuleCategory.License, FindingSeverity.Error, "Dependency licence unknown", "Licence de dépendance inconnue");
    /// <summary>PCP0003: an exception has expired.</summary>
    public static readonly RuleDescriptor ExpiredException = new("PCP0003", RuleCategory.License, FindingSeverity.Error, "Policy exception expired", "Dérogation expirée");
    /// <summary>PCP0004: an exception matches nothing.</summary>
    public static readonly RuleDescriptor UnusedException = new("PCP0004", RuleCategory.License, FindingSeverity.Warning, "Policy exception matches no dependency", "Dérogation sans objet");
    /// <summary>PCP0005: the declared expression is not valid SPDX.</summary>
    public static readonly RuleDescriptor InvalidDeclaredExpression = new("PCP0005", RuleCategory.License, FindingSeverity.Warning, "Declared licence expression is not valid SPDX", "Expression de licence déclarée invalide");
    /// <summary>PCP0006: a deprecated SPDX identifier is used.</summary>
    public static readonly RuleDescriptor DeprecatedLicenseId = new("PCP0006", RuleCategory.License, FindingSeverity.Info, "Deprecated SPDX licence identifier", "Identifiant SPDX obsolète");
    /// <summary>PCP0007: a dependency is accepted under an exception.</summary>
    public static readonly RuleDescriptor ExceptedDependency = new("PCP0007", RuleCategory.License, FindingSeverity.Info, "Dependency accepted under a policy exception", "Dépendance acceptée par dérogation");
    /// <summary>PCP0008: a custom policy rule denied or flagged a dependency.</summary>
    public static readonly RuleDescriptor CustomRule = new("PCP0008", RuleCategory.License, FindingSeverity.Error, "Custom policy rule", "Règle de politique personnalisée");
    /// <summary>PCP0020: a package's concluded licence changed since the baseline (check --baseline).</summary>
    public static readonly RuleDescriptor LicenceChanged = new("PCP0020", RuleCategory.License, FindingSeverity.Warning, "Dependency licence changed since the baseline", "Licence de dépendance modifiée depuis la référence");
    /// <summary>PCP0021: a package is new since the baseline (check --baseline).</summary>
    public static readonly RuleDescriptor NewPackage = new("PCP0021", RuleCategory.License, FindingSeverity.Info, "Dependency new since the baseline", "Dépendance nouvelle depuis la référence");
    /// <summary>PCP1001: package metadata not found.</summary>
    public static readonly RuleDescriptor PackageNotFound = new("PCP1001", RuleCategory.Graph, FindingSeverity.Warning, "Package not found in the package folders", "Paquet introuvable dans les dossiers de paquets");
    /// <summary>PCP1002: a nuspec is malformed.</summary>
    public static readonly RuleDescriptor MalformedNuspec = new("PCP1002", RuleCategory.Graph, FindingSeverity.Warning, "Package metadata (nuspec) unreadable", "Métadonnées de paquet (nuspec) illisibles");
    /// <summary>PCP1003: restore recorded errors.</summary>
    public static readonly RuleDescriptor RestoreErrors = new("PCP1003", RuleCategory.Graph, FindingSeverity.Warning, "Restore reported errors; the graph may be incomplete", "La restauration a signalé des erreurs ; le graphe peut être incomplet");
    /// <summary>PCP1004: a dependency is deprecated by its owner (online mode).</summary>
    public static readonly RuleDescriptor DeprecatedPackage = new("PCP1004", RuleCategory.Graph, FindingSeverity.Warning, "Dependency deprecated", "Dépendance obsolète");
    /// <summary>PCP1005: an online package source failed; its answers are missing (online mode).</summary>
    public static readonly RuleDescriptor OnlineSourceFailed = new("PCP1005", RuleCategory.Graph, FindingSeverity.Warning, "Package source unavailable in online mode", "Source de paquets indisponible en mode en ligne");
    /// <summary>PCP9001: the project was never restored.</summary>
    public static readonly RuleDescriptor NotRestored = new("PCP9001", RuleCategory.Configuration, FindingSeverity.Error, "Project not restored", "Projet non restauré");
    /// <summary>PCP9002: the assets file is unreadable.</summary>
    public static readonly RuleDescriptor InvalidAssetsFile = new("PCP9002", RuleCategory.Configuration, FindingSeverity.Error, "Assets file unreadable", "Fichier project.assets.json illisible");
    /// <summary>PCP9003: the policy file is invalid.</summary>
    public static readonly RuleDescriptor InvalidPolicy = new("PCP9003", RuleCategory.Configuration, FindingSeverity.Error, "Policy file invalid", "Fichier de politique invalide");
    /// <summary>PCP9004: nothing to check at the given path.</summary>
    public static readonly RuleDescriptor InputNotFound = new("PCP9004", RuleCategory.Configuration, FindingSeverity.Error, "No project found at the given path", "Aucun projet trouvé à l'emplacement indiqué");
    /// <summary>PCP9005: the solution file is unreadable.</summary>
    public static readonly RuleDescriptor InvalidSolution = new("PCP9005", RuleCategory.Configuration, FindingSeverity.Error, "Solution file unreadable", "Fichier de solution illisible");

    /// <summary>PCP9006: a result file given to merge is unreadable.</summary>
    public static readonly RuleDescriptor InvalidResultFile = new("PCP9006", RuleCategory.Configuration, FindingSeverity.Error, "Check result file unreadable", "Fichier de résultat illisible");
    /// <summary>PCP9007: online mode was asked for and the NuGet configuration is unreadable.</summary>
    public static readonly RuleDescriptor InvalidNuGetConfig = new("PCP9007", RuleCategory.Configuration, FindingSeverity.Error, "NuGet configuration unreadable", "Configuration NuGet illisible");
    /// <summary>PCP9010: an output file cannot be written (missing folder, full disk, read-only, not a regular file); the previous file is intact.</summary>
    public static readonly RuleDescriptor OutputNotWritten = new("PCP9010", RuleCategory.Configuration, FindingSeverity.Error, "Output file cannot be written", "Fichier de sortie impossible à écrire");
    /// <summary>PCP9011: a command-line option, argument or environment variable has a value the tool does not accept.</summary>
    public static readonly RuleDescriptor InvalidUsage = new("PCP9011", RuleCategory.Configuration, FindingSeverity.Error, "Invalid option or environment value", "Option ou variable d'environnement invalide");
    /// <summary>PCP9101: a PublicCodePolicy MSBuild property has a value the build integration does not understand.</summary>
    public static readonly RuleDescriptor InvalidBuildProperty = new("PCP9101", RuleCategory.Configuration, FindingSeverity.Error, "Invalid PublicCodePolicy MSBuild property", "Propriété MSBuild PublicCodePolicy invalide");
    /// <summary>PCP9102: the MSBuild that runs the build cannot load the task (.NET Framework MSBuild, e.g. Visual Studio).</summary>
    public static readonly RuleDescriptor UnsupportedMSBuildRuntime = new("PCP9102", RuleCategory.Configuration, FindingSeverity.Warning, "Dependency check not supported by this MSBuild", "Vérification des dépendances non prise en charge par ce MSBuild");
    /// <summary>PCP9103: the build's cache of findings under obj/ cannot be read.</summary>
    public static readonly RuleDescriptor UnreadableFindingsCache = new("PCP9103", RuleCategory.Configuration, FindingSeverity.Warning, "Cached findings unreadable", "Résultats en cache illisibles");

    /// <summary>Every rule of the engine, sorted by identifier.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        DeniedLicense, UnknownLicense, ExpiredException, UnusedException, InvalidDeclaredExpression, DeprecatedLicenseId, ExceptedDependency, CustomRule, LicenceChanged, NewPackage,
        PackageNotFound, MalformedNuspec, RestoreErrors, DeprecatedPackage, OnlineSourceFailed,
        NotRestored, InvalidAssetsFile, InvalidPolicy, InputNotFound, InvalidSolution, InvalidResultFile, InvalidNuGetConfig, OutputNotWritten, InvalidUsage,
        InvalidBuildProperty, UnsupportedMSBuildRuntime, UnreadableFindingsCache,
        Sbom.SbomRules.PackageWithoutHash, Sbom.SbomRules.SubjectLicenseMissing, Sbom.SbomRules.AttachedSbomRejected,
    }.Concat(PublicCode.PublicCodeRules.All).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a rule by identifier.</summary>
    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category that owns an identifier's number range.</summary>
    public static RuleCategory? CategoryOf(string id)
    {
        if (id.Length != 7 || !id.StartsWith("PCP", StringComparison.Ordinal) || !int.TryParse(id.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return null;
        return n switch
        {
            >= 1 and <= 999 => RuleCategory.License,
            >= 1000 and <= 1999 => RuleCategory.Graph,
            >= 2000 and <= 2999 => RuleCategory.Sbom,
            >= 3000 and <= 3999 => RuleCategory.PublicCode,
            >= 9000 => RuleCategory.Configuration,
            _ => null,
        };
    }
}
