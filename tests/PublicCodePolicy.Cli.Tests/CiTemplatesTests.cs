// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>The CI templates in docs/ci run only commands and options that the CLI really has.</summary>
public sealed class CiTemplatesTests
{
    public static TheoryData<string> Templates() => new() { "github-actions.yml", "gitlab-ci.yml" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryPubliccodeCommand_ParsesWithoutError(string template)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", template));
        var commands = Regex.Matches(text, @"(?m)(?:^|run: |- )\s*(publiccode [^\n|&]+?)\s*(?:\|\| true)?$")
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
        Assert.Matches(@"(?m)publiccode check \.\s*$", text);
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
