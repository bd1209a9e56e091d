// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Reflection;
using PublicCodePolicy.CodeFixes.Rules;

namespace PublicCodePolicy.Analyzers.Tests;

/// <summary>
/// What the compiler host needs to load the analyzers: a compiler older than the Roslyn they reference drops them
/// (CS9057), and netstandard2.0 analyzers cannot carry their own System.Text.Json or Workspaces.
/// </summary>
public sealed class AnalyzerAssemblyTests
{
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    [Fact]
    public void Analyzers_ReferenceRoslynNoNewerThanTheSupportedFloor()
    {
        var roslyn = References(typeof(RuleIdentifiers).Assembly).Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= RoslynFloor, r.FullName));
    }

    [Fact]
    public void Analyzers_DoNotReferenceWorkspacesOrSystemTextJson()
    {
        var names = References(typeof(RuleIdentifiers).Assembly).Select(r => r.Name).ToList();
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", names);
        Assert.DoesNotContain("System.Text.Json", names);
        Assert.Contains("netstandard", names);
    }

    [Fact]
    public void CodeFixes_ReferenceRoslynNoNewerThanTheSupportedFloor()
    {
        var roslyn = References(typeof(MissingFileHeaderFixer).Assembly).Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis.Workspaces");
        Assert.All(roslyn, r => Assert.True(r.Version <= RoslynFloor, r.FullName));
    }

    private static AssemblyName[] References(Assembly assembly) => assembly.GetReferencedAssemblies();
}
