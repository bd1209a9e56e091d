// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>Language of the human-readable report (the JSON report is language-neutral).</summary>
public enum ReportLanguage
{
    /// <summary>French: the label's language, and the default.</summary>
    French,
    /// <summary>English.</summary>
    English,
}

/// <summary>Names of the report languages.</summary>
public static class ReportLanguages
{
    /// <summary>The BCP 47 tag (<c>fr</c>, <c>en</c>).</summary>
    public static string ToTag(this ReportLanguage language) => language == ReportLanguage.English ? "en" : "fr";

    /// <summary>Parses <c>fr</c> or <c>en</c> (case-insensitive).</summary>
    public static bool TryParse(string? tag, out ReportLanguage language)
    {
        switch (tag?.Trim().ToLowerInvariant())
        {
            case "fr": language = ReportLanguage.French; return true;
            case "en": language = ReportLanguage.English; return true;
            default: language = ReportLanguage.French; return false;
        }
    }
}

/// <summary>
/// Every text of the HTML and Markdown reports, in one typed table per language: a missing translation is a compile
/// error, not a blank in an authority's application. Texts with <c>{0}</c> are composite formats.
/// </summary>
internal sealed class ReportTexts
{
    public required string Lang { get; init; }
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string DateLabel { get; init; }
    public required string Undated { get; init; }
    public required string ResultLabel { get; init; }
    public required string Passed { get; init; }
    public required string Failed { get; init; }
    public required string KeyFigures { get; init; }
    public required string FigDependencies { get; init; }
    public required string FigFreeShare { get; init; }
    public required string FigDenied { get; init; }
    public required string FigUnknown { get; init; }
    public required string FigExcepted { get; init; }
    public required string FigOrganisations { get; init; }
    public required string Contents { get; init; }
    public required string CriteriaTitle { get; init; }
    public required string CriteriaIntro { get; init; }
    public required string CriteriaSection { get; init; }
    public required string CriteriaCriterion { get; init; }
    public required string Criterion1 { get; init; }
    public required string Criterion1Mention { get; init; }
    public required string Criterion2 { get; init; }
    public required string Criterion3 { get; init; }
    public required string Criterion4 { get; init; }
    public required string CriterionAll { get; init; }

