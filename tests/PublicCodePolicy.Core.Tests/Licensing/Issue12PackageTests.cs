// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.Policy;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 12, the table of the issue: packages rebuilt from the real files they ship (Licensing/Corpus) with the
/// licence declaration of their real nuspec, resolved offline and judged under the <c>osi</c> preset.
/// </summary>
public sealed class Issue12PackageTests : IClassFixture<Issue12PackageTests.Packages>
{
    private static readonly string s_files = Path.Combine(TestPaths.RepositoryRoot, "tests", "PublicCodePolicy.Core.Tests", "Licensing", "Corpus", "files");

    private readonly Packages _packages;

    public Issue12PackageTests(Packages packages) => _packages = packages;

    /// <summary>The packages of the table, built once from the corpus files.</summary>
    public sealed class Packages : IDisposable
    {
        private readonly TempDirectory _root = new("issue12");

        public Packages()
        {
            Feed = Path.Combine(_root.Path, "feed");
            Folder = Path.Combine(_root.Path, "packages");
            var hangfire = new[] { "LICENSE.md", "COPYING", "COPYING.LESSER", "LICENSE_STANDARD", "LICENSE_ROYALTYFREE", "NOTICES" };
            Add("Hangfire.Core", "1.8.25", new("file", "LICENSE.md"), hangfire.Select(f => (f, "hangfire.core/1.8.25/" + f)).ToArray());
            Add("Hangfire.SqlServer", "1.8.25", new("file", "LICENSE.md"), hangfire.Select(f => (f, "hangfire.core/1.8.25/" + f)).ToArray());
            Add("Hangfire.InMemory", "1.0.0", new("file", "LICENSE.md"), ("LICENSE.md", "hangfire.inmemory/1.0.0/LICENSE.md"), ("COPYING", "hangfire.core/1.8.25/COPYING"), ("COPYING.LESSER", "hangfire.core/1.8.25/COPYING.LESSER"));
            Add("Hangfire.PostgreSql", "1.21.1", new("file", "LICENSE.md"), ("LICENSE.md", "hangfire.postgresql/1.21.1/LICENSE.md"));
            Add("Isopoh.Cryptography.Blake2b", "2.0.0", new("file", "LICENSE"), ("LICENSE", "isopoh.cryptography.blake2b/2.0.0/LICENSE"));
            Add("Concentus", "2.2.2", new("file", "LICENSE"), ("LICENSE", "concentus/2.2.2/LICENSE"));
            Add("Fugit", "0.4.1", new("file", "LICENSE"), ("LICENSE", "fugit/0.4.1/LICENSE"));
            // The notice names COPYING.LESSER, but the package ships an Apache text under that name: the files disagree.
            Add("Case.NoticeContradictedByItsFile", "1.0.0", new("file", "LICENSE.md"), ("LICENSE.md", "hangfire.postgresql/1.21.1/LICENSE.md"), ("COPYING.LESSER", "yuniql.postgresql/1.3.15/LICENSE.md"));
            Add("Case.MutableUrlOnly", "1.0.0", new(LicenseUrl: "https://github.com/contoso/widgets/blob/master/LICENSE"));
            Add("Case.NothingDeclared", "1.0.0", new());
        }

        public string Feed { get; }

        public string Folder { get; }

        public Dictionary<string, string> Nuspecs { get; } = new(StringComparer.Ordinal);

        private void Add(string id, string version, NupkgBuilder.Declaration declaration, params (string Name, string Corpus)[] files)
        {
            var content = files.ToDictionary(f => f.Name, f => File.ReadAllText(Path.Combine(s_files, f.Corpus)), StringComparer.Ordinal);
            var nupkg = NupkgBuilder.Pack(Feed, id, version, declaration, content);
            Nuspecs[id] = NupkgBuilder.Extract(nupkg, Folder, id, version);
        }

        public void Dispose() => _root.Dispose();
    }

    private LicenseResolution Resolve(string id)
        => new LicenseResolver(textIdentifier: LicenseTextMatcher.Shared).Resolve(NuspecReader.Read(_packages.Nuspecs[id]));

    private static LicenseVerdict Judge(SpdxExpression e) => new LicenseEvaluator(new PolicyDocument { Preset = PolicyPreset.Osi }).Evaluate(e);

    [Theory]
    [InlineData("Hangfire.Core")]
    [InlineData("Hangfire.SqlServer")]
    [InlineData("Hangfire.InMemory")]
    public void Hangfire_IsLgplOrLaterOrCommercial_AndAllowedThroughTheLgplSide(string id)
    {
        var r = Resolve(id);
        Assert.Equal("LGPL-3.0-or-later OR LicenseRef-Commercial", r.Concluded.ToString());
        Assert.Contains("states a choice", r.Note, StringComparison.Ordinal);
        Assert.Contains("COPYING.LESSER (LGPL-3.0-only)", r.Note, StringComparison.Ordinal);
        var v = Judge(r.Concluded);
        Assert.Equal(Verdict.Allowed, v.Verdict);
        Assert.Equal("LGPL-3.0-or-later", v.ChosenBranch?.ToString());
        Assert.StartsWith("Choice of LGPL-3.0-or-later", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HangfirePostgreSql_IsLgpl3()
    {
        var r = Resolve("Hangfire.PostgreSql");
        Assert.Equal("LGPL-3.0-only", r.Concluded.ToString());
        Assert.Contains("LGPLv3", r.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Verdict.Allowed, Judge(r.Concluded).Verdict);
    }

    [Fact]
    public void Blake2b_IsCcBy4_DeniedBecauseNotOsiApproved()
    {
        var r = Resolve("Isopoh.Cryptography.Blake2b");
        Assert.Equal("CC-BY-4.0", r.Concluded.ToString());
        Assert.Contains("creativecommons.org/licenses/by/4.0", r.Note, StringComparison.Ordinal);
        var v = Judge(r.Concluded);
        Assert.Equal(Verdict.Denied, v.Verdict);
        Assert.Equal("CC-BY-4.0 is not OSI-approved.", v.Reason);
    }

    [Fact]
    public void Concentus_IsBsd3_WithANoteOnTheExtraText()
    {
        var r = Resolve("Concentus");
        Assert.Equal("BSD-3-Clause", r.Concluded.ToString());
        Assert.Contains("copyright holders' list", r.Note, StringComparison.Ordinal);
        Assert.Contains("same terms", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Fugit_IsGpl3OrLater_FromTheAuthorsFilledInNotice()
    {
        var r = Resolve("Fugit");
        Assert.Equal("GPL-3.0-or-later", r.Concluded.ToString());
        Assert.Contains("any later version", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeContradictedByTheFileItNames_IsNoAssertion()
    {
        var r = Resolve("Case.NoticeContradictedByItsFile");
        Assert.Equal("NOASSERTION", r.Concluded.ToString());
        Assert.Contains("COPYING.LESSER", r.Note, StringComparison.Ordinal);
        Assert.Contains("Apache-2.0", r.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Case.MutableUrlOnly")]
    [InlineData("Case.NothingDeclared")]
    public void NothingOrAMutableUrl_StaysNoAssertionOffline(string id)
    {
        Assert.Equal("NOASSERTION", Resolve(id).Concluded.ToString());
    }
}
