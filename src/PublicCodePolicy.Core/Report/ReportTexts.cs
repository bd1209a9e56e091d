// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Resources;
using PublicCodePolicy.Diagnostics;
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
/// Every text of the HTML and Markdown reports, from <c>ReportResources.resx</c> (English) and
/// <c>ReportResources.fr.resx</c> (French): one typed property per key, so that the writers name texts the compiler
/// checks, and a test checks that both files hold the same keys. Texts with <c>{0}</c> are composite formats.
/// </summary>
internal sealed class ReportTexts
{
    public string Lang { get; }
    public string Title => S(nameof(Title));
    public string Subtitle => S(nameof(Subtitle));
    public string DateLabel => S(nameof(DateLabel));
    public string Undated => S(nameof(Undated));
    public string ResultLabel => S(nameof(ResultLabel));
    public string Passed => S(nameof(Passed));
    public string Failed => S(nameof(Failed));
    public string KeyFigures => S(nameof(KeyFigures));
    public string FigDependencies => S(nameof(FigDependencies));
    public string FigFreeShare => S(nameof(FigFreeShare));
    public string FigShipped => S(nameof(FigShipped));
    public string FigNotShipped => S(nameof(FigNotShipped));
    public string OutOf => S(nameof(OutOf));
    public string DossierLabel => S(nameof(DossierLabel));
    public string DossierComplete => S(nameof(DossierComplete));
    public string DossierIncomplete => S(nameof(DossierIncomplete));
    public IReadOnlyDictionary<string, string> DossierMissingNames => Table(nameof(DossierMissingNames), new[] { "license", "forge", "publiccode", "sbom" }, k => k, StringComparer.Ordinal);
    public string FigDenied => S(nameof(FigDenied));
    public string FigUnknown => S(nameof(FigUnknown));
    public string FigExcepted => S(nameof(FigExcepted));
    public string FigOrganisations => S(nameof(FigOrganisations));
    public string Contents => S(nameof(Contents));
    public string CriteriaTitle => S(nameof(CriteriaTitle));
    public string CriteriaIntro => S(nameof(CriteriaIntro));
    public string CriteriaSection => S(nameof(CriteriaSection));
    public string CriteriaCriterion => S(nameof(CriteriaCriterion));
    public string Criterion1 => S(nameof(Criterion1));
    public string Criterion1Mention => S(nameof(Criterion1Mention));
    public string Criterion2 => S(nameof(Criterion2));
    public string Criterion3 => S(nameof(Criterion3));
    public string Criterion4 => S(nameof(Criterion4));
    public string CriterionAll => S(nameof(CriterionAll));

    public string IdentityTitle => S(nameof(IdentityTitle));
    public string Name => S(nameof(Name));
    public string Version => S(nameof(Version));
    public string Description => S(nameof(Description));
    public string Organisation => S(nameof(Organisation));
    public string OwnLicense => S(nameof(OwnLicense));
    public string LicenseFree => S(nameof(LicenseFree));
    public string LicenseFrench => S(nameof(LicenseFrench));
    public string OtherLicenses => S(nameof(OtherLicenses));
    public string Forge => S(nameof(Forge));
    public string ForgeNotPublic => S(nameof(ForgeNotPublic));
    public string SourceYml => S(nameof(SourceYml));
    public string SourceMsBuild => S(nameof(SourceMsBuild));
    public string SourceFileName => S(nameof(SourceFileName));
    public string NotDeclared => S(nameof(NotDeclared));
    public string Yes => S(nameof(Yes));
    public string No => S(nameof(No));

    public string PublicCodeTitle => S(nameof(PublicCodeTitle));
    public string PublicCodeMissing => S(nameof(PublicCodeMissing));
    public string PublicCodeValid => S(nameof(PublicCodeValid));
    public string PublicCodeInvalid => S(nameof(PublicCodeInvalid));
    public string Status => S(nameof(Status));
    public string File => S(nameof(File));
    public string Type => S(nameof(Type));
    public string Key => S(nameof(Key));
    public string Line => S(nameof(Line));
    public string Message => S(nameof(Message));
    public string Error => S(nameof(Error));
    public string Warning => S(nameof(Warning));

    public string DependenciesTitle => S(nameof(DependenciesTitle));
    public string DependenciesIntro => S(nameof(DependenciesIntro));
    public string ChartTitle => S(nameof(ChartTitle));
    public string Project => S(nameof(Project));
    public string Deliverable => S(nameof(Deliverable));
    public string TestProject => S(nameof(TestProject));
    public string NotRestored => S(nameof(NotRestored));
    public string Scope => S(nameof(Scope));
    public string Total => S(nameof(Total));
    public string FreeShare => S(nameof(FreeShare));
    public string AllScopes => S(nameof(AllScopes));

