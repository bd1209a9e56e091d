// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PublicCodePolicy.Analyzers.Rules;
using PublicCodePolicy.Analyzers.Tests.Infrastructure;

namespace PublicCodePolicy.Analyzers.Tests.Rules;

public sealed class DependencyFindingsAnalyzerTests
{
    private const string FindingsPath = "/0/obj/Debug/net10.0/PublicCodePolicy.findings.json";
    private const string ReportInIde = "build_property.PublicCodePolicyReportInIde";

    private const string TwoFindings = """
        {"version":1,"findings":[
        {"id":"PCP0001","severity":"error","message":"Licence GPL-3.0-only not allowed","package":"Foo","packageVersion":"1.0.0"},
        {"id":"PCP0002","severity":"info","message":"Licence unknown"}
        ]}
        """;

    private static PcpAnalyzerTest<DependencyFindingsAnalyzer> Test(string? reportInIde, params (string Path, string Content)[] files)
    {
        var test = new PcpAnalyzerTest<DependencyFindingsAnalyzer>();
        if (reportInIde != null) test.WithGlobalConfig((ReportInIde, reportInIde));
        foreach (var file in files) test.TestState.AdditionalFiles.Add(file);
        return test;
    }

    private static DiagnosticResult Finding(string path, int line, int column, int endColumn, DiagnosticSeverity severity, string id, string message, string package)
        => new DiagnosticResult(DependencyFindingsAnalyzer.FindingRule).WithSeverity(severity).WithSpan(path, line, column, line, endColumn).WithArguments(id, message, package);

    private static DiagnosticResult Unreadable(string path, int line, int column, int endColumn, string reason)
        => new DiagnosticResult(DependencyFindingsAnalyzer.UnreadableRule).WithSpan(path, line, column, line, endColumn).WithArguments("PublicCodePolicy.findings.json", reason);

    [Fact]
    public async Task ReportInIdeTrue_EachFindingReportedAtItsEntry()
    {
        await Test("true", (FindingsPath, TwoFindings))
            .Expect(
                Finding(FindingsPath, 2, 1, 122, DiagnosticSeverity.Error, "PCP0001", "Licence GPL-3.0-only not allowed", " (Foo 1.0.0)"),
                Finding(FindingsPath, 3, 1, 63, DiagnosticSeverity.Info, "PCP0002", "Licence unknown", string.Empty))
            .RunAsync();
    }

    [Fact]
    public async Task ReportInIdeTrue_MessageStartsWithTheFindingId()
    {
        await Test("True", (FindingsPath, """{"version":1,"findings":[{"id":"PCP0003","severity":"warning","message":"Exception expired","package":"Bar"}]}"""))
            .Expect(new DiagnosticResult(DependencyFindingsAnalyzer.FindingRule).WithSpan(FindingsPath, 1, 26, 1, 109)
                .WithMessage("PCP0003: Exception expired (Bar)"))
            .RunAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    public async Task ReportInIdeNotTrue_NothingReported(string? reportInIde)
    {
        await Test(reportInIde, (FindingsPath, TwoFindings)).RunAsync();
    }

    [Fact]
    public async Task OtherAdditionalFiles_Ignored()
    {
        await Test("true", ("/0/findings.json", TwoFindings), ("/0/PublicCodePolicy.findings.json.bak", TwoFindings)).RunAsync();
    }

    [Fact]
    public async Task MalformedJson_ReportedOnceWithPosition()
    {
        await Test("true", (FindingsPath, """{"version":1,"findings":[{"id":"PCP0001" "message":"x"}]}"""))
            .Expect(Unreadable(FindingsPath, 1, 42, 42, "invalid JSON (',' or '}' was expected)"))
            .RunAsync();
    }

    [Fact]
    public async Task TruncatedJson_ReportedAtEnd()
    {
        await Test("true", (FindingsPath, """{"version":1,"findings":[{"id":"PCP0001","""))
            .Expect(Unreadable(FindingsPath, 1, 42, 42, "invalid JSON (a property name in double quotes was expected)"))
            .RunAsync();
    }

    [Fact]
    public async Task UnsupportedVersion_Reported()
    {
        await Test("true", (FindingsPath, """{"version":2,"findings":[]}"""))
            .Expect(Unreadable(FindingsPath, 1, 12, 13, "version '2' is not supported (expected 1)"))
            .RunAsync();
    }

    [Fact]
    public async Task NotAnObject_Reported()
    {
        await Test("true", (FindingsPath, "[1,2]"))
            .Expect(Unreadable(FindingsPath, 1, 1, 6, "the document is not a JSON object"))
            .RunAsync();
    }

    [Fact]
    public async Task BadEntry_ReportedAndOtherEntriesKept()
    {
        await Test("true", (FindingsPath, """
            {"version":1,"findings":[
            {"id":"PCP0001; rm -rf","message":"x"},
            {"id":"PCP0004","message":"Unused exception","severity":"critical"},
            "text"
            ]}
            """))
            .Expect(
                Finding(FindingsPath, 3, 1, 68, DiagnosticSeverity.Warning, "PCP0004", "Unused exception", string.Empty),
                Unreadable(FindingsPath, 2, 1, 39, "a finding needs an 'id' (PCP and four digits) and a 'message'"),
                Unreadable(FindingsPath, 4, 1, 7, "a finding needs an 'id' (PCP and four digits) and a 'message'"))
            .RunAsync();
    }

    [Fact]
    public async Task EmptyFindings_NothingReported()
    {
        await Test("true", (FindingsPath, """{"version":1,"findings":[],"tool":{"name":"pcp"}}""")).RunAsync();
    }

    [Fact]
    public async Task TwoProjectsFindings_BothReported()
    {
        const string other = "/0/obj/Release/net10.0/PublicCodePolicy.findings.json";
        await Test("true", (other, """{"version":1,"findings":[{"id":"PCP0002","message":"B"}]}"""), (FindingsPath, """{"version":1,"findings":[{"id":"PCP0001","message":"A"}]}"""))
            .Expect(
                Finding(FindingsPath, 1, 26, 56, DiagnosticSeverity.Warning, "PCP0001", "A", string.Empty),
                Finding(other, 1, 26, 56, DiagnosticSeverity.Warning, "PCP0002", "B", string.Empty))
            .RunAsync();
    }

    [Fact]
    public async Task SeverityNone_Silences()
    {
        // The diagnostics are in a JSON file: severities come from a global config, not from an [*.cs] section.
        var test = new PcpAnalyzerTest<DependencyFindingsAnalyzer>().WithGlobalConfig((ReportInIde, "true"), ("dotnet_diagnostic.PCP0104.severity", "none"));
        test.TestState.AdditionalFiles.Add((FindingsPath, TwoFindings));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeverityOption_OverridesTheFindingsSeverity()
    {
        var test = new PcpAnalyzerTest<DependencyFindingsAnalyzer>().WithGlobalConfig((ReportInIde, "true"), ("dotnet_diagnostic.PCP0104.severity", "error"));
        test.TestState.AdditionalFiles.Add((FindingsPath, TwoFindings));
        test.Expect(
            Finding(FindingsPath, 2, 1, 122, DiagnosticSeverity.Error, "PCP0001", "Licence GPL-3.0-only not allowed", " (Foo 1.0.0)"),
            Finding(FindingsPath, 3, 1, 63, DiagnosticSeverity.Error, "PCP0002", "Licence unknown", string.Empty));
        await test.RunAsync();
    }
}
