// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Merge;

/// <summary>
/// Writes the organisation-wide dossier as one self-contained HTML file, with the same style and print rules as the
/// report of one repository: which repositories pass, the dependencies to act on with the repositories that use them,
/// and the dependencies common to several repositories. No script, no external resource; deterministic.
/// </summary>
public static class MergeHtmlWriter
{
    /// <summary>Writes the dossier to a string, in French or English.</summary>
    public static string WriteToString(MergedReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = ReportTexts.For(language);
        string E(string? text) => Html.Escape(text);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        string Repo(string name) => name.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? ReportHtmlWriter.Link(name) : E(name);
        var passed = report.Repositories.Count(r => r.Passed);
        var common = report.Packages.Where(p => p.Repositories.Count > 1).ToArray();
        var h = new StringBuilder(16 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E(t.MergeTitle)).Append("</title>\n<style>\n").Append(ReportHtmlWriter.Css).Append(ReportHtmlWriter.PageRules(t.MergeTitle, t)).Append("</style>\n</head>\n<body>\n<header>\n<p class=\"subtitle\">")
            .Append(E(t.MergeSubtitle)).Append("</p>\n<h1>").Append(E(t.MergeTitle)).Append("</h1>\n");
        h.Append("<p class=\"result ").Append(report.Passed ? "passed" : "failed").Append("\" data-result=\"").Append(report.Passed ? "passed" : "failed").Append("\">")
            .Append(E(report.Passed ? t.MergeOverallPassed : t.F(t.MergeOverallFailed, report.Repositories.Count - passed, report.Repositories.Count))).Append("</p>\n</header>\n<main>\n");

        h.Append("<section id=\"key-figures\">\n<h2>").Append(E(t.KeyFigures)).Append("</h2>\n<dl class=\"figures\">\n");
        Figure(h, "repositories", t.MergeFigRepositories, t.F(t.OutOf, passed, report.Repositories.Count));
        Figure(h, "dependencies", t.MergeFigDependencies, N(report.Packages.Count));
        Figure(h, "common", t.MergeFigCommon, N(common.Length));
        Figure(h, "problems", t.MergeFigProblems, N(report.Problems.Count));
        h.Append("</dl>\n</section>\n");

        h.Append("<section id=\"repositories\">\n<h2>").Append(E(t.MergeRepositoriesTitle)).Append("</h2>\n<p>").Append(E(t.MergeRepositoriesIntro)).Append("</p>\n");
        h.Append("<table class=\"counts\">\n<thead><tr><th>").Append(E(t.MergeRepository)).Append("</th><th>").Append(E(t.ResultLabel)).Append("</th><th>").Append(E(t.Preset)).Append("</th>");
        foreach (var v in new[] { Policy.Verdict.Allowed, Policy.Verdict.Excepted, Policy.Verdict.Unknown, Policy.Verdict.Denied }) h.Append("<th class=\"num\">").Append(E(t.VerdictNames[v])).Append("</th>");
        h.Append("<th class=\"num\">").Append(E(t.Total)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var r in report.Repositories)
        {
            h.Append("<tr data-repository=\"").Append(E(r.Name)).Append("\" data-result=\"").Append(r.Passed ? "passed" : "failed").Append("\"><td class=\"break\">").Append(Repo(r.Name)).Append("</td><td>")
                .Append(r.Passed ? "<span class=\"good\">" + E(t.MergeResultPassed) + "</span>" : "<span class=\"bad\">" + E(t.MergeResultFailed) + "</span>").Append("</td><td><code>").Append(E(r.Preset)).Append("</code></td>")
                .Append("<td class=\"num\">").Append(N(r.Allowed)).Append("</td><td class=\"num\">").Append(N(r.Excepted)).Append("</td><td class=\"num\">").Append(N(r.Unknown))
                .Append("</td><td class=\"num\">").Append(r.Denied > 0 ? "<span class=\"verdict-denied\">" + N(r.Denied) + "</span>" : N(r.Denied)).Append("</td><td class=\"num\">").Append(N(r.Packages)).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        h.Append("<section id=\"problems\">\n<h2>").Append(E(t.MergeProblemsTitle)).Append("</h2>\n");
        if (report.Problems.Count == 0) h.Append("<p><span class=\"good\">").Append(E(t.MergeProblemsNone)).Append("</span></p>\n");
        else
        {
            h.Append("<p>").Append(E(t.MergeProblemsIntro)).Append("</p>\n<table class=\"issues\">\n<thead><tr><th>").Append(E(t.Package)).Append("</th><th>").Append(E(t.Verdict)).Append("</th><th>")
                .Append(E(t.License)).Append("</th><th>").Append(E(t.MergeRepositories)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var p in report.Problems)
            {
                var verdict = Enum.GetValues<Policy.Verdict>().Where(x => x.ToName() == p.Verdict).Select(x => t.VerdictNames[x]).FirstOrDefault() ?? p.Verdict;
                h.Append("<tr data-package=\"").Append(E(p.Id)).Append("\"><td><strong>").Append(E(p.Id)).Append("</strong> ").Append(E(p.Version)).Append("</td><td><span class=\"verdict-").Append(E(p.Verdict)).Append("\">")
                    .Append(E(verdict)).Append("</span></td><td class=\"break\"><code>").Append(E(p.License)).Append("</code></td><td class=\"break\">").Append(string.Join("<br>", p.Repositories.Select(Repo))).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");

        h.Append("<section id=\"common\">\n<h2>").Append(E(t.MergeCommonTitle)).Append("</h2>\n");
        if (common.Length == 0) h.Append("<p class=\"muted\">").Append(E(t.MergeCommonNone)).Append("</p>\n");
        else
        {
            h.Append("<p>").Append(E(t.MergeCommonIntro)).Append("</p>\n<table>\n<thead><tr><th>").Append(E(t.Package)).Append("</th><th>").Append(E(t.License)).Append("</th><th>")
                .Append(E(t.MergeScopes)).Append("</th><th>").Append(E(t.MergeRepositories)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var p in common.OrderByDescending(p => p.Repositories.Count).ThenBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal))
            {
                h.Append("<tr data-common=\"").Append(E(p.Id)).Append("\"><td><strong>").Append(E(p.Id)).Append("</strong> ").Append(E(p.Version)).Append("</td><td class=\"break\"><code>").Append(E(p.License))
                    .Append("</code></td><td>").Append(E(string.Join(", ", p.Scopes.Select(s => Graph.DependencyScopes.TryParse(s, out var sc) ? t.ScopeNames[sc] : s)))).Append("</td><td class=\"break\">")
                    .Append(string.Join("<br>", p.Repositories.Select(Repo))).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n</main>\n<footer>\n<p>").Append(E(t.MergeFooter)).Append("</p>\n</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Figure(StringBuilder h, string key, string label, string value)
        => h.Append("<div class=\"figure\" data-figure=\"").Append(key).Append("\"><dt>").Append(Html.Escape(label)).Append("</dt><dd>").Append(Html.Escape(value)).Append("</dd></div>\n");
}