    public string NonAllowedTitle => S(nameof(NonAllowedTitle));
    public string NonAllowedIntro => S(nameof(NonAllowedIntro));
    public string NonAllowedNone => S(nameof(NonAllowedNone));
    public string Package => S(nameof(Package));
    public string Verdict => S(nameof(Verdict));
    public string License => S(nameof(License));
    public string Evidence => S(nameof(Evidence));
    public string Reason => S(nameof(Reason));
    public string Paths => S(nameof(Paths));
    public string Enforced => S(nameof(Enforced));
    public string NotEnforced => S(nameof(NotEnforced));
    public string Direct => S(nameof(Direct));
    public string Transitive => S(nameof(Transitive));

    public string LicenceChangesTitle => S(nameof(LicenceChangesTitle));
    public string ExceptionsTitle => S(nameof(ExceptionsTitle));
    public string ExceptionsNone => S(nameof(ExceptionsNone));
    public string Versions => S(nameof(Versions));
    public string AllVersions => S(nameof(AllVersions));
    public string Justification => S(nameof(Justification));
    public string ApprovedBy => S(nameof(ApprovedBy));
    public string Expires => S(nameof(Expires));
    public string NoExpiry => S(nameof(NoExpiry));
    public string AppliedTo => S(nameof(AppliedTo));
    public string AppliedToNone => S(nameof(AppliedToNone));

    public string SbomTitle => S(nameof(SbomTitle));
    public string SbomNone => S(nameof(SbomNone));
    public string Format => S(nameof(Format));
    public string Size => S(nameof(Size));
    public string SbomCheck => S(nameof(SbomCheck));

    public string ReuseTitle => S(nameof(ReuseTitle));
    public string ReuseNoYml => S(nameof(ReuseNoYml));
    public string IsBasedOn => S(nameof(IsBasedOn));
    public string UsedBy => S(nameof(UsedBy));
    public string FundedBy => S(nameof(FundedBy));
    public string Maintenance => S(nameof(Maintenance));

    public string ContributorsTitle => S(nameof(ContributorsTitle));
    public string ContributorsIntro => S(nameof(ContributorsIntro));
    public string ContributorsNotGit => S(nameof(ContributorsNotGit));
    public string Domain => S(nameof(Domain));
    public string NoDomain => S(nameof(NoDomain));
    public string Commits => S(nameof(Commits));
    public string Contributors => S(nameof(Contributors));

    public string UpstreamTitle => S(nameof(UpstreamTitle));
    public string UpstreamIntro => S(nameof(UpstreamIntro));
    public string UpstreamNone => S(nameof(UpstreamNone));
    public string Contribution => S(nameof(Contribution));
    public string Date => S(nameof(Date));

    public string PolicyTitle => S(nameof(PolicyTitle));
    public string Preset => S(nameof(Preset));
    public string PolicyFile => S(nameof(PolicyFile));
    public string BuiltInPolicy => S(nameof(BuiltInPolicy));
    public string EnforcedScopes => S(nameof(EnforcedScopes));
    public string UnknownLicenses => S(nameof(UnknownLicenses));
    public string UnknownFail => S(nameof(UnknownFail));
    public string UnknownWarn => S(nameof(UnknownWarn));
    public string AllowList => S(nameof(AllowList));
    public string DenyList => S(nameof(DenyList));
    public string SpdxVersion => S(nameof(SpdxVersion));
    public string ToolVersion => S(nameof(ToolVersion));

    public string VerifyTitle => S(nameof(VerifyTitle));
    public string VerifyFromRepository => S(nameof(VerifyFromRepository));
    public string VerifyFromFolder => S(nameof(VerifyFromFolder));
    public string VerifyExpected => S(nameof(VerifyExpected));
    public string VerifyTool => S(nameof(VerifyTool));

    public string Footer => S(nameof(Footer));
    public string ProofLinked => S(nameof(ProofLinked));
    public string ProofDeclared => S(nameof(ProofDeclared));
    public string EvolutionTitle => S(nameof(EvolutionTitle));
    public string EvolutionIntro => S(nameof(EvolutionIntro));
    public string EvolutionShare => S(nameof(EvolutionShare));
    public string EvolutionAdded => S(nameof(EvolutionAdded));
    public string EvolutionRemoved => S(nameof(EvolutionRemoved));
    public string EvolutionLicenses => S(nameof(EvolutionLicenses));
    public string EvolutionExpired => S(nameof(EvolutionExpired));
    public string EvolutionNone => S(nameof(EvolutionNone));
    public string EvolutionUndated => S(nameof(EvolutionUndated));
    public string Individuals => S(nameof(Individuals));
    public string DomainOf => S(nameof(DomainOf));

