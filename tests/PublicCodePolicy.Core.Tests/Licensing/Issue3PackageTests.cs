// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.Policy;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 3 "done when": packages built by the test, one licence case each, get the right concluded licence, source,
/// evidence and verdict under the <c>osi</c> and <c>fr-administration</c> presets. Offline.
/// </summary>
public sealed class Issue3PackageTests : IClassFixture<Issue3PackageTests.Packages>
{
    private readonly Packages _packages;

    public Issue3PackageTests(Packages packages) => _packages = packages;

    internal const string CcByNotice = "This work is licensed under a Creative Commons Attribution 4.0 International License.\nTo view a copy of this license, visit http://creativecommons.org/licenses/by/4.0/ or send a letter to Creative Commons, PO Box 1866, Mountain View, CA 94042, USA.\n";

    internal const string PublicDomainNotice = "Tiny.Helpers\n\nThis library is released into the public domain by its author.\nUse it as you wish.\n";

    internal const string Eula = "CONTOSO LTD. END USER LICENSE AGREEMENT\n\nCopyright (c) 2024 Contoso Ltd. All rights reserved.\n\nThis End User License Agreement is a legal agreement between you and Contoso Ltd. for the Contoso Reporting SDK. "
        + "You may install and use one copy of the software on a single computer. You may not copy, modify, distribute, sell, or lease any part of the software, nor may you reverse engineer or attempt to extract its source code. "
        + "The software is licensed, not sold. Contoso reserves all rights not expressly granted to you.\n";

    /// <summary>The packages of the issue's list, built once for the class.</summary>
    public sealed class Packages : IDisposable
    {
        private readonly TempDirectory _root = new("issue3");

        public Packages()
        {
            Feed = Path.Combine(_root.Path, "feed");
            Folder = Path.Combine(_root.Path, "packages");
            string mit = SpdxTemplateText.Render("MIT", copyright: "Copyright (c) 2023 Ville de Lyon");
            string apache = SpdxTemplateText.Render("Apache-2.0");
            string gpl3 = SpdxTemplateText.Render("GPL-3.0-only");
            string lgpl3 = SpdxTemplateText.Render("LGPL-3.0-only");
            Add("Case.Gpl3", new("file", "COPYING"), ("COPYING", gpl3));
            Add("Case.Lgpl3", new("file", "COPYING.LESSER"), ("COPYING.LESSER", lgpl3));
            Add("Case.CopyingPlusLesser", new(), ("COPYING", gpl3), ("COPYING.LESSER", lgpl3));
            Add("Case.CcBy4Notice", new("file", "docs/LICENSE.txt"), ("docs/LICENSE.txt", CcByNotice));
            Add("Case.PublicDomain", new("file", "LICENSE"), ("LICENSE", PublicDomainNotice));
            Add("Case.Eula", new("file", "EULA.txt"), ("EULA.txt", Eula));
            Add("Case.DualMitApache", new("file", "LICENSE.md"), ("LICENSE.md", "# Licence\n\nThis project is dual-licensed: you may use it under the MIT licence or the Apache License, Version 2.0, at your option.\n\n## MIT\n\n" + mit + "\n\n## Apache-2.0\n\n" + apache));
            Add("Case.LgplOrCommercial", new(LicenseUrl: "https://example.com/our-licensing"), ("COPYING.LESSER", "This library is available either under the GNU LGPL version 3 below, or under a commercial licence from Contoso Ltd.\n\n" + lgpl3));
            Add("Case.NoElementLicenseAtRoot", new(), ("LICENSE.txt", mit), ("lib/net8.0/readme.txt", "nothing"));
            Add("Case.DotNetLibraryUrl", new(LicenseUrl: "http://go.microsoft.com/fwlink/?LinkId=329770"), ("dotnet_library_license.txt", "MICROSOFT SOFTWARE LICENSE TERMS\nMICROSOFT .NET LIBRARY\n"));
            Add("Case.HostilePath", new("file", "../../x"), ("readme.txt", "see licence"));
            // The file the hostile path points at exists, and is a free licence: it must still not be read.
            File.WriteAllText(Path.Combine(Folder, "x"), mit);
            Add("Case.GplWithClasspath", new("file", "LICENSE"), ("LICENSE", SpdxTemplateText.Render("GPL-2.0-only") + "\n\n" + SpdxTemplateText.Render("Classpath-exception-2.0")));
            Add("Case.UrlAndFileDisagree", new(LicenseUrl: "https://opensource.org/licenses/MIT"), ("LICENSE", apache));
            Add("Case.UnknownUrlOnly", new(LicenseUrl: "https://contoso.example/licence.html"));
            Add("Case.NearMatch", new("file", "LICENSE"), ("LICENSE", mit.Replace("merge, publish, distribute,", "merge,", StringComparison.Ordinal)));
        }

