// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

using PublicCodePolicy.Output;

namespace PublicCodePolicy.Report;

/// <summary>
/// Writes the report as JSON for machines (schema: <c>docs/schemas/compliance-report.schema.json</c>). The JSON is
/// language-neutral (codes, not sentences), so the French and English reports share it byte for byte.
/// </summary>
public static class ReportJsonWriter
{
    /// <summary>Version of the JSON format; raised only for incompatible changes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the report to a stream (UTF-8, indented, LF line ends, final newline).</summary>
    public static void Write(ComplianceReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "PublicCodePolicy");
        w.WriteString("version", report.ToolVersion);
        w.WriteEndObject();
        w.WriteStringOrNull("date", report.Date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("licenseListVersion", report.LicenseListVersion);
        w.WriteBoolean("passed", report.Passed);
        w.WriteNumber("enforcedFindings", report.EnforcedFindings);

        var s = report.Software;
        w.WriteStartObject("software");
        w.WriteString("name", s.Name);
        w.WriteString("nameSource", SourceName(s.NameSource));
        w.WriteStringOrNull("version", s.Version);
        w.WriteStringOrNull("description", s.Description);
        w.WriteStartObject("descriptions");
        foreach (var (tag, text) in s.Descriptions.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(tag, text);
        w.WriteEndObject();
        w.WriteStringOrNull("organisation", s.Organisation);
        w.WriteStringOrNull("license", s.License);
        w.WriteString("licenseSource", SourceName(s.LicenseSource));
        NullableBool(w, "licenseIsFree", s.LicenseIsFree);
        NullableBool(w, "licenseOnFrenchAdministrationList", s.LicenseOnFrenchList);
        w.WriteStringArray("otherLicenses", s.OtherLicenses);
        w.WriteStringOrNull("repositoryUrl", s.RepositoryUrl);
        w.WriteBoolean("repositoryUrlIsPublic", s.RepositoryUrlIsPublic);
        w.WriteEndObject();

        var pc = report.PublicCode;
        w.WriteStartObject("publiccode");
        w.WriteString("status", !pc.Found ? "missing" : pc.Valid ? "valid" : "invalid");
        w.WriteStringOrNull("path", pc.Path);
        w.WriteStartArray("findings");
        foreach (var f in pc.Findings)
        {
            w.WriteStartObject();
            w.WriteString("type", f.IsError ? "error" : "warning");
            w.WriteString("key", f.Key);
            w.WriteString("message", f.Message);
            w.WriteNumber("line", f.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringArray("isBasedOn", pc.IsBasedOn);
        w.WriteStringArray("usedBy", pc.UsedBy);
        w.WriteStartObject("usedByProofs");
        foreach (var (name, proof) in report.UsedByProofs.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(name, proof);
        w.WriteEndObject();
        w.WriteStartArray("fundedBy");
        foreach (var o in pc.FundedBy) Organisation(w, null, o);
        w.WriteEndArray();
        if (pc.Organisation != null) Organisation(w, "organisation", pc.Organisation);
        else w.WriteNull("organisation");
        w.WriteStringOrNull("maintenanceType", pc.MaintenanceType);
        w.WriteEndObject();

        w.WriteStartObject("totals");
        Counts(w, report.Totals);
        w.WriteEndObject();
        w.WriteStartObject("shipped");
        Counts(w, report.Shipped);
        w.WriteEndObject();
        w.WriteStartObject("notShipped");
        Counts(w, report.NotShipped);
        w.WriteEndObject();
        w.WriteStartArray("packages");
        foreach (var pkg in report.Packages)
        {
            w.WriteStartObject();
            w.WriteString("id", pkg.Id);
            w.WriteString("version", pkg.Version);
            w.WriteString("license", pkg.License);
            w.WriteString("verdict", pkg.Verdict);
            w.WriteBoolean("shipped", pkg.Shipped);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (report.Evolution is { } ev)
        {
            w.WriteStartObject("evolution");
            w.WriteStringOrNull("previousDate", ev.PreviousDate);
            if (ev.PreviousShare is { } ps) w.WriteNumber("previousShippedFreeShare", Math.Round(ps, 4));
            else w.WriteNull("previousShippedFreeShare");
            w.WriteStringArray("added", ev.Added);
            w.WriteStringArray("removed", ev.Removed);
            w.WriteStringArray("licenseChanges", ev.LicenseChanges);
            w.WriteStringArray("newlyExpiredExceptions", ev.NewlyExpired);
            w.WriteEndObject();
        }
        w.WriteStartObject("dossier");
        w.WriteBoolean("complete", report.Dossier.Complete);
        w.WriteBoolean("licenseFree", report.Dossier.LicenseFree);
        w.WriteBoolean("forgePublic", report.Dossier.ForgePublic);
        w.WriteBoolean("publiccodeValid", report.Dossier.PublicCodeValid);
        w.WriteBoolean("sbomsAttached", report.Dossier.SbomsAttached);
        w.WriteStringArray("missing", report.Dossier.Missing);
        w.WriteEndObject();

        w.WriteStartArray("deliverables");
        foreach (var d in report.Deliverables)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("path", d.Path);
            w.WriteBoolean("isTestProject", d.IsTestProject);
            w.WriteBoolean("restored", d.Restored);
            w.WriteStringOrNull("version", d.Version);
            w.WriteStringOrNull("license", d.License);
            w.WriteStartObject("all");
            Counts(w, d.All);
            w.WriteEndObject();
            w.WriteStartObject("byScope");
            foreach (var (scope, counts) in d.ByScope)
            {
                w.WriteStartObject(scope.ToName());
                Counts(w, counts);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("nonAllowed");
        foreach (var i in report.NonAllowed)
        {
            w.WriteStartObject();
            w.WriteString("project", i.Project);
            w.WriteString("id", i.Id);
            w.WriteString("version", i.Version);
            w.WriteString("scope", i.Scope.ToName());
            w.WriteBoolean("direct", i.IsDirect);
            w.WriteString("verdict", i.Verdict.ToName());
            w.WriteBoolean("enforced", i.Enforced);
            w.WriteString("license", i.License);
            w.WriteStringOrNull("declaredLicense", i.DeclaredLicense);
            w.WriteString("licenseSource", i.LicenseSource);
            w.WriteStringOrNull("evidence", i.Evidence);
            w.WriteString("reason", i.Reason);
            w.WriteStringArray("paths", i.Paths);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (report.LicenceChanges.Count > 0)
        {
            w.WriteStartArray("licenceChanges");
            foreach (var change in report.LicenceChanges)
            {
                w.WriteStartObject();
                w.WriteString("rule", change.RuleId);
                w.WriteString("package", change.Package);
                w.WriteString("version", change.Version);
                w.WriteString("message", change.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("exceptions");
        foreach (var x in report.Exceptions)
        {
            w.WriteStartObject();
            w.WriteString("package", x.Package);
            w.WriteStringOrNull("versions", x.Versions);
            w.WriteString("justification", x.Justification);
            w.WriteStringOrNull("approvedBy", x.ApprovedBy);
            w.WriteStringOrNull("expires", x.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStringArray("appliedTo", x.AppliedTo);
            w.WriteString("state", ReportHtmlWriter.StateName(x.State));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringOrNull("exceptionsJudgedOn", report.ExceptionsJudgedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        w.WriteStartArray("otherFindings");
        foreach (var f in report.OtherFindings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.RuleId);
            w.WriteStringOrNull("project", f.Project);
            w.WriteStringOrNull("package", f.Package);
            w.WriteString("message", f.Message);
            w.WriteStringOrNull("expiredOn", f.ExpiredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("sboms");
        foreach (var b in report.Sboms)
        {
            w.WriteStartObject();
            w.WriteString("file", b.FileName);
            w.WriteString("format", b.Format);
            w.WriteNumber("size", b.Size);
            w.WriteString("sha256", b.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var c = report.Contributors;
        w.WriteStartObject("contributors");
        w.WriteBoolean("gitRepository", c.IsGitRepository);
        w.WriteNumber("commits", c.Commits);
        w.WriteStartArray("organisations");
        foreach (var o in c.Organisations)
        {
            w.WriteStartObject();
            w.WriteString("domain", o.Domain);
            w.WriteNumber("commits", o.Commits);
            w.WriteStringArray("contributors", o.Contributors);
            w.WriteStringOrNull("organisation", o.Organisation);
            w.WriteBoolean("webmail", o.IsWebmail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("upstreamContributions");
        foreach (var u in report.UpstreamContributions)
        {
            w.WriteStartObject();
            w.WriteString("project", u.Project);
            w.WriteString("url", u.Url);
            w.WriteStringOrNull("description", u.Description);
            w.WriteStringOrNull("date", u.Date);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var p = report.Policy;
        w.WriteStartObject("policy");
        w.WriteString("preset", p.Preset);
        w.WriteStringOrNull("file", p.File);
        w.WriteStringArray("enforcedScopes", p.EnforcedScopes.Select(x => x.ToName()).ToArray());
        w.WriteString("unknownLicenses", p.FailOnUnknown ? "fail" : "warn");
        w.WriteStringArray("allow", p.Allow);
        w.WriteStringArray("deny", p.Deny);
        w.WriteEndObject();

        var v = report.Verification;
        w.WriteStartObject("verification");
        w.WriteBoolean("baseIsRepositoryRoot", v.BaseIsRepositoryRoot);
        w.WriteStringOrNull("commit", v.Commit);
        w.WriteString("command", v.Command);
        w.WriteNumber("expectedExitCode", v.ExpectedExitCode);
        w.WriteString("expectedSummary", v.ExpectedSummary);
        w.WriteEndObject();

        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the report to a string.</summary>
    public static string WriteToString(ComplianceReport report)
    {
        using var ms = new MemoryStream();
        Write(report, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string SourceName(FactSource source) => source switch
    {
        FactSource.PublicCodeYml => "publiccode.yml",
        FactSource.MsBuild => "msbuild",
        FactSource.FileName => "file-name",
        _ => "none",
    };

    private static void Counts(Utf8JsonWriter w, VerdictCounts c)
    {
        foreach (var v in ReportChart.Order) w.WriteNumber(v.ToName(), c.Of(v));
        w.WriteNumber("total", c.Total);
        if (c.FreeShare is { } share) w.WriteNumber("freeShare", Math.Round(share, 4));
        else w.WriteNull("freeShare");
    }

    private static void Organisation(Utf8JsonWriter w, string? name, PublicCodeOrganisationRef o)
    {
        if (name != null) w.WriteStartObject(name);
        else w.WriteStartObject();
        w.WriteStringOrNull("name", o.Name);
        w.WriteStringOrNull("uri", o.Uri);
        w.WriteEndObject();
    }

    private static void NullableBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value == null) w.WriteNull(name);
        else w.WriteBoolean(name, value.Value);
    }
}
