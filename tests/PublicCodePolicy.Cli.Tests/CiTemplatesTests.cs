// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>The CI templates in docs/ci run only commands and options that the CLI really has.</summary>
public sealed class CiTemplatesTests
{
    public static TheoryData<string> Templates() => new() { "azure-pipelines.yml", "github-actions.yml", "gitlab-ci.yml" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryPubliccodeCommand_ParsesWithoutError(string template)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", template));
        var commands = Regex.Matches(text, @"(?m)(?:^|run: |script: |- )\s*(publiccode [^\n|&]+?)\s*(?:\|\| true)?$")
            .Select(m => m.Groups[1].Value.Trim())
            .ToArray();
        Assert.True(commands.Length >= 4, "expected the check, sbom and report commands in " + template);
        var verbs = commands.Select(c => c.Split(' ')[1]).Distinct().OrderBy(v => v, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "check", "report", "sbom" }, verbs);
        var root = CommandLineApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, ConsoleEnvironment.Plain));
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            var parse = root.Parse(args);
            Assert.True(parse.Errors.Count == 0, command + ": " + string.Join("; ", parse.Errors.Select(e => e.Message)));
        }
        // The pipeline fails on findings: the last check is not masked with '|| true'.
        var lastCheck = text.Split('\n').Last(l => l.Contains("publiccode check ", StringComparison.Ordinal));
        Assert.DoesNotContain("||", lastCheck, StringComparison.Ordinal);
        Assert.Matches(@"publiccode check \.(\s|$)", lastCheck);
    }

    [Fact]
    public void GitLab_ReadsTheReportsTheCheckWrites_UnderTheirDocumentedNames()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", "gitlab-ci.yml"));
        var check = Regex.Match(text, @"publiccode check \. --format (?<formats>\S+) --output (?<dir>\S+)");
        Assert.True(check.Success, "one check writes every format into one folder");
        var formats = check.Groups["formats"].Value.Split(',');
        var dir = check.Groups["dir"].Value;
        Assert.Contains("codequality", formats);
        Assert.Contains("junit", formats);
        Assert.Contains("codequality: " + dir + "/" + Commands.CheckCommand.FileNames["codequality"], text, StringComparison.Ordinal);
        Assert.Contains("junit: " + dir + "/" + Commands.CheckCommand.FileNames["junit"], text, StringComparison.Ordinal);
        // The dependency list comes from the CycloneDX SBOM the job writes.
        var sbom = Regex.Match(text, @"publiccode sbom \. --format cyclonedx --output (?<file>\S+)").Groups["file"].Value;
        Assert.Contains("cyclonedx: " + sbom, text, StringComparison.Ordinal);
        Assert.Contains("when: always", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github-actions.yml", "sarif_file: ", "sarif")]
    [InlineData("azure-pipelines.yml", "testResultsFiles: ", "junit")]
    public void OtherTemplates_UploadTheFileTheCheckWrites(string template, string key, string format)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", template));
        var check = Regex.Match(text, @"publiccode check \. --format (?<formats>\S+) --output (?<dir>\S+)");
        Assert.True(check.Success, template);
        Assert.Contains(format, check.Groups["formats"].Value.Split(','));
        Assert.Contains(key + check.Groups["dir"].Value + "/" + Commands.CheckCommand.FileNames[format], text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void InstallsTheToolByItsPackageId(string template)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", template));
        Assert.Contains("dotnet tool install --global PublicCodePolicy.Cli", text, StringComparison.Ordinal);
        var csproj = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Cli", "PublicCodePolicy.Cli.csproj"));
        Assert.Contains("<PackageId>PublicCodePolicy.Cli</PackageId>", csproj, StringComparison.Ordinal);
        Assert.Contains("<ToolCommandName>publiccode</ToolCommandName>", csproj, StringComparison.Ordinal);
    }
}
