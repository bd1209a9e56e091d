// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>
/// The first page of the dossier, for the people who sign: the verdict in one sentence, the free share of what ships,
/// and the actions to take, most effective first. Shared by the HTML and Markdown writers.
/// </summary>
internal static class ReportSynthesis
{
    /// <summary>The verdict in one sentence: dependencies and dossier, each stated.</summary>
    public static string Verdict(ComplianceReport report, ReportTexts t)
    {
        var name = report.Software.Name;
        var missing = string.Join(", ", report.Dossier.Missing.Select(m => t.DossierMissingNames[m]));
        if (!report.Passed)
            return t.F(t.VerdictDepsFail, name, report.EnforcedFindings, report.Dossier.Complete ? string.Empty : t.F(t.VerdictAndIncomplete, missing));
        return report.Dossier.Complete ? t.F(t.VerdictAllGood, name) : t.F(t.VerdictDepsOkIncomplete, name, missing);
    }

    /// <summary>The free share of shipped dependencies, with development and test tools apart.</summary>
    public static string Ratio(ComplianceReport report, ReportTexts t)
        => t.F(t.RatioSentence, t.Percent(report.Shipped.FreeShare), report.Shipped.Allowed, report.Shipped.Total, report.NotShipped.Allowed, report.NotShipped.Total);

    /// <summary>
    /// The actions that remove the most blocking findings, at most <paramref name="max"/>: a direct reference that
    /// brings several non-free packages first (with its concrete remedy when known), then expired exceptions, the
    /// dossier's gaps and unknown licences.
    /// </summary>
    public static IReadOnlyList<string> Actions(ComplianceReport report, ReportTexts t, int max = 3)
    {
        var actions = new List<(int Weight, string Text)>();
        var enforced = report.NonAllowed.Where(i => i.Enforced && i.Verdict == Policy.Verdict.Denied).ToArray();
        // One action per (project, direct reference): the reference is what the team edits.
        foreach (var g in enforced.GroupBy(i => (i.Project, Root: RootOf(i))).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Project, StringComparer.Ordinal).ThenBy(g => g.Key.Root, StringComparer.Ordinal))
        {
            var remedy = g.Select(i => i.Remedy).FirstOrDefault(r => r != null && string.Equals(r.Reference, g.Key.Root, StringComparison.OrdinalIgnoreCase));
            var text = remedy == null ? t.F(t.ActionReplace, g.Key.Root, g.Key.Project, g.Count())
                : remedy.Kind == RemedyKind.RemoveInboxReference ? t.F(t.ActionRemoveInbox, remedy.Reference, g.Key.Project, remedy.Framework, g.Count())
                : t.F(t.ActionUseFreeVersion, remedy.Reference.Split(' ')[0], remedy.FreeVersion, g.Key.Project, remedy.Alternative != null ? t.F(t.RemedyAlternative, remedy.Alternative) : string.Empty, g.Count());
            actions.Add((1000 + g.Count(), text));
        }
        foreach (var f in report.OtherFindings.Where(f => f.ExpiredOn != null && f.Package != null).DistinctBy(f => f.Package))
            actions.Add((500, t.F(t.ActionExpired, f.Package, f.ExpiredOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        if (!report.Dossier.Complete)
            actions.Add((400, t.F(t.ActionDossier, string.Join(", ", report.Dossier.Missing.Select(m => t.DossierMissingNames[m])))));
        var unknown = report.NonAllowed.Where(i => i.Verdict == Policy.Verdict.Unknown).Select(i => (i.Id.ToUpperInvariant(), i.Version)).Distinct().Count();
        if (unknown > 0) actions.Add((300, t.F(t.ActionUnknown, unknown)));
        // Stable order: weight, then text (ordinal), so that the same input gives the same page.
        return actions.OrderByDescending(a => a.Weight).ThenBy(a => a.Text, StringComparer.Ordinal).Take(max).Select(a => a.Text).ToArray();
    }

    /// <summary>The remedy as a sentence for the project it applies to.</summary>
    public static string RemedyText(DependencyRemedy remedy, string project, ReportTexts t)
    {
        var id = remedy.Reference.Split(' ')[0];
        return remedy.Kind == RemedyKind.RemoveInboxReference
            ? t.F(t.RemedyRemoveInbox, remedy.Reference, project, remedy.Framework, remedy.Source)
            : t.F(t.RemedyUseFreeVersion, id, remedy.FreeVersion, remedy.Alternative != null ? t.F(t.RemedyAlternative, remedy.Alternative) : string.Empty, remedy.Source);
    }

    /// <summary>The software's licence, said for a non-specialist.</summary>
    public static string LicenseText(SoftwareIdentity s, ReportTexts t)
        => s.License == null ? t.NotDeclared
            : s.License + " — " + (s.LicenseIsFree != true ? t.LicenseNotFree : s.LicenseOnFrenchList == true ? t.LicenseFreeFrench : t.LicenseFreeNotFrench);

    /// <summary>The families of licences met in the report, in <see cref="LicenseFamilies.Keys"/> order, with their packages (<c>Id Version</c>, distinct, sorted).</summary>
    public static IReadOnlyList<(string Key, IReadOnlyList<string> Packages)> Families(ComplianceReport report)
        => LicenseFamilies.Keys
            .Select(k => (Key: k, Packages: (IReadOnlyList<string>)report.NonAllowed.Where(i => i.Family == k).Select(i => i.Id + " " + i.Version).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray()))
            .Where(f => f.Packages.Count > 0)
            .ToArray();

    private static string RootOf(DependencyIssue i)
    {
        if (i.IsDirect) return i.Id + " " + i.Version;
        // The path "Project → Reference x.y → … → Package" names the direct reference second.
        var first = i.Paths.Count > 0 ? i.Paths[0].Split(" → ") : Array.Empty<string>();
        return first.Length > 1 ? first[1] : i.Id + " " + i.Version;
    }
}