    /// <summary>How a contributors' domain is named: with its organisation, as individuals, or alone.</summary>
    public string DomainLabel(ContributorOrganisation o)
        => o.Domain.Length == 0 ? NoDomain : o.IsWebmail ? F(DomainOf, o.Domain, Individuals) : o.Organisation != null ? F(DomainOf, o.Domain, o.Organisation) : o.Domain;
    public string PageWord => S(nameof(PageWord));
    public string PageOf => S(nameof(PageOf));
    public string MergeTitle => S(nameof(MergeTitle));
    public string MergeSubtitle => S(nameof(MergeSubtitle));
    public string MergeFigRepositories => S(nameof(MergeFigRepositories));
    public string MergeFigDependencies => S(nameof(MergeFigDependencies));
    public string MergeFigCommon => S(nameof(MergeFigCommon));
    public string MergeFigProblems => S(nameof(MergeFigProblems));
    public string MergeRepositoriesTitle => S(nameof(MergeRepositoriesTitle));
    public string MergeRepositoriesIntro => S(nameof(MergeRepositoriesIntro));
    public string MergeRepository => S(nameof(MergeRepository));
    public string MergeProblemsTitle => S(nameof(MergeProblemsTitle));
    public string MergeProblemsIntro => S(nameof(MergeProblemsIntro));
    public string MergeProblemsNone => S(nameof(MergeProblemsNone));
    public string MergeCommonTitle => S(nameof(MergeCommonTitle));
    public string MergeCommonIntro => S(nameof(MergeCommonIntro));
    public string MergeCommonNone => S(nameof(MergeCommonNone));
    public string MergeRepositories => S(nameof(MergeRepositories));
    public string MergeScopes => S(nameof(MergeScopes));
    public string MergeResultPassed => S(nameof(MergeResultPassed));
    public string MergeResultFailed => S(nameof(MergeResultFailed));
    public string MergeOverallPassed => S(nameof(MergeOverallPassed));
    public string MergeOverallFailed => S(nameof(MergeOverallFailed));
    public string MergeFooter => S(nameof(MergeFooter));
    public string SyntheseTitle => S(nameof(SyntheseTitle));
    public string SyntheseFor => S(nameof(SyntheseFor));
    public string VerdictAllGood => S(nameof(VerdictAllGood));
    public string VerdictDepsOkIncomplete => S(nameof(VerdictDepsOkIncomplete));
    public string VerdictDepsFail => S(nameof(VerdictDepsFail));
    public string VerdictAndIncomplete => S(nameof(VerdictAndIncomplete));
    public string RatioSentence => S(nameof(RatioSentence));
    public string ActionsTitle => S(nameof(ActionsTitle));
    public string NoAction => S(nameof(NoAction));
    public string ActionReplace => S(nameof(ActionReplace));
    public string ActionRemoveInbox => S(nameof(ActionRemoveInbox));
    public string ActionUseFreeVersion => S(nameof(ActionUseFreeVersion));
    public string ActionExpired => S(nameof(ActionExpired));
    public string ActionDossier => S(nameof(ActionDossier));
    public string ActionUnknown => S(nameof(ActionUnknown));
    public string SoftwareLicense => S(nameof(SoftwareLicense));
    public string LicenseFreeFrench => S(nameof(LicenseFreeFrench));
    public string LicenseFreeNotFrench => S(nameof(LicenseFreeNotFrench));
    public string LicenseNotFree => S(nameof(LicenseNotFree));
    public string PublicForge => S(nameof(PublicForge));
    public string VisaTitle => S(nameof(VisaTitle));
    public string VerifiedBy => S(nameof(VerifiedBy));
    public string VerifiedOn => S(nameof(VerifiedOn));
    public string Visa => S(nameof(Visa));
    public string RemedyLabel => S(nameof(RemedyLabel));
    public string RemedyRemoveInbox => S(nameof(RemedyRemoveInbox));
    public string RemedyUseFreeVersion => S(nameof(RemedyUseFreeVersion));
    public string RemedyAlternative => S(nameof(RemedyAlternative));
    public string ExplanationsTitle => S(nameof(ExplanationsTitle));
    public string ExplanationsIntro => S(nameof(ExplanationsIntro));
    public string WhatLabel => S(nameof(WhatLabel));
    public string WhyLabel => S(nameof(WhyLabel));
    public string DoLabel => S(nameof(DoLabel));
    public string ConcernedPackages => S(nameof(ConcernedPackages));

