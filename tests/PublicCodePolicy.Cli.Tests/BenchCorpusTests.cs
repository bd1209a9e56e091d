// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text.Json;
using Json.Schema;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// Smoke run of the benchmark corpus generator (bench/make-large-solution.py): the smallest preset is generated,
/// deterministically, and is a solution the check reads in full. The benchmark itself (bench/scale.sh) is never run
/// by tests, and no timing is asserted.
/// </summary>
public sealed class BenchCorpusTests
{
    [Fact]
    public void SmallestPreset_IsDeterministic_AndChecksAsGenerated()
    {
        using var temp = new TempDirectory("bench-corpus");
        var a = Path.Combine(temp.Path, "a");
        var b = Path.Combine(temp.Path, "b");
        Generate(a);
        Generate(b);
        var filesA = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToArray();
        var filesB = Directory.EnumerateFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(filesA, filesB);
        foreach (var f in filesA)
        {
            // The assets files hold absolute paths: compare them with the root taken out.
            Assert.Equal(File.ReadAllText(Path.Combine(a, f)).Replace(a, "ROOT", StringComparison.Ordinal), File.ReadAllText(Path.Combine(b, f)).Replace(b, "ROOT", StringComparison.Ordinal));
        }
        Assert.Equal(5, Directory.EnumerateFiles(a, "*.csproj", SearchOption.AllDirectories).Count());
        Assert.Equal(65, Directory.EnumerateDirectories(Path.Combine(a, "packages")).Count());

        var r = Cli.Run("check", Path.Combine(a, "Large.slnx"), "-f", "json");
        Assert.True(r.ExitCode is 0 or 1, r.All);
        using var doc = JsonDocument.Parse(r.StdOut);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("projects").GetInt32());
        Assert.InRange(summary.GetProperty("packages").GetInt32(), 20, 65);
        // The spread of licence forms reaches the verdicts: mostly allowed, some not.
        Assert.True(summary.GetProperty("allowed").GetInt32() > summary.GetProperty("packages").GetInt32() / 2);
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "check-result.schema.json"));
        Assert.True(schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);
    }

    private static void Generate(string output)
    {
        var psi = new ProcessStartInfo("python3");
        psi.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "bench", "make-large-solution.py"));
        psi.ArgumentList.Add(output);
        psi.ArgumentList.Add("--preset");
        psi.ArgumentList.Add("5");
        var r = Processes.Run(psi, TimeSpan.FromMinutes(2));
        Assert.True(r.ExitCode == 0, r.All);
    }
}