        public string Feed { get; }

        public string Folder { get; }

        public Dictionary<string, string> Nuspecs { get; } = new(StringComparer.Ordinal);

        private void Add(string id, NupkgBuilder.Declaration declaration, params (string Name, string Content)[] files)
        {
            var nupkg = NupkgBuilder.Pack(Feed, id, "1.0.0", declaration, files.ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal));
            Nuspecs[id] = NupkgBuilder.Extract(nupkg, Folder, id, "1.0.0");
        }

        public void Dispose() => _root.Dispose();
    }

    private LicenseResolution Resolve(string id)
        => new LicenseResolver(textIdentifier: LicenseTextMatcher.Shared).Resolve(NuspecReader.Read(_packages.Nuspecs[id]));

    private static Verdict VerdictOf(SpdxExpression e, PolicyPreset preset) => new LicenseEvaluator(new PolicyDocument { Preset = preset }).Evaluate(e).Verdict;

    [Theory]
    [InlineData("Case.Gpl3", "GPL-3.0-only", LicenseSource.File, "COPYING", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.Lgpl3", "LGPL-3.0-only", LicenseSource.File, "COPYING.LESSER", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.CopyingPlusLesser", "LGPL-3.0-only", LicenseSource.PackageFile, "COPYING, COPYING.LESSER", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.CcBy4Notice", "CC-BY-4.0", LicenseSource.File, "docs/LICENSE.txt", Verdict.Denied, Verdict.Denied)]
    [InlineData("Case.PublicDomain", "LicenseRef-PublicDomain", LicenseSource.File, "LICENSE", Verdict.Denied, Verdict.Denied)]
    [InlineData("Case.Eula", "LicenseRef-Proprietary", LicenseSource.File, "EULA.txt", Verdict.Denied, Verdict.Denied)]
    [InlineData("Case.DualMitApache", "MIT OR Apache-2.0", LicenseSource.File, "LICENSE.md", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.LgplOrCommercial", "LGPL-3.0-only OR LicenseRef-Commercial", LicenseSource.PackageFile, "COPYING.LESSER", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.NoElementLicenseAtRoot", "MIT", LicenseSource.PackageFile, "LICENSE.txt", Verdict.Allowed, Verdict.Allowed)]
    [InlineData("Case.DotNetLibraryUrl", "LicenseRef-MICROSOFT-NET-LIBRARY", LicenseSource.Url, "http://go.microsoft.com/fwlink/?LinkId=329770", Verdict.Denied, Verdict.Denied)]
    [InlineData("Case.HostilePath", "NOASSERTION", LicenseSource.File, "../../x", Verdict.Unknown, Verdict.Unknown)]
    [InlineData("Case.GplWithClasspath", "GPL-2.0-only WITH Classpath-exception-2.0", LicenseSource.File, "LICENSE", Verdict.Allowed, Verdict.Denied)]
    [InlineData("Case.UrlAndFileDisagree", "NOASSERTION", LicenseSource.Url, "https://opensource.org/licenses/MIT", Verdict.Unknown, Verdict.Unknown)]
    [InlineData("Case.UnknownUrlOnly", "NOASSERTION", LicenseSource.Url, "https://contoso.example/licence.html", Verdict.Unknown, Verdict.Unknown)]
    [InlineData("Case.NearMatch", "NOASSERTION", LicenseSource.File, "LICENSE", Verdict.Unknown, Verdict.Unknown)]
    public void Package_ConcludedLicenceSourceEvidenceAndVerdicts(string id, string concluded, LicenseSource source, string evidence, Verdict osi, Verdict fr)
    {
        var r = Resolve(id);
        Assert.Equal(concluded, r.Concluded.ToString());
        Assert.Equal(source, r.Source);
        Assert.Equal(evidence, r.Evidence);
        Assert.Equal(osi, VerdictOf(r.Concluded, PolicyPreset.Osi));
        Assert.Equal(fr, VerdictOf(r.Concluded, PolicyPreset.FrAdministration));
        if (r.IsNoAssertion) Assert.False(string.IsNullOrEmpty(r.Note));
        else Assert.Equal(source == LicenseSource.Url ? 0.9 : 1.0, r.Confidence);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("..\\..\\x")]
    [InlineData("docs/../../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win.ini")]
    public void HostileLicencePaths_AreNotRead(string path)
    {
        var nuspec = _packages.Nuspecs["Case.HostilePath"];
        var metadata = NuspecReader.Read(nuspec);
        var hostile = new PackageMetadata { Id = metadata.Id, Version = metadata.Version, NuspecPath = nuspec, LicenseKind = DeclaredLicenseKind.File, License = path };
        var r = new LicenseResolver(textIdentifier: LicenseTextMatcher.Shared).Resolve(hostile);
        Assert.True(r.IsNoAssertion);
        Assert.Equal(path, r.Evidence);
        Assert.Contains("leaves the package folder", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDeclaredLicenceFile_IsNoAssertionWithReason()
    {
        var nuspec = _packages.Nuspecs["Case.Gpl3"];
        var metadata = NuspecReader.Read(nuspec);
        var missing = new PackageMetadata { Id = metadata.Id, Version = metadata.Version, NuspecPath = nuspec, LicenseKind = DeclaredLicenseKind.File, License = "LICENSE-NOT-THERE.txt" };
        var r = new LicenseResolver(textIdentifier: LicenseTextMatcher.Shared).Resolve(missing);
        Assert.True(r.IsNoAssertion);
        Assert.Contains("missing", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_IsKeptApartFromConcluded()
    {
        Assert.Equal("COPYING", Resolve("Case.Gpl3").Declared);
        Assert.Null(Resolve("Case.NoElementLicenseAtRoot").Declared);
        Assert.Equal("https://example.com/our-licensing", Resolve("Case.LgplOrCommercial").Declared);
        Assert.Equal("../../x", Resolve("Case.HostilePath").Declared);
    }

    [Fact]
    public void NearMatch_RecordsSimilarityNotTheLicence()
    {
        var r = Resolve("Case.NearMatch");
        Assert.InRange(r.Confidence, 0.75, 0.999);
        Assert.Contains("Near match to MIT", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlAndFileDisagree_NoteNamesBoth()
    {
        var r = Resolve("Case.UrlAndFileDisagree");
        Assert.Contains("MIT", r.Note, StringComparison.Ordinal);
        Assert.Contains("Apache-2.0", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutIdentifier_LicenceFilesStayUnidentified()
    {
        var r = new LicenseResolver().Resolve(NuspecReader.Read(_packages.Nuspecs["Case.NoElementLicenseAtRoot"]));
        Assert.True(r.IsNoAssertion);
        Assert.Equal(LicenseSource.None, r.Source);
    }

    [Fact]
    public void EngineOptions_UseTheBuiltInMatcherByDefault()
    {
        Assert.Same(LicenseTextMatcher.Default, new CheckOptions().TextIdentifier);
    }

    [Fact]
    public void IdentificationRate_OverTheTestPackages()
    {
        // Every case with a licence to find must conclude it; the three "nothing certain" cases must not.
        var expectedUnknown = new HashSet<string>(StringComparer.Ordinal) { "Case.HostilePath", "Case.UrlAndFileDisagree", "Case.UnknownUrlOnly", "Case.NearMatch" };
        // README: "15/15 expected results": the fifteen packages of the table above.
        Assert.Equal(15, _packages.Nuspecs.Count);
        int identified = _packages.Nuspecs.Keys.Count(id => !Resolve(id).IsNoAssertion);
        Assert.Equal(_packages.Nuspecs.Count - expectedUnknown.Count, identified);
        Assert.All(expectedUnknown, id => Assert.True(Resolve(id).IsNoAssertion, id));
    }
}
