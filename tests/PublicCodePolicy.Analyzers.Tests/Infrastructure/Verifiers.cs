// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PublicCodePolicy.Analyzers.Tests.Infrastructure;

/// <summary>Settings shared by the analyzer and code-fix tests.</summary>
internal static class TestSetup
{
    // A framework name without a package: nothing is downloaded; Basic.Reference.Assemblies supplies the references.
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
    }

    /// <summary>A global config (as MSBuild generates for CompilerVisibleProperty items).</summary>
    public static (string, string) GlobalConfig(params (string Key, string Value)[] entries)
        => ("/.globalconfig", "is_global = true\n" + string.Concat(entries.Select(e => e.Key + " = " + e.Value + "\n")));

    /// <summary>An .editorconfig applying to every C# file of the test project.</summary>
    public static (string, string) EditorConfig(params (string Key, string Value)[] entries)
        => ("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Concat(entries.Select(e => e.Key + " = " + e.Value + "\n")));
}

/// <summary>An analyzer test with offline reference assemblies.</summary>
internal sealed class PcpAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public PcpAnalyzerTest(string source = "class C { }")
    {
        ReferenceAssemblies = TestSetup.ReferenceAssemblies;
        TestSetup.Apply(TestState);
        TestCode = source;
    }

    public PcpAnalyzerTest<TAnalyzer> WithGlobalConfig(params (string Key, string Value)[] entries)
    {
        TestState.AnalyzerConfigFiles.Add(TestSetup.GlobalConfig(entries));
        return this;
    }

    public PcpAnalyzerTest<TAnalyzer> WithEditorConfig(params (string Key, string Value)[] entries)
    {
        TestState.AnalyzerConfigFiles.Add(TestSetup.EditorConfig(entries));
        return this;
    }

    /// <summary>For rules at (1,1): the framework's pragma check inserts its pragma above line 1.</summary>
    public PcpAnalyzerTest<TAnalyzer> ForHeaderRule()
    {
        TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return this;
    }

    public PcpAnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] results)
    {
        ExpectedDiagnostics.AddRange(results);
        return this;
    }
}

/// <summary>A code-fix test with offline reference assemblies.</summary>
internal sealed class PcpCodeFixTest<TAnalyzer, TFixer> : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public PcpCodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestSetup.ReferenceAssemblies;
        TestSetup.Apply(TestState);
        TestSetup.Apply(FixedState);
        TestCode = source;
        FixedCode = fixedSource;
        TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
    }

    public PcpCodeFixTest<TAnalyzer, TFixer> WithGlobalConfig(params (string Key, string Value)[] entries)
    {
        TestState.AnalyzerConfigFiles.Add(TestSetup.GlobalConfig(entries));
        return this;
    }

    public PcpCodeFixTest<TAnalyzer, TFixer> Expect(params DiagnosticResult[] results)
    {
        ExpectedDiagnostics.AddRange(results);
        return this;
    }

    public PcpCodeFixTest<TAnalyzer, TFixer> WithEditorConfig(params (string Key, string Value)[] entries)
    {
        TestState.AnalyzerConfigFiles.Add(TestSetup.EditorConfig(entries));
        return this;
    }
}
