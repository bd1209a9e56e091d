// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Issue 7 (report part): Debian's headless Chromium renders the HTML report to PNG, prints it to PDF and dumps the
/// rendered DOM, without errors; the rendered page shows the key figures.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class ReportBrowserTests
{
    private readonly RestoredSamples _samples;

    public ReportBrowserTests(RestoredSamples samples)
    {
        _samples = samples;
        SampleGit.Ensure(samples.Valmont);
    }

    [ChromiumFact]
    public void Chromium_RendersPrintsAndShowsTheKeyFigures()
    {
        using var temp = new TempDirectory("report-browser");
        var r = Cli.Run("report", Path.Combine(_samples.Valmont, "Valmont.sln"), "--format", "html", "-o", temp.Path);
        Assert.True(r.ExitCode == 1, r.All);
        var url = new Uri(Path.Combine(temp.Path, "publiccode-report.html")).AbsoluteUri;

        var png = Path.Combine(temp.Path, "report.png");
        var shot = Chromium.Run(temp.Path, "--screenshot=" + png, "--window-size=1000,1400", url);
        Assert.True(shot.ExitCode == 0, shot.All);
        Chromium.AssertNoPageErrors(shot);
        var pngBytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, pngBytes.Take(4).ToArray());
        Assert.True(pngBytes.Length > 20_000, "The screenshot is nearly empty: " + pngBytes.Length + " bytes.");

        var pdf = Path.Combine(temp.Path, "report.pdf");
        var print = Chromium.Run(temp.Path, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", url);
        Assert.True(print.ExitCode == 0, print.All);
        Chromium.AssertNoPageErrors(print);
        var pdfBytes = File.ReadAllBytes(pdf);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdfBytes, 0, 5));
        // A4 pages: the report is a few pages long, neither one clipped page nor one page per table row.
        var pdfText = Encoding.Latin1.GetString(pdfBytes);
        var pages = Count(pdfText, "/Type /Page") - Count(pdfText, "/Type /Pages");
        Assert.InRange(pages, 2, 12);

        // What the browser rendered (after parsing, styling and layout) still carries the figures a jury reads first.
        var dump = Chromium.Run(temp.Path, "--dump-dom", url);
        Assert.True(dump.ExitCode == 0, dump.All);
        var doc = new HtmlParser().ParseDocument(dump.StdOut);
        Assert.Equal("Dossier de conformité logiciel libre", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("28", doc.QuerySelector("[data-figure=dependencies] dd")!.TextContent);
        Assert.Equal("45,5\u00a0%", doc.QuerySelector("[data-figure=free-share] dd")!.TextContent);
        Assert.Equal("6", doc.QuerySelector("[data-figure=denied] dd")!.TextContent);
        Assert.Equal("failed", doc.QuerySelector("[data-result]")!.GetAttribute("data-result"));
        Assert.NotNull(doc.QuerySelector("#dependencies svg g.bar[data-label=\"Total\"][data-total=\"28\"]"));
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    /// <summary>
    /// Issue 13: the synthèse, the explanations and the organisation-wide dossier as Chromium lays them out in the width
    /// of an A4 page's printable area (186 mm, about 703 CSS pixels): the key figures are in the rendered DOM, and no
    /// table, cell or identifier is wider than the page (long identifiers and URLs wrap instead of being clipped).
    /// The PDF of the Valmont dossier is A4, and its first page is the synthèse alone.
    /// </summary>
    [ChromiumFact]
    public void Issue13_SyntheseExplanationsAndOrganisationDossier_FitTheA4Width()
    {
        using var temp = new TempDirectory("report-browser-13");
        var dossier = Path.Combine(temp.Path, "dossier");
        Assert.Equal(1, Cli.Run("report", Path.Combine(_samples.Valmont, "Valmont.sln"), "--no-sbom", "--format", "html", "-o", dossier).ExitCode);
        var results = Path.Combine(temp.Path, "results");
        Directory.CreateDirectory(results);
        Assert.Equal(1, Cli.Run("check", Path.Combine(_samples.Valmont, "Valmont.sln"), "-f", "json", "-o", Path.Combine(results, "valmont.json")).ExitCode);
        Assert.Equal(0, Cli.Run("check", Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"), "-f", "json", "-o", Path.Combine(results, "multi.json")).ExitCode);
        var org = Path.Combine(temp.Path, "organisation.html");
        Assert.Equal(1, Cli.Run("merge", results, "--format", "html", "-o", org).ExitCode);

        foreach (var (page, check) in new (string Path, Action<AngleSharp.Dom.IDocument> Check)[]
        {
            (Path.Combine(dossier, "publiccode-report.html"), doc =>
            {
                Assert.StartsWith("« Guichet état civil » ne remplit pas encore les conditions", doc.QuerySelector("[data-field=verdict]")!.TextContent, StringComparison.Ordinal);
                Assert.StartsWith("45,5\u00a0% des dépendances livrées", doc.QuerySelector("[data-field=ratio]")!.TextContent, StringComparison.Ordinal);
                Assert.StartsWith("Retirer la référence à System.Net.Http 4.3.4", doc.QuerySelector("#synthese li[data-action]")!.TextContent, StringComparison.Ordinal);
                Assert.Equal("5 sur 11", doc.QuerySelector("[data-figure=shipped] dd")!.TextContent);
                Assert.Contains(".NET", doc.QuerySelector("#explanations article[data-family=dotnet-library] h3")!.TextContent, StringComparison.Ordinal);
            }),
            (org, doc =>
            {
                Assert.Equal("1 sur 2", doc.QuerySelector("[data-figure=repositories] dd")!.TextContent);
                Assert.Equal("failed", doc.QuerySelector("tr[data-repository=\"Valmont.sln\"]")!.GetAttribute("data-result"));
                Assert.NotNull(doc.QuerySelector("#problems tr[data-package=\"System.Net.Http\"]"));
                Assert.NotNull(doc.QuerySelector("#common tr[data-common=\"Newtonsoft.Json\"]"));
                Assert.DoesNotContain("mutualisation", doc.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
            }),
        })
        {
            var probe = Path.Combine(temp.Path, "probe-" + Path.GetFileNameWithoutExtension(page) + ".html");
            File.WriteAllText(probe, ProbePage(new Uri(page).AbsoluteUri));
            var dump = Chromium.Run(temp.Path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=800,1200", "--dump-dom", new Uri(probe).AbsoluteUri);
            Assert.True(dump.ExitCode == 0, dump.All);
            var doc = new HtmlParser().ParseDocument(dump.StdOut);
            var measured = doc.GetElementById("out")!.TextContent;
            Assert.True(measured.StartsWith("tables:", StringComparison.Ordinal), "The probe did not measure the page: " + measured);
            // "tables:N overflow:" followed by nothing: N tables measured, none wider than the page.
            Assert.Matches(@"^tables:[1-9][0-9]* overflow:$", measured);
            var rendered = new HtmlParser().ParseDocument(File.ReadAllText(page));
            check(rendered);
        }

        // The PDF: A4 pages (595 x 842 points), and the synthèse alone on the first one.
        var pdf = Path.Combine(temp.Path, "dossier.pdf");
        var print = Chromium.Run(temp.Path, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", new Uri(Path.Combine(dossier, "publiccode-report.html")).AbsoluteUri);
        Assert.True(print.ExitCode == 0, print.All);
        var pdfText = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        var boxes = System.Text.RegularExpressions.Regex.Matches(pdfText, @"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]").Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => { Assert.InRange(b.W, 594, 596); Assert.InRange(b.H, 841, 843); });
    }

    /// <summary>
    /// A test page (not a report: it may run a script) that loads a report in an iframe as wide as an A4 page's printable
    /// area and writes what it measured into #out: the number of tables, and every element wider than the page.
    /// </summary>
    private static string ProbePage(string reportUrl) => """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
        <iframe id="f" style="width:703px;height:1000px;border:0" src="
        """ + reportUrl + """
        "></iframe><pre id="out">not measured</pre>
        <script>
        document.getElementById('f').addEventListener('load', function () {
          var d = this.contentDocument, w = d.documentElement.clientWidth, bad = [];
          var tables = d.querySelectorAll('table');
          d.querySelectorAll('table, td, th, code, pre, a, dd').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.right > w + 1 || e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'A' && e.tagName !== 'CODE') bad.push(e.tagName + ':' + (e.textContent || '').substring(0, 40));
          });
          document.getElementById('out').textContent = 'tables:' + tables.length + ' overflow:' + bad.join('|');
        });
        </script></body></html>
        """;
}

/// <summary>
/// A fact that needs Debian's <c>chromium</c>. On a developer machine without it, the test is skipped with the install
/// command; in CI (<c>CI=true</c>, where .ci/run installs it) it runs and fails if chromium is missing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable == null && !ExternalTools.InCi) Skip = "chromium is not installed: run eng/install-test-tools.sh (.ci/run does).";
    }
}

/// <summary>Runs headless Chromium with the flags that work offline on this machine (Debian Chromium without background networking).</summary>
internal static class Chromium
{
    public static string? Executable { get; } = Find();

    public static ProcessResult Run(string workDir, params string[] args)
    {
        var profile = Path.Combine(workDir, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(Executable!) { WorkingDirectory = workDir };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }
        return Processes.Run(psi, TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// Fails on any error Chromium logs about the page (console errors, blocked or failed loads). The D-Bus errors a
    /// container without a session bus always logs are about the machine, not the page, and are ignored.
    /// </summary>
    public static void AssertNoPageErrors(ProcessResult result)
    {
        var errors = result.StdErr.Split('\n')
            .Where(l => l.Contains(":ERROR:", StringComparison.Ordinal) || l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("net::ERR_", StringComparison.Ordinal))
            .Where(l => !l.Contains(":ERROR:dbus/", StringComparison.Ordinal) && !l.Contains(":ERROR:bus.cc", StringComparison.Ordinal) && !l.Contains(":ERROR:object_proxy.cc", StringComparison.Ordinal))
            .ToArray();
        Assert.True(errors.Length == 0, "Chromium reported errors:\n" + string.Join('\n', errors));
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
