// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Merge;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests.Robustness;

/// <summary>
/// Mutation fuzzing with fixed seeds (reproducible): every reader of third-party or user input either succeeds or
/// fails with its one documented exception type — never another exception, never a hang.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const int Iterations = 400;
    private readonly TempDirectory _temp = new("hostile");

    public void Dispose() => _temp.Dispose();

    private static string Mutate(Random rng, string input)
    {
        var sb = new StringBuilder(input);
        int edits = rng.Next(1, 8);
        const string alphabet = "{}[]\":,\\ \n\t<>/&;=!?-+()ANDORWITH0123456789abcdefxyzé\u0000\uFFFD";
        for (int i = 0; i < edits && sb.Length > 0; i++)
        {
            int pos = rng.Next(sb.Length);
            switch (rng.Next(5))
            {
                case 0: sb.Remove(pos, Math.Min(sb.Length - pos, rng.Next(1, 20))); break;
                case 1: sb.Insert(pos, alphabet[rng.Next(alphabet.Length)]); break;
                case 2: sb[pos] = alphabet[rng.Next(alphabet.Length)]; break;
                case 3:
                    int start = rng.Next(sb.Length);
                    sb.Insert(pos, sb.ToString(start, Math.Min(30, sb.Length - start)));
                    break;
                default: sb.Length = pos; break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void SpdxParser_NeverThrows()
    {
        var rng = new Random(1);
        var seeds = new[] { "(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0", "DocumentRef-a:LicenseRef-b OR LGPL-2.1+", "NOASSERTION" };
        // The seeds themselves parse to known canonical forms: a parser refusing everything fails here.
        var canonical = new[] { "(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0", "DocumentRef-a:LicenseRef-b OR LGPL-2.1+", "NOASSERTION" };
        for (int s = 0; s < seeds.Length; s++)
        {
            Assert.True(LicenseList.Default.TryParse(seeds[s], out var seed, out _), seeds[s]);
            Assert.Equal(canonical[s], seed!.ToString());
        }
        int accepted = 0, refused = 0;
        for (int i = 0; i < Iterations * 5; i++)
        {
            var text = Mutate(rng, seeds[i % seeds.Length]);
            bool ok = LicenseList.Default.TryParse(text, out var e, out var d);
            Assert.Equal(ok, e != null);
            if (e != null)
            {
                accepted++;
                // Canonical text re-parses to itself (a fixed point), whatever the input was.
                Assert.True(LicenseList.Default.TryParse(e.ToString(), out var again, out _), "canonical text must re-parse: " + e);
                Assert.Equal(e.ToString(), again!.ToString());
            }
            else
            {
                refused++;
                Assert.NotEmpty(d);
            }
        }
        Assert.True(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    [Fact]
    public void AssetsReader_OnlyThrowsInvalidData()
    {
        var project = new FakeRestore("App")
            .Package("A", "1.0.0", "<license type=\"expression\">MIT</license>", dependsOn: new[] { "B" })
            .Package("B", "2.0.0", "<licenseUrl>https://opensource.org/licenses/MIT</licenseUrl>")
            .Direct("A")
            .WriteTo(_temp.Path);
        var assets = Path.Combine(_temp.Path, "App", "obj", "project.assets.json");
        var original = File.ReadAllText(assets);
        var clean = AssetsFileReader.Read(assets);
        Assert.Equal("App", clean.ProjectName);
        Assert.Equal(new[] { "A", "B" }, clean.Libraries.Values.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal("2.0.0", clean.Libraries.Values.Single(l => l.Id == "B").Version);
        var rng = new Random(2);
        int parsed = 0;
        for (int i = 0; i < Iterations; i++)
        {
            File.WriteAllText(assets, Mutate(rng, original));
            try
            {
                AssetsFileReader.Read(assets);
                parsed++;
            }
            catch (InvalidDataException)
            {
            }
            // Whatever the file holds, the engine turns it into findings, not exceptions.
            var result = new PolicyEngine().Check(Workspace.Load(project));
            Assert.Single(result.Projects);
        }
        Assert.InRange(parsed, 1, Iterations - 1);
    }

    [Fact]
    public void NuspecReader_OnlyThrowsInvalidData()
    {
        const string nuspec = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>A</id><version>1.0.0</version><authors>x</authors><license type=\"expression\">MIT OR Apache-2.0</license><repository type=\"git\" url=\"https://example.org/a.git\" commit=\"abc\" /><developmentDependency>true</developmentDependency></metadata><files /></package>";
        var clean = NuspecReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(nuspec)), "a.nuspec");
        Assert.Equal("A", clean.Id);
        Assert.Equal("1.0.0", clean.Version);
        Assert.Equal(DeclaredLicenseKind.Expression, clean.LicenseKind);
        Assert.Equal("MIT OR Apache-2.0", clean.License);
        Assert.True(clean.DevelopmentDependency);
        Assert.Equal(new RepositoryInfo("git", "https://example.org/a.git", null, "abc"), clean.Repository);
        var rng = new Random(3);
        int accepted = 0, refused = 0;
        for (int i = 0; i < Iterations * 2; i++)
        {
            var mutated = Mutate(rng, nuspec);
            var bytes = Encoding.UTF8.GetBytes(mutated);
            try
            {
                var m = NuspecReader.Read(new MemoryStream(bytes), "a.nuspec");
                accepted++;
                Assert.False(string.IsNullOrEmpty(m.Id));
                // Reading is a function of the bytes: the same input gives the same metadata.
                var again = NuspecReader.Read(new MemoryStream(bytes), "a.nuspec");
                Assert.Equal((m.Id, m.Version, m.License, m.LicenseKind, m.DevelopmentDependency), (again.Id, again.Version, again.License, again.LicenseKind, again.DevelopmentDependency));
                // Elements the mutation left intact keep their values.
                if (mutated.Contains("<license type=\"expression\">MIT OR Apache-2.0</license>", StringComparison.Ordinal) && mutated.Contains("<metadata>", StringComparison.Ordinal))
                {
                    Assert.Equal("MIT OR Apache-2.0", m.License);
                }
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }
        Assert.True(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    [Fact]
    public void NuspecReader_RefusesEntityExpansionAndHugeFiles()
    {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><package><metadata><id>&c;</id><version>1</version></metadata></package>";
        Assert.Throws<InvalidDataException>(() => NuspecReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(bomb)), "bomb.nuspec"));
        var external = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><package><metadata><id>&x;</id><version>1</version></metadata></package>";
        Assert.Throws<InvalidDataException>(() => NuspecReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(external)), "xxe.nuspec"));
        var huge = "<package><metadata><id>A</id><version>1</version><description>" + new string('x', (int)NuspecReader.MaxCharacters) + "</description></metadata></package>";
        Assert.Throws<InvalidDataException>(() => NuspecReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(huge)), "huge.nuspec"));
    }

    [Fact]
    public void PolicyLoader_OnlyThrowsPolicyFormat()
    {
        const string policy = "{\"preset\":\"osi\",\"allow\":[\"MIT\"],\"deny\":[],\"enforceScopes\":[\"runtime\"],\"unknownLicenses\":\"warn\",\"exceptions\":[{\"package\":\"A*\",\"versions\":\"[1.0,2.0)\",\"justification\":\"j\",\"expires\":\"2027-01-01\"}],\"curations\":[{\"package\":\"B\",\"license\":\"MIT\",\"source\":\"s\",\"reason\":\"r\"}]}";
        var clean = PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(policy)), "p.json");
        Assert.Equal(PolicyPreset.Osi, clean.Preset);
        Assert.Equal(new[] { "MIT" }, clean.Allow);
        Assert.Empty(clean.Deny);
        Assert.Equal(new[] { DependencyScope.Runtime }, clean.EnforcedScopes);
        Assert.False(clean.FailOnUnknown);
        var exception = Assert.Single(clean.Exceptions);
        Assert.Equal(("A*", "j", new DateOnly(2027, 1, 1)), (exception.Package, exception.Justification, exception.Expires!.Value));
        var curation = Assert.Single(clean.Curations);
        Assert.Equal("B", curation.Package);
        var rng = new Random(4);
        int accepted = 0, refused = 0;
        for (int i = 0; i < Iterations * 2; i++)
        {
            try
            {
                PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(Mutate(rng, policy))), "p.json");
                accepted++;
            }
            catch (PolicyFormatException e)
            {
                refused++;
                Assert.Equal("p.json", e.FilePath);
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            }
        }
        Assert.True(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    [Fact]
    public void DeeplyNestedJson_IsRefusedNotOverflowed()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        Assert.Throws<PolicyFormatException>(() => PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(deep)), "deep.json"));
        Assert.Throws<ResultFormatException>(() => ResultMerger.Read(new MemoryStream(Encoding.UTF8.GetBytes(deep)), "deep"));
        var assets = _temp.Write("deep/project.assets.json", "{\"version\":3,\"x\":" + deep + "}");
        Assert.Throws<InvalidDataException>(() => AssetsFileReader.Read(assets));
    }

    [Fact]
    public void MergeReader_OnlyThrowsResultFormat()
    {
        const string result = "{\"schemaVersion\":1,\"tool\":{\"name\":\"PublicCodePolicy\",\"version\":\"0.1.0\"},\"licenseListVersion\":\"3.28.0\",\"root\":\"r\",\"policy\":{\"preset\":\"osi\"},\"passed\":true,\"summary\":{\"projects\":1,\"packages\":1,\"allowed\":1,\"denied\":0,\"unknown\":0,\"excepted\":0,\"enforcedFindings\":0},\"projects\":[{\"packages\":[{\"id\":\"A\",\"version\":\"1.0.0\",\"license\":\"MIT\",\"verdict\":\"allowed\",\"scope\":\"runtime\"}]}],\"findings\":[]}";
        var (repo, packages) = ResultMerger.Read(new MemoryStream(Encoding.UTF8.GetBytes(result)), "ok");
        Assert.Equal(new RepositoryResult("r", "0.1.0", "3.28.0", "osi", true, 1, 1, 1, 0, 0, 0, 0), repo);
        Assert.Equal(("A", "1.0.0", "MIT", "allowed", "runtime"), Assert.Single(packages));
        var rng = new Random(5);
        int accepted = 0, refused = 0;
        for (int i = 0; i < Iterations * 2; i++)
        {
            try
            {
                ResultMerger.Read(new MemoryStream(Encoding.UTF8.GetBytes(Mutate(rng, result))), "m");
                accepted++;
            }
            catch (ResultFormatException)
            {
                refused++;
            }
        }
        Assert.True(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    [Fact]
    public void HostileLicencePaths_StayInsideThePackage()
    {
        var pkg = Path.Combine(_temp.Path, "pkg");
        Directory.CreateDirectory(pkg);
        foreach (var bad in new[] { "../../x", "..\\..\\x", "/etc/passwd", "C:\\Windows\\win.ini", "a/../../b", "", "  " })
        {
            Assert.Null(PackagePaths.Confine(pkg, bad));
        }
        Assert.Equal(Path.Combine(pkg, "LICENSE.txt"), PackagePaths.Confine(pkg, "LICENSE.txt"));
        Assert.Equal(Path.Combine(pkg, "docs", "LICENSE"), PackagePaths.Confine(pkg, "docs/LICENSE"));
    }
}
