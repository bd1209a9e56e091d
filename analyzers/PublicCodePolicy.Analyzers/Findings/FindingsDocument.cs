// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PublicCodePolicy.Analyzers.Findings;

/// <summary>One finding of the MSBuild task, with the span of its JSON object in the findings file.</summary>
internal sealed class DependencyFinding
{
    public DependencyFinding(string id, DiagnosticSeverity severity, string message, string? package, string? packageVersion, TextSpan span)
    {
        Id = id;
        Severity = severity;
        Message = message;
        Package = package;
        PackageVersion = packageVersion;
        Span = span;
    }

    public string Id { get; }

    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    public string? Package { get; }

    public string? PackageVersion { get; }

    public TextSpan Span { get; }
}

/// <summary>A part of the findings file that could not be used, with where it is.</summary>
internal sealed class FindingsProblem
{
    public FindingsProblem(LocalizableString message, TextSpan span)
    {
        Message = message;
        Span = span;
    }

    public LocalizableString Message { get; }

    public TextSpan Span { get; }
}

/// <summary>
/// Reads <c>PublicCodePolicy.findings.json</c>, written by the MSBuild task:
/// <c>{"version":1,"findings":[{"id":"PCP0001","severity":"error|warning|info","message":"…","package":"Id","packageVersion":"1.0.0"}]}</c>.
/// Unknown properties are ignored so that the task can add some without breaking older analyzers.
/// </summary>
internal static class FindingsDocument
{
    public const string FileName = "PublicCodePolicy.findings.json";

    public const int SupportedVersion = 1;

    /// <summary>Reads the findings; problems (malformed JSON, bad entries) are returned, never thrown.</summary>
    public static List<DependencyFinding> Read(string text, List<FindingsProblem> problems)
    {
        var findings = new List<DependencyFinding>();
        if (!JsonReader.TryParse(text, out var root, out var error, out var errorPosition))
        {
            problems.Add(new FindingsProblem(AnalyzerResources.Localizable("Findings_InvalidJson", error), Point(text, errorPosition)));
            return findings;
        }
        if (root is not JsonObject document)
        {
            problems.Add(new FindingsProblem(AnalyzerResources.Localizable("Findings_NotAnObject"), Span(root!)));
            return findings;
        }
        var version = document.Get("version");
        if (version is not JsonNumber number || !number.TryGetInt32(out int v) || v != SupportedVersion)
        {
            var shown = version is JsonNumber n ? n.Text : version is JsonString s ? s.Value : "?";
            problems.Add(new FindingsProblem(AnalyzerResources.Localizable("Findings_UnsupportedVersion", shown, SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)), Span(version ?? document)));
            return findings;
        }
        var list = document.Get("findings");
        if (list is not JsonArray array)
        {
            problems.Add(new FindingsProblem(AnalyzerResources.Localizable("Findings_NoFindingsArray"), Span(list ?? document)));
            return findings;
        }
        foreach (var item in array.Items)
        {
            var finding = item as JsonObject;
            var id = finding?.GetString("id");
            var message = finding?.GetString("message");
            if (finding == null || !IsRuleId(id) || string.IsNullOrWhiteSpace(message))
            {
                problems.Add(new FindingsProblem(AnalyzerResources.Localizable("Findings_BadEntry"), Span(item)));
                continue;
            }
            findings.Add(new DependencyFinding(
                id!,
                ToSeverity(finding.GetString("severity")),
                message!.Trim(),
                NullIfBlank(finding.GetString("package")),
                NullIfBlank(finding.GetString("packageVersion")),
                Span(finding)));
        }
        return findings;
    }

    // "PCP" and four digits: the finding's id goes into the message, so it must not carry arbitrary text.
    private static bool IsRuleId(string? id)
    {
        if (id == null || id.Length != 7 || !id.StartsWith("PCP", StringComparison.Ordinal)) return false;
        for (int i = 3; i < 7; i++)
        {
            if (id[i] < '0' || id[i] > '9') return false;
        }
        return true;
    }

    // Unknown severities become warnings: a newer task must not make findings disappear.
    private static DiagnosticSeverity ToSeverity(string? severity)
    {
        switch (severity?.Trim().ToLowerInvariant())
        {
            case "error": return DiagnosticSeverity.Error;
            case "info": return DiagnosticSeverity.Info;
            default: return DiagnosticSeverity.Warning;
        }
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s!.Trim();

    private static TextSpan Span(JsonNode node) => TextSpan.FromBounds(node.Start, node.End);

    private static TextSpan Point(string text, int position) => new TextSpan(Math.Max(0, Math.Min(position, text.Length)), 0);
}
