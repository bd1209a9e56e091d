// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Globalization;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.Tests.LicenseMatching;

namespace PublicCodePolicy.Benchmarks;

/// <summary>
/// Issue 3 measurements: the cost of building the licence-text index, and of concluding the licences of a
/// 65-package solution laid out as a NuGet global packages folder. Run:
/// <c>dotnet run -c Release --project bench/PublicCodePolicy.Benchmarks [-- --real &lt;global packages folder&gt;]</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = Stopwatch.StartNew();

        // The machine this runs on may be shared: wall-clock times are printed with the process CPU time beside them.
        Console.WriteLine(string.Format(inv, "{0} processors, load average {1}", Environment.ProcessorCount, LoadAverage()));

        // 1. Index build, cold (first in the process: JSON parse, tokenising 778 templates) then warm rebuilds.
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        var matcher = LicenseTextMatcher.Load();
        double cold = sw.Elapsed.TotalMilliseconds, coldCpu = Cpu() - cpu;
        var warm = new List<double>();
        var warmCpu = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            sw.Restart();
            cpu = Cpu();
            LicenseTextMatcher.Load();
            warm.Add(sw.Elapsed.TotalMilliseconds);
            warmCpu.Add(Cpu() - cpu);
        }
        Console.WriteLine(string.Format(inv, "Index build: first {0:F0} ms (CPU {1:F0} ms), then median {2:F0} ms (CPU {3:F0} ms) ({4} templates, SPDX list {5})", cold, coldCpu, Median(warm), Median(warmCpu), matcher.TemplateCount, matcher.LicenseListVersion));

        // 2. A 65-package solution: the licence forms of a real one (mostly expressions, some files, URLs and nothing).
        using var root = new TempDirectory("bench");
        var nuspecs = BuildSolution(root.Path);
        var expressionOnly = nuspecs.Where(n => NuspecReader.Read(n).LicenseKind == DeclaredLicenseKind.Expression).ToList();

        for (int run = 1; run <= 3; run++)
        {
            // A new matcher each run: the first package with a licence file pays the index build, as in a build.
            var runMatcher = run == 1 ? matcher : LicenseTextMatcher.Load();
            var resolver = new LicenseResolver(textIdentifier: runMatcher);
            sw.Restart();
            cpu = Cpu();
            var results = nuspecs.Select(n => resolver.Resolve(NuspecReader.Read(n))).ToList();
            double ms = sw.Elapsed.TotalMilliseconds, msCpu = Cpu() - cpu;
            int concluded = results.Count(r => !r.IsNoAssertion);
            Console.WriteLine(string.Format(inv, "Run {0}: {1} packages resolved in {2:F0} ms (CPU {3:F0} ms; {4} concluded, {5} NOASSERTION); by source: {6}",
                run, results.Count, ms, msCpu, concluded, results.Count - concluded,
                string.Join(", ", results.GroupBy(r => r.Source).OrderBy(g => g.Key).Select(g => g.Key + "=" + g.Count().ToString(inv)))));
        }
        sw.Restart();
        cpu = Cpu();
        var lazyResolver = new LicenseResolver(textIdentifier: LicenseTextMatcher.Default);
        foreach (var n in expressionOnly) lazyResolver.Resolve(NuspecReader.Read(n));
        Console.WriteLine(string.Format(inv, "{0} expression-only packages through the engine's default (lazy) identifier: {1:F0} ms (CPU {2:F0} ms); index built: {3}", expressionOnly.Count, sw.Elapsed.TotalMilliseconds, Cpu() - cpu, LicenseTextMatcher.IsSharedLoaded));

        // 3. Optionally, a real global packages folder: how many licences are concluded, and from what.
        int real = Array.IndexOf(args, "--real");
        if (real >= 0 && real + 1 < args.Length && Directory.Exists(args[real + 1]))
        {
            var files = Directory.GetDirectories(args[real + 1]).SelectMany(Directory.GetDirectories).SelectMany(d => Directory.GetFiles(d, "*.nuspec")).Order(StringComparer.Ordinal).ToList();
            var resolver = new LicenseResolver(textIdentifier: matcher);
            sw.Restart();
            var results = files.Select(f => (Path: f, R: resolver.Resolve(NuspecReader.Read(f)))).ToList();
            Console.WriteLine(string.Format(inv, "Real folder {0}: {1} packages in {2:F0} ms; concluded {3}; by source: {4}",
                args[real + 1], results.Count, sw.Elapsed.TotalMilliseconds, results.Count(r => !r.R.IsNoAssertion),
                string.Join(", ", results.GroupBy(r => r.R.Source + (r.R.IsNoAssertion ? "/NOASSERTION" : string.Empty)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "=" + g.Count().ToString(inv)))));
            foreach (var (path, r) in results.Where(x => x.R.Source != LicenseSource.Expression))
            {
                Console.WriteLine("  " + Path.GetFileName(path) + ": " + r.Concluded + " [" + r.Source + "] " + r.Evidence);
            }

            // Every licence-like file in the folder (distinct texts), whether or not its package declares an expression.
            var texts = files.Select(Path.GetDirectoryName).SelectMany(d => Directory.GetFiles(d!))
                .Where(f => Path.GetFileName(f).Contains("LICEN", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith("COPYING", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith("NOTICE", StringComparison.OrdinalIgnoreCase))
                .Select(File.ReadAllText).Distinct(StringComparer.Ordinal).ToList();
            sw.Restart();
            cpu = Cpu();
            var analyses = texts.Select(matcher.Analyze).ToList();
            Console.WriteLine(string.Format(inv, "Real licence files: {0} distinct texts in {1:F0} ms (CPU {2:F0} ms): {3}", texts.Count, sw.Elapsed.TotalMilliseconds, Cpu() - cpu,
                string.Join(", ", analyses.GroupBy(a => a.Kind + " " + a.Expression).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count().ToString(inv)))));
        }
        Console.WriteLine(string.Format(inv, "Total benchmark time {0:F1} s", total.Elapsed.TotalSeconds));
        return 0;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static List<string> BuildSolution(string root)
    {
        var feed = Path.Combine(root, "feed");
        var folder = Path.Combine(root, "packages");
        var nuspecs = new List<string>();
        void Add(string id, NupkgBuilder.Declaration d, params (string Name, string Content)[] files)
        {
            var nupkg = NupkgBuilder.Pack(feed, id, "1.0.0", d, files.ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal));
            nuspecs.Add(NupkgBuilder.Extract(nupkg, folder, id, "1.0.0"));
        }
        string[] expressions = { "MIT", "Apache-2.0", "BSD-3-Clause", "MIT OR Apache-2.0", "MS-PL", "LGPL-2.1-only", "Apache-2.0 WITH LLVM-exception" };
        for (int i = 0; i < 45; i++) Add("Bench.Expression" + i.ToString(CultureInfo.InvariantCulture), new("expression", expressions[i % expressions.Length]));
        string[] fileLicences = { "MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only", "LGPL-3.0-only", "MPL-2.0", "EUPL-1.2", "MS-PL", "BSD-2-Clause", "ISC" };
        for (int i = 0; i < fileLicences.Length; i++) Add("Bench.File" + i.ToString(CultureInfo.InvariantCulture), new("file", "LICENSE.txt"), ("LICENSE.txt", SpdxTemplateText.Render(fileLicences[i], copyright: "Copyright (c) 2024 Bench " + i.ToString(CultureInfo.InvariantCulture))));
        string[] urls = { "http://go.microsoft.com/fwlink/?LinkId=329770", "https://www.apache.org/licenses/LICENSE-2.0", "https://raw.githubusercontent.com/aspnet/AspNetCore/2.0.0/LICENSE.txt", "https://github.com/dotnet/corefx/blob/master/LICENSE.TXT", "https://example.com/licence", "https://opensource.org/licenses/MIT" };
        for (int i = 0; i < urls.Length; i++) Add("Bench.Url" + i.ToString(CultureInfo.InvariantCulture), new(LicenseUrl: urls[i]), i == 3 ? new[] { ("LICENSE.TXT", SpdxTemplateText.Render("MIT")) } : Array.Empty<(string, string)>());
        string[] rootFiles = { "MIT", "Apache-2.0", "BSD-2-Clause", "Zlib" };
        for (int i = 0; i < rootFiles.Length; i++) Add("Bench.RootFile" + i.ToString(CultureInfo.InvariantCulture), new(), ("LICENSE", SpdxTemplateText.Render(rootFiles[i])));
        return nuspecs;
    }
}
