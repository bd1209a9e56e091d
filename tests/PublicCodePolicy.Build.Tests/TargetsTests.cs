// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Build.Tests;

/// <summary>Checks on the props and targets files as text: what they promise users must stay documented.</summary>
public sealed class TargetsTests
{
    private static string BuildDir => Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Build");

    private static string Targets => File.ReadAllText(Path.Combine(BuildDir, "build", "PublicCodePolicy.targets"));

    private static string Props => File.ReadAllText(Path.Combine(BuildDir, "build", "PublicCodePolicy.props"));

    [Fact]
    public void EveryPublicProperty_IsDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "build.md"));
        var names = Regex.Matches(Targets + Props, @"\$\((PublicCodePolicy[A-Za-z]+)\)|<(PublicCodePolicy[A-Za-z]+)[ >]")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Assert.Contains("PublicCodePolicyMode", names);
        Assert.All(names, name => Assert.Contains("| `" + name + "` |", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void PublicCodeFacts_PassEveryPropertyTheFactsBuilderReads()
    {
        var passed = XDocument.Parse(Targets).Descendants("_PublicCodePolicyFact")
            .Select(e => (Name: e.Attribute("Include")!.Value, Value: e.Attribute("Value")?.Value))
            .ToArray();
        var expected = PublicCode.PublicCodeFactsBuilder.PropertyNames
            .Concat(PublicCode.PublicCodeFactsBuilder.LanguagePropertyStems.SelectMany(stem => new[] { stem + "Fr", stem + "En" }))
            .Append("PackageId");

        Assert.Equal(expected.Order(StringComparer.Ordinal), passed.Where(p => p.Value != null).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(passed.Where(p => p.Value != null), p => Assert.Equal("$(" + p.Name + ")", p.Value));
    }

    [Fact]
    public void HelpLinks_UseTheCatalogueBase()
    {
        Assert.Contains("<_PublicCodePolicyHelpBase>" + RuleCatalog.HelpBaseUri + "</_PublicCodePolicyHelpBase>", Targets, StringComparison.Ordinal);
        Assert.Contains("Code=\"" + RuleCatalog.UnsupportedMSBuildRuntime.Id + "\" HelpLink=\"$(_PublicCodePolicyHelpBase)" + RuleCatalog.UnsupportedMSBuildRuntime.Id + ".md\"", Targets, StringComparison.Ordinal);
    }

    [Fact]
    public void CompilerVisibleProperties_CoverWhatTheAnalyzersRead()
    {
        var visible = XDocument.Parse(Props).Descendants("CompilerVisibleProperty").Single().Attribute("Include")!.Value.Split(';');

        foreach (var name in new[] { "PackageLicenseExpression", "PublicCodePolicyPreset", "PublicCodePolicyReportInIde", "PublicCodeCopyrightHolder" })
        {
            Assert.Contains(name, visible);
        }
    }

    [Theory]
    [InlineData("buildTransitive")]
    [InlineData("buildMultiTargeting")]
    public void ShimFolders_OnlyImportBuild(string folder)
    {
        foreach (var ext in new[] { "props", "targets" })
        {
            var shim = XDocument.Load(Path.Combine(BuildDir, folder, "PublicCodePolicy." + ext)).Root!;
            var import = Assert.Single(shim.Elements());
            Assert.Equal("Import", import.Name.LocalName);
            Assert.Equal("$(MSBuildThisFileDirectory)../build/PublicCodePolicy." + ext, import.Attribute("Project")!.Value);
        }
    }

    // Which UsingTask each MSBuild gets: TaskHostSelectionTests.
}
