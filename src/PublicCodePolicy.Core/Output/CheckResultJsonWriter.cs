// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Output;

/// <summary>
/// Writes a <see cref="CheckResult"/> as the documented, stable JSON of <c>publiccode check --format json</c>
/// (schema: <c>docs/schemas/check-result.schema.json</c>). Paths are written relative to the checked folder with
/// forward slashes, so the output is the same on every machine.
/// </summary>
public static class CheckResultJsonWriter
{
    /// <summary>Version of the JSON format; raised only for incompatible changes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the result to a stream (UTF-8, indented, LF line ends).</summary>
    public static void Write(CheckResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var baseDir = File.Exists(result.RootPath) ? Path.GetDirectoryName(result.RootPath)! : result.RootPath;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "PublicCodePolicy");
        w.WriteString("version", result.ToolVersion);
        w.WriteEndObject();
        w.WriteString("licenseListVersion", result.LicenseListVersion);
        w.WriteString("root", Path.GetFileName(result.RootPath.TrimEnd(Path.DirectorySeparatorChar)));
        w.WriteStartObject("policy");
        w.WriteString("preset", result.Policy.Preset.ToName());
        w.WriteStringOrNull("file", result.Policy.SourcePath == null ? null : Relative(baseDir, result.Policy.SourcePath));
        w.WriteStartArray("enforcedScopes");
        foreach (var s in result.Policy.EnforcedScopes.OrderBy(s => s)) w.WriteStringValue(s.ToName());
        w.WriteEndArray();
        w.WriteString("unknownLicenses", result.Policy.FailOnUnknown ? "fail" : "warn");
        w.WriteEndObject();
        w.WriteBoolean("passed", result.Passed);
        var summary = result.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("projects", summary.Projects);
        w.WriteNumber("packages", summary.Packages);
        w.WriteNumber("allowed", summary.Allowed);
        w.WriteNumber("denied", summary.Denied);
        w.WriteNumber("unknown", summary.Unknown);
        w.WriteNumber("excepted", summary.Excepted);
        w.WriteNumber("enforcedFindings", summary.EnforcedFindings);
        w.WriteEndObject();
        w.WriteStartArray("projects");
        foreach (var p in result.Projects)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("path", Relative(baseDir, p.ProjectPath));
            w.WriteBoolean("restored", p.Loaded);
            w.WriteBoolean("isTestProject", p.IsTestProject);
            w.WriteStringOrNull("version", p.Version);
            w.WriteStringArray("targetFrameworks", p.TargetFrameworks);
            w.WriteStringArray("projectReferences", p.ProjectReferences.Select(r => Relative(baseDir, r)));
            w.WriteStartArray("packages");
            foreach (var pkg in p.Packages) WritePackage(w, pkg);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in result.Findings) WriteFinding(w, f, baseDir);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the result to a string.</summary>
    public static string WriteToString(CheckResult result)
    {
        using var ms = new MemoryStream();
        Write(result, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WritePackage(Utf8JsonWriter w, PackageResult pkg)
    {
        w.WriteStartObject();
        w.WriteString("id", pkg.Id);
        w.WriteString("version", pkg.Version);
        w.WriteString("scope", pkg.Scope.ToName());
        w.WriteBoolean("direct", pkg.IsDirect);
        w.WriteString("license", pkg.License.Concluded.ToString());
        w.WriteStringOrNull("declaredLicense", pkg.License.Declared);
        w.WriteString("licenseSource", SourceName(pkg.License.Source));
        w.WriteStringOrNull("licenseEvidence", pkg.License.Evidence);
        w.WriteNumber("licenseConfidence", Math.Round(pkg.License.Confidence, 3));
        w.WriteStringOrNull("licenseNote", pkg.License.Note);
        w.WriteString("verdict", pkg.Verdict.ToName());
        w.WriteString("reason", pkg.Reason);
        if (pkg.AppliedException is { } ex)
        {
            w.WriteStartObject("exception");
            w.WriteString("justification", ex.Justification);
            w.WriteStringOrNull("approvedBy", ex.ApprovedBy);
            w.WriteStringOrNull("expires", ex.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("exception");
        }
        w.WriteStringArray("paths", pkg.Paths);
        w.WriteStringArray("frameworks", pkg.Frameworks);
        w.WriteStringArray("dependencies", pkg.Dependencies);
        w.WriteStringOrNull("sha512", pkg.Sha512);
        w.WriteStringOrNull("authors", pkg.Metadata?.Authors);
        w.WriteStringOrNull("copyright", pkg.Metadata?.Copyright);
        w.WriteStringOrNull("projectUrl", pkg.Metadata?.ProjectUrl);
        w.WriteStringOrNull("repositoryUrl", pkg.Metadata?.Repository?.Url);
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f, string baseDir)
    {
        w.WriteStartObject();
        w.WriteString("id", f.RuleId);
        w.WriteString("severity", f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "info" });
        w.WriteBoolean("enforced", f.IsEnforced);
        w.WriteString("message", f.Message);
        w.WriteStringOrNull("project", f.ProjectPath == null ? null : Relative(baseDir, f.ProjectPath));
        w.WriteStringOrNull("package", f.PackageId);
        w.WriteStringOrNull("packageVersion", f.PackageVersion);
        w.WriteStringArray("paths", f.Paths);
        w.WriteStringOrNull("remedy", f.Remedy);
        w.WriteStringOrNull("helpUri", string.IsNullOrEmpty(f.HelpUri) ? null : f.HelpUri);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a licence source.</summary>
    public static string SourceName(Licensing.LicenseSource source) => source switch
    {
        Licensing.LicenseSource.Expression => "expression",
        Licensing.LicenseSource.File => "file",
        Licensing.LicenseSource.PackageFile => "package-file",
        Licensing.LicenseSource.Url => "url",
        Licensing.LicenseSource.Curation => "curation",
        _ => "none",
    };

    /// <summary>A path relative to <paramref name="baseDir"/> with forward slashes.</summary>
    public static string Relative(string baseDir, string path)
    {
        var rel = Path.GetRelativePath(baseDir, path);
        return rel.Replace('\\', '/');
    }
}
