// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Report;

/// <summary>
/// Draws the dependency chart as inline SVG: one stacked bar per project (and one for the distinct total), each
/// segment a verdict, with its count written in it, so that the chart still reads when printed in black and white.
/// </summary>
internal static class ReportChart
{
    internal static readonly Verdict[] Order = { Verdict.Allowed, Verdict.Excepted, Verdict.Unknown, Verdict.Denied };

    internal static string ColorOf(Verdict v) => v switch
    {
        Verdict.Allowed => "#2e7d32",
        Verdict.Excepted => "#1565c0",
        Verdict.Unknown => "#b26a00",
        _ => "#c62828",
    };

    private const int Width = 720;
    private const int LabelWidth = 200;
    private const int BarX = 210;
    private const int BarWidth = 420;
    private const int RowHeight = 30;
    private const int BarHeight = 20;

    public static string Svg(ComplianceReport report, ReportTexts t)
    {
        var rows = new List<(string Label, VerdictCounts Counts, bool Bold)> { (t.Total, report.Totals, true) };
        rows.AddRange(report.Deliverables.Select(d => (d.Name + (d.IsTestProject ? " (" + t.TestProject + ")" : string.Empty), d.All, false)));
        int legendY = rows.Count * RowHeight + 16;
        int height = legendY + 24;
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui, 'DejaVu Sans', Arial, sans-serif\" font-size=\"12\">\n"));
        sb.Append("<title id=\"chart-title\">").Append(Html.Escape(t.ChartTitle)).Append("</title>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, counts, bold) = rows[i];
            int y = i * RowHeight + 4;
            sb.Append(Inv($"<g class=\"bar\" data-label=\"{Html.Escape(label)}\" data-total=\"{counts.Total}\">"));
            sb.Append(Inv($"<text x=\"{LabelWidth}\" y=\"{y + 15}\" text-anchor=\"end\"{(bold ? " font-weight=\"700\"" : string.Empty)}>{Html.Escape(Shorten(label))}</text>"));
            if (counts.Total == 0)
            {
                sb.Append(Inv($"<rect x=\"{BarX}\" y=\"{y}\" width=\"{BarWidth}\" height=\"{BarHeight}\" fill=\"#eeeeee\"/>"));
            }
            else
            {
                double x = BarX;
                foreach (var v in Order)
                {
                    int n = counts.Of(v);
                    if (n == 0) continue;
                    double w = (double)n / counts.Total * BarWidth;
                    sb.Append(Inv($"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{BarHeight}\" fill=\"{ColorOf(v)}\"><title>{Html.Escape(t.VerdictNames[v])}: {n}</title></rect>"));
                    if (w >= 18) sb.Append(Inv($"<text x=\"{x + w / 2:0.##}\" y=\"{y + 14}\" text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"700\">{n}</text>"));
                    x += w;
                }
            }
            sb.Append(Inv($"<text x=\"{BarX + BarWidth + 8}\" y=\"{y + 15}\">{counts.Total} · {Html.Escape(t.Percent(counts.FreeShare))}</text>"));
            sb.Append("</g>\n");
        }
        int lx = BarX;
        foreach (var v in Order)
        {
            var name = t.VerdictNames[v];
            sb.Append(Inv($"<rect x=\"{lx}\" y=\"{legendY}\" width=\"12\" height=\"12\" fill=\"{ColorOf(v)}\"/><text x=\"{lx + 16}\" y=\"{legendY + 11}\">{Html.Escape(name)}</text>\n"));
            lx += 24 + name.Length * 7;
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label.Substring(0, 29) + "…";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>HTML escaping of text and attribute values (only the five special characters; the file is UTF-8).</summary>
internal static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