    public string OtherFindingsTitle => S(nameof(OtherFindingsTitle));
    public string OtherFindingsIntro => S(nameof(OtherFindingsIntro));
    public string Rule => S(nameof(Rule));
    public string ExceptionsJudgedOn => S(nameof(ExceptionsJudgedOn));
    public string ExceptionsJudgedToday => S(nameof(ExceptionsJudgedToday));
    public string State => S(nameof(State));
    public IReadOnlyDictionary<ExceptionState, string> ExceptionStateNames => Table(nameof(ExceptionStateNames), Enum.GetValues<ExceptionState>(), k => k.ToString());
    public IReadOnlyDictionary<string, string> MaintenanceTypes => Table(nameof(MaintenanceTypes), new[] { "internal", "contract", "community", "none" }, k => k, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> PresetDescriptions => Table(nameof(PresetDescriptions), new[] { "osi", "fsf", "osi-or-fsf", "fr-administration" }, k => k, StringComparer.Ordinal);
    public IReadOnlyDictionary<DependencyScope, string> ScopeNames => Table(nameof(ScopeNames), Enum.GetValues<DependencyScope>(), k => k.ToString());
    public IReadOnlyDictionary<Verdict, string> VerdictNames => Table(nameof(VerdictNames), Enum.GetValues<Verdict>(), k => k.ToString());

    /// <summary>": " in English, " : " (no-break space before the colon) in French typography.</summary>
    public string Colon => Lang == "fr" ? "\u00a0: " : ": ";

    private static readonly CachedResources s_resources = new("PublicCodePolicy.Report.ReportResources", typeof(ReportTexts).Assembly);
    private static readonly ReportTexts s_french = new(ReportLanguage.French);
    private static readonly ReportTexts s_english = new(ReportLanguage.English);

    private readonly CultureInfo _culture;

    private ReportTexts(ReportLanguage language)
    {
        Lang = language.ToTag();
        _culture = language == ReportLanguage.English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr", predefinedOnly: false);
    }

    public static ReportTexts For(ReportLanguage language) => language == ReportLanguage.English ? s_english : s_french;

    /// <summary>Every key of <c>ReportResources.resx</c> (the neutral, English culture).</summary>
    internal static IReadOnlyList<string> Keys()
    {
        using var set = s_resources.Manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The text of <paramref name="key"/> in this language. A missing key is a defect: it throws rather than print a blank.</summary>
    internal string S(string key) => s_resources.GetString(key, _culture) ?? throw new MissingManifestResourceException("ReportResources has no text '" + key + "'.");

    private IReadOnlyDictionary<TKey, string> Table<TKey>(string name, IEnumerable<TKey> keys, Func<TKey, string> keyName, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
        => keys.ToDictionary(k => k, k => S(name + "." + keyName(k)), comparer);

    /// <summary>Title, what, why and what to do for a licence family (<see cref="LicenseFamilies.Keys"/>).</summary>
    public (string Title, string What, string Why, string Do) Family(string key)
        => (S("Family." + key + ".Title"), S("Family." + key + ".What"), S("Family." + key + ".Why"), S("Family." + key + ".Do"));

    public string ExpiredExceptionMessage => S(nameof(ExpiredExceptionMessage));

    /// <summary>
    /// Why the policy decided so, in the report's language: for a non-free licence of a family the report explains,
    /// a sentence that names the family; else the engine's own reason, in the report's language.
    /// </summary>
    public string ReasonOf(DependencyIssue issue)
    {
        if (Lang != "en" && issue.Verdict == Policy.Verdict.Denied && issue.Family != null) return F(ReasonDeniedFamily, issue.License, Family(issue.Family).Title);
        return issue.ReasonText?.ToString(_culture) ?? issue.Reason;
    }

    public string ReasonDeniedFamily => S(nameof(ReasonDeniedFamily));

    /// <summary>"complete: …" or "incomplete, to complete: …".</summary>
    public string DossierText(DossierStatus dossier)
        => dossier.Complete ? DossierComplete : F(DossierIncomplete, string.Join(", ", dossier.Missing.Select(m => DossierMissingNames[m])));

    /// <summary>A blocking finding's message in the report's language.</summary>
    public string FindingMessage(ReportFinding finding)
        => finding.ExpiredOn is { } on && finding.Package != null
            ? F(ExpiredExceptionMessage, finding.Package, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : finding.Text?.ToString(_culture) ?? finding.Message;

    /// <summary>A licence change or new package since the baseline, in the report's language.</summary>
    public string ChangeMessage(LicenceChangeRecord change) => change.Text?.ToString(_culture) ?? change.Message;

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

}
