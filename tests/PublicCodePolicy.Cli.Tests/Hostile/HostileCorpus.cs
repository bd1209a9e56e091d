// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicCodePolicy.Cli.Tests.Hostile;

/// <summary>
/// One hostile case: what to build, the command line, the exit codes it may end with and the PCP code it must print.
/// <paramref name="Verify"/> adds what the output must (not) contain.
/// </summary>
internal sealed record HostileCase(string Family, string Name, Func<HostileWorld, string[]> Arrange, int[] Exits, string? Code, Action<HostileWorld, ProcessResult>? Verify = null)
{
    public string Id => Family + "/" + Name;
}

/// <summary>
/// The hostile-input corpus of issue 16: every input of every front-end (assets file, nuspec, licence file, policy,
/// publiccode.yml, merge inputs, output paths, command line) given broken, huge, special or malicious content. Large
/// inputs are generated here (or are sparse files); nothing is downloaded.
/// </summary>
internal static class HostileCorpus
{
    private static readonly int[] Two = { 2 };
    private static readonly int[] One = { 1 };
    private static readonly int[] Zero = { 0 };
    private static readonly int[] Any = { 0, 1, 2 };
    private static readonly int[] Judged = { 0, 1 };

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    public static HostileCase Find(string id) => All.Single(c => c.Id == id);

    private static List<HostileCase> Build()
    {
        var all = new List<HostileCase>();
        all.AddRange(AssetsCases());
        all.AddRange(GraphCases());
        all.AddRange(NuspecCases());
        all.AddRange(LicenceFileCases());
        all.AddRange(PolicyCases());
        all.AddRange(PublicCodeCases());
        all.AddRange(MergeCases());
        all.AddRange(OutputCases());
        all.AddRange(UsageCases());
        all.AddRange(InjectionCases());
        return all;
    }

    // ------------------------------------------------------------------ helpers

    private static string[] Check(HostileWorld w, params string[] extra) => new[] { "check", w.Project }.Concat(extra).ToArray();

    private static string[] CheckJson(HostileWorld w) => Check(w, "-f", "json");

