// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
extern alias core;

using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PublicCodePolicy.Analyzers.Options;
using PublicCodePolicy.CodeFixes.Rules;

namespace PublicCodePolicy.Analyzers.Tests;

/// <summary>Every exported rule has its help link, its page, its release entry and its French texts.</summary>
public sealed partial class RuleCatalogueTests
{
    private static readonly string AnalyzerDirectory = Path.Combine(TestPaths.RepositoryRoot, "analyzers", "PublicCodePolicy.Analyzers");

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)) data.Add(id);
        return data;
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers()
        => typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => Analyzers().SelectMany(a => a.SupportedDiagnostics);

    [Fact]
    public void Catalogue_HasTheFourRules()
    {
        Assert.Equal(["PCP0101", "PCP0102", "PCP0103", "PCP0104"], Descriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void EveryAnalyzer_IsSealedAndPublic()
    {
        foreach (var analyzer in Analyzers())
        {
            Assert.True(analyzer.GetType().IsSealed, analyzer.GetType().Name);
            Assert.True(analyzer.GetType().IsPublic, analyzer.GetType().Name);
        }
    }

    [Fact]
    public void EveryDescriptor_HelpLinkIsItsDocsPage()
    {
        foreach (var d in Descriptors())
        {
            Assert.Equal("https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/" + d.Id + ".md", d.HelpLinkUri);
            Assert.Equal(RuleCategories.Licensing, d.Category);
            Assert.True(d.IsEnabledByDefault, d.Id);
        }
    }

    [Fact]
    public void DescriptorsSharingAnId_AgreeOnTitleSeverityAndTags()
    {
        foreach (var group in Descriptors().GroupBy(d => d.Id))
        {
            var first = group.First();
            foreach (var d in group)
            {
                Assert.Equal(first.Title.ToString(CultureInfo.InvariantCulture), d.Title.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(first.DefaultSeverity, d.DefaultSeverity);
                Assert.Equal(first.CustomTags, d.CustomTags);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleId_InTheAnalyzerBlockAndNotUsedByTheEngine(string id)
    {
        Assert.Matches(AnalyzerBlock(), id);
        var engineIds = core::PublicCodePolicy.Diagnostics.RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.NotEmpty(engineIds);
        Assert.DoesNotContain(id, engineIds);
        Assert.Equal(core::PublicCodePolicy.Diagnostics.RuleCatalog.GetHelpUri(id), RuleIdentifiers.GetHelpUri(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleId_HasADocsPageWithTheRequiredSections(string id)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), path + " is missing");
        var lines = File.ReadAllLines(path);
        var title = Descriptors().First(d => d.Id == id).Title.ToString(CultureInfo.InvariantCulture);
        Assert.Equal("# " + id + " - " + title, lines[0]);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## How to record a justified exception", "## Configuration", "## Examples" })
        {
            Assert.Contains(section, lines);
        }
        var text = string.Join('\n', lines);
        Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
        Assert.Contains("Compliant", text, StringComparison.Ordinal);
        Assert.Contains("Non-compliant", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOptionKey_IsDocumentedOnItsRulePage()
    {
        var keys = typeof(OptionNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(keys);
        var pages = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules"), "PCP01*.md").Select(File.ReadAllText).ToList();
        foreach (var key in keys)
        {
            if (key.StartsWith("build_property.", StringComparison.Ordinal))
            {
                var property = key.Substring("build_property.".Length);
                Assert.True(pages.Any(p => p.Contains('`' + property + '`', StringComparison.Ordinal)), property + " is not documented");
            }
            else
            {
                // .editorconfig keys are prefixed by their rule and documented on that rule's page.
                var id = key.Substring(0, key.IndexOf('.', StringComparison.Ordinal));
                Assert.Matches(AnalyzerBlock(), id);
                var page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", id + ".md"));
                Assert.Contains(key + " = ", page, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleId_IsInTheReleaseTrackingFiles(string id)
    {
        var rows = File.ReadAllLines(Path.Combine(AnalyzerDirectory, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(AnalyzerDirectory, "AnalyzerReleases.Unshipped.md")))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 3 && c[0] == id)
            .ToList();
        var row = Assert.Single(rows);
        var descriptor = Descriptors().First(d => d.Id == id);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleTexts_ExistInFrench(string id)
    {
        var french = CultureInfo.GetCultureInfo("fr");
        foreach (var d in Descriptors().Where(d => d.Id == id))
        {
            Assert.NotEqual(d.Title.ToString(CultureInfo.InvariantCulture), d.Title.ToString(french));
            Assert.NotEqual(d.Description.ToString(CultureInfo.InvariantCulture), d.Description.ToString(french));
            Assert.DoesNotContain(id, d.Title.ToString(french), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FrenchMessage_FormatsLocalisedArguments()
    {
        var diagnostic = Diagnostic.Create(PublicCodePolicy.Analyzers.Rules.FileHeaderLicenseAnalyzer.InvalidRule, Location.None, "Licence-Ville", PublicCodePolicy.Analyzers.Licensing.LicenseExpressions.Check("Licence-Ville").Problem);
        Assert.Equal(
            "La licence « Licence-Ville » de l'en-tête n'est pas une expression SPDX valide : « Licence-Ville » ne figure pas dans la liste des licences SPDX " + PublicCodePolicy.Analyzers.Licensing.SpdxData.LicenseListVersion,
            diagnostic.GetMessage(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.StartsWith("The licence 'Licence-Ville' in the file header", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PublicCodePolicy.Analyzers", "Resources")]
    [InlineData("PublicCodePolicy.CodeFixes", "CodeFixResources")]
    public void ResxFiles_HaveTheSameKeysInFrenchAndEnglish(string project, string name)
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "analyzers", project);
        static Dictionary<string, string> Read(string path) => XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!, StringComparer.Ordinal);
        var english = Read(Path.Combine(directory, name + ".resx"));
        var french = Read(Path.Combine(directory, name + ".fr.resx"));
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), french.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in english)
        {
            // The same placeholders on both sides, or string.Format fails in one language only.
            Assert.Equal(Placeholders(value), Placeholders(french[key]));
        }
    }

    [Fact]
    public void CodeFixes_TargetOnlyOurRules()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var fixers = typeof(MissingFileHeaderFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Equal(2, fixers.Count);
        foreach (var fixer in fixers)
        {
            Assert.True(fixer.GetType().IsSealed);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^PCP01[0-9][0-9]$")]
    private static partial Regex AnalyzerBlock();
}
