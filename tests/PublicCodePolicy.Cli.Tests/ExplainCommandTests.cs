// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Cli.Commands;

namespace PublicCodePolicy.Cli.Tests;

public sealed class ExplainCommandTests
{
    [Theory]
    [InlineData("PCP0001")]
    [InlineData("pcp9001")]
    public void KnownRule_PrintsItsPage(string id)
    {
        var r = Cli.Run("explain", id);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("# " + id.ToUpperInvariant() + " - ", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("## How to fix violations", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRule_ListsThemAll()
    {
        var r = Cli.Run("explain");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[PCP0002](PCP0002.md)", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRule_Exits2()
    {
        var r = Cli.Run("explain", "PCP4242");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("There is no rule 'PCP4242'", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDocsPage_IsShippedInTheTool()
    {
        var onDisk = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules"), "PCP*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(onDisk, ExplainCommand.Pages());
    }
}
