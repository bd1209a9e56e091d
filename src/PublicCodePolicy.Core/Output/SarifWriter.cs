// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Output;

/// <summary>
/// Writes findings as SARIF 2.1.0, so that GitHub code scanning and GitLab show them on the project files.
/// Locations are relative to <c>%SRCROOT%</c> (the repository root when the checked folder is in a git
/// repository, else the checked folder), so the file holds no machine path and is the same on every machine.
/// </summary>
public static class SarifWriter
{
    /// <summary>Writes the result as SARIF to a stream.</summary>
    public static void Write(CheckResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var srcRoot = SourceRoot(result.RootPath);
        var findings = result.Findings.Where(f => f.Severity != FindingSeverity.Info || f.RuleId == RuleCatalog.ExceptedDependency.Id).ToArray();
        var ruleIds = findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var ruleIndex = ruleIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "PublicCodePolicy");
        w.WriteString("informationUri", "https://github.com/publiccodepolicy/publiccodepolicy");
        w.WriteString("semanticVersion", result.ToolVersion);
        w.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            var d = RuleCatalog.Find(id);
            w.WriteStartObject();
            w.WriteString("id", id);
            if (d != null)
            {
                w.WriteString("name", PascalCase(d.Title));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", d.Title + ".");
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", d.Title + ". See " + d.HelpUri + " for the cause, the fix and how to record a justified exception.");
                w.WriteEndObject();
                w.WriteString("helpUri", d.HelpUri);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(d.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteStartArray("tags");
                w.WriteStringValue("licensing");
                w.WriteStringValue(d.Category.ToString().ToLowerInvariant());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject("shortDescription");
                w.WriteString("text", "Custom policy rule " + id + ".");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", !result.HasInputErrors);
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("results");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteNumber("ruleIndex", ruleIndex[f.RuleId]);
            w.WriteString("level", f.IsEnforced ? "error" : f.Severity == FindingSeverity.Info ? "note" : "warning");
            w.WriteStartObject("message");
            var text = f.Message;
            if (f.Paths.Count > 0) text += " Path: " + f.Paths[0] + ".";
            if (f.Remedy != null) text += " Fix: " + f.Remedy;
            w.WriteString("text", text);
            w.WriteEndObject();
            var location = f.ProjectPath ?? result.Policy.SourcePath;
            if (location != null)
            {
                // The line of the reference that brings the package in, when the engine found it; else the file's top.
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", SourceUri(srcRoot, f.Location?.Path ?? location));
                w.WriteString("uriBaseId", "%SRCROOT%");
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", f.Location?.Line ?? 1);
                if (f.Location != null) w.WriteNumber("startColumn", f.Location.Column);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
            }
            // A stable identity for code scanning, so a finding is tracked across runs rather than re-opened.
            w.WriteStartObject("partialFingerprints");
            w.WriteString("publicCodePolicy/v1", string.Join("|", f.RuleId, f.PackageId ?? string.Empty, f.PackageVersion ?? string.Empty, location == null ? string.Empty : CheckResultJsonWriter.Relative(srcRoot, location)));
            w.WriteEndObject();
            if (f.PackageId != null)
            {
                w.WriteStartObject("properties");
                w.WriteString("package", f.PackageId);
                if (f.PackageVersion != null) w.WriteString("packageVersion", f.PackageVersion);
                w.WriteStartArray("dependencyPaths");
                foreach (var p in f.Paths) w.WriteStringValue(p);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A path relative to the source root, as a URI reference with only its segments escaped.</summary>
    internal static string SourceUri(string srcRoot, string path)
        => Uri.EscapeDataString(CheckResultJsonWriter.Relative(srcRoot, path)).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>
    /// The folder every CI format's paths are relative to: the repository root above <paramref name="checkedPath"/>
    /// (a folder or a file), else the checked folder itself.
    /// </summary>
    public static string SourceRoot(string checkedPath)
    {
        var checkedDir = File.Exists(checkedPath) ? Path.GetDirectoryName(checkedPath)! : checkedPath;
        return FindRepositoryRoot(checkedDir) ?? checkedDir;
    }

    private static string Level(FindingSeverity s) => s switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "note" };

    private static string PascalCase(string title)
        => string.Concat(title.Split(new[] { ' ', '-', '(', ')', ',', ';', '.', '\'' }, StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static string? FindRepositoryRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        }
        return null;
    }
}