    public required string IdentityTitle { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Description { get; init; }
    public required string Organisation { get; init; }
    public required string OwnLicense { get; init; }
    public required string LicenseFree { get; init; }
    public required string LicenseFrench { get; init; }
    public required string OtherLicenses { get; init; }
    public required string Forge { get; init; }
    public required string ForgeNotPublic { get; init; }
    public required string SourceYml { get; init; }
    public required string SourceMsBuild { get; init; }
    public required string SourceFileName { get; init; }
    public required string NotDeclared { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }

    public required string PublicCodeTitle { get; init; }
    public required string PublicCodeMissing { get; init; }
    public required string PublicCodeValid { get; init; }
    public required string PublicCodeInvalid { get; init; }
    public required string Status { get; init; }
    public required string File { get; init; }
    public required string Type { get; init; }
    public required string Key { get; init; }
    public required string Line { get; init; }
    public required string Message { get; init; }
    public required string Error { get; init; }
    public required string Warning { get; init; }

    public required string DependenciesTitle { get; init; }
    public required string DependenciesIntro { get; init; }
    public required string ChartTitle { get; init; }
    public required string Project { get; init; }
    public required string Deliverable { get; init; }
    public required string TestProject { get; init; }
    public required string NotRestored { get; init; }
    public required string Scope { get; init; }
    public required string Total { get; init; }
    public required string FreeShare { get; init; }
    public required string AllScopes { get; init; }

    public required string NonAllowedTitle { get; init; }
    public required string NonAllowedIntro { get; init; }
    public required string NonAllowedNone { get; init; }
    public required string Package { get; init; }
    public required string Verdict { get; init; }
    public required string License { get; init; }
    public required string Evidence { get; init; }
    public required string Reason { get; init; }
    public required string Paths { get; init; }
    public required string Enforced { get; init; }
    public required string NotEnforced { get; init; }
    public required string Direct { get; init; }
    public required string Transitive { get; init; }

    public required string LicenceChangesTitle { get; init; }
    public required string ExceptionsTitle { get; init; }
    public required string ExceptionsNone { get; init; }
    public required string Versions { get; init; }
    public required string AllVersions { get; init; }
    public required string Justification { get; init; }
    public required string ApprovedBy { get; init; }
    public required string Expires { get; init; }
    public required string NoExpiry { get; init; }
    public required string AppliedTo { get; init; }
    public required string AppliedToNone { get; init; }

    public required string SbomTitle { get; init; }
    public required string SbomNone { get; init; }
    public required string Format { get; init; }
    public required string Size { get; init; }
    public required string SbomCheck { get; init; }

    public required string ReuseTitle { get; init; }
    public required string ReuseNoYml { get; init; }
    public required string IsBasedOn { get; init; }
    public required string UsedBy { get; init; }
    public required string FundedBy { get; init; }
    public required string Maintenance { get; init; }

    public required string ContributorsTitle { get; init; }
    public required string ContributorsIntro { get; init; }
    public required string ContributorsNotGit { get; init; }
    public required string Domain { get; init; }
    public required string NoDomain { get; init; }
    public required string Commits { get; init; }
    public required string Contributors { get; init; }

    public required string UpstreamTitle { get; init; }
    public required string UpstreamIntro { get; init; }
    public required string UpstreamNone { get; init; }
    public required string Contribution { get; init; }
    public required string Date { get; init; }

    public required string PolicyTitle { get; init; }
    public required string Preset { get; init; }
    public required string PolicyFile { get; init; }
    public required string BuiltInPolicy { get; init; }
    public required string EnforcedScopes { get; init; }
    public required string UnknownLicenses { get; init; }
    public required string UnknownFail { get; init; }
    public required string UnknownWarn { get; init; }
    public required string AllowList { get; init; }
    public required string DenyList { get; init; }
    public required string SpdxVersion { get; init; }
    public required string ToolVersion { get; init; }

    public required string VerifyTitle { get; init; }
    public required string VerifyFromRepository { get; init; }
    public required string VerifyFromFolder { get; init; }
    public required string VerifyExpected { get; init; }
    public required string VerifyTool { get; init; }

    public required string Footer { get; init; }

    public required string OtherFindingsTitle { get; init; }
    public required string OtherFindingsIntro { get; init; }
    public required string Rule { get; init; }
    public required string ExceptionsJudgedOn { get; init; }
    public required string ExceptionsJudgedToday { get; init; }
    public required string State { get; init; }
    public required IReadOnlyDictionary<ExceptionState, string> ExceptionStateNames { get; init; }
    public required IReadOnlyDictionary<string, string> MaintenanceTypes { get; init; }

    public required IReadOnlyDictionary<string, string> PresetDescriptions { get; init; }
    public required IReadOnlyDictionary<DependencyScope, string> ScopeNames { get; init; }
    public required IReadOnlyDictionary<Verdict, string> VerdictNames { get; init; }

    /// <summary>": " in English, " : " (no-break space before the colon) in French typography.</summary>
    public string Colon => Lang == "fr" ? "\u00a0: " : ": ";

    public static ReportTexts For(ReportLanguage language) => language == ReportLanguage.English ? English : French;

    public required string ExpiredExceptionMessage { get; init; }

    /// <summary>A blocking finding's message in the report's language when the report knows its facts, else the engine's.</summary>
    public string FindingMessage(ReportFinding finding)
        => finding.ExpiredOn is { } on && finding.Package != null
            ? F(ExpiredExceptionMessage, finding.Package, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : finding.Message;

    public string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>A share as a percentage with one decimal, in the language's notation (French: "87,5 %").</summary>
    public string Percent(double? share)
    {
        if (share == null) return "—";
        var text = (share.Value * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return Lang == "fr" ? text.Replace('.', ',') + "\u00a0%" : text + "%";
    }

    public string YesNo(bool? value) => value == null ? NotDeclared : value.Value ? Yes : No;

    public string SourceOf(FactSource source) => source switch
    {
        FactSource.PublicCodeYml => SourceYml,
        FactSource.MsBuild => SourceMsBuild,
        FactSource.FileName => SourceFileName,
        _ => NotDeclared,
    };

    public static ReportTexts French { get; } = new()
    {
        Lang = "fr",
        Title = "Dossier de conformité logiciel libre",
        Subtitle = "Pièce justificative pour la candidature au label Territoire Numérique Libre",
        DateLabel = "Date du rapport",
        Undated = "non datée (ni SOURCE_DATE_EPOCH ni historique git)",
        ResultLabel = "Résultat",
        Passed = "Conforme : aucune dépendance non libre dans les périmètres contrôlés",
        Failed = "Non conforme : {0} constat(s) bloquant(s)",
        KeyFigures = "Chiffres clés",
        FigDependencies = "Dépendances distinctes",
        FigFreeShare = "Part sous licence libre",
        FigDenied = "Non libres",
        FigUnknown = "Licence inconnue",
        FigExcepted = "Sous dérogation",
        FigOrganisations = "Organisations contributrices",
        Contents = "Sommaire",
        CriteriaTitle = "Correspondance avec les critères du label",
        CriteriaIntro = "La liste des questions du label n'est pas publique : chaque section est rattachée au critère publié qu'elle documente.",
        CriteriaSection = "Section du rapport",
        CriteriaCriterion = "Critère du label",
        Criterion1 = "Critère 1 — stratégie et mutualisation",
        Criterion1Mention = "Critère 1 — part de logiciels libres mutualisés ; mention spéciale « Mutualisation »",
        Criterion2 = "Critère 2 — interopérabilité (formats ouverts)",
        Criterion3 = "Critère 3 — logiciels et systèmes libres",
        Criterion4 = "Critère 4 — communication et écosystème : contributions à la communauté du Libre",
        CriterionAll = "Tous — preuve vérifiable par le jury",
        IdentityTitle = "Identité du logiciel",
        Name = "Nom",
        Version = "Version",
        Description = "Description",
        Organisation = "Organisation",
        OwnLicense = "Licence du logiciel",
        LicenseFree = "Licence libre (approuvée OSI ou libre selon la FSF)",
        LicenseFrench = "Licence de la liste de l'administration (art. D323-2-1 du CRPA)",
        OtherLicenses = "Autres licences déclarées par des projets",
        Forge = "Forge publique",
        ForgeNotPublic = "pas une adresse https publique",
        SourceYml = "source : publiccode.yml",
        SourceMsBuild = "source : propriétés MSBuild des projets",
        SourceFileName = "source : nom du fichier de solution",
        NotDeclared = "non déclaré",
        Yes = "Oui",
        No = "Non",
        PublicCodeTitle = "Fichier publiccode.yml",
        PublicCodeMissing = "Absent : ajoutez un publiccode.yml à la racine du dépôt (commande « publiccode yml generate ») pour être référencé par code.gouv.fr.",
        PublicCodeValid = "Valide selon le standard publiccode.yml (vérifications hors ligne)",
        PublicCodeInvalid = "Invalide : {0} erreur(s)",
        Status = "État",
        File = "Fichier",
        Type = "Type",
        Key = "Clé",
        Line = "Ligne",
        Message = "Message",
        Error = "erreur",
        Warning = "avertissement",
        DependenciesTitle = "Dépendances par livrable",
        DependenciesIntro = "Chaque paquet NuGet restauré est classé par la politique : autorisé (licence libre admise), sous dérogation (non admis mais accepté par une dérogation justifiée), licence inconnue, ou non libre. Les paquets des projets de test et les outils de développement ne sont pas livrés avec le logiciel.",
        ChartTitle = "Dépendances par verdict et par projet",
        Project = "Projet",
        Deliverable = "livrable",
        TestProject = "projet de test",
        NotRestored = "non restauré",
        Scope = "Périmètre",
        Total = "Total",
        FreeShare = "Part libre",
        AllScopes = "tous",
        NonAllowedTitle = "Dépendances non autorisées",
        NonAllowedIntro = "Chaque dépendance non libre ou de licence inconnue, avec la preuve lue dans le paquet et le chemin qui l'amène.",
        NonAllowedNone = "Aucune : toutes les dépendances sont sous une licence autorisée ou couvertes par une dérogation.",
        Package = "Paquet",
        Verdict = "Verdict",
        License = "Licence",
        Evidence = "Preuve",
        Reason = "Raison",
        Paths = "Chemin",
        Enforced = "bloquant",
        NotEnforced = "signalé, périmètre non contrôlé",
        Direct = "directe",
        Transitive = "transitive",
        LicenceChangesTitle = "Changements de licence depuis la référence",
        ExceptionsTitle = "Dérogations",
        ExceptionsNone = "Aucune dérogation dans la politique.",
        Versions = "Versions",
        AllVersions = "toutes",
        Justification = "Justification",
        ApprovedBy = "Approuvée par",
        Expires = "Échéance",
        NoExpiry = "sans échéance",
        AppliedTo = "Paquets couverts",
        AppliedToNone = "aucun paquet",
        SbomTitle = "Nomenclatures logicielles (SBOM) jointes",
        SbomNone = "Aucune SBOM jointe : produisez-les avec « publiccode sbom » puis joignez-les avec --sbom.",
        Format = "Format",
        Size = "Taille (octets)",
        SbomCheck = "Vérification des empreintes (dans le dossier du rapport) :",
        ReuseTitle = "Mutualisation et réutilisation",
        ReuseNoYml = "Sans publiccode.yml, aucune preuve de mutualisation n'est déclarée.",
        IsBasedOn = "Fondé sur (isBasedOn)",
        UsedBy = "Utilisé par (usedBy)",
        FundedBy = "Financé par (fundedBy)",
        Maintenance = "Maintenance",
        ContributorsTitle = "Contributeurs et organisations",
        ContributorsIntro = "D'après l'historique git du dossier vérifié ({0} commits), regroupé par domaine de messagerie. Seuls les noms visibles dans git sont repris ; aucune adresse n'est publiée.",
        ContributorsNotGit = "Le dossier vérifié n'est pas dans un dépôt git : aucun historique de contributions.",
        Domain = "Domaine",
        NoDomain = "(sans domaine)",
        Commits = "Commits",
        Contributors = "Contributeurs",
        UpstreamTitle = "Contributions aux logiciels libres amont",
        UpstreamIntro = "Déclarées par la collectivité dans publiccode-report.json ; chaque lien est public et vérifiable.",
        UpstreamNone = "Aucune contribution déclarée (voir docs/label.md pour les déclarer dans publiccode-report.json).",
        Contribution = "Contribution",
        Date = "Date",
        PolicyTitle = "Politique appliquée",
        Preset = "Préréglage de licences",
        PolicyFile = "Fichier de politique",
        BuiltInPolicy = "politique intégrée (aucun fichier)",
        EnforcedScopes = "Périmètres contrôlés",
        UnknownLicenses = "Licence inconnue",
        UnknownFail = "bloquante",
        UnknownWarn = "signalée seulement",
        AllowList = "Licences ajoutées",
        DenyList = "Licences retirées",
        SpdxVersion = "Version de la liste de licences SPDX",
        ToolVersion = "Version de PublicCodePolicy",
        VerifyTitle = "Comment vérifier",
        VerifyFromRepository = "Depuis la racine du dépôt, au commit {0}, après « dotnet restore », exécutez :",
        VerifyFromFolder = "Depuis le dossier vérifié (celui de la solution), après « dotnet restore », exécutez :",
        VerifyExpected = "Résultat attendu : code de sortie {0} et la ligne :",
        VerifyTool = "Outil : dotnet tool install --global PublicCodePolicy.Cli --version {0} (hors ligne, aucune donnée envoyée).",
        Footer = "Rapport produit par PublicCodePolicy {0} (EUPL-1.2). Même entrée, même rapport : la date vient de SOURCE_DATE_EPOCH ou du dernier commit.",
        OtherFindingsTitle = "Autres constats bloquants",
        ExpiredExceptionMessage = "La dérogation accordée à {0} a expiré le {1} : renouvelez-la avec une nouvelle justification, ou retirez la dépendance.",
        OtherFindingsIntro = "Constats qui font échouer la vérification sans être une dépendance refusée : dérogations expirées, règles propres à la collectivité.",
        Rule = "Règle",
        ExceptionsJudgedOn = "Échéances appréciées au {0}.",
        ExceptionsJudgedToday = "Échéances appréciées au jour de la vérification.",
        State = "État",
        ExceptionStateNames = new Dictionary<ExceptionState, string>
        {
            [ExceptionState.Valid] = "en vigueur",
            [ExceptionState.ExpiresSoon] = "expire dans moins de 90 jours",
            [ExceptionState.Expired] = "expirée",
        },
        MaintenanceTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["internal"] = "interne (assurée par la collectivité)",
            ["contract"] = "sous contrat (prestataire)",
            ["community"] = "communautaire",
            ["none"] = "aucune",
        },
        PresetDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["osi"] = "osi — licences approuvées par l'OSI",
            ["fsf"] = "fsf — licences libres selon la FSF",
            ["osi-or-fsf"] = "osi-or-fsf — licences approuvées par l'OSI ou libres selon la FSF",
            ["fr-administration"] = "fr-administration — licences de la liste de l'administration française (art. D323-2-1 du CRPA)",
        },
        ScopeNames = new Dictionary<DependencyScope, string>
        {
            [DependencyScope.Runtime] = "exécution",
            [DependencyScope.Development] = "développement",
            [DependencyScope.Test] = "test",
        },
        VerdictNames = new Dictionary<Verdict, string>
        {
            [Policy.Verdict.Allowed] = "autorisée",
            [Policy.Verdict.Excepted] = "sous dérogation",
            [Policy.Verdict.Unknown] = "licence inconnue",
            [Policy.Verdict.Denied] = "non libre",
        },
    };

    public static ReportTexts English { get; } = new()
    {
        Lang = "en",
        Title = "Free-software compliance report",
        Subtitle = "Supporting document for a Territoire Numérique Libre label application",
        DateLabel = "Report date",
        Undated = "undated (neither SOURCE_DATE_EPOCH nor git history)",
        ResultLabel = "Result",
        Passed = "Compliant: no non-free dependency in the enforced scopes",
        Failed = "Not compliant: {0} enforced finding(s)",
        KeyFigures = "Key figures",
        FigDependencies = "Distinct dependencies",
        FigFreeShare = "Share under a free licence",
        FigDenied = "Non-free",
        FigUnknown = "Unknown licence",
        FigExcepted = "Under an exception",
        FigOrganisations = "Contributing organisations",
        Contents = "Contents",
        CriteriaTitle = "Mapping to the label's criteria",
        CriteriaIntro = "The label's question list is not public: each section is tied to the published criterion it documents.",
        CriteriaSection = "Report section",
        CriteriaCriterion = "Label criterion",
        Criterion1 = "Criterion 1 — strategy and pooling",
        Criterion1Mention = "Criterion 1 — share of pooled free software; special mention \"Mutualisation\"",
        Criterion2 = "Criterion 2 — interoperability (open formats)",
        Criterion3 = "Criterion 3 — free software and systems",
        Criterion4 = "Criterion 4 — communication and ecosystem: contributions to the free-software community",
        CriterionAll = "All — evidence the jury can check",
        IdentityTitle = "Software identity",
        Name = "Name",
        Version = "Version",
        Description = "Description",
        Organisation = "Organisation",
        OwnLicense = "Software licence",
        LicenseFree = "Free licence (OSI-approved or FSF free)",
        LicenseFrench = "On the French administration's list (CRPA art. D323-2-1)",
        OtherLicenses = "Other licences declared by projects",
        Forge = "Public forge",
        ForgeNotPublic = "not a public https address",
        SourceYml = "source: publiccode.yml",
        SourceMsBuild = "source: the projects' MSBuild properties",
        SourceFileName = "source: the solution file name",
        NotDeclared = "not declared",
        Yes = "Yes",
        No = "No",
        PublicCodeTitle = "publiccode.yml file",
        PublicCodeMissing = "Missing: add a publiccode.yml at the repository root ('publiccode yml generate') to be listed by code.gouv.fr.",
        PublicCodeValid = "Valid against the publiccode.yml standard (offline checks)",
        PublicCodeInvalid = "Invalid: {0} error(s)",
        Status = "Status",
        File = "File",
        Type = "Type",
        Key = "Key",
        Line = "Line",
        Message = "Message",
        Error = "error",
        Warning = "warning",
        DependenciesTitle = "Dependencies per deliverable",
        DependenciesIntro = "Each restored NuGet package is classified by the policy: allowed (free licence accepted), under an exception (not accepted, but covered by a justified exception), unknown licence, or non-free. Packages of test projects and development tools do not ship with the software.",
        ChartTitle = "Dependencies by verdict and project",
        Project = "Project",
        Deliverable = "deliverable",
        TestProject = "test project",
        NotRestored = "not restored",
        Scope = "Scope",
        Total = "Total",
        FreeShare = "Free share",
        AllScopes = "all",
        NonAllowedTitle = "Dependencies not allowed",
        NonAllowedIntro = "Every non-free or unknown-licence dependency, with the evidence read from the package and the path that brings it in.",
        NonAllowedNone = "None: every dependency is under an allowed licence or covered by an exception.",
        Package = "Package",
        Verdict = "Verdict",
        License = "Licence",
        Evidence = "Evidence",
        Reason = "Reason",
        Paths = "Path",
        Enforced = "enforced",
        NotEnforced = "reported, scope not enforced",
        Direct = "direct",
        Transitive = "transitive",
        LicenceChangesTitle = "Licence changes since the baseline",
        ExceptionsTitle = "Exceptions",
        ExceptionsNone = "The policy has no exception.",
        Versions = "Versions",
        AllVersions = "all",
        Justification = "Justification",
        ApprovedBy = "Approved by",
        Expires = "Expires",
        NoExpiry = "no expiry",
        AppliedTo = "Packages covered",
        AppliedToNone = "no package",
        SbomTitle = "Attached software bills of materials (SBOM)",
        SbomNone = "No SBOM attached: write them with 'publiccode sbom', then attach them with --sbom.",
        Format = "Format",
        Size = "Size (bytes)",
        SbomCheck = "Checking the digests (in the report's folder):",
        ReuseTitle = "Pooling and reuse",
        ReuseNoYml = "Without publiccode.yml, no pooling evidence is declared.",
        IsBasedOn = "Based on (isBasedOn)",
        UsedBy = "Used by (usedBy)",
        FundedBy = "Funded by (fundedBy)",
        Maintenance = "Maintenance",
        ContributorsTitle = "Contributors and organisations",
        ContributorsIntro = "From the git history of the checked folder ({0} commits), grouped by e-mail domain. Only the names git shows are used; no address is published.",
        ContributorsNotGit = "The checked folder is not in a git repository: no contribution history.",
        Domain = "Domain",
        NoDomain = "(no domain)",
        Commits = "Commits",
        Contributors = "Contributors",
        UpstreamTitle = "Contributions to upstream free software",
        UpstreamIntro = "Declared by the authority in publiccode-report.json; each link is public and can be checked.",
        UpstreamNone = "No contribution declared (see docs/label.md to declare them in publiccode-report.json).",
        Contribution = "Contribution",
        Date = "Date",
        PolicyTitle = "Policy applied",
        Preset = "Licence preset",
        PolicyFile = "Policy file",
        BuiltInPolicy = "built-in policy (no file)",
        EnforcedScopes = "Enforced scopes",
        UnknownLicenses = "Unknown licence",
        UnknownFail = "fails the check",
        UnknownWarn = "reported only",
        AllowList = "Licences added",
        DenyList = "Licences removed",
        SpdxVersion = "SPDX licence list version",
        ToolVersion = "PublicCodePolicy version",
        VerifyTitle = "How to verify",
        VerifyFromRepository = "From the repository root, at commit {0}, after 'dotnet restore', run:",
        VerifyFromFolder = "From the checked folder (the solution's), after 'dotnet restore', run:",
        VerifyExpected = "Expected result: exit code {0} and the line:",
        VerifyTool = "Tool: dotnet tool install --global PublicCodePolicy.Cli --version {0} (offline; nothing is sent anywhere).",
        Footer = "Report produced by PublicCodePolicy {0} (EUPL-1.2). Same input, same report: the date comes from SOURCE_DATE_EPOCH or the last commit.",
        OtherFindingsTitle = "Other blocking findings",
        ExpiredExceptionMessage = "The exception for {0} expired on {1}: renew it with a new justification, or remove the dependency.",
        OtherFindingsIntro = "Findings that fail the check without being a denied dependency: expired exceptions, the organisation's own rules.",
        Rule = "Rule",
        ExceptionsJudgedOn = "Expiry dates judged against {0}.",
        ExceptionsJudgedToday = "Expiry dates judged against the day of the check.",
        State = "State",
        ExceptionStateNames = new Dictionary<ExceptionState, string>
        {
            [ExceptionState.Valid] = "in force",
            [ExceptionState.ExpiresSoon] = "expires within 90 days",
            [ExceptionState.Expired] = "expired",
        },
        MaintenanceTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["internal"] = "internal (by the organisation itself)",
            ["contract"] = "under contract (a supplier)",
            ["community"] = "community",
            ["none"] = "none",
        },
        PresetDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["osi"] = "osi — OSI-approved licences",
            ["fsf"] = "fsf — licences the FSF calls free",
            ["osi-or-fsf"] = "osi-or-fsf — OSI-approved or FSF free licences",
            ["fr-administration"] = "fr-administration — the French administration's licence list (CRPA art. D323-2-1)",
        },
        ScopeNames = new Dictionary<DependencyScope, string>
        {
            [DependencyScope.Runtime] = "runtime",
            [DependencyScope.Development] = "development",
            [DependencyScope.Test] = "test",
        },
        VerdictNames = new Dictionary<Verdict, string>
        {
            [Policy.Verdict.Allowed] = "allowed",
            [Policy.Verdict.Excepted] = "under exception",
            [Policy.Verdict.Unknown] = "unknown licence",
            [Policy.Verdict.Denied] = "non-free",
        },
    };
}
