// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Issue 15 (mutation testing): the small decisions the SBOM writers rest on, each with its value written out —
/// SOURCE_DATE_EPOCH parsing, licence source names, confidence rounding, which evidence paths may enter an SBOM,
/// SPDX LicenseRef forms of unlisted identifiers, SHA-512 acceptance and the declared licence per source.
/// </summary>
public sealed class SbomHelpersTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("0", "1970-01-01T00:00:00+00:00")]
    [InlineData(" 1700000000 ", "2023-11-14T22:13:20+00:00")]
    [InlineData("253402300799", "9999-12-31T23:59:59+00:00")]
    public void SourceDateEpoch_Parses(string? value, string? expected)
    {
        Assert.Equal(expected, SourceDateEpoch.Parse(value)?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("253402300800")]
    [InlineData("now")]
    public void SourceDateEpoch_RefusesWhatIsNotASecondCount(string value)
    {
        var e = Assert.Throws<FormatException>(() => SourceDateEpoch.Parse(value));
        Assert.Contains("SOURCE_DATE_EPOCH", e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        Assert.Equal("SOURCE_DATE_EPOCH", SourceDateEpoch.VariableName);
    }

    [Fact]
    public void Options_AndSubject_Defaults()
    {
        var o = new SbomOptions();
        Assert.Equal("https://spdx.org/spdxdocs/publiccodepolicy/", o.SpdxNamespaceBase);
        Assert.Null(o.Timestamp);
        Assert.Empty(o.Projects);
        Assert.Equal(SbomComponentType.Application, new SbomSubject { Name = "x" }.Type);
    }

    [Theory]
    [InlineData(LicenseSource.None, "none")]
    [InlineData(LicenseSource.Expression, "expression")]
    [InlineData(LicenseSource.File, "file")]
    [InlineData(LicenseSource.PackageFile, "package-file")]
    [InlineData(LicenseSource.Url, "url")]
    [InlineData(LicenseSource.Curation, "curation")]
    public void SourceName_IsTheDocumentedCode(LicenseSource source, string name)
    {
        Assert.Equal(name, SbomLicenses.SourceName(source));
    }

    [Fact]
    public void SourceName_OfAnUndefinedSource_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SbomLicenses.SourceName((LicenseSource)77));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(0.99996, "1")]
    [InlineData(0.0, "0")]
    public void Confidence_IsRoundedToFourDecimals(double value, string expected)
    {
        Assert.Equal(expected, SbomLicenses.Confidence(value));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    [InlineData("https://example.org/LICENSE", "https://example.org/LICENSE")]
    [InlineData("http://example.org/LICENSE", "http://example.org/LICENSE")]
    [InlineData("/home/dev/.nuget/packages/x/LICENSE.txt", null)]
    [InlineData("file:///C:/x/LICENSE.txt", null)]
    [InlineData("FILE:LICENSE.txt", null)]
    [InlineData("C:\\Users\\dev\\LICENSE.txt", null)]
    [InlineData("d:/src/LICENSE.txt", null)]
    [InlineData("C:LICENSE.txt", "C:LICENSE.txt")]
    [InlineData("LICENSE.txt", "LICENSE.txt")]
    [InlineData("docs/LICENSE.md", "docs/LICENSE.md")]
    public void Portable_KeepsUrlsAndRelativePaths_Only(string? value, string? expected)
    {
        Assert.Equal(expected, SbomLicenses.Portable(value));
    }

    [Theory]
    [InlineData("https://x.org", true)]
    [InlineData("http://x.org", true)]
    [InlineData("ftp://x.org", false)]
    [InlineData("x.org/LICENSE", false)]
    [InlineData(null, false)]
    public void IsWebUrl(string? value, bool expected)
    {
        Assert.Equal(expected, SbomLicenses.IsWebUrl(value));
    }

    [Theory]
    [InlineData("My_Licence 1", "My-Licence-1")]
    [InlineData("A.b-C9", "A.b-C9")]
    [InlineData("Été", "-t-")]
    [InlineData("Zz09Aa", "Zz09Aa")]
    public void SpdxIdString_ReplacesEveryOtherCharacterByAHyphen(string value, string expected)
    {
        Assert.Equal(expected, SbomLicenses.SpdxIdString(value));
    }

    [Fact]
    public void ForSpdx_TurnsUnlistedIdentifiersIntoLicenceRefs_Everywhere()
    {
        var unlisted = new SpdxLicense("Foo_1", isListed: false, orLater: false);
        var unlistedPlus = new SpdxLicense("Bar-2", isListed: false, orLater: true);
        var mit = new SpdxLicense("MIT", isListed: true, orLater: false);
        Assert.Equal("LicenseRef-Foo-1", SbomLicenses.ForSpdx(unlisted).ToString());
        Assert.Equal("LicenseRef-Bar-2-or-later", SbomLicenses.ForSpdx(unlistedPlus).ToString());
        Assert.Same(mit, SbomLicenses.ForSpdx(mit));
        var compound = new SpdxCompound(SpdxNodeKind.Or, new SpdxExpression[] { mit, new SpdxWith(unlisted, "Classpath-exception-2.0", exceptionIsListed: true) });
        var converted = Assert.IsType<SpdxCompound>(SbomLicenses.ForSpdx(compound));
        Assert.Equal(SpdxNodeKind.Or, converted.Kind);
        Assert.Equal("MIT OR LicenseRef-Foo-1 WITH Classpath-exception-2.0", converted.ToString());
        var and = Assert.IsType<SpdxCompound>(SbomLicenses.ForSpdx(new SpdxCompound(SpdxNodeKind.And, new SpdxExpression[] { mit, unlisted })));
        Assert.Equal(SpdxNodeKind.And, and.Kind);
    }

    [Fact]
    public void HexSha512_AcceptsExactly128HexDigits_LowerCased()
    {
        Assert.Equal(Synthetic.Sha512, SbomRules.HexSha512(Synthetic.Sha512.ToUpperInvariant()));
        Assert.Null(SbomRules.HexSha512(Synthetic.Sha512.Substring(1)));
        Assert.Null(SbomRules.HexSha512(Synthetic.Sha512 + "0"));
        Assert.Null(SbomRules.HexSha512("g" + Synthetic.Sha512.Substring(1)));
        Assert.Null(SbomRules.HexSha512(null));
    }

    [Fact]
    public void Rules_AreTheThreeSbomCodes()
    {
        Assert.Equal(new[] { "PCP2001", "PCP2002", "PCP2003" }, SbomRules.All.Select(r => r.Id).ToArray());
    }

    [Theory]
    // What the package itself declared: its expression, or for a curated package its nuspec expression only;
    // for licences found in files or URLs the conclusion drawn from them; otherwise NOASSERTION.
    [InlineData(LicenseSource.Expression, "MIT OR Apache-2.0", DeclaredLicenseKind.Expression, "MIT OR Apache-2.0")]
    [InlineData(LicenseSource.Expression, "not an expression (", DeclaredLicenseKind.Expression, "NOASSERTION")]
    [InlineData(LicenseSource.Curation, "MIT", DeclaredLicenseKind.Expression, "MIT")]
    [InlineData(LicenseSource.Curation, "https://example.org/eula", DeclaredLicenseKind.None, "NOASSERTION")]
    [InlineData(LicenseSource.File, "LICENSE.txt", DeclaredLicenseKind.File, "Apache-2.0")]
    [InlineData(LicenseSource.PackageFile, "LICENSE.txt", DeclaredLicenseKind.None, "Apache-2.0")]
    [InlineData(LicenseSource.Url, "https://example.org/l", DeclaredLicenseKind.None, "Apache-2.0")]
    [InlineData(LicenseSource.None, null, DeclaredLicenseKind.None, "NOASSERTION")]
    public void Declared_PerSource(LicenseSource source, string? declared, DeclaredLicenseKind kind, string expected)
    {
        var p = Synthetic.Package("P", "1.0.0", concluded: "Apache-2.0", source: source, declared: declared);
        var withMetadata = new Engine.PackageResult
        {
            Id = p.Id, Version = p.Version, Scope = p.Scope, IsDirect = p.IsDirect, Frameworks = p.Frameworks, Dependencies = p.Dependencies,
            License = new LicenseResolution { Concluded = p.License.Concluded, Declared = declared, Source = source, Evidence = "e", Confidence = 1 },
            Verdict = p.Verdict, Reason = p.Reason, Paths = p.Paths, IntroducedBy = p.IntroducedBy,
            Metadata = new PackageMetadata { Id = "P", Version = "1.0.0", NuspecPath = "p.nuspec", LicenseKind = kind, License = declared },
        };
        Assert.Equal(expected, SbomLicenses.Declared(withMetadata).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MIT OR")]
    public void Parse_OfNothingOrAnInvalidExpression_IsNoAssertion(string? text)
    {
        Assert.Same(SpdxExpression.NoAssertion, SbomLicenses.Parse(text));
    }

    [Fact]
    public void EveryRule_HasAnEnglishAndAFrenchTitle()
    {
        foreach (var rule in SbomRules.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.TitleFr), rule.Id);
            Assert.NotEqual(rule.Title, rule.TitleFr);
        }
        Assert.Equal(new[] { "Warning", "Warning", "Error" }, SbomRules.All.Select(r => r.DefaultSeverity.ToString()).ToArray());
    }

    [Theory]
    // The finding names the invalid licence text when there is one (the subject's own words), not when there is none.
    [InlineData(null, false)]
    [InlineData("Not-An-Expression((", true)]
    public void SubjectLicenceFinding_QuotesTheInvalidText(string? license, bool quoted)
    {
        var result = Synthetic.Result(Synthetic.Project("App", false, Synthetic.Package("Foo", "1.0.0")));
        var finding = Assert.Single(new CycloneDxWriter().WriteProject(result, result.Projects[0], Synthetic.Subject(license: license)).Findings);
        Assert.Equal("PCP2002", finding.RuleId);
        Assert.Contains("App", finding.Message, StringComparison.Ordinal);
        Assert.Equal(quoted, finding.Message.Contains("Not-An-Expression((", StringComparison.Ordinal));
        Assert.Equal(result.Projects[0].ProjectPath, finding.ProjectPath);
    }

    [Fact]
    public void NameBasedUuid_RefusesANullName()
    {
        Assert.Throws<ArgumentNullException>(() => NameBasedUuid.Create(NameBasedUuid.SbomNamespace, (string)null!));
    }
}