    /// <summary>The verdict of package Target in a JSON check result.</summary>
    private static string? TargetVerdict(string json, string id = "Target")
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in CheckResultJson.AllProjectPackages(doc.RootElement))
        {
            if (p.Get("id") == id) return p.Get("verdict") + " " + p.Get("license");
        }
        return null;
    }

    private static void TargetNotAllowed(HostileWorld w, ProcessResult r)
    {
        var verdict = TargetVerdict(r.StdOut);
        Assert.NotNull(verdict);
        Assert.False(verdict!.StartsWith("allowed", StringComparison.Ordinal), "Target must not be allowed from a file it should not read: " + verdict);
    }

    private static void TargetAllowed(HostileWorld w, ProcessResult r)
        => Assert.StartsWith("allowed MIT", TargetVerdict(r.StdOut), StringComparison.Ordinal);

    private static string Mutate(HostileWorld w, Func<JsonObject, JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(w.AssetsFile))!.AsObject();
        File.WriteAllText(w.AssetsFile, change(root).ToJsonString());
        return w.AssetsFile;
    }

    private static JsonNode? Value(string json) => JsonNode.Parse(json);

    private static string Nuspec(string metadata)
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n    <id>Target</id>\n    <version>1.0.0</version>\n    <authors>x</authors>\n    "
           + metadata + "\n    <description>d</description>\n  </metadata>\n</package>\n";

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    // ------------------------------------------------------------------ assets files

    private static IEnumerable<HostileCase> AssetsCases()
    {
        // Truncated at 40 offsets spread over the file, and at 0: never valid JSON.
        for (int i = 0; i <= 40; i++)
        {
            int part = i;
            yield return new HostileCase("assets", "truncated-" + part.ToString("D2", CultureInfo.InvariantCulture) + "of40", w =>
            {
                var bytes = File.ReadAllBytes(w.AssetsFile);
                File.WriteAllBytes(w.AssetsFile, bytes.AsSpan(0, (int)((long)bytes.Length * part / 41)).ToArray());
                return Check(w);
            }, Two, "PCP9002");
        }

        // Bit flips at fixed seeds: whatever the byte becomes, a verdict or a coded error.
        for (int seed = 1; seed <= 25; seed++)
        {
            int s = seed;
            yield return new HostileCase("assets", "bitflip-seed" + s.ToString("D2", CultureInfo.InvariantCulture), w =>
            {
                var bytes = File.ReadAllBytes(w.AssetsFile);
                var rng = new Random(s);
                for (int k = 0; k < 3; k++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                File.WriteAllBytes(w.AssetsFile, bytes);
                return Check(w);
            }, Any, null);
        }

        // Wrong JSON kind for each top-level field.
        var fields = new[] { "version", "targets", "libraries", "projectFileDependencyGroups", "packageFolders", "project" };
        var values = new[] { ("number", "42"), ("string", "\"text\""), ("array", "[1,2]"), ("null", "null"), ("bool", "true") };
        foreach (var field in fields)
        {
            foreach (var (kind, json) in values)
            {
                if (field == "version" && kind == "number") continue;
                string f = field, v = json;
                yield return new HostileCase("assets", "wrong-type-" + f + "-" + kind, w =>
                {
                    Mutate(w, o => { o[f] = Value(v); return o; });
                    return Check(w);
                }, f switch { "packageFolders" => One, "projectFileDependencyGroups" => Zero, _ => Two }, f switch { "packageFolders" => "PCP1001", "projectFileDependencyGroups" => null, _ => "PCP9002" });
            }
        }

        yield return new HostileCase("assets", "version-2", w => { Mutate(w, o => { o["version"] = 2; return o; }); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "nesting-100k", w =>
        {
            File.WriteAllText(w.AssetsFile, "{\"version\":3,\"targets\":" + Repeat("[", 100_000) + Repeat("]", 100_000) + "}");
            return Check(w);
        }, Two, "PCP9002");
        yield return new HostileCase("assets", "duplicate-keys", w =>
        {
            var text = File.ReadAllText(w.AssetsFile);
            File.WriteAllText(w.AssetsFile, "{\"version\": 3, \"libraries\": {}, " + text.TrimStart()[1..]);
            return Check(w);
        }, Judged, null);
        yield return new HostileCase("assets", "utf8-bom", w => { File.WriteAllBytes(w.AssetsFile, Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(w.AssetsFile)).ToArray()); return Check(w); }, Zero, null);
        yield return new HostileCase("assets", "utf16-le", w => { File.WriteAllText(w.AssetsFile, File.ReadAllText(w.AssetsFile), Encoding.Unicode); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "utf16-be", w => { File.WriteAllText(w.AssetsFile, File.ReadAllText(w.AssetsFile), Encoding.BigEndianUnicode); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "utf32", w => { File.WriteAllText(w.AssetsFile, File.ReadAllText(w.AssetsFile), Encoding.UTF32); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "invalid-utf8-in-id", w =>
        {
            var text = File.ReadAllBytes(w.AssetsFile);
            var marker = Encoding.UTF8.GetBytes("\"Target/1.0.0\"");
            int at = text.AsSpan().IndexOf(marker);
            text[at + 2] = 0xFF;
            File.WriteAllBytes(w.AssetsFile, text);
            return Check(w);
        }, Any, null);
        yield return new HostileCase("assets", "empty", w => { File.WriteAllText(w.AssetsFile, string.Empty); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "whitespace-only", w => { File.WriteAllText(w.AssetsFile, "   \n\t "); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "json-array", w => { File.WriteAllText(w.AssetsFile, "[]"); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "binary-garbage", w => { var b = new byte[4096]; new Random(7).NextBytes(b); File.WriteAllBytes(w.AssetsFile, b); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "sparse-1TiB", w => { _ = w.Project; w.Sparse(w.AssetsFile, 1L << 40); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "fifo", w => { _ = w.Project; File.Delete(w.AssetsFile); w.Fifo(w.AssetsFile); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "link-to-dev-zero", w => { _ = w.Project; w.Link(w.AssetsFile, "/dev/zero"); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "link-to-dev-urandom", w => { _ = w.Project; w.Link(w.AssetsFile, "/dev/urandom"); return Check(w); }, Two, "PCP9002");
        yield return new HostileCase("assets", "link-loop", w => { _ = w.Project; w.Link(w.AssetsFile + ".b", w.AssetsFile); w.Link(w.AssetsFile, w.AssetsFile + ".b"); return Check(w); }, Two, null);

        // packageFolders pointing at odd places: packages are "not found", never read from elsewhere.
        var folders = new (string Name, Func<HostileWorld, string> Folder)[]
        {
            ("root", _ => "/"),
            ("missing", w => Path.Combine(w.Root, "nowhere")),
            ("file", w => w.Write("afile", "x")),
            ("symlink-loop", w => { w.Link("loop-a", Path.Combine(w.Root, "loop-b")); return w.Link("loop-b", Path.Combine(w.Root, "loop-a")); }),
            ("relative-dotdot", _ => "../../../../../../../../"), // path-scan: not a repository path
            ("nul-character", _ => "/tmp/\u0000evil/"),
            ("empty-string", _ => string.Empty),
            ("dev", _ => "/dev/"),
            ("proc", _ => "/proc/self/"),
        };
        foreach (var (name, folder) in folders)
        {
            var f = folder;
            yield return new HostileCase("assets", "packageFolders-" + name, w =>
            {
                var target = f(w);
                Mutate(w, o => { o["packageFolders"] = new JsonObject { [target] = new JsonObject() }; return o; });
                return Check(w);
            }, One, "PCP1001");
        }

        // Library paths from the assets file are confined to the package folder.
        var paths = new (string Name, string Path, string Code)[]
        {
            ("dotdot", "../../../../../../etc", "PCP1001"), // path-scan: not a repository path
            ("dotdot-backslash", "..\\..\\..\\..\\etc", "PCP1001"),
            ("absolute", "/etc", "PCP1001"),
            ("nul", "target/\u00001.0.0", "PCP1001"),
            ("very-long", new string('a', 10_000), "PCP1001"),
            ("drive-letter", "C:\\Windows", "PCP1001"),
            ("outside-folder", "../outside", "PCP1001"), // path-scan: not a repository path
        };
        foreach (var (name, libPath, code) in paths)
        {
            string p = libPath, c = code;
            yield return new HostileCase("assets", "library-path-" + name, w =>
            {
                Mutate(w, o => { o["libraries"]!["Target/1.0.0"]!["path"] = p; return o; });
                return Check(w);
            }, One, c);
        }
        yield return new HostileCase("assets", "library-path-wrong-type", w => { Mutate(w, o => { o["libraries"]!["Target/1.0.0"]!["path"] = 42; return o; }); return Check(w); }, Zero, null);

        var versions = new[] { ("empty", ""), ("letters", "abc"), ("huge", "99999999999999999999.0"), ("many-parts", "1.0.0.0.0.0.0"), ("spaces", " 1.0 ") };
        foreach (var (name, version) in versions)
        {
            string v = version;
            yield return new HostileCase("assets", "invalid-version-" + name, w =>
            {
                var text = File.ReadAllText(w.AssetsFile).Replace("Target/1.0.0", "Target/" + v, StringComparison.Ordinal);
                File.WriteAllText(w.AssetsFile, text);
                return Check(w);
            }, Any, null);
        }
        yield return new HostileCase("assets", "id-with-slashes", w =>
        {
            File.WriteAllText(w.AssetsFile, File.ReadAllText(w.AssetsFile).Replace("\"Target/1.0.0\"", "\"../../Tar/get/1.0.0\"", StringComparison.Ordinal)); // path-scan: not a repository path
            return Check(w);
        }, Any, null);
    }

    // ------------------------------------------------------------------ graph shapes

    private static IEnumerable<HostileCase> GraphCases()
    {
        foreach (int depth in new[] { 500, 6000 })
        {
            int d = depth;
            yield return new HostileCase("graph", "chain-" + d.ToString(CultureInfo.InvariantCulture) + "-deep", w =>
            {
                var project = Chain(w.Root, d);
                return new[] { "check", project, "-f", "json", "-o", Path.Combine(w.Root, "deep.json") };
            }, Zero, null, (w, r) =>
            {
                // Linear in the graph: a few hundred bytes per package, whatever the depth.
                long size = new FileInfo(Path.Combine(w.Root, "deep.json")).Length;
                Assert.True(size < d * 4_000L, "output of " + size.ToString(CultureInfo.InvariantCulture) + " bytes for " + d.ToString(CultureInfo.InvariantCulture) + " packages");
                using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(w.Root, "deep.json")));
            });
        }
        yield return new HostileCase("graph", "cycle", w =>
        {
            var project = new FakeRestore("App")
                .Package("A", "1.0.0", "<license type=\"expression\">MIT</license>", new[] { "B" })
                .Package("B", "1.0.0", "<license type=\"expression\">MIT</license>", new[] { "A" })
                .Direct("A").WriteTo(w.Root);
            return new[] { "check", project };
        }, Zero, null);
        yield return new HostileCase("graph", "self-dependency", w =>
        {
            var project = new FakeRestore("App").Package("A", "1.0.0", "<license type=\"expression\">MIT</license>", new[] { "A" }).Direct("A").WriteTo(w.Root);
            return new[] { "check", project };
        }, Zero, null);
        yield return new HostileCase("graph", "wide-2000-direct", w =>
        {
            var restore = new FakeRestore("App");
            for (int i = 0; i < 2000; i++) restore.Package("W" + i.ToString(CultureInfo.InvariantCulture), "1.0.0", "<license type=\"expression\">MIT</license>");
            for (int i = 0; i < 2000; i++) restore.Direct("W" + i.ToString(CultureInfo.InvariantCulture));
            return new[] { "check", restore.WriteTo(w.Root), "--problems-only" };
        }, Zero, null);
        yield return new HostileCase("graph", "solution-of-10k-missing-projects", w =>
        {
            var sb = new StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n");
            for (int i = 0; i < 10_000; i++)
            {
                sb.Append("Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"P").Append(i).Append("\", \"missing\\P").Append(i).Append("\\P").Append(i).Append(".csproj\", \"{00000000-0000-0000-0000-").Append(i.ToString("D12", CultureInfo.InvariantCulture)).Append("}\"\nEndProject\n");
            }
            return new[] { "check", w.Write("Big.sln", sb.ToString()) };
        }, Two, "PCP9001");
        yield return new HostileCase("graph", "check-filesystem-root", _ => new[] { "check", "/" }, Two, "PCP9004");
        yield return new HostileCase("graph", "folder-too-deep", w =>
        {
            var dir = w.Root;
            for (int i = 0; i < 40; i++) dir = Path.Combine(dir, "d");
            Directory.CreateDirectory(dir);
            return new[] { "check", w.Root };
        }, Two, "PCP9004");
        yield return new HostileCase("graph", "solution-fifo", w => new[] { "check", w.Fifo("Fifo.sln") }, Two, "PCP9005");
        yield return new HostileCase("graph", "solution-dev-zero", w => new[] { "check", w.Link("Zero.sln", "/dev/zero") }, Two, "PCP9005");
        yield return new HostileCase("graph", "solution-binary", w => new[] { "check", w.WriteBytes("Bin.sln", new byte[] { 0, 1, 2, 0xFF, 0xFE }) }, Two, "PCP9005");
        yield return new HostileCase("graph", "slnx-xxe", w => new[] { "check", w.Write("X.slnx", "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Solution><Project Path=\"&x;\" /></Solution>") }, Two, "PCP9005");
    }

    /// <summary>A restored project whose only direct package P0 depends on P1, … up to P(depth-1), each MIT.</summary>
    private static string Chain(string root, int depth)
    {
        var packages = Path.Combine(root, "packages") + Path.DirectorySeparatorChar;
        var projectDir = Directory.CreateDirectory(Path.Combine(root, "App", "obj")).Parent!.FullName;
        var project = Path.Combine(projectDir, "App.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var targets = new StringBuilder();
        var libraries = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            string id = "P" + i.ToString(CultureInfo.InvariantCulture);
            var dir = Directory.CreateDirectory(Path.Combine(packages, id.ToLowerInvariant(), "1.0.0")).FullName;
            File.WriteAllText(Path.Combine(dir, id.ToLowerInvariant() + ".nuspec"), "<package><metadata><id>" + id + "</id><version>1.0.0</version><license type=\"expression\">MIT</license></metadata></package>");
            if (i > 0)
            {
                targets.Append(',');
                libraries.Append(',');
            }
            targets.Append('"').Append(id).Append("/1.0.0\":{\"type\":\"package\",\"runtime\":{\"lib/net8.0/x.dll\":{}}");
            if (i < depth - 1) targets.Append(",\"dependencies\":{\"P").Append(i + 1).Append("\":\"1.0.0\"}");
            targets.Append('}');
            libraries.Append('"').Append(id).Append("/1.0.0\":{\"sha512\":\"abc\",\"type\":\"package\",\"path\":\"").Append(id.ToLowerInvariant()).Append("/1.0.0\",\"files\":[\"").Append(id.ToLowerInvariant()).Append(".nuspec\"]}");
        }
        var assets = "{\"version\":3,\"targets\":{\"net10.0\":{" + targets + "}},\"libraries\":{" + libraries + "},\"projectFileDependencyGroups\":{\"net10.0\":[\"P0 >= 1.0.0\"]},"
            + "\"packageFolders\":{" + JsonSerializer.Serialize(packages) + ":{}},\"project\":{\"version\":\"1.0.0\",\"restore\":{\"projectName\":\"App\",\"projectPath\":" + JsonSerializer.Serialize(project)
            + ",\"projectStyle\":\"PackageReference\"},\"frameworks\":{\"net10.0\":{\"targetAlias\":\"net10.0\",\"dependencies\":{\"P0\":{\"target\":\"Package\",\"version\":\"[1.0.0, )\"}}}}}}";
        File.WriteAllText(Path.Combine(projectDir, "obj", "project.assets.json"), assets);
        return project;
    }

    // ------------------------------------------------------------------ nuspecs

    private static IEnumerable<HostileCase> NuspecCases()
    {
        var bad = new (string Name, string Content)[]
        {
            ("dtd", "<?xml version=\"1.0\"?><!DOCTYPE package [<!ELEMENT package ANY>]>" + Nuspec("<license type=\"expression\">MIT</license>")[38..]),
            ("external-entity", "<?xml version=\"1.0\"?><!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><package><metadata><id>Target</id><version>1.0.0</version><license type=\"expression\">&x;</license></metadata></package>"),
            ("billion-laughs", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><package><metadata><id>Target</id><version>1.0.0</version><license type=\"expression\">&lol3;</license></metadata></package>"),
            ("parameter-entity", "<?xml version=\"1.0\"?><!DOCTYPE package [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x\"> %p;]><package/>"),
            ("not-xml", "this is not xml"),
            ("unclosed", "<package><metadata><id>Target</id>"),
            ("wrong-root", "<?xml version=\"1.0\"?><project><metadata><id>Target</id><version>1.0.0</version></metadata></project>"),
            ("no-id", "<package><metadata><version>1.0.0</version><license type=\"expression\">MIT</license></metadata></package>"),
            ("no-version", "<package><metadata><id>Target</id><license type=\"expression\">MIT</license></metadata></package>"),
            ("two-metadata", "<package><metadata><id>Target</id><version>1.0.0</version><license type=\"expression\">GPL-3.0-only</license></metadata><metadata><id>Target</id><version>1.0.0</version><license type=\"expression\">MIT</license></metadata></package>"),
            ("empty", string.Empty),
            ("nul-bytes", "<package>\0\0\0</package>"),
            ("deep-elements", "<package><metadata><id>Target</id><version>1.0.0</version>" + Repeat("<a>", 50_000) + Repeat("</a>", 50_000) + "</metadata></package>"),
            ("xinclude", "<package xmlns:xi=\"http://www.w3.org/2001/XInclude\"><metadata><id>Target</id><version>1.0.0</version><license type=\"expression\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></license></metadata></package>"),
        };
        foreach (var (name, content) in bad)
        {
            string c = content;
            bool malformed = name is not ("no-id-ok" or "deep-elements" or "xinclude");
            yield return new HostileCase("nuspec", name, w => { _ = w.Project; w.Write(w.TargetNuspec, c); return CheckJson(w); },
                name == "deep-elements" ? One : One, malformed ? "PCP1002" : null, TargetNotAllowed);
        }
        yield return new HostileCase("nuspec", "utf16", w => { _ = w.Project; File.WriteAllText(w.TargetNuspec, Nuspec("<license type=\"expression\">MIT</license>").Replace("utf-8", "utf-16", StringComparison.Ordinal), Encoding.Unicode); return CheckJson(w); }, Zero, null, TargetAllowed);
        yield return new HostileCase("nuspec", "size-20MB", w => { _ = w.Project; w.Write(w.TargetNuspec, Nuspec("<license type=\"expression\">MIT</license><summary>" + new string('x', 20 * 1024 * 1024) + "</summary>")); return CheckJson(w); }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "sparse-1GiB", w => { _ = w.Project; w.Sparse(w.TargetNuspec, 1L << 30); return CheckJson(w); }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "fifo", w => { _ = w.Project; File.Delete(w.TargetNuspec); w.Fifo(w.TargetNuspec); return CheckJson(w); }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "link-to-dev-zero", w => { _ = w.Project; w.Link(w.TargetNuspec, "/dev/zero"); return CheckJson(w); }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "link-outside-package-folder", w =>
        {
            _ = w.Project;
            var outside = w.Write(Path.Combine(w.Outside, "target.nuspec"), Nuspec("<license type=\"expression\">MIT</license>"));
            w.Link(w.TargetNuspec, outside);
            return CheckJson(w);
        }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "package-folder-linked-outside", w =>
        {
            _ = w.Project;
            var outside = Path.Combine(w.Outside, "pkg");
            w.Write(Path.Combine(outside, "target.nuspec"), Nuspec("<license type=\"expression\">MIT</license>"));
            Directory.Delete(w.TargetDir, recursive: true);
            w.Link(w.TargetDir, outside);
            return CheckJson(w);
        }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "id-folder-linked-outside", w =>
        {
            _ = w.Project;
            var outside = Path.Combine(w.Outside, "id");
            w.Write(Path.Combine(outside, "1.0.0", "target.nuspec"), Nuspec("<license type=\"expression\">MIT</license>"));
            Directory.Delete(Path.GetDirectoryName(w.TargetDir)!, recursive: true);
            w.Link(Path.GetDirectoryName(w.TargetDir)!, outside);
            return CheckJson(w);
        }, One, "PCP1002", TargetNotAllowed);
        yield return new HostileCase("nuspec", "link-inside-package-folder", w =>
        {
            // The control: a link that stays inside the package folder is followed.
            _ = w.Project;
            var inside = w.Write(Path.Combine(w.TargetDir, "real.nuspec"), Nuspec("<license type=\"expression\">MIT</license>"));
            w.Link(w.TargetNuspec, inside);
            return CheckJson(w);
        }, Zero, null, TargetAllowed);
        yield return new HostileCase("nuspec", "is-a-folder", w => { _ = w.Project; File.Delete(w.TargetNuspec); Directory.CreateDirectory(w.TargetNuspec); return CheckJson(w); }, One, "PCP1001", TargetNotAllowed);

        // Licence expressions.
        var expressions = new (string Name, string Expression, int[] Exits, string? Code)[]
        {
            ("10000-terms-or", string.Join(" OR ", Enumerable.Repeat("MIT", 10_000)), One, "PCP0005"),
            ("10000-terms-and", string.Join(" AND ", Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? "MIT" : "Apache-2.0")), One, "PCP0005"),
            ("5000-nested-parentheses", Repeat("(", 5000) + "MIT" + Repeat(")", 5000), Judged, null),
            ("50000-nested-parentheses", Repeat("(", 50_000) + "MIT" + Repeat(")", 50_000), One, "PCP0005"),
            ("unbalanced", "((MIT OR Apache-2.0)", One, "PCP0005"),
            ("dangling-and", "MIT AND", One, "PCP0005"),
            ("with-alone", "WITH", One, "PCP0005"),
            ("with-on-nothing", "WITH Classpath-exception-2.0", One, "PCP0005"),
            ("unknown-id", "Not-A-Licence-1.0", One, "PCP0002"),
            ("licenseref", "LicenseRef-Proprietary", One, null),
            ("100KB-identifier", "LicenseRef-" + new string('a', 100_000), One, null),
            ("control-characters", "MIT\u001b]0;pwned\u0007", One, null),
            ("newline", "MIT\nOR GPL-3.0-only", Judged, null),
            ("gpl-with-exception", "GPL-2.0-only WITH Classpath-exception-2.0", Judged, null),
            ("or-with-denied", "MIT OR LicenseRef-Proprietary", Zero, null),
            ("and-with-unknown", "MIT AND LicenseRef-Proprietary", One, null),
        };
        foreach (var (name, expression, exits, code) in expressions)
        {
            string e = expression;
            yield return new HostileCase("nuspec", "expression-" + name, w => { _ = w.Project; w.Write(w.TargetNuspec, Nuspec("<license type=\"expression\">" + System.Security.SecurityElement.Escape(e) + "</license>")); return Check(w); }, exits, code);
        }

        // Licence URLs: never fetched, never followed, never turned into a link.
        var urls = new (string Name, string Url)[]
        {
            ("javascript", "javascript:alert(document.cookie)"),
            ("file", "file:///etc/passwd"),
            ("data", "data:text/html,<script>alert(1)</script>"),
            ("100KB", "https://example.org/" + new string('a', 100_000)),
            ("ftp", "ftp://example.org/LICENSE"),
            ("unc", "\\\\server\\share\\LICENSE"),
            ("localhost", "http://127.0.0.1:1/LICENSE"),
            ("escape-sequence", "https://example.org/\u001b[2J"),
        };
        foreach (var (name, url) in urls)
        {
            string u = url;
            yield return new HostileCase("nuspec", "licenseUrl-" + name, w => { _ = w.Project; w.Write(w.TargetNuspec, Nuspec("<licenseUrl>" + System.Security.SecurityElement.Escape(u) + "</licenseUrl>")); return Check(w); }, One, "PCP0002",
                (_, r) => Assert.DoesNotContain('\u001b', r.StdOut));
        }
    }

    // ------------------------------------------------------------------ licence files

    private static IEnumerable<HostileCase> LicenceFileCases()
    {
        static string FileNuspec(string path) => "<license type=\"file\">" + System.Security.SecurityElement.Escape(path) + "</license>";
        yield return new HostileCase("licence-file", "control-mit-inside", w => { w.WriteProject(FileNuspec("LICENSE.txt")); w.Write(Path.Combine(w.TargetDir, "LICENSE.txt"), HostileWorld.MitText); return CheckJson(w); }, Zero, null, TargetAllowed);
        var cases = new (string Name, Func<HostileWorld, string> Declared)[]
        {
            ("dotdot-outside", w => { w.Write(Path.Combine(w.Packages, "LICENSE.txt"), HostileWorld.MitText); return "../../LICENSE.txt"; }), // path-scan: not a repository path
            ("absolute-outside", w => w.Write(Path.Combine(w.Outside, "LICENSE.txt"), HostileWorld.MitText)),
            ("symlink-outside", w => { w.Link(Path.Combine(w.TargetDir, "LICENSE.txt"), w.Write(Path.Combine(w.Outside, "LICENSE.txt"), HostileWorld.MitText)); return "LICENSE.txt"; }),
            ("symlinked-folder-outside", w => { w.Write(Path.Combine(w.Outside, "lic", "LICENSE.txt"), HostileWorld.MitText); w.Link(Path.Combine(w.TargetDir, "lic"), Path.Combine(w.Outside, "lic")); return "lic/LICENSE.txt"; }),
            ("folder", w => { Directory.CreateDirectory(Path.Combine(w.TargetDir, "LICENSE.txt")); return "LICENSE.txt"; }),
            ("sparse-1GiB", w => { w.Sparse(Path.Combine(w.TargetDir, "LICENSE.txt"), 1L << 30); return "LICENSE.txt"; }),
            ("binary", w => { var b = new byte[64 * 1024]; new Random(3).NextBytes(b); w.WriteBytes(Path.Combine(w.TargetDir, "LICENSE.txt"), b); return "LICENSE.txt"; }),
            ("fifo", w => { w.Fifo(Path.Combine(w.TargetDir, "LICENSE.txt")); return "LICENSE.txt"; }),
            ("link-to-dev-zero", w => { w.Link(Path.Combine(w.TargetDir, "LICENSE.txt"), "/dev/zero"); return "LICENSE.txt"; }),
            ("link-to-dev-urandom", w => { w.Link(Path.Combine(w.TargetDir, "LICENSE.txt"), "/dev/urandom"); return "LICENSE.txt"; }),
            ("missing", _ => "LICENSE.txt"),
            ("nul-in-name", _ => "LICENSE\u0000.txt"),
            ("empty-name", _ => string.Empty),
            ("empty-file", w => { w.Write(Path.Combine(w.TargetDir, "LICENSE.txt"), string.Empty); return "LICENSE.txt"; }),
            ("mit-text-too-large", w => { w.Write(Path.Combine(w.TargetDir, "LICENSE.txt"), HostileWorld.MitText + new string(' ', 2 * 1024 * 1024)); return "LICENSE.txt"; }),
            ("link-loop", w => { w.Link(Path.Combine(w.TargetDir, "a"), Path.Combine(w.TargetDir, "b")); w.Link(Path.Combine(w.TargetDir, "b"), Path.Combine(w.TargetDir, "a")); return "a"; }),
            ("proc-self-environ", _ => "/proc/self/environ"),
        };
        foreach (var (name, declared) in cases)
        {
            var d = declared;
            yield return new HostileCase("licence-file", name, w =>
            {
                w.WriteProject(FileNuspec("PLACEHOLDER"));
                var path = d(w);
                w.Write(w.TargetNuspec, Nuspec(FileNuspec(path)));
                return CheckJson(w);
            }, One, "PCP0002", TargetNotAllowed);
        }

        // No licence declared: the conventional files at the package root.
        yield return new HostileCase("licence-file", "conventional-link-outside", w =>
        {
            w.WriteProject(string.Empty);
            w.Link(Path.Combine(w.TargetDir, "LICENSE"), w.Write(Path.Combine(w.Outside, "LICENSE"), HostileWorld.MitText));
            return CheckJson(w);
        }, One, "PCP0002", TargetNotAllowed);
        yield return new HostileCase("licence-file", "conventional-fifo", w => { w.WriteProject(string.Empty); w.Fifo(Path.Combine(w.TargetDir, "LICENSE")); return CheckJson(w); }, One, "PCP0002", TargetNotAllowed);
        yield return new HostileCase("licence-file", "conventional-dev-zero", w => { w.WriteProject(string.Empty); w.Link(Path.Combine(w.TargetDir, "LICENSE.md"), "/dev/zero"); return CheckJson(w); }, One, "PCP0002", TargetNotAllowed);
        yield return new HostileCase("licence-file", "conventional-control-inside", w => { w.WriteProject(string.Empty); w.Write(Path.Combine(w.TargetDir, "LICENSE"), HostileWorld.MitText); return CheckJson(w); }, Zero, null, TargetAllowed);
    }

    // ------------------------------------------------------------------ policy files

    private static IEnumerable<HostileCase> PolicyCases()
    {
        string[] WithPolicy(HostileWorld w, string text) => Check(w, "--policy", w.Write("policy.json", text));
        var wrong = new (string Field, string Value)[]
        {
            ("preset", "42"), ("preset", "[]"), ("preset", "null"), ("preset", "\"bogus\""), ("preset", "\"\""), ("preset", "{}"),
            ("allow", "\"MIT\""), ("allow", "42"), ("allow", "[42]"), ("allow", "{}"), ("allow", "[null]"),
            ("deny", "\"MIT\""), ("deny", "true"), ("deny", "[[]]"), ("deny", "[\"\"]"),
            ("enforceScopes", "\"runtime\""), ("enforceScopes", "[\"everything\"]"), ("enforceScopes", "[1]"),
            ("unknownLicenses", "\"maybe\""), ("unknownLicenses", "false"), ("unknownLicenses", "[]"),
            ("exceptions", "{}"), ("exceptions", "[42]"), ("exceptions", "[{}]"), ("exceptions", "\"x\""),
            ("curations", "{}"), ("curations", "[1]"), ("curations", "[{\"package\":\"Target\"}]"),
            ("publicCode", "[]"), ("publicCode", "42"),
            ("unknownKey", "1"),
        };
        foreach (var (field, value) in wrong)
        {
            string f = field, v = value;
            yield return new HostileCase("policy", "wrong-" + f + "-" + Slug(v), w => WithPolicy(w, "{\"" + f + "\": " + v + "}"), Two, "PCP9003");
        }
        var exceptionBodies = new (string Name, string Body)[]
        {
            ("impossible-date", "\"expires\": \"2026-02-30\""),
            ("month-13", "\"expires\": \"2026-13-01\""),
            ("words-date", "\"expires\": \"next year\""),
            ("year-99999", "\"expires\": \"99999-01-01\""),
            ("inverted-range", "\"versions\": \"[2.0.0,1.0.0]\""),
            ("unclosed-range", "\"versions\": \"[1.0.0\""),
            ("garbage-range", "\"versions\": \"((((\""),
            ("invalid-licence", "\"license\": \"MIT AND\""),
        };
        foreach (var (name, body) in exceptionBodies)
        {
            string b = body;
            yield return new HostileCase("policy", "exception-" + name, w => WithPolicy(w, "{\"exceptions\": [{\"package\": \"Target\", \"justification\": \"j\", \"approvedBy\": \"a\", " + b + "}]}"), Two, "PCP9003");
        }
        yield return new HostileCase("policy", "10000-exceptions", w =>
        {
            var items = Enumerable.Range(0, 10_000).Select(i => "{\"package\": \"P" + i.ToString(CultureInfo.InvariantCulture) + "\", \"justification\": \"j\", \"approvedBy\": \"a\", \"expires\": \"2099-01-01\"}");
            return WithPolicy(w, "{\"exceptions\": [" + string.Join(",", items) + "]}");
        }, Zero, null);
        yield return new HostileCase("policy", "lone-surrogate-escape", w => WithPolicy(w, "{\"deny\":[\"\\ud800\"]}"), Two, "PCP9003");
        yield return new HostileCase("policy", "lone-low-surrogate-escape", w => WithPolicy(w, "{\"allow\":[\"\\udc00x\"]}"), Two, "PCP9003");
        yield return new HostileCase("policy", "invalid-utf8", w => Check(w, "--policy", w.WriteBytes("policy.json", new byte[] { (byte)'{', (byte)'"', (byte)'d', (byte)'e', (byte)'n', (byte)'y', (byte)'"', (byte)':', (byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']', (byte)'}' })), Two, "PCP9003");
        yield return new HostileCase("policy", "utf16", w => { var p = Path.Combine(w.Root, "policy.json"); File.WriteAllText(p, "{\"preset\":\"osi\"}", Encoding.Unicode); return Check(w, "--policy", p); }, Two, "PCP9003");
        yield return new HostileCase("policy", "empty", w => WithPolicy(w, string.Empty), Two, "PCP9003");
        yield return new HostileCase("policy", "null", w => WithPolicy(w, "null"), Two, "PCP9003");
        yield return new HostileCase("policy", "array", w => WithPolicy(w, "[]"), Two, "PCP9003");
        yield return new HostileCase("policy", "comment-only", w => WithPolicy(w, "// nothing\n"), Two, "PCP9003");
        yield return new HostileCase("policy", "nesting-10000", w => WithPolicy(w, "{\"publicCode\":" + Repeat("[", 10_000) + Repeat("]", 10_000) + "}"), Two, "PCP9003");
        yield return new HostileCase("policy", "sparse-1GiB", w => Check(w, "--policy", w.Sparse("policy.json", 1L << 30)), Two, "PCP9003");
        yield return new HostileCase("policy", "fifo", w => Check(w, "--policy", w.Fifo("policy.json")), Two, "PCP9003");
        yield return new HostileCase("policy", "link-to-dev-zero", w => Check(w, "--policy", w.Link("policy.json", "/dev/zero")), Two, "PCP9003");
        yield return new HostileCase("policy", "link-to-dev-urandom", w => Check(w, "--policy", w.Link("policy.json", "/dev/urandom")), Two, "PCP9003");
        yield return new HostileCase("policy", "folder", w => Check(w, "--policy", Directory.CreateDirectory(Path.Combine(w.Root, "policy.json")).FullName), Two, "PCP9003");
        yield return new HostileCase("policy", "missing", w => Check(w, "--policy", Path.Combine(w.Root, "none.json")), Two, "PCP9003");
        yield return new HostileCase("policy", "found-fifo", w => { _ = w.Project; w.Fifo(Path.Combine(Path.GetDirectoryName(w.Project)!, "publiccode-policy.json")); return Check(w); }, Two, "PCP9003");
        yield return new HostileCase("policy", "duplicate-keys", w => WithPolicy(w, "{\"preset\":\"osi\",\"preset\":\"fsf\"}"), Any, null);
        yield return new HostileCase("policy", "bom", w => Check(w, "--policy", w.WriteBytes("policy.json", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"preset\":\"osi\"}")).ToArray())), Zero, null);
    }

    private static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(char.IsLetterOrDigit(c) ? c : c switch { '[' => 'L', ']' => 'R', '{' => 'O', '}' => 'C', '"' => 'q', _ => '_' });
        return sb.ToString();
    }

    // ------------------------------------------------------------------ publiccode.yml

    private static IEnumerable<HostileCase> PublicCodeCases()
    {
        string[] Validate(HostileWorld w, string text) => new[] { "yml", "validate", w.Write("publiccode.yml", text) };
        var invalid = new (string Name, Func<string> Text)[]
        {
            ("alias-bomb", () => "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"),
            ("nesting-10000-flow", () => "a: " + Repeat("[", 10_000) + Repeat("]", 10_000) + "\n"),
            ("nesting-10000-block", () => string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', i) + "k:\n"))),
            ("tabs", () => "publiccodeYmlVersion: \"0.4\"\nname:\tx\nlegal:\n\tlicense: MIT\n"),
            ("duplicate-keys", () => "publiccodeYmlVersion: \"0.4\"\nname: a\nname: b\n"),
            ("5MB-scalar", () => "publiccodeYmlVersion: \"0.4\"\nname: " + new string('x', 5 * 1024 * 1024) + "\n"),
            ("merge-keys", () => "base: &b {name: x}\n<<: *b\npubliccodeYmlVersion: \"0.4\"\n"),
            ("python-tag", () => "publiccodeYmlVersion: \"0.4\"\nname: !!python/object/apply:os.system [\"id\"]\n"),
            ("binary-tag", () => "publiccodeYmlVersion: \"0.4\"\nlogo: !!binary AAAA\n"),
            ("unknown-tag", () => "publiccodeYmlVersion: !custom \"0.4\"\n"),
            ("two-documents", () => "publiccodeYmlVersion: \"0.4\"\n---\nname: x\n"),
            ("100k-keys", () => string.Concat(Enumerable.Range(0, 100_000).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture) + ": v\n"))),
            ("anchor-cycle-like", () => "a: &a\n  b: *a\n"),
            ("nul-bytes", () => "publiccodeYmlVersion: \"0.4\"\nname: \0\0\n"),
            ("escape-sequences", () => "publiccodeYmlVersion: \"0.4\"\nname: \"\\e]0;pwned\\a\"\n"),
            ("empty", () => string.Empty),
            ("only-comment", () => "# nothing\n"),
            ("scalar-root", () => "just a string\n"),
            ("logo-outside", () => "publiccodeYmlVersion: \"0.4\"\nname: x\nlogo: ../../../../../../etc/passwd\n"), // path-scan: not a repository path
            ("logo-absolute", () => "publiccodeYmlVersion: \"0.4\"\nname: x\nlogo: /etc/passwd\n"),
            ("logo-javascript", () => "publiccodeYmlVersion: \"0.4\"\nname: x\nlogo: \"javascript:alert(1)\"\n"),
        };
        foreach (var (name, text) in invalid)
        {
            var t = text;
            yield return new HostileCase("publiccode", name, w => Validate(w, t()), One, null, (_, r) => Assert.Contains("publiccode.yml: invalid", r.StdOut, StringComparison.Ordinal));
        }
        yield return new HostileCase("publiccode", "binary", w => new[] { "yml", "validate", w.WriteBytes("publiccode.yml", new byte[] { 0xFF, 0xFE, 0, 1, 2, 3, 0x80 }) }, One, null);
        yield return new HostileCase("publiccode", "utf16", w => { var p = Path.Combine(w.Root, "publiccode.yml"); File.WriteAllText(p, "publiccodeYmlVersion: \"0.4\"\n", Encoding.Unicode); return new[] { "yml", "validate", p }; }, One, null);
        yield return new HostileCase("publiccode", "sparse-1GiB", w => new[] { "yml", "validate", w.Sparse("publiccode.yml", 1L << 30) }, One, null);
        yield return new HostileCase("publiccode", "fifo", w => new[] { "yml", "validate", w.Fifo("publiccode.yml") }, One, null);
        yield return new HostileCase("publiccode", "link-to-dev-zero", w => new[] { "yml", "validate", w.Link("publiccode.yml", "/dev/zero") }, One, null);
        yield return new HostileCase("publiccode", "link-to-dev-urandom", w => new[] { "yml", "validate", w.Link("publiccode.yml", "/dev/urandom") }, One, null);
        yield return new HostileCase("publiccode", "folder", w => new[] { "yml", "validate", Directory.CreateDirectory(Path.Combine(w.Root, "publiccode.yml")).FullName }, Two, "PCP9004");
        yield return new HostileCase("publiccode", "missing", w => new[] { "yml", "validate", Path.Combine(w.Root, "none.yml") }, Two, "PCP9004");
        foreach (var (name, arrange) in new (string, Func<HostileWorld, string>)[]
        {
            ("logo-fifo", w => w.Fifo("logo.png")),
            ("logo-dev-zero", w => w.Link("logo.png", "/dev/zero")),
            ("logo-sparse-1GiB", w => w.Sparse("logo.png", 1L << 30)),
            ("logo-link-outside", w => w.Link("logo.png", w.Write(Path.Combine(w.Outside, "x.png"), "not a png"))),
            ("logo-folder", w => Directory.CreateDirectory(Path.Combine(w.Root, "logo.png")).FullName),
        })
        {
            var a = arrange;
            yield return new HostileCase("publiccode", name, w =>
            {
                a(w);
                return Validate(w, "publiccodeYmlVersion: \"0.4\"\nname: x\nlogo: logo.png\n");
            }, One, null);
        }
    }

    // ------------------------------------------------------------------ merge inputs

    private static IEnumerable<HostileCase> MergeCases()
    {
        var shapes = new (string Name, string Json)[]
        {
            ("not-json", "not json"),
            ("array", "[]"),
            ("string", "\"x\""),
            ("number", "42"),
            ("empty-object", "{}"),
            ("schema-99", "{\"schemaVersion\": 99}"),
            ("schema-string", "{\"schemaVersion\": \"1\"}"),
            ("schema-only", "{\"schemaVersion\": 1}"),
            ("empty", string.Empty),
            ("nesting-10000", Repeat("[", 10_000) + Repeat("]", 10_000)),
            ("lone-surrogate", "{\"schemaVersion\": 1, \"root\": \"\\ud800\"}"),
        };
        foreach (var (name, json) in shapes)
        {
            string j = json;
            yield return new HostileCase("merge", name, w => new[] { "merge", w.Write("r.json", j) }, Two, "PCP9006");
        }
        yield return new HostileCase("merge", "invalid-utf8", w => new[] { "merge", w.WriteBytes("r.json", new byte[] { (byte)'{', 0xFF, (byte)'}' }) }, Two, "PCP9006");
        yield return new HostileCase("merge", "fifo", w => new[] { "merge", w.Fifo("r.json") }, Two, "PCP9006");
        yield return new HostileCase("merge", "link-to-dev-zero", w => new[] { "merge", w.Link("r.json", "/dev/zero") }, Two, "PCP9006");
        yield return new HostileCase("merge", "sparse-1GiB", w => new[] { "merge", w.Sparse("r.json", 1L << 30) }, Two, "PCP9006");
        yield return new HostileCase("merge", "folder-with-fifo", w => { w.Fifo(Path.Combine("results", "a.json")); return new[] { "merge", Path.Combine(w.Root, "results") }; }, Two, "PCP9006");
        yield return new HostileCase("merge", "missing", w => new[] { "merge", Path.Combine(w.Root, "none.json") }, Two, "PCP9006");
        yield return new HostileCase("merge", "empty-folder", w => new[] { "merge", Directory.CreateDirectory(Path.Combine(w.Root, "results")).FullName }, Two, "PCP9006");
        yield return new HostileCase("merge", "same-file-twice", w => { var r = Result(w, "a"); return new[] { "merge", r, r }; }, Zero, null);
        yield return new HostileCase("merge", "500-inputs", w =>
        {
            var first = Result(w, "r000");
            var dir = Path.GetDirectoryName(first)!;
            for (int i = 1; i < 500; i++) File.Copy(first, Path.Combine(dir, "r" + i.ToString("D3", CultureInfo.InvariantCulture) + ".json"));
            return new[] { "merge", dir, "-f", "json" };
        }, Zero, null, (_, r) => Assert.Equal(500, JsonDocument.Parse(r.StdOut).RootElement.GetProperty("repositories").GetArrayLength()));
        yield return new HostileCase("merge", "missing-field", w =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Result(w, "a")))!.AsObject();
            node.Remove("summary");
            return new[] { "merge", w.Write("broken.json", node.ToJsonString()) };
        }, Two, "PCP9006");
        yield return new HostileCase("merge", "wrong-kind-field", w =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Result(w, "a")))!.AsObject();
            node["projects"] = "x";
            return new[] { "merge", w.Write("broken.json", node.ToJsonString()) };
        }, Two, "PCP9006");
    }

    /// <summary>A real check result of the world's project, under results/.</summary>
    internal static string Result(HostileWorld w, string name)
    {
        var path = Path.Combine(w.Root, "results", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var r = Cli.Run("check", w.Project, "-f", "json", "-o", path);
        Assert.Equal(0, r.ExitCode);
        return path;
    }

    // ------------------------------------------------------------------ output paths

    private static IEnumerable<HostileCase> OutputCases()
    {
        var writers = new (string Name, Func<HostileWorld, string, string[]> Args)[]
        {
            ("check-json", (w, o) => Check(w, "-f", "json", "-o", o)),
            ("check-sarif", (w, o) => Check(w, "-f", "sarif", "-o", o)),
            ("check-table", (w, o) => Check(w, "-o", o)),
            ("sbom", (w, o) => new[] { "sbom", w.Project, "-o", o }),
            ("merge-md", (w, o) => new[] { "merge", Result(w, "a"), "-f", "md", "-o", o }),
            ("merge-json", (w, o) => new[] { "merge", Result(w, "a"), "-f", "json", "-o", o }),
            ("yml-generate", (w, o) => new[] { "yml", "generate", w.Project, "-o", o }),
        };
        var targets = new (string Name, Func<HostileWorld, string> Path)[]
        {
            ("missing-folder", w => Path.Combine(w.Root, "no", "such", "out.json")),
            ("file-as-folder", w => Path.Combine(w.Write("plain", "x"), "out.json")),
            ("empty-path", _ => string.Empty),
            ("dev-full", _ => "/dev/full"),
            ("link-to-dev-full", w => w.Link("full-link", "/dev/full")),
            ("a-folder", w => Directory.CreateDirectory(Path.Combine(w.Root, "afolder")).FullName),
            ("fifo", w => w.Fifo("out-fifo")),
            ("nul-character", w => Path.Combine(w.Root, "out\u0000.json")),
        };
        foreach (var (writer, args) in writers)
        {
            foreach (var (target, path) in targets)
            {
                var a = args;
                var p = path;
                yield return new HostileCase("output", writer + "-" + target, w =>
                {
                    var o = p(w);
                    if (o.Length > 0 && !o.Contains('\0', StringComparison.Ordinal)) w.Guard(o);
                    return a(w, o);
                }, Two, "PCP9010");
            }
        }
        yield return new HostileCase("output", "report-output-is-a-file", w => new[] { "report", w.Project, "-o", w.Guard(w.Write("plain", "x")) }, Two, "PCP9010");
        yield return new HostileCase("output", "report-output-empty", w => new[] { "report", w.Project, "-o", string.Empty }, Two, "PCP9010");
        yield return new HostileCase("output", "report-output-under-a-file", w => new[] { "report", w.Project, "-o", Path.Combine(w.Guard(w.Write("plain", "x")), "sub") }, Two, "PCP9010");
        // The dossier is put in place as one set: the SPDX SBOM cannot be written (a folder has its name), so the
        // CycloneDX one written just before it must not replace yesterday's either, and no report is written.
        yield return new HostileCase("output", "report-one-sbom-unwritable-keeps-every-previous-sbom", w =>
        {
            var dossier = Path.Combine(w.Root, "dossier");
            w.Previous(Path.Combine(dossier, "App.cdx.json"), "{\"previous\": \"yesterday's SBOM\"}\n");
            Directory.CreateDirectory(Path.Combine(dossier, "App.spdx.json"));
            w.Guard(Path.Combine(dossier, "publiccode-report.html"));
            w.Guard(Path.Combine(dossier, "SHA256SUMS"));
            return new[] { "report", w.Project, "-o", dossier };
        }, Two, "PCP9010");
        // The same when the last files fail: the Markdown report cannot be written, so yesterday's SBOMs, HTML report and
        // manifest all stay (never new SBOMs beside an old manifest that no longer matches them).
        yield return new HostileCase("output", "report-markdown-unwritable-keeps-the-whole-previous-dossier", w =>
        {
            var dossier = Path.Combine(w.Root, "dossier");
            w.Previous(Path.Combine(dossier, "App.cdx.json"), "{\"previous\": \"yesterday's SBOM\"}\n");
            w.Previous(Path.Combine(dossier, "App.spdx.json"), "{\"previous\": \"yesterday's SBOM\"}\n");
            w.Previous(Path.Combine(dossier, "publiccode-report.html"), "<p>yesterday</p>\n");
            w.Previous(Path.Combine(dossier, "SHA256SUMS"), "0000  App.cdx.json\n");
            Directory.CreateDirectory(Path.Combine(dossier, "publiccode-report.md"));
            return new[] { "report", w.Project, "-o", dossier };
        }, Two, "PCP9010");
        // An SBOM to attach named like one the report generates would replace it: refused, nothing written.
        yield return new HostileCase("output", "report-attachment-named-like-a-generated-sbom", w =>
        {
            var dossier = Path.Combine(w.Root, "dossier");
            var elsewhere = Path.Combine(w.Root, "elsewhere", "App.cdx.json");
            Assert.Equal(0, Cli.Run("sbom", w.Project, "-o", elsewhere).ExitCode);
            w.Guard(Path.Combine(dossier, "App.cdx.json"));
            w.Guard(Path.Combine(dossier, "SHA256SUMS"));
            return new[] { "report", w.Project, "-o", dossier, "--sbom", elsewhere };
        }, Two, "PCP9010");
        yield return new HostileCase("output", "init-policy-is-a-folder", w => { Directory.CreateDirectory(Path.Combine(w.Root, "publiccode-policy.json")); return new[] { "init", w.Root, "--no-yml", "--force" }; }, Two, "PCP9010");
        yield return new HostileCase("output", "init-policy-is-a-fifo", w => { w.Fifo("publiccode-policy.json"); return new[] { "init", w.Root, "--no-yml", "--force" }; }, Two, "PCP9003");
        yield return new HostileCase("output", "init-missing-folder", w => new[] { "init", Path.Combine(w.Root, "none") }, Two, "PCP9004");
        yield return new HostileCase("output", "init-keeps-existing-without-force", w => { w.Previous("publiccode-policy.json", "{ \"preset\": \"fsf\" }"); return new[] { "init", w.Root, "--no-yml" }; }, Two, "PCP9011");
        yield return new HostileCase("output", "check-input-error-keeps-last-good-result", w =>
        {
            var o = Path.Combine(w.Root, "result.json");
            Assert.Equal(0, Cli.Run(Check(w, "-f", "json", "-o", o)).ExitCode);
            w.Guard(o);
            File.WriteAllText(w.AssetsFile, "{ broken");
            return Check(w, "-f", "json", "-o", o);
        }, Two, "PCP9002");
        yield return new HostileCase("output", "check-replaces-previous-with-complete-file", w =>
        {
            var o = w.Write("result.json", "previous, not json");
            return Check(w, "-f", "json", "-o", o);
        }, Zero, null, (w, _) =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(w.Root, "result.json")));
            Assert.Empty(Directory.EnumerateFiles(w.Root, ".result.json.*.tmp"));
        });
        yield return new HostileCase("output", "check-output-through-link-keeps-link", w =>
        {
            var real = w.Write("real.json", "old");
            var link = w.Link("link.json", real);
            return Check(w, "-f", "json", "-o", link);
        }, Zero, null, (w, _) =>
        {
            Assert.NotNull(new FileInfo(Path.Combine(w.Root, "link.json")).LinkTarget);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(w.Root, "real.json")));
        });
    }

    // ------------------------------------------------------------------ command line and environment

    private static IEnumerable<HostileCase> UsageCases()
    {
        var usage = new (string Name, Func<HostileWorld, string[]> Args)[]
        {
            ("check-preset-bogus", w => Check(w, "--preset", "bogus")),
            ("sbom-preset-bogus", w => new[] { "sbom", w.Project, "--preset", "bogus" }),
            ("report-preset-bogus", w => new[] { "report", w.Project, "--preset", "bogus" }),
            ("init-preset-bogus", w => new[] { "init", w.Root, "--preset", "bogus" }),
            ("report-lang-xx", w => new[] { "report", w.Project, "--lang", "xx" }),
            ("merge-lang-xx", w => new[] { "merge", "x.json", "--lang", "xx" }),
            ("check-format-xml", w => Check(w, "--format", "xml")),
            ("sbom-format-xml", w => new[] { "sbom", w.Project, "--format", "xml" }),
            ("sbom-spec-version-9", w => new[] { "sbom", w.Project, "--spec-version", "9" }),
            ("sbom-spec-version-mismatch", w => new[] { "sbom", w.Project, "--format", "spdx", "--spec-version", "1.6" }),
            ("merge-format-xml", _ => new[] { "merge", "x.json", "--format", "xml" }),
            ("report-format-pdf", w => new[] { "report", w.Project, "--format", "pdf" }),
            ("yml-validate-format-xml", _ => new[] { "yml", "validate", "x.yml", "--format", "xml" }),
            ("unknown-option", w => Check(w, "--frobnicate")),
            ("unknown-command", _ => new[] { "frobnicate" }),
            ("missing-option-value", w => Check(w, "--policy")),
            ("merge-without-inputs", _ => new[] { "merge" }),
            ("option-with-escape", w => Check(w, "--preset", "\u001b]0;pwned\u0007")),
        };
        foreach (var (name, args) in usage)
        {
            yield return new HostileCase("usage", name, args, Two, "PCP9011", (_, r) => Assert.DoesNotContain('\u001b', r.StdErr));
        }
        yield return new HostileCase("usage", "check-empty-path", _ => new[] { "check", string.Empty }, Two, "PCP9004");
        yield return new HostileCase("usage", "check-nul-path", _ => new[] { "check", "a\u0000b" }, Two, "PCP9004");
        yield return new HostileCase("usage", "check-missing-path", w => new[] { "check", Path.Combine(w.Root, "none") }, Two, "PCP9004");
        yield return new HostileCase("usage", "check-not-a-project", w => new[] { "check", w.Write("x.txt", "x") }, Two, "PCP9004");
        yield return new HostileCase("usage", "check-project-fifo", w => new[] { "check", w.Fifo("x.csproj") }, Any, null);
        yield return new HostileCase("usage", "as-of-bad", w => Check(w, "--as-of", "2026-02-30"), Two, "PCP90");
        yield return new HostileCase("usage", "explain-unknown", _ => new[] { "explain", "PCP4242" }, Two, "PCP9004");
        yield return new HostileCase("usage", "explain-traversal", _ => new[] { "explain", "../../../../etc/passwd" }, Two, "PCP9004"); // path-scan: not a repository path
        yield return new HostileCase("usage", "yml-generate-missing", w => new[] { "yml", "generate", Path.Combine(w.Root, "none") }, Two, "PCP9004");
        // An --sbom that is not one (or not readable as one) is refused as an attachment: PCP2003 (issue 13).
        yield return new HostileCase("usage", "report-sbom-not-an-sbom", w => new[] { "report", w.Project, "--sbom", "/etc/passwd", "-o", Path.Combine(w.Root, "out") }, Two, "PCP2003",
            (w, _) => Assert.False(File.Exists(Path.Combine(w.Root, "out", "passwd"))));
        yield return new HostileCase("usage", "report-sbom-fifo", w => new[] { "report", w.Project, "--sbom", w.Fifo("a.cdx.json"), "-o", Path.Combine(w.Root, "out") }, Two, "PCP2003");
        yield return new HostileCase("usage", "report-sbom-dev-zero", w => new[] { "report", w.Project, "--sbom", w.Link("z.cdx.json", "/dev/zero"), "-o", Path.Combine(w.Root, "out") }, Two, "PCP2003");
        yield return new HostileCase("usage", "report-config-fifo", w => new[] { "report", w.Project, "--config", w.Fifo("publiccode-report.json"), "-o", Path.Combine(w.Root, "out") }, Two, "PCP9003");
        yield return new HostileCase("usage", "report-config-dev-zero", w => new[] { "report", w.Project, "--config", w.Link("publiccode-report.json", "/dev/zero"), "-o", Path.Combine(w.Root, "out") }, Two, "PCP9003");
        yield return new HostileCase("usage", "report-config-not-json", w => new[] { "report", w.Project, "--config", w.Write("publiccode-report.json", "nope"), "-o", Path.Combine(w.Root, "out") }, Two, "PCP9003");
    }

    // ------------------------------------------------------------------ terminal and markup injection

    private static IEnumerable<HostileCase> InjectionCases()
    {
        var ids = new (string Name, string Id)[]
        {
            ("escape-title", "Evil\u001b]0;pwned\u0007"),
            ("escape-clear", "Evil\u001b[2J\u001b[H"),
            ("newline-forged-row", "Evil\nResult: PASSED — no enforced finding."),
            ("carriage-return", "Evil\rResult: PASSED"),
            ("bidi-override", "Evil\u202Egnp.exe"),
            ("c1-control", "Evil\u009b31m"),
            ("markup-brackets", "Evil[red]x[/]"),
        };
        foreach (var (name, id) in ids)
        {
            string evil = id;
            yield return new HostileCase("injection", "table-" + name, w =>
            {
                var text = File.ReadAllText(w.AssetsFile);
                File.WriteAllText(w.AssetsFile, text.Replace("\"Target", "\"" + JsonEncodedText.Encode(evil).ToString(), StringComparison.Ordinal));
                return Check(w);
            }, Judged, null, (_, r) =>
            {
                var all = r.StdOut + r.StdErr;
                Assert.DoesNotContain('\u001b', all);
                Assert.DoesNotContain('\r', all);
                Assert.DoesNotContain('\u202E', all);
                Assert.DoesNotContain('\u009b', all);
                Assert.Single(all.Split('\n'), l => l.StartsWith("Result:", StringComparison.Ordinal));
            });
        }
        var mdValues = new (string Name, string Value)[]
        {
            ("script", "<script>alert(1)</script>"),
            ("javascript-link", "[click](javascript:alert(1))"),
            ("image", "![x](https://example.org/track.png)"),
            ("forged-row", "x |\n| Forged | passed |"),
            ("html-comment", "<!-- hidden -->"),
            ("escape", "\u001b]0;pwned\u0007"),
        };
        foreach (var (name, value) in mdValues)
        {
            string v = value;
            yield return new HostileCase("injection", "merge-md-" + name, w =>
            {
                var node = JsonNode.Parse(File.ReadAllText(Result(w, "a")))!.AsObject();
                node["root"] = v;
                var packages = node["projects"]![0]!["packages"]!.AsArray();
                packages[0]!["id"] = v;
                packages[0]!["verdict"] = "denied";
                packages[0]!["license"] = v;
                node["passed"] = false;
                return new[] { "merge", w.Write("evil.json", node.ToJsonString()), "-f", "md" };
            }, One, null, (_, r) =>
            {
                Assert.DoesNotContain("<script", r.StdOut, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("](javascript:", r.StdOut, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("![x](", r.StdOut, StringComparison.Ordinal);
                Assert.DoesNotContain("<!--", r.StdOut, StringComparison.Ordinal);
                Assert.DoesNotContain('\u001b', r.StdOut);
                Assert.DoesNotContain("\n| Forged |", r.StdOut, StringComparison.Ordinal);
            });
            yield return new HostileCase("injection", "merge-table-" + name, w =>
            {
                var node = JsonNode.Parse(File.ReadAllText(Result(w, "a")))!.AsObject();
                node["root"] = v;
                return new[] { "merge", w.Write("evil.json", node.ToJsonString()) };
            }, Zero, null, (_, r) =>
            {
                Assert.DoesNotContain('\u001b', r.StdOut);
                Assert.DoesNotContain("\n| Forged |", r.StdOut, StringComparison.Ordinal);
            });
        }
    }
}
