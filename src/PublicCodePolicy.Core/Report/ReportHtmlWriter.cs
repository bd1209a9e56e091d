// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>
/// Writes the report as one self-contained HTML file: inline CSS (with print rules, so that a browser prints it
/// cleanly to PDF), the chart as inline SVG, no script and no external resource. UTF-8, LF line ends, deterministic.
/// </summary>
public static class ReportHtmlWriter
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
        var h = new StringBuilder(32 * 1024);
        var s = report.Software;
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta name=\"generator\" content=\"PublicCodePolicy ").Append(E(report.ToolVersion)).Append("\">\n");
        h.Append("<title>").Append(E(t.Title + " — " + s.Name)).Append("</title>\n<style>\n").Append(Css).Append(PageRules(t.Title + " — " + s.Name + (s.Version != null ? " " + s.Version : string.Empty), t)).Append("</style>\n</head>\n<body>\n");

        // Header and result.
        h.Append("<header>\n<p class=\"subtitle\">").Append(E(t.Subtitle)).Append("</p>\n");
        h.Append("<h1>").Append(E(t.Title)).Append("</h1>\n");
        h.Append("<p class=\"software\" data-field=\"software-name\">").Append(E(s.Name)).Append(s.Version != null ? " <span class=\"version\">" + E(s.Version) + "</span>" : string.Empty).Append("</p>\n");
        h.Append("<p class=\"meta\">").Append(E(t.DateLabel)).Append(E(t.Colon)).Append("<time data-field=\"date\"").Append(report.Date != null ? " datetime=\"" + IsoDate(report.Date) + "\">" + IsoDate(report.Date) : ">" + E(t.Undated)).Append("</time> · PublicCodePolicy ")
            .Append(E(report.ToolVersion)).Append(" · SPDX ").Append(E(report.LicenseListVersion)).Append("</p>\n");
        var resultText = report.Passed ? t.Passed : t.F(t.Failed, report.EnforcedFindings);
        h.Append("<p class=\"result ").Append(report.Passed ? "passed" : "failed").Append("\" data-result=\"").Append(report.Passed ? "passed" : "failed").Append("\">")
            .Append(E(t.ResultLabel)).Append(E(t.Colon)).Append(E(resultText)).Append("</p>\n");
        h.Append("<p class=\"result ").Append(report.Dossier.Complete ? "passed" : "failed").Append("\" data-dossier=\"").Append(report.Dossier.Complete ? "complete" : "incomplete").Append("\">")
            .Append(E(t.DossierLabel)).Append(E(t.Colon)).Append(E(t.DossierText(report.Dossier))).Append("</p>\n</header>\n<main>\n");

        // Synthèse: the first printed page, for the people who sign.
        h.Append("<section id=\"synthese\" class=\"synthese\">\n<h2>").Append(E(t.SyntheseTitle)).Append("</h2>\n<p class=\"criterion\">").Append(E(t.SyntheseFor)).Append("</p>\n");
        h.Append("<p class=\"verdict\" data-field=\"verdict\">").Append(E(ReportSynthesis.Verdict(report, t))).Append("</p>\n");
        h.Append("<p data-field=\"ratio\">").Append(E(ReportSynthesis.Ratio(report, t))).Append("</p>\n");
        var actions = ReportSynthesis.Actions(report, t);
        h.Append("<h3>").Append(E(t.ActionsTitle)).Append("</h3>\n");
        if (actions.Count == 0) h.Append("<p data-field=\"no-action\">").Append(E(t.NoAction)).Append("</p>\n");
        else
        {
            h.Append("<ol class=\"actions\">\n");
            foreach (var a in actions) h.Append("<li data-action>").Append(E(a)).Append("</li>\n");
            h.Append("</ol>\n");
        }
        h.Append("<table class=\"facts\">\n<tbody>\n");
        Row(h, "synthese-license", t.SoftwareLicense, s.License == null ? Bad(t.NotDeclared) : (s.LicenseIsFree == true ? Good(ReportSynthesis.LicenseText(s, t)) : Bad(ReportSynthesis.LicenseText(s, t))));
        Row(h, "synthese-forge", t.PublicForge, s.RepositoryUrl == null ? Bad(t.NotDeclared) : Link(s.RepositoryUrl) + (s.RepositoryUrlIsPublic ? string.Empty : " " + Bad("(" + t.ForgeNotPublic + ")")));
        Row(h, "synthese-date", t.DateLabel, report.Date != null ? E(IsoDate(report.Date)) : Muted(t.Undated));
        h.Append("</tbody>\n</table>\n");
        h.Append("<table class=\"visa\" data-field=\"visa\">\n<caption>").Append(E(t.VisaTitle)).Append("</caption>\n<tbody>\n<tr><th scope=\"row\">").Append(E(t.VerifiedBy))
            .Append("</th><td></td></tr>\n<tr><th scope=\"row\">").Append(E(t.VerifiedOn)).Append("</th><td></td></tr>\n<tr class=\"sign\"><th scope=\"row\">").Append(E(t.Visa)).Append("</th><td></td></tr>\n</tbody>\n</table>\n</section>\n");

        // Évolution since the previous dossier.
        if (report.Evolution is { } ev)
        {
            h.Append("<section id=\"evolution\">\n<h2>").Append(E(t.EvolutionTitle)).Append("</h2>\n<p>").Append(E(t.F(t.EvolutionIntro, ev.PreviousDate != null ? ev.PreviousDate.Substring(0, Math.Min(10, ev.PreviousDate.Length)) : t.EvolutionUndated))).Append("</p>\n");
            h.Append("<p data-field=\"evolution-share\">").Append(E(t.F(t.EvolutionShare, Localised(t, ReportEvolution.Percent(ev.PreviousShare)), Localised(t, ReportEvolution.Percent(report.Shipped.FreeShare))))).Append("</p>\n<table class=\"facts\">\n<tbody>\n");
            Row(h, "evolution-added", t.EvolutionAdded, ev.Added.Count == 0 ? Muted(t.EvolutionNone) : string.Join("<br>", ev.Added.Select(E)));
            Row(h, "evolution-removed", t.EvolutionRemoved, ev.Removed.Count == 0 ? Muted(t.EvolutionNone) : string.Join("<br>", ev.Removed.Select(E)));
            Row(h, "evolution-licenses", t.EvolutionLicenses, ev.LicenseChanges.Count == 0 ? Muted(t.EvolutionNone) : string.Join("<br>", ev.LicenseChanges.Select(E)));
            Row(h, "evolution-expired", t.EvolutionExpired, ev.NewlyExpired.Count == 0 ? Muted(t.EvolutionNone) : string.Join("<br>", ev.NewlyExpired.Select(x => "<code>" + E(x) + "</code>")));
            h.Append("</tbody>\n</table>\n</section>\n");
        }

        // Key figures.
        h.Append("<section id=\"key-figures\">\n<h2>").Append(E(t.KeyFigures)).Append("</h2>\n<dl class=\"figures\">\n");
        Figure(h, "dependencies", t.FigDependencies, report.Totals.Total.ToString(CultureInfo.InvariantCulture));
        Figure(h, "free-share", t.FigFreeShare, t.Percent(report.Shipped.FreeShare));
        Figure(h, "shipped", t.FigShipped, t.F(t.OutOf, report.Shipped.Allowed, report.Shipped.Total));
        Figure(h, "not-shipped", t.FigNotShipped, t.F(t.OutOf, report.NotShipped.Allowed, report.NotShipped.Total));
        Figure(h, "denied", t.FigDenied, report.Totals.Denied.ToString(CultureInfo.InvariantCulture));
        Figure(h, "unknown", t.FigUnknown, report.Totals.Unknown.ToString(CultureInfo.InvariantCulture));
        Figure(h, "excepted", t.FigExcepted, report.Totals.Excepted.ToString(CultureInfo.InvariantCulture));
        Figure(h, "organisations", t.FigOrganisations, report.Contributors.IsGitRepository ? report.Contributors.OrganisationCount.ToString(CultureInfo.InvariantCulture) : "—");
        h.Append("</dl>\n</section>\n");

        // Criteria mapping.
        var sections = new (string Id, string Title, string Criterion)[]
        {
            ("identity", t.IdentityTitle, t.Criterion3),
            ("publiccode", t.PublicCodeTitle, t.Criterion1),
            ("dependencies", t.DependenciesTitle, t.Criterion3),
            ("non-allowed", t.NonAllowedTitle, t.Criterion3),
            ("explanations", t.ExplanationsTitle, t.Criterion3),
            ("exceptions", t.ExceptionsTitle, t.Criterion3),
            ("sbom", t.SbomTitle, t.Criterion2),
            ("reuse", t.ReuseTitle, t.Criterion1Mention),
            ("contributors", t.ContributorsTitle, t.Criterion1Mention),
            ("upstream", t.UpstreamTitle, t.Criterion4),
            ("policy", t.PolicyTitle, t.Criterion3),
            ("verify", t.VerifyTitle, t.CriterionAll),
        };
        var criterionOf = sections.ToDictionary(x => x.Id, x => x.Criterion, StringComparer.Ordinal);
        h.Append("<section id=\"criteria\">\n<h2>").Append(E(t.CriteriaTitle)).Append("</h2>\n<p>").Append(E(t.CriteriaIntro)).Append("</p>\n");
        h.Append("<table>\n<thead><tr><th>").Append(E(t.CriteriaSection)).Append("</th><th>").Append(E(t.CriteriaCriterion)).Append("</th></tr></thead>\n<tbody>\n");
        var families = ReportSynthesis.Families(report);
        foreach (var (id, title, criterion) in sections.Where(x => x.Id != "explanations" || families.Count > 0))
            h.Append("<tr><td><a href=\"#").Append(id).Append("\">").Append(E(title)).Append("</a></td><td>").Append(E(criterion)).Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n</section>\n");

        // Identity.
        Open(h, "identity", t.IdentityTitle, criterionOf);
        h.Append("<table class=\"facts\">\n<tbody>\n");
        Row(h, "name", t.Name, E(s.Name) + Source(t.SourceOf(s.NameSource)));
        Row(h, "version", t.Version, s.Version != null ? E(s.Version) : Muted(t.NotDeclared));
        if (s.DescriptionIn(t.Lang) is { } description) Row(h, "description", t.Description, E(description));
        Row(h, "organisation", t.Organisation, s.Organisation != null ? E(s.Organisation) : Muted(t.NotDeclared));
        Row(h, "license", t.OwnLicense, s.License != null ? "<code>" + E(s.License) + "</code>" + Source(t.SourceOf(s.LicenseSource)) : Bad(t.NotDeclared));
        Row(h, "license-free", t.LicenseFree, YesNoHtml(t, s.LicenseIsFree));
        Row(h, "license-french-list", t.LicenseFrench, YesNoHtml(t, s.LicenseOnFrenchList));
        if (s.OtherLicenses.Count > 0) Row(h, "other-licenses", t.OtherLicenses, string.Join(", ", s.OtherLicenses.Select(l => "<code>" + E(l) + "</code>")));
        Row(h, "forge", t.Forge, s.RepositoryUrl == null ? Bad(t.NotDeclared) : Link(s.RepositoryUrl) + (s.RepositoryUrlIsPublic ? string.Empty : " " + Bad("(" + t.ForgeNotPublic + ")")));
        h.Append("</tbody>\n</table>\n</section>\n");

        // publiccode.yml.
        var pc = report.PublicCode;
        Open(h, "publiccode", t.PublicCodeTitle, criterionOf);
        string status = !pc.Found ? Bad(t.PublicCodeMissing)
            : pc.Valid ? Good(t.PublicCodeValid)
            : Bad(t.F(t.PublicCodeInvalid, pc.Findings.Count(f => f.IsError)));
        h.Append("<p data-field=\"publiccode-status\" data-status=\"").Append(!pc.Found ? "missing" : pc.Valid ? "valid" : "invalid").Append("\">")
            .Append(E(t.Status)).Append(E(t.Colon)).Append(status).Append(pc.Path != null ? " — <code>" + E(pc.Path) + "</code>" : string.Empty).Append("</p>\n");
        if (pc.Findings.Count > 0)
        {
            h.Append("<table>\n<thead><tr><th>").Append(E(t.Type)).Append("</th><th>").Append(E(t.Key)).Append("</th><th class=\"num\">").Append(E(t.Line)).Append("</th><th>").Append(E(t.Message)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var f in pc.Findings)
                h.Append("<tr><td>").Append(f.IsError ? Bad(t.Error) : E(t.Warning)).Append("</td><td><code>").Append(E(f.Key)).Append("</code></td><td class=\"num\">")
                    .Append(f.Line > 0 ? f.Line.ToString(CultureInfo.InvariantCulture) : string.Empty).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // Dependencies.
        Open(h, "dependencies", t.DependenciesTitle, criterionOf);
        h.Append("<p>").Append(E(t.DependenciesIntro)).Append("</p>\n<figure class=\"chart\">\n").Append(ReportChart.Svg(report, t)).Append("\n<figcaption>").Append(E(t.ChartTitle)).Append("</figcaption>\n</figure>\n");
        h.Append("<table class=\"counts\">\n<thead><tr><th>").Append(E(t.Project)).Append("</th><th>").Append(E(t.Scope)).Append("</th>");
        foreach (var v in ReportChart.Order) h.Append("<th class=\"num\">").Append(E(t.VerdictNames[v])).Append("</th>");
        h.Append("<th class=\"num\">").Append(E(t.Total)).Append("</th><th class=\"num\">").Append(E(t.FreeShare)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var d in report.Deliverables)
        {
            var scopes = d.ByScope.Where(kv => kv.Value.Total > 0).ToArray();
            int span = 1 + scopes.Length;
            h.Append("<tr class=\"project-total\" data-project=\"").Append(E(d.Name)).Append("\"><th scope=\"rowgroup\" rowspan=\"").Append(span.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(d.Name)).Append("<br><span class=\"path\">").Append(E(d.Path)).Append(" · ").Append(E(d.IsTestProject ? t.TestProject : t.Deliverable))
                .Append(d.Restored ? string.Empty : " · " + Bad(t.NotRestored)).Append("</span></th><td>").Append(E(t.AllScopes)).Append("</td>");
            CountCells(h, t, d.All);
            h.Append("</tr>\n");
            foreach (var (scope, counts) in scopes)
            {
                h.Append("<tr data-project=\"").Append(E(d.Name)).Append("\" data-scope=\"").Append(scope.ToName()).Append("\"><td>").Append(E(t.ScopeNames[scope])).Append("</td>");
                CountCells(h, t, counts);
                h.Append("</tr>\n");
            }
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        // Non-allowed dependencies.
        Open(h, "non-allowed", t.NonAllowedTitle, criterionOf);
        if (report.NonAllowed.Count == 0)
        {
            h.Append("<p>").Append(Good(t.NonAllowedNone)).Append("</p>\n");
        }
        else
        {
            h.Append("<p>").Append(E(t.NonAllowedIntro)).Append("</p>\n<table class=\"issues\">\n<thead><tr><th>").Append(E(t.Package)).Append("</th><th>")
                .Append(E(t.Verdict)).Append("</th><th>").Append(E(t.License)).Append(" · ").Append(E(t.Evidence)).Append("</th><th>").Append(E(t.Reason)).Append(" · ").Append(E(t.Paths)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var i in report.NonAllowed)
            {
                h.Append("<tr data-package=\"").Append(E(i.Id)).Append("\" data-verdict=\"").Append(i.Verdict.ToName()).Append("\"><td><strong>").Append(E(i.Id)).Append("</strong> ").Append(E(i.Version))
                    .Append("<br><span class=\"path\">").Append(E(i.Project)).Append(" · ").Append(E(t.ScopeNames[i.Scope])).Append(" · ").Append(E(i.IsDirect ? t.Direct : t.Transitive))
                    .Append("</span></td><td><span class=\"verdict-").Append(i.Verdict.ToName()).Append("\">").Append(E(t.VerdictNames[i.Verdict]))
                    .Append("</span><br><span class=\"path\">").Append(E(i.Enforced ? t.Enforced : t.NotEnforced)).Append("</span></td><td class=\"break\"><code>").Append(E(i.License)).Append("</code>");
                if (i.DeclaredLicense != null && !string.Equals(i.DeclaredLicense, i.License, StringComparison.Ordinal) && !string.Equals(i.DeclaredLicense, i.Evidence, StringComparison.Ordinal))
                    h.Append("<br><span class=\"path\">").Append(E(i.DeclaredLicense)).Append("</span>");
                h.Append("<br><span class=\"path\">").Append(E(i.LicenseSource)).Append(i.Evidence != null ? ": " + LinkOrText(i.Evidence) : string.Empty).Append("</span></td><td>").Append(E(t.ReasonOf(i)));
                foreach (var p in i.Paths) h.Append("<br><span class=\"path\">").Append(E(p)).Append("</span>");
                if (i.Remedy != null) h.Append("<br><span class=\"remedy\" data-remedy=\"").Append(i.Remedy.Kind == RemedyKind.RemoveInboxReference ? "remove-inbox" : "free-version").Append("\"><strong>")
                    .Append(E(t.RemedyLabel)).Append(E(t.Colon)).Append("</strong>").Append(E(ReportSynthesis.RemedyText(i.Remedy, i.Project, t))).Append("</span>");
                else if (i.Family != null) h.Append("<br><span class=\"remedy\"><a href=\"#family-").Append(i.Family).Append("\">").Append(E(t.Family(i.Family).Title)).Append("</a></span>");
                h.Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        if (report.OtherFindings.Count > 0)
        {
            h.Append("<h3 id=\"other-findings\">").Append(E(t.OtherFindingsTitle)).Append("</h3>\n<p>").Append(E(t.OtherFindingsIntro)).Append("</p>\n<table class=\"findings\">\n<thead><tr><th>")
                .Append(E(t.Rule)).Append("</th><th>").Append(E(t.Package)).Append("</th><th>").Append(E(t.Message)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var f in report.OtherFindings)
            {
                h.Append("<tr data-rule=\"").Append(E(f.RuleId)).Append("\"><td><code>").Append(E(f.RuleId)).Append("</code></td><td>").Append(f.Package != null ? "<strong>" + E(f.Package) + "</strong>" : string.Empty)
                    .Append(f.Project != null ? "<br><span class=\"path\">" + E(f.Project) + "</span>" : string.Empty).Append("</td><td>").Append(E(t.FindingMessage(f))).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // Licence changes since the baseline: only when one was given.
        if (report.LicenceChanges.Count > 0)
        {
            h.Append("<section id=\"licence-changes\">\n<h2>").Append(E(t.LicenceChangesTitle)).Append("</h2>\n<ul>\n");
            foreach (var change in report.LicenceChanges) h.Append("<li data-rule=\"").Append(E(change.RuleId)).Append("\"><code>").Append(E(change.RuleId)).Append("</code> ").Append(E(t.ChangeMessage(change))).Append("</li>\n");
            h.Append("</ul>\n</section>\n");
        }

        // Explanations of the licence families met, for a non-specialist.
        if (families.Count > 0)
        {
            Open(h, "explanations", t.ExplanationsTitle, criterionOf);
            h.Append("<p>").Append(E(t.ExplanationsIntro)).Append("</p>\n");
            foreach (var (key, packages) in families)
            {
                var f = t.Family(key);
                h.Append("<article class=\"family\" id=\"family-").Append(key).Append("\" data-family=\"").Append(key).Append("\">\n<h3>").Append(E(f.Title)).Append("</h3>\n<dl>\n<dt>")
                    .Append(E(t.WhatLabel)).Append("</dt><dd>").Append(E(f.What)).Append("</dd>\n<dt>").Append(E(t.WhyLabel)).Append("</dt><dd>").Append(E(f.Why)).Append("</dd>\n<dt>")
                    .Append(E(t.DoLabel)).Append("</dt><dd>").Append(E(f.Do)).Append("</dd>\n<dt>").Append(E(t.ConcernedPackages)).Append("</dt><dd class=\"break\">")
                    .Append(string.Join(", ", packages.Select(E))).Append("</dd>\n</dl>\n</article>\n");
            }
            h.Append("</section>\n");
        }

        // Exceptions.
        Open(h, "exceptions", t.ExceptionsTitle, criterionOf);
        if (report.Exceptions.Count == 0)
        {
            h.Append("<p>").Append(E(t.ExceptionsNone)).Append("</p>\n");
        }
        else
        {
            h.Append("<p data-field=\"exceptions-judged-on\">").Append(E(report.ExceptionsJudgedOn is { } on ? t.F(t.ExceptionsJudgedOn, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : t.ExceptionsJudgedToday)).Append("</p>\n");
            h.Append("<table>\n<thead><tr><th>").Append(E(t.Package)).Append("</th><th>").Append(E(t.Justification)).Append("</th><th>").Append(E(t.ApprovedBy)).Append("</th><th>")
                .Append(E(t.Expires)).Append("</th><th>").Append(E(t.AppliedTo)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var x in report.Exceptions)
            {
                h.Append("<tr data-exception=\"").Append(E(x.Package)).Append("\"><td><code>").Append(E(x.Package)).Append("</code><br><span class=\"path\">").Append(E(t.Versions)).Append(E(t.Colon))
                    .Append(E(x.Versions ?? t.AllVersions)).Append("</span></td><td>").Append(E(x.Justification)).Append("</td><td>").Append(x.ApprovedBy != null ? E(x.ApprovedBy) : Bad(t.NotDeclared))
                    .Append("</td><td data-state=\"").Append(StateName(x.State)).Append("\">").Append(x.Expires != null ? E(x.Expires.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : Muted(t.NoExpiry))
                    .Append(x.State == ExceptionState.Valid ? string.Empty : "<br>" + (x.State == ExceptionState.Expired ? Bad(t.ExceptionStateNames[x.State]) : "<span class=\"verdict-unknown\">" + E(t.ExceptionStateNames[x.State]) + "</span>")).Append("</td><td>")
                    .Append(x.AppliedTo.Count == 0 ? Muted(t.AppliedToNone) : string.Join("<br>", x.AppliedTo.Select(E))).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // SBOM.
        Open(h, "sbom", t.SbomTitle, criterionOf);
        if (report.Sboms.Count == 0)
        {
            h.Append("<p>").Append(Muted(t.SbomNone)).Append("</p>\n");
        }
        else
        {
            h.Append("<table>\n<thead><tr><th>").Append(E(t.File)).Append("</th><th>").Append(E(t.Format)).Append("</th><th class=\"num\">").Append(E(t.Size)).Append("</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
            foreach (var b in report.Sboms)
                h.Append("<tr data-sbom=\"").Append(E(b.FileName)).Append("\"><td><code>").Append(E(b.FileName)).Append("</code></td><td>").Append(E(b.Format)).Append("</td><td class=\"num\">")
                    .Append(b.Size.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"hash\"><code>").Append(E(b.Sha256)).Append("</code></td></tr>\n");
            h.Append("</tbody>\n</table>\n<p>").Append(E(t.SbomCheck)).Append("</p>\n<pre>");
            foreach (var b in report.Sboms) h.Append(E(b.Sha256)).Append("  ").Append(E(b.FileName)).Append('\n');
            h.Append("</pre>\n");
        }
        h.Append("</section>\n");

        // Reuse.
        Open(h, "reuse", t.ReuseTitle, criterionOf);
        if (!pc.Found)
        {
            h.Append("<p>").Append(Muted(t.ReuseNoYml)).Append("</p>\n");
        }
        else
        {
            h.Append("<table class=\"facts\">\n<tbody>\n");
            Row(h, "organisation", t.Organisation, pc.Organisation == null ? Muted(t.NotDeclared) : Org(pc.Organisation));
            Row(h, "is-based-on", t.IsBasedOn, ListOrNone(t, pc.IsBasedOn.Select(LinkOrText)));
            Row(h, "used-by", t.UsedBy, ListOrNone(t, pc.UsedBy.Select(u => report.UsedByProofs.TryGetValue(u, out var proof)
                ? E(u) + " <span class=\"path\" data-proof=\"linked\">(" + E(t.ProofLinked) + " " + Link(proof) + ")</span>"
                : E(u) + " <span class=\"muted\" data-proof=\"declared\">(" + E(t.ProofDeclared) + ")</span>")));
            Row(h, "funded-by", t.FundedBy, ListOrNone(t, pc.FundedBy.Select(Org)));
            Row(h, "maintenance", t.Maintenance, pc.MaintenanceType != null ? E(t.MaintenanceTypes.TryGetValue(pc.MaintenanceType, out var mt) ? mt : pc.MaintenanceType) : Muted(t.NotDeclared));
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // Contributors.
        var c = report.Contributors;
        Open(h, "contributors", t.ContributorsTitle, criterionOf);
        if (!c.IsGitRepository)
        {
            h.Append("<p>").Append(Muted(t.ContributorsNotGit)).Append("</p>\n");
        }
        else
        {
            h.Append("<p>").Append(E(t.F(t.ContributorsIntro, c.Commits))).Append("</p>\n<table>\n<thead><tr><th>").Append(E(t.Domain)).Append("</th><th class=\"num\">").Append(E(t.Commits))
                .Append("</th><th>").Append(E(t.Contributors)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var o in c.Organisations)
                h.Append("<tr data-domain=\"").Append(E(o.Domain)).Append("\" data-kind=\"").Append(o.IsWebmail ? "individuals" : o.Organisation != null ? "organisation" : "domain").Append("\"><td>").Append(o.Domain.Length == 0 ? Muted(t.NoDomain) : E(t.DomainLabel(o))).Append("</td><td class=\"num\">")
                    .Append(o.Commits.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(string.Join(", ", o.Contributors))).Append("</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // Upstream contributions.
        Open(h, "upstream", t.UpstreamTitle, criterionOf);
        if (report.UpstreamContributions.Count == 0)
        {
            h.Append("<p>").Append(Muted(t.UpstreamNone)).Append("</p>\n");
        }
        else
        {
            h.Append("<p>").Append(E(t.UpstreamIntro)).Append("</p>\n<table>\n<thead><tr><th>").Append(E(t.Project)).Append("</th><th>").Append(E(t.Contribution)).Append("</th><th>")
                .Append(E(t.Description)).Append("</th><th>").Append(E(t.Date)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var u in report.UpstreamContributions)
                h.Append("<tr><td>").Append(E(u.Project)).Append("</td><td class=\"break\">").Append(Link(u.Url)).Append("</td><td>").Append(E(u.Description)).Append("</td><td>").Append(E(u.Date)).Append("</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        // Policy.
        var pol = report.Policy;
        Open(h, "policy", t.PolicyTitle, criterionOf);
        h.Append("<table class=\"facts\">\n<tbody>\n");
        Row(h, "preset", t.Preset, E(t.PresetDescriptions.TryGetValue(pol.Preset, out var desc) ? desc : pol.Preset));
        Row(h, "policy-file", t.PolicyFile, pol.File != null ? "<code>" + E(pol.File) + "</code>" : E(t.BuiltInPolicy));
        Row(h, "enforced-scopes", t.EnforcedScopes, E(string.Join(", ", pol.EnforcedScopes.Select(x => t.ScopeNames[x]))));
        Row(h, "unknown-licenses", t.UnknownLicenses, E(pol.FailOnUnknown ? t.UnknownFail : t.UnknownWarn));
        if (pol.Allow.Count > 0) Row(h, "allow", t.AllowList, string.Join(", ", pol.Allow.Select(a => "<code>" + E(a) + "</code>")));
        if (pol.Deny.Count > 0) Row(h, "deny", t.DenyList, string.Join(", ", pol.Deny.Select(a => "<code>" + E(a) + "</code>")));
        Row(h, "spdx-version", t.SpdxVersion, E(report.LicenseListVersion));
        Row(h, "tool-version", t.ToolVersion, E(report.ToolVersion));
        h.Append("</tbody>\n</table>\n</section>\n");

        // Verification.
        var ver = report.Verification;
        Open(h, "verify", t.VerifyTitle, criterionOf);
        h.Append("<p>").Append(E(ver.BaseIsRepositoryRoot && ver.Commit != null ? t.F(t.VerifyFromRepository, ver.Commit) : t.VerifyFromFolder)).Append("</p>\n");
        h.Append("<pre data-field=\"verify-command\">").Append(E(ver.Command)).Append("</pre>\n");
        h.Append("<p>").Append(E(t.F(t.VerifyExpected, ver.ExpectedExitCode))).Append("</p>\n<pre data-field=\"verify-expected\">").Append(E(ver.ExpectedSummary)).Append("</pre>\n");
        h.Append("<p>").Append(E(t.F(t.VerifyTool, report.ToolVersion))).Append("</p>\n</section>\n");

        h.Append("</main>\n<footer>\n<p>").Append(E(t.F(t.Footer, report.ToolVersion))).Append("</p>\n</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static string E(string? text) => Html.Escape(text);

    private static string Localised(ReportTexts t, string number) => t.Lang == "fr" ? number.Replace('.', ',') : number;

    internal static string StateName(ExceptionState state) => state switch { ExceptionState.Expired => "expired", ExceptionState.ExpiresSoon => "expires-soon", _ => "valid" };

    private static string IsoDate(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Open(StringBuilder h, string id, string title, IReadOnlyDictionary<string, string> criterionOf)
        => h.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(E(title)).Append("</h2>\n<p class=\"criterion\">").Append(E(criterionOf[id])).Append("</p>\n");

    private static void Figure(StringBuilder h, string key, string label, string value)
        => h.Append("<div class=\"figure\" data-figure=\"").Append(key).Append("\"><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>\n");

    private static void Row(StringBuilder h, string key, string label, string valueHtml)
        => h.Append("<tr data-field=\"").Append(key).Append("\"><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    private static void CountCells(StringBuilder h, ReportTexts t, VerdictCounts counts)
    {
        foreach (var v in ReportChart.Order)
        {
            int n = counts.Of(v);
            h.Append("<td class=\"num\" data-verdict=\"").Append(v.ToName()).Append("\">");
            h.Append(n > 0 && v is Verdict.Denied or Verdict.Unknown ? "<span class=\"verdict-" + v.ToName() + "\">" + n.ToString(CultureInfo.InvariantCulture) + "</span>" : n.ToString(CultureInfo.InvariantCulture));
            h.Append("</td>");
        }
        h.Append("<td class=\"num\">").Append(counts.Total.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"num\" data-field=\"free-share\">").Append(E(t.Percent(counts.FreeShare))).Append("</td>");
    }

    private static string Source(string text) => " <span class=\"source\">(" + E(text) + ")</span>";

    private static string Muted(string text) => "<span class=\"muted\">" + E(text) + "</span>";

    private static string Bad(string text) => "<span class=\"bad\">" + E(text) + "</span>";

    private static string Good(string text) => "<span class=\"good\">" + E(text) + "</span>";

    private static string YesNoHtml(ReportTexts t, bool? value) => value == null ? Bad(t.NotDeclared) : value.Value ? Good(t.Yes) : Bad(t.No);

    private static string ListOrNone(ReportTexts t, IEnumerable<string> itemsHtml)
    {
        var items = itemsHtml.ToArray();
        return items.Length == 0 ? Muted(t.NotDeclared) : "<ul>" + string.Concat(items.Select(i => "<li>" + i + "</li>")) + "</ul>";
    }

    private static string Org(PublicCodeOrganisationRef o)
        => o.Name != null && o.Uri != null ? E(o.Name) + " <span class=\"path\">" + LinkOrText(o.Uri) + "</span>" : o.Name != null ? E(o.Name) : LinkOrText(o.Uri!);

    private static bool IsWebUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// Print rules of one document: a running header naming it, and page numbers ("Page 2 sur 7"), in the page margins
    /// Chromium prints. The text is a CSS string: quotes, backslashes, line ends and '&lt;' are escaped.
    /// </summary>
    internal static string PageRules(string header, ReportTexts t)
        => "@page { @top-left { content: " + CssString(header) + "; font-size: 8pt; color: #5a5a5a; } @bottom-right { content: " + CssString(t.PageWord + " ")
            + " counter(page) " + CssString(" " + t.PageOf + " ") + " counter(pages); font-size: 8pt; color: #5a5a5a; } }\n";

    private static string CssString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c)) sb.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    internal static string Link(string url) => IsWebUrl(url) ? "<a href=\"" + E(url) + "\">" + E(url) + "</a>" : E(url);

    private static string LinkOrText(string text) => Link(text);

    internal const string Css = """
        :root { --allowed: #2e7d32; --excepted: #1565c0; --unknown: #b26a00; --denied: #c62828; --ink: #1b1b1b; --muted: #5a5a5a; --line: #d3d3d8; --accent: #000091; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem; line-height: 1.45; font-size: 15px; }
        header { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1rem; }
        h1 { font-size: 1.8rem; margin: .2rem 0; color: var(--accent); }
        h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin: 2rem 0 .3rem; }
        .subtitle, .meta, .criterion, .muted, .source, .path { color: var(--muted); }
        .subtitle { margin: 0; text-transform: uppercase; letter-spacing: .04em; font-size: .8rem; }
        .software { font-size: 1.3rem; font-weight: 600; margin: .2rem 0; }
        .version { font-weight: 400; color: var(--muted); }
        .meta { margin: .2rem 0 .8rem; font-size: .9rem; }
        .criterion { font-size: .85rem; font-style: italic; margin: 0 0 .6rem; }
        .path, .source { font-size: .8rem; font-weight: 400; }
        .result { padding: .6rem .9rem; border-radius: 4px; font-weight: 600; margin: 0; }
        .result.passed { background: #e8f5e9; border-left: 6px solid var(--allowed); }
        .result.failed { background: #fdecea; border-left: 6px solid var(--denied); }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .6rem; margin: .8rem 0; }
        .figure { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .7rem; }
        .figure dt { font-size: .8rem; color: var(--muted); }
        .figure dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .5rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { background: #f0f0f7; }
        table.facts th { width: 34%; background: #f7f7fb; font-weight: 600; }
        table.issues th:nth-child(1) { width: 27%; }
        table.issues th:nth-child(2) { width: 11%; }
        table.issues th:nth-child(3) { width: 24%; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        tr.project-total td { font-weight: 600; }
        td ul { margin: 0; padding-left: 1.1rem; }
        .good { color: var(--allowed); font-weight: 600; }
        .bad, .verdict-denied { color: var(--denied); font-weight: 600; }
        .verdict-unknown { color: var(--unknown); font-weight: 600; }
        .verdict-excepted { color: var(--excepted); font-weight: 600; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .82rem; }
        pre { background: #f5f5f7; border: 1px solid var(--line); padding: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        .break, .hash { overflow-wrap: anywhere; word-break: break-all; }
        figure.chart { margin: .8rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-size: .8rem; color: var(--muted); }
        a { color: var(--accent); }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
        .synthese .verdict { font-size: 1.1rem; font-weight: 600; }
        ol.actions li { margin: .25rem 0; }
        table.visa { width: 60%; margin-top: 1rem; }
        table.visa caption { text-align: left; font-weight: 600; padding: .2rem 0; }
        table.visa th { width: 30%; background: #f7f7fb; }
        table.visa td { height: 2.2rem; }
        table.visa tr.sign td { height: 4.5rem; }
        .remedy { display: inline-block; margin-top: .3rem; }
        article.family { border-left: 4px solid var(--line); padding: 0 .8rem; margin: .8rem 0; }
        article.family h3 { font-size: 1rem; margin: .4rem 0; }
        article.family dt { font-weight: 600; font-size: .85rem; }
        article.family dd { margin: 0 0 .4rem; }
        td, th, code, a { overflow-wrap: anywhere; }
        table { table-layout: fixed; }
        table.facts, table.visa { table-layout: auto; }
        @page { size: A4; margin: 16mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .figure, figure.chart, pre, article.family { break-inside: avoid; page-break-inside: avoid; }
          tr { break-inside: auto; page-break-inside: auto; }
          #synthese { break-after: page; page-break-after: always; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
