// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Output;

/// <summary>
/// Writes findings as a GitLab Code Quality report (<c>artifacts:reports:codequality</c>), which GitLab shows in the
/// merge request widget and on the changed lines: a JSON array of issues with <c>description</c>, <c>check_name</c>,
/// <c>fingerprint</c>, <c>severity</c> and <c>location.path</c> / <c>location.lines.begin</c>, paths relative to the
/// repository root. The fingerprint is the same on every run and machine for the same finding, so GitLab tells new
/// findings from old ones.
/// </summary>
public static class CodeQualityWriter
{
    /// <summary>Writes the report to a stream.</summary>
    public static void Write(CheckResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var srcRoot = SarifWriter.SourceRoot(result.RootPath);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var f in Shown(result))
        {
            var file = f.Location?.Path ?? f.ProjectPath ?? result.Policy.SourcePath ?? result.RootPath;
            var path = CheckResultJsonWriter.Relative(srcRoot, file);
            var key = FingerprintKey(srcRoot, f);
            // Two findings with the same identity (rare: two expired exceptions for one package) stay two issues.
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
            if (seen[key] > 1) key += "#" + seen[key].ToString(CultureInfo.InvariantCulture);

            w.WriteStartObject();
            w.WriteString("description", Text(f));
            w.WriteString("check_name", f.RuleId);
            w.WriteString("fingerprint", Fingerprint(key));
            w.WriteString("severity", Severity(f));
            w.WriteStartObject("location");
            w.WriteString("path", path);
            w.WriteStartObject("lines");
            w.WriteNumber("begin", f.Location?.Line ?? 1);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The findings every CI format shows: warnings and errors, and the exceptions applied (so they stay visible).</summary>
    internal static IEnumerable<Finding> Shown(CheckResult result)
        => result.Findings.Where(f => f.Severity != FindingSeverity.Info || f.RuleId == RuleCatalog.ExceptedDependency.Id);

    /// <summary>
    /// GitLab's severities: <c>blocker</c> for a tool or configuration error that stops the check, <c>critical</c> for a
    /// finding that fails the policy, <c>major</c> for an error outside the enforced scopes, <c>minor</c> for a warning,
    /// <c>info</c> for the rest.
    /// </summary>
    internal static string Severity(Finding f)
    {
        if (f.IsEnforced) return RuleCatalog.CategoryOf(f.RuleId) == RuleCategory.Configuration ? "blocker" : "critical";
        return f.Severity switch { FindingSeverity.Error => "major", FindingSeverity.Warning => "minor", _ => "info" };
    }

    /// <summary>The message with the first dependency path and the fix, as one line of text.</summary>
    internal static string Text(Finding f)
    {
        var text = f.RuleId + ": " + f.Message;
        if (f.Paths.Count > 0) text += " Path: " + f.Paths[0] + ".";
        if (f.Remedy != null) text += " Fix: " + f.Remedy;
        return text;
    }

    // What identifies a finding across runs: never the message (it may hold machine paths) nor the line (it moves
    // when the project file is edited).
    private static string FingerprintKey(string srcRoot, Finding f)
        => string.Join("|", f.RuleId, f.PackageId ?? string.Empty, f.PackageVersion ?? string.Empty, f.ProjectPath == null ? string.Empty : CheckResultJsonWriter.Relative(srcRoot, f.ProjectPath));

    private static string Fingerprint(string key)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16).ToLowerInvariant();
}
