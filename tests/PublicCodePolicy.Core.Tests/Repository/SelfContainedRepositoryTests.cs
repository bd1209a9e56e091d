// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Tests.Repository;

/// <summary>
/// A clone with nothing beside it must pass its own tests (issue 10): no source, project file, script or document
/// of the repository may name a path above the repository root, and the vendored reference data must stay
/// byte-identical to the upstream files recorded in <c>tests/data/SHA256SUMS</c>.
/// </summary>
public sealed partial class SelfContainedRepositoryTests
{
    // Folders that hold build output, tools or the vendored upstream files themselves (whose own relative links are
    // upstream's business), never sources of ours.
    private static readonly string[] s_skippedFolders = { ".git", "bin", "obj", "artifacts", "TestResults", ".tools", "node_modules" };
    private static readonly string[] s_binaryExtensions = { ".png", ".gz", ".nupkg", ".snk", ".dll", ".pdb", ".zip", ".ico", ".pdf" };

    // A line may say that a "../" inside it is test input for the product (a hostile package path), not a path of
    // this repository. The marker is assembled so that this file does not mark itself.
    private static readonly string s_marker = "path-scan:" + " not a repository path";

    [Fact]
    public void NoFile_NamesAPathAboveTheRepositoryRoot()
    {
        var problems = new List<string>();
        foreach (var file in EnumerateSourceFiles(TestPaths.RepositoryRoot))
        {
            var relative = Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/');
            int depth = relative.Count(c => c == '/');
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Contains(s_marker, StringComparison.Ordinal)) continue;
                foreach (var climb in Climbs(line))
                {
                    if (climb > depth) problems.Add($"{relative}:{i + 1}: climbs {climb} folder(s) from a file {depth} below the root: {line.Trim()}");
                }
                if (SiblingName().IsMatch(line)) problems.Add($"{relative}:{i + 1}: names the folder beside the repository: {line.Trim()}");
                if (RootThenUp().IsMatch(line)) problems.Add($"{relative}:{i + 1}: goes above the repository root: {line.Trim()}");
            }
        }
        Assert.True(problems.Count == 0,
            "Paths outside the repository (a stranger's clone has nothing beside it; vendor the file under tests/data instead). "
            + "If a line is test input for the product rather than a path here, build the string at run time or end the line with a comment '"
            + s_marker + "'.\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Scanner_FindsPlantedClimbs()
    {
        // The scanner itself must bite: these are the shapes that once reached the reference data beside the clone.
        Assert.Equal(new[] { 2 }, Climbs("src = os.path.join(here, '..', '..', 'shar' + 'ed', 'ref')"));
        Assert.Equal(new[] { 3 }, Climbs("<Import Project=\"$(MSBuildThisFileDirectory)../../../x.props\" />"));
        Assert.Equal(new[] { 2 }, Climbs("cat ..\\..\\file"));
        Assert.Empty(Climbs("var a = b..c; // a range, not a path"));
        Assert.Matches(RootThenUp(), "Path.Combine(RepositoryRoot, \"..\", \"x\")");
        Assert.Matches(SiblingName(), "Path.Combine(root, \"../" + "sha" + "red/ref\")");
    }

    [Fact]
    public void VendoredData_IsByteIdenticalToTheRecordedUpstreamFiles()
    {
        var data = TestPaths.TestData;
        var sums = File.ReadAllLines(Path.Combine(data, "SHA256SUMS"))
            .Where(l => l.Length > 0)
            .Select(l => (Hash: l[..64], Path: l[66..].TrimStart('.', '/')))
            .ToList();
        Assert.True(sums.Count > 900, "SHA256SUMS lists " + sums.Count + " files");
        var listed = new HashSet<string>(sums.Select(s => s.Path), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (hash, path) in sums)
        {
            var full = Path.Combine(data, path);
            if (!File.Exists(full)) { problems.Add("missing: " + path); continue; }
            var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(full))).ToLowerInvariant();
            if (actual != hash) problems.Add("changed (line endings?): " + path);
        }
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(data, file).Replace('\\', '/');
            if (rel is "README.md" or "SHA256SUMS" || rel.StartsWith("LICENSES/", StringComparison.Ordinal)) continue;
            if (!listed.Contains(rel)) problems.Add("not in SHA256SUMS (no provenance): " + rel);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void VendoredData_CarriesTheLicenceTextsItsUpstreamsRequire()
    {
        // CC-BY-3.0 (SPDX list, SPDX schema), Apache-2.0 (CycloneDX), EUPL-1.2 (publiccode-parser-go),
        // CC0-1.0 (publiccode.yml standard), MIT (fsf-api, purl-spec).
        foreach (var (id, phrase) in new[]
        {
            ("CC-BY-3.0", "Attribution 3.0 Unported"),
            ("Apache-2.0", "Apache License"),
            ("EUPL-1.2", "European Union Public Licence"),
            ("CC0-1.0", "CC0 1.0 Universal"),
            ("MIT", "Permission is hereby granted, free of charge"),
        })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.TestData, "LICENSES", id + ".txt"));
            Assert.Contains(phrase, text, StringComparison.OrdinalIgnoreCase);
        }
        var readme = File.ReadAllText(Path.Combine(TestPaths.TestData, "README.md"));
        foreach (var folder in Directory.EnumerateDirectories(TestPaths.TestData).Select(Path.GetFileName).Where(f => f != "LICENSES"))
        {
            Assert.Contains("`" + folder + "/", readme, StringComparison.Ordinal);
        }
    }

    /// <summary>How many folders each relative path on the line climbs ("../../x" or "'..', '..'" joins).</summary>
    internal static List<int> Climbs(string line)
    {
        var result = new List<int>();
        foreach (Match m in SlashClimb().Matches(line)) result.Add(m.Length / 3);
        foreach (Match m in JoinClimb().Matches(line)) result.Add(m.Groups["up"].Captures.Count);
        return result;
    }

    [GeneratedRegex(@"(?<![\w.])(?:\.\.[/\\])+")]
    private static partial Regex SlashClimb();

    [GeneratedRegex(@"(?:(?<up>['""]\.\.['""])\s*,\s*)+(?<up>['""]\.\.['""])|(?<up>['""]\.\.['""])")]
    private static partial Regex JoinClimb();

    [GeneratedRegex(@"\.\.[/\\]shared\b|['""]shared['""]\s*,\s*['""]ref['""]|shared[/\\]ref\b", RegexOptions.IgnoreCase)]
    private static partial Regex SiblingName();

    [GeneratedRegex(@"(?i:repositoryroot|reporoot|repo_root|\$root|\$\(RepositoryRoot\))\s*[,/\\+]\s*['""]?\.\.")]
    private static partial Regex RootThenUp();

    private static IEnumerable<string> EnumerateSourceFiles(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (s_skippedFolders.Contains(name, StringComparer.Ordinal)) continue;
                if (Path.GetRelativePath(root, sub).Replace('\\', '/') == "tests/data") continue;
                if ((File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0) continue;
                pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                if (s_binaryExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
                if (new FileInfo(file).Length > 4_000_000) continue;
                if (LooksBinary(file)) continue;
                yield return file;
            }
        }
    }

    private static bool LooksBinary(string file)
    {
        Span<byte> head = stackalloc byte[512];
        using var stream = File.OpenRead(file);
        int n = stream.Read(head);
        return head[..n].Contains((byte)0);
    }
}
