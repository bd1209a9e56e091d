// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>
/// Writes the report as Markdown (CommonMark with GitHub tables), to paste into an application form or a forge page.
/// Same sections as the HTML; the chart becomes its counts table. UTF-8, LF line ends, deterministic.
/// </summary>
public static class ReportMarkdownWriter
{
    /// <summary>Writes the report to a stream (UTF-8 without byte-order mark).</summary>
    public static void Write(ComplianceReport report, ReportLanguage language, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new UTF8Encoding(false).GetBytes(WriteToString(report, language));
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes the report to a string.</summary>
    public static string WriteToString(ComplianceReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = ReportTexts.For(language);
        var m = new StringBuilder(16 * 1024);
        var s = report.Software;
        var colon = t.Colon;

        m.Append("# ").Append(Text(t.Title)).Append(" — ").Append(Text(s.Name)).Append(s.Version != null ? " " + Text(s.Version) : string.Empty).Append("\n\n");
        m.Append('*').Append(Text(t.Subtitle)).Append("*\n\n");
        m.Append("- ").Append(Text(t.DateLabel)).Append(colon).Append(report.Date != null ? report.Date.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Text(t.Undated)).Append('\n');
        m.Append("- PublicCodePolicy ").Append(Text(report.ToolVersion)).Append(" · SPDX ").Append(Text(report.LicenseListVersion)).Append('\n');
        m.Append("- **").Append(Text(t.ResultLabel)).Append(colon).Append(Text(report.Passed ? t.Passed : t.F(t.Failed, report.EnforcedFindings))).Append("**\n");
        m.Append("- **").Append(Text(t.DossierLabel)).Append(colon).Append(Text(t.DossierText(report.Dossier))).Append("**\n\n");

        m.Append("## ").Append(Text(t.SyntheseTitle)).Append("\n\n").Append(Text(ReportSynthesis.Verdict(report, t))).Append("\n\n").Append(Text(ReportSynthesis.Ratio(report, t))).Append("\n\n");
        m.Append("### ").Append(Text(t.ActionsTitle)).Append("\n\n");
        var actions = ReportSynthesis.Actions(report, t);
        if (actions.Count == 0) m.Append(Text(t.NoAction)).Append("\n\n");
        else
        {
            for (int n = 0; n < actions.Count; n++) m.Append((n + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Text(actions[n])).Append('\n');
            m.Append('\n');
        }
        m.Append("- ").Append(Text(t.SoftwareLicense)).Append(colon).Append(Text(ReportSynthesis.LicenseText(s, t))).Append('\n');
        m.Append("- ").Append(Text(t.PublicForge)).Append(colon).Append(s.RepositoryUrl != null ? Url(s.RepositoryUrl) : Text(t.NotDeclared)).Append("\n\n");
        m.Append("| ").Append(Cell(t.VisaTitle)).Append(" | |\n|---|---|\n| ").Append(Cell(t.VerifiedBy)).Append(" | |\n| ").Append(Cell(t.VerifiedOn)).Append(" | |\n| ").Append(Cell(t.Visa)).Append(" | |\n\n");

        if (report.Evolution is { } ev)
        {
            string L(string n) => t.Lang == "fr" ? n.Replace('.', ',') : n;
            string List(IReadOnlyList<string> items) => items.Count == 0 ? Cell(t.EvolutionNone) : string.Join("<br>", items.Select(Cell));
            m.Append("## ").Append(Text(t.EvolutionTitle)).Append("\n\n").Append(Text(t.F(t.EvolutionIntro, ev.PreviousDate != null ? ev.PreviousDate.Substring(0, Math.Min(10, ev.PreviousDate.Length)) : t.EvolutionUndated))).Append("\n\n")
                .Append(Text(t.F(t.EvolutionShare, L(ReportEvolution.Percent(ev.PreviousShare)), L(ReportEvolution.Percent(report.Shipped.FreeShare))))).Append("\n\n| | |\n|---|---|\n")
                .Append("| ").Append(Cell(t.EvolutionAdded)).Append(" | ").Append(List(ev.Added)).Append(" |\n")
                .Append("| ").Append(Cell(t.EvolutionRemoved)).Append(" | ").Append(List(ev.Removed)).Append(" |\n")
                .Append("| ").Append(Cell(t.EvolutionLicenses)).Append(" | ").Append(List(ev.LicenseChanges)).Append(" |\n")
                .Append("| ").Append(Cell(t.EvolutionExpired)).Append(" | ").Append(List(ev.NewlyExpired)).Append(" |\n\n");
        }

        m.Append("## ").Append(Text(t.KeyFigures)).Append("\n\n| | |\n|---|---:|\n");
        m.Append("| ").Append(Cell(t.FigDependencies)).Append(" | ").Append(report.Totals.Total.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigFreeShare)).Append(" | ").Append(Cell(t.Percent(report.Shipped.FreeShare))).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigShipped)).Append(" | ").Append(Cell(t.F(t.OutOf, report.Shipped.Allowed, report.Shipped.Total))).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigNotShipped)).Append(" | ").Append(Cell(t.F(t.OutOf, report.NotShipped.Allowed, report.NotShipped.Total))).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigDenied)).Append(" | ").Append(report.Totals.Denied.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigUnknown)).Append(" | ").Append(report.Totals.Unknown.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigExcepted)).Append(" | ").Append(report.Totals.Excepted.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        m.Append("| ").Append(Cell(t.FigOrganisations)).Append(" | ").Append(report.Contributors.IsGitRepository ? report.Contributors.OrganisationCount.ToString(CultureInfo.InvariantCulture) : "—").Append(" |\n\n");

        m.Append("## ").Append(Text(t.CriteriaTitle)).Append("\n\n").Append(Text(t.CriteriaIntro)).Append("\n\n| ").Append(Cell(t.CriteriaSection)).Append(" | ").Append(Cell(t.CriteriaCriterion)).Append(" |\n|---|---|\n");
        foreach (var (title, criterion) in new[]
        {
            (t.IdentityTitle, t.Criterion3), (t.PublicCodeTitle, t.Criterion1), (t.DependenciesTitle, t.Criterion3), (t.NonAllowedTitle, t.Criterion3),
            (t.ExceptionsTitle, t.Criterion3), (t.SbomTitle, t.Criterion2), (t.ReuseTitle, t.Criterion1Mention), (t.ContributorsTitle, t.Criterion1Mention),
            (t.UpstreamTitle, t.Criterion4), (t.PolicyTitle, t.Criterion3), (t.VerifyTitle, t.CriterionAll),
        })
        {
            m.Append("| ").Append(Cell(title)).Append(" | ").Append(Cell(criterion)).Append(" |\n");
        }
        m.Append('\n');

        Heading(m, t.IdentityTitle, t.Criterion3);
        m.Append("| | |\n|---|---|\n");
        Row(m, t.Name, Cell(s.Name) + " (" + Cell(t.SourceOf(s.NameSource)) + ")");
        Row(m, t.Version, Cell(s.Version ?? t.NotDeclared));
        if (s.DescriptionIn(t.Lang) is { } description) Row(m, t.Description, Cell(description));
        Row(m, t.Organisation, Cell(s.Organisation ?? t.NotDeclared));
        Row(m, t.OwnLicense, s.License != null ? Code(s.License) + " (" + Cell(t.SourceOf(s.LicenseSource)) + ")" : "**" + Cell(t.NotDeclared) + "**");
        Row(m, t.LicenseFree, Cell(t.YesNo(s.LicenseIsFree)));
        Row(m, t.LicenseFrench, Cell(t.YesNo(s.LicenseOnFrenchList)));
        if (s.OtherLicenses.Count > 0) Row(m, t.OtherLicenses, string.Join(", ", s.OtherLicenses.Select(Code)));
        Row(m, t.Forge, s.RepositoryUrl == null ? "**" + Cell(t.NotDeclared) + "**" : Url(s.RepositoryUrl) + (s.RepositoryUrlIsPublic ? string.Empty : " (" + Cell(t.ForgeNotPublic) + ")"));
        m.Append('\n');

        var pc = report.PublicCode;
        Heading(m, t.PublicCodeTitle, t.Criterion1);
        var status = !pc.Found ? t.PublicCodeMissing : pc.Valid ? t.PublicCodeValid : t.F(t.PublicCodeInvalid, pc.Findings.Count(f => f.IsError));
        m.Append(Text(t.Status)).Append(colon).Append("**").Append(Text(status)).Append("**").Append(pc.Path != null ? " — " + Code(pc.Path) : string.Empty).Append("\n\n");
        if (pc.Findings.Count > 0)
        {
            m.Append("| ").Append(Cell(t.Type)).Append(" | ").Append(Cell(t.Key)).Append(" | ").Append(Cell(t.Line)).Append(" | ").Append(Cell(t.Message)).Append(" |\n|---|---|---:|---|\n");
            foreach (var f in pc.Findings)
                m.Append("| ").Append(Cell(f.IsError ? t.Error : t.Warning)).Append(" | ").Append(f.Key.Length > 0 ? Code(f.Key) : string.Empty).Append(" | ")
                    .Append(f.Line > 0 ? f.Line.ToString(CultureInfo.InvariantCulture) : string.Empty).Append(" | ").Append(Cell(f.Message)).Append(" |\n");
            m.Append('\n');
        }

        Heading(m, t.DependenciesTitle, t.Criterion3);
        m.Append(Text(t.DependenciesIntro)).Append("\n\n| ").Append(Cell(t.Project)).Append(" | ").Append(Cell(t.Scope)).Append(" | ");
        m.Append(string.Join(" | ", ReportChart.Order.Select(v => Cell(t.VerdictNames[v])))).Append(" | ").Append(Cell(t.Total)).Append(" | ").Append(Cell(t.FreeShare)).Append(" |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        m.Append("| **").Append(Cell(t.Total)).Append("** | ").Append(Cell(t.AllScopes)).Append(" | ");
        Counts(m, t, report.Totals);
        foreach (var d in report.Deliverables)
        {
            var label = "**" + Cell(d.Name) + "** (" + Cell(d.IsTestProject ? t.TestProject : t.Deliverable) + (d.Restored ? string.Empty : ", " + Cell(t.NotRestored)) + ")";
            m.Append("| ").Append(label).Append(" | ").Append(Cell(t.AllScopes)).Append(" | ");
            Counts(m, t, d.All);
            foreach (var (scope, counts) in d.ByScope.Where(kv => kv.Value.Total > 0))
            {
                m.Append("| ").Append(Cell(d.Name)).Append(" | ").Append(Cell(t.ScopeNames[scope])).Append(" | ");
                Counts(m, t, counts);
            }
        }
        m.Append('\n');

        Heading(m, t.NonAllowedTitle, t.Criterion3);
        if (report.NonAllowed.Count == 0)
        {
            m.Append(Text(t.NonAllowedNone)).Append("\n\n");
        }
        else
        {
            m.Append(Text(t.NonAllowedIntro)).Append("\n\n| ").Append(Cell(t.Package)).Append(" | ").Append(Cell(t.Project)).Append(" | ").Append(Cell(t.Verdict)).Append(" | ")
                .Append(Cell(t.License)).Append(" | ").Append(Cell(t.Evidence)).Append(" | ").Append(Cell(t.Reason)).Append(" | ").Append(Cell(t.Paths)).Append(" |\n|---|---|---|---|---|---|---|\n");
            foreach (var i in report.NonAllowed)
            {
                m.Append("| **").Append(Cell(i.Id)).Append("** ").Append(Cell(i.Version)).Append(" (").Append(Cell(i.IsDirect ? t.Direct : t.Transitive)).Append(") | ")
                    .Append(Cell(i.Project)).Append(" (").Append(Cell(t.ScopeNames[i.Scope])).Append(") | ")
                    .Append(Cell(t.VerdictNames[i.Verdict])).Append(", ").Append(Cell(i.Enforced ? t.Enforced : t.NotEnforced)).Append(" | ")
                    .Append(Code(i.License)).Append(" | ").Append(Cell(i.LicenseSource)).Append(i.Evidence != null ? ": " + Url(i.Evidence) : string.Empty).Append(" | ")
                    .Append(Cell(t.ReasonOf(i))).Append(i.Remedy != null ? "<br>**" + Cell(t.RemedyLabel) + "**" + Cell(colon) + Cell(ReportSynthesis.RemedyText(i.Remedy, i.Project, t)) : string.Empty)
                    .Append(" | ").Append(string.Join("<br>", i.Paths.Select(Cell))).Append(" |\n");
            }
            m.Append('\n');
        }
        if (report.OtherFindings.Count > 0)
        {
            m.Append("### ").Append(Text(t.OtherFindingsTitle)).Append("\n\n").Append(Text(t.OtherFindingsIntro)).Append("\n\n| ").Append(Cell(t.Rule)).Append(" | ").Append(Cell(t.Package)).Append(" | ")
                .Append(Cell(t.Project)).Append(" | ").Append(Cell(t.Message)).Append(" |\n|---|---|---|---|\n");
            foreach (var f in report.OtherFindings)
            {
                m.Append("| ").Append(Code(f.RuleId)).Append(" | ").Append(f.Package != null ? "**" + Cell(f.Package) + "**" : string.Empty).Append(" | ").Append(Cell(f.Project ?? string.Empty))
                    .Append(" | ").Append(Cell(t.FindingMessage(f))).Append(" |\n");
            }
            m.Append('\n');
        }

        // Only with a baseline (check --baseline): a report without one keeps its sections.
        if (report.LicenceChanges.Count > 0)
        {
            m.Append("## ").Append(Text(t.LicenceChangesTitle)).Append("\n\n");
            foreach (var change in report.LicenceChanges) m.Append("- ").Append(change.RuleId).Append(": ").Append(Text(t.ChangeMessage(change))).Append('\n');
            m.Append('\n');
        }

        var families = ReportSynthesis.Families(report);
        if (families.Count > 0)
        {
            Heading(m, t.ExplanationsTitle, t.Criterion3);
            m.Append(Text(t.ExplanationsIntro)).Append("\n\n");
            foreach (var (key, packages) in families)
            {
                var f = t.Family(key);
                m.Append("### ").Append(Text(f.Title)).Append("\n\n- **").Append(Text(t.WhatLabel)).Append("** ").Append(Text(f.What)).Append("\n- **").Append(Text(t.WhyLabel)).Append("** ")
                    .Append(Text(f.Why)).Append("\n- **").Append(Text(t.DoLabel)).Append("** ").Append(Text(f.Do)).Append("\n- **").Append(Text(t.ConcernedPackages)).Append("**").Append(colon)
                    .Append(Text(string.Join(", ", packages))).Append("\n\n");
            }
        }

        Heading(m, t.ExceptionsTitle, t.Criterion3);
        if (report.Exceptions.Count == 0)
        {
            m.Append(Text(t.ExceptionsNone)).Append("\n\n");
        }
        else
        {
            m.Append(Text(report.ExceptionsJudgedOn is { } on ? t.F(t.ExceptionsJudgedOn, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : t.ExceptionsJudgedToday)).Append("\n\n");
            m.Append("| ").Append(Cell(t.Package)).Append(" | ").Append(Cell(t.Versions)).Append(" | ").Append(Cell(t.Justification)).Append(" | ").Append(Cell(t.ApprovedBy)).Append(" | ")
                .Append(Cell(t.Expires)).Append(" | ").Append(Cell(t.AppliedTo)).Append(" |\n|---|---|---|---|---|---|\n");
            foreach (var x in report.Exceptions)
            {
                m.Append("| ").Append(Code(x.Package)).Append(" | ").Append(Cell(x.Versions ?? t.AllVersions)).Append(" | ").Append(Cell(x.Justification)).Append(" | ")
                    .Append(Cell(x.ApprovedBy ?? t.NotDeclared)).Append(" | ").Append(x.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Cell(t.NoExpiry))
                    .Append(x.State == ExceptionState.Valid ? string.Empty : " (**" + Cell(t.ExceptionStateNames[x.State]) + "**)").Append(" | ")
                    .Append(x.AppliedTo.Count == 0 ? Cell(t.AppliedToNone) : string.Join("<br>", x.AppliedTo.Select(Cell))).Append(" |\n");
            }
            m.Append('\n');
        }

        Heading(m, t.SbomTitle, t.Criterion2);
        if (report.Sboms.Count == 0)
        {
            m.Append(Text(t.SbomNone)).Append("\n\n");
        }
        else
        {
            m.Append("| ").Append(Cell(t.File)).Append(" | ").Append(Cell(t.Format)).Append(" | ").Append(Cell(t.Size)).Append(" | SHA-256 |\n|---|---|---:|---|\n");
            foreach (var b in report.Sboms)
                m.Append("| ").Append(Code(b.FileName)).Append(" | ").Append(Cell(b.Format)).Append(" | ").Append(b.Size.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Code(b.Sha256)).Append(" |\n");
            m.Append('\n').Append(Text(t.SbomCheck)).Append("\n\n```\n");
            foreach (var b in report.Sboms) m.Append(b.Sha256).Append("  ").Append(b.FileName).Append('\n');
            m.Append("```\n\n");
        }

        Heading(m, t.ReuseTitle, t.Criterion1Mention);
        if (!pc.Found)
        {
            m.Append(Text(t.ReuseNoYml)).Append("\n\n");
        }
        else
        {
            m.Append("| | |\n|---|---|\n");
            Row(m, t.Organisation, pc.Organisation == null ? Cell(t.NotDeclared) : Org(pc.Organisation));
            Row(m, t.IsBasedOn, List(t, pc.IsBasedOn.Select(Url)));
            Row(m, t.UsedBy, List(t, pc.UsedBy.Select(u => report.UsedByProofs.TryGetValue(u, out var proof) ? Cell(u) + " (" + Cell(t.ProofLinked) + " " + Url(proof) + ")" : Cell(u) + " (" + Cell(t.ProofDeclared) + ")")));
            Row(m, t.FundedBy, List(t, pc.FundedBy.Select(Org)));
            Row(m, t.Maintenance, Cell(pc.MaintenanceType == null ? t.NotDeclared : t.MaintenanceTypes.TryGetValue(pc.MaintenanceType, out var mt) ? mt : pc.MaintenanceType));
            m.Append('\n');
        }

        var c = report.Contributors;
        Heading(m, t.ContributorsTitle, t.Criterion1Mention);
        if (!c.IsGitRepository)
        {
            m.Append(Text(t.ContributorsNotGit)).Append("\n\n");
        }
        else
        {
            m.Append(Text(t.F(t.ContributorsIntro, c.Commits))).Append("\n\n| ").Append(Cell(t.Domain)).Append(" | ").Append(Cell(t.Commits)).Append(" | ").Append(Cell(t.Contributors)).Append(" |\n|---|---:|---|\n");
            foreach (var o in c.Organisations)
                m.Append("| ").Append(Cell(t.DomainLabel(o))).Append(" | ").Append(o.Commits.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(string.Join(", ", o.Contributors))).Append(" |\n");
            m.Append('\n');
        }

        Heading(m, t.UpstreamTitle, t.Criterion4);
        if (report.UpstreamContributions.Count == 0)
        {
            m.Append(Text(t.UpstreamNone)).Append("\n\n");
        }
        else
        {
            m.Append(Text(t.UpstreamIntro)).Append("\n\n| ").Append(Cell(t.Project)).Append(" | ").Append(Cell(t.Contribution)).Append(" | ").Append(Cell(t.Description)).Append(" | ").Append(Cell(t.Date)).Append(" |\n|---|---|---|---|\n");
            foreach (var u in report.UpstreamContributions)
                m.Append("| ").Append(Cell(u.Project)).Append(" | ").Append(Url(u.Url)).Append(" | ").Append(Cell(u.Description)).Append(" | ").Append(Cell(u.Date)).Append(" |\n");
            m.Append('\n');
        }

        var pol = report.Policy;
        Heading(m, t.PolicyTitle, t.Criterion3);
        m.Append("| | |\n|---|---|\n");
        Row(m, t.Preset, Cell(t.PresetDescriptions.TryGetValue(pol.Preset, out var desc) ? desc : pol.Preset));
        Row(m, t.PolicyFile, pol.File != null ? Code(pol.File) : Cell(t.BuiltInPolicy));
        Row(m, t.EnforcedScopes, Cell(string.Join(", ", pol.EnforcedScopes.Select(x => t.ScopeNames[x]))));
        Row(m, t.UnknownLicenses, Cell(pol.FailOnUnknown ? t.UnknownFail : t.UnknownWarn));
        if (pol.Allow.Count > 0) Row(m, t.AllowList, string.Join(", ", pol.Allow.Select(Code)));
        if (pol.Deny.Count > 0) Row(m, t.DenyList, string.Join(", ", pol.Deny.Select(Code)));
        Row(m, t.SpdxVersion, Cell(report.LicenseListVersion));
        Row(m, t.ToolVersion, Cell(report.ToolVersion));
        m.Append('\n');

        var ver = report.Verification;
        Heading(m, t.VerifyTitle, t.CriterionAll);
        m.Append(Text(ver.BaseIsRepositoryRoot && ver.Commit != null ? t.F(t.VerifyFromRepository, ver.Commit) : t.VerifyFromFolder));
        m.Append("\n\n```sh\n").Append(ver.Command).Append("\n```\n\n").Append(Text(t.F(t.VerifyExpected, ver.ExpectedExitCode))).Append("\n\n```\n").Append(ver.ExpectedSummary).Append("\n```\n\n");
        m.Append(Text(t.F(t.VerifyTool, report.ToolVersion))).Append("\n\n---\n\n").Append(Text(t.F(t.Footer, report.ToolVersion))).Append('\n');
        return m.ToString();
    }

    private static void Heading(StringBuilder m, string title, string criterion)
        => m.Append("## ").Append(Text(title)).Append("\n\n*").Append(Text(criterion)).Append("*\n\n");

    private static void Row(StringBuilder m, string label, string valueMarkdown)
        => m.Append("| **").Append(Cell(label)).Append("** | ").Append(valueMarkdown).Append(" |\n");

    private static void Counts(StringBuilder m, ReportTexts t, VerdictCounts counts)
    {
        foreach (var v in ReportChart.Order) m.Append(counts.Of(v).ToString(CultureInfo.InvariantCulture)).Append(" | ");
        m.Append(counts.Total.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(t.Percent(counts.FreeShare))).Append(" |\n");
    }

    private static string List(ReportTexts t, IEnumerable<string> items)
    {
        var all = items.ToArray();
        return all.Length == 0 ? Cell(t.NotDeclared) : string.Join("<br>", all);
    }

    private static string Org(PublicCodeOrganisationRef o)
        => o.Name != null && o.Uri != null ? Cell(o.Name) + " (" + Url(o.Uri) + ")" : o.Name != null ? Cell(o.Name) : Url(o.Uri);

    /// <summary>Escapes Markdown inline syntax in running text.</summary>
    private static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            // '_' is left alone: CommonMark does not read it as emphasis inside words (SOURCE_DATE_EPOCH, merge_requests).
            if (ch is '\\' or '`' or '*' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(ch == '\n' || ch == '\r' ? ' ' : ch);
        }
        return sb.ToString();
    }

    /// <summary>A web address as an autolink (<c>&lt;https://…&gt;</c>), so that no escaping alters it; other text as text.</summary>
    private static string Url(string? text)
        => text != null && Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            && !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '|')
            ? "<" + text + ">"
            : Cell(text);

    /// <summary>Text inside a table cell: one line, pipes escaped.</summary>
    private static string Cell(string? text) => Text(text);

    /// <summary>Inline code; the fence is longer than any backtick run inside.</summary>
    private static string Code(string text)
    {
        var clean = text.Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        var fence = clean.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        return fence + clean + (fence.Length > 1 ? " ``" : "`");
    }
}
