// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom;

/// <summary>
/// Writes CycloneDX JSON (1.6 or 1.7) from a check result. The output is byte-reproducible: no clock unless
/// <see cref="SbomOptions.Timestamp"/> is set, a serial number derived from the content, ordinal ordering throughout.
/// See <c>docs/sbom.md</c> for what each field carries.
/// </summary>
public sealed class CycloneDxWriter
{
    /// <summary>Prefix of the properties PublicCodePolicy adds (CycloneDX property taxonomy: a namespace per tool).</summary>
    public const string PropertyPrefix = "publiccodepolicy:";

    private readonly SbomOptions _options;

    /// <summary>Creates a writer.</summary>
    /// <param name="specVersion">CycloneDX version (default 1.6).</param>
    /// <param name="options">Options; null for the defaults.</param>
    public CycloneDxWriter(CycloneDxSpecVersion specVersion = CycloneDxSpecVersion.V1_6, SbomOptions? options = null)
    {
        SpecVersion = specVersion;
        _options = options ?? new SbomOptions();
    }

    /// <summary>The CycloneDX version written.</summary>
    public CycloneDxSpecVersion SpecVersion { get; }

    private string SpecText => SpecVersion == CycloneDxSpecVersion.V1_7 ? "1.7" : "1.6";

    /// <summary>Writes the SBOM of one project: the project as <c>metadata.component</c>, its restored packages and graph.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The project was not loaded (never restored).</exception>
    public SbomDocument WriteProject(CheckResult result, ProjectResult project, SbomSubject subject)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(subject);
        if (!project.Loaded) throw new ArgumentException("Project '" + project.Name + "' has no restore output; restore it first.", nameof(project));
        return Write(result, SbomGraph.ForProject(result, project, subject));
    }

    /// <summary>Writes the SBOM of a solution: each non-test project is a deliverable with its own dependency subtree.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SbomDocument WriteSolution(CheckResult result, SbomSubject subject)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(subject);
        return Write(result, SbomGraph.ForSolution(result, subject, _options.Projects));
    }

    private SbomDocument Write(CheckResult result, SbomGraph graph)
    {
        // The serial number names the content: hash the document written without it, then write it with it.
        var draft = SbomJson.WriteDraft(w => WriteBom(w, result, graph, serialNumber: null));
        var serial = "urn:uuid:" + NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.SbomNamespace, draft));
        // The serial number follows specVersion: inserted into the draft, the bytes are those of writing it in place,
        // without writing the whole document a second time.
        var at = SbomJson.EndOfStringProperty(draft, "specVersion", SpecText);
        var insert = System.Text.Encoding.UTF8.GetBytes(",\n  \"serialNumber\": \"" + serial + "\"");
        var content = new byte[draft.Length + insert.Length];
        draft[..at].CopyTo(content);
        insert.CopyTo(content.AsSpan(at));
        draft[at..].CopyTo(content.AsSpan(at + insert.Length));
        return new SbomDocument(content, serial, SbomRules.Check(graph));
    }

    private void WriteBom(Utf8JsonWriter w, CheckResult result, SbomGraph graph, string? serialNumber)
    {
        w.WriteStartObject();
        w.WriteString("$schema", "http://cyclonedx.org/schema/bom-" + SpecText + ".schema.json");
        w.WriteString("bomFormat", "CycloneDX");
        w.WriteString("specVersion", SpecText);
        if (serialNumber != null) w.WriteString("serialNumber", serialNumber);
        w.WriteNumber("version", 1);

        w.WriteStartObject("metadata");
        if (_options.Timestamp is { } timestamp) w.WriteString("timestamp", SbomJson.Timestamp(timestamp));
        w.WriteStartArray("lifecycles");
        w.WriteStartObject();
        w.WriteString("phase", "build");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("tools");
        w.WriteStartArray("components");
        WriteTool(w, result);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("component");
        WriteComponent(w, graph.Root);
        WriteProperties(w, new[] { (PropertyPrefix + "licenseListVersion", result.LicenseListVersion) });
        w.WriteEndObject();

        SbomJson.WriteElementArray(w, "components", graph.Components, node => SbomFragmentCache.KeyOf("cdx-" + SpecText, node, null), (writer, node) =>
        {
            WriteComponent(writer, node);
            return null;
        }, static _ => { }, _options.Fragments);

        w.WriteStartArray("dependencies");
        foreach (var node in new[] { graph.Root }.Concat(graph.Components))
        {
            w.WriteStartObject();
            w.WriteString("ref", node.Ref);
            w.WriteStartArray("dependsOn");
            foreach (var target in node.DependsOn) w.WriteStringValue(target);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteTool(Utf8JsonWriter w, CheckResult result)
    {
        w.WriteStartObject();
        w.WriteString("type", "application");
        w.WriteString("publisher", "PublicCodePolicy contributors");
        w.WriteString("name", "PublicCodePolicy");
        w.WriteString("version", _options.ToolVersion ?? result.ToolVersion);
        WriteLicenses(w, new[] { (SbomLicenses.Parse("EUPL-1.2"), (string?)null) }, null);
        w.WriteStartArray("externalReferences");
        w.WriteStartObject();
        w.WriteString("type", "vcs");
        w.WriteString("url", "https://github.com/publiccodepolicy/publiccodepolicy");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteComponent(Utf8JsonWriter w, SbomNode node)
    {
        var package = node.Package;
        var metadata = package?.Metadata;
        var subject = node.Subject;
        w.WriteStartObject();
        w.WriteString("type", ComponentType(node));
        w.WriteString("bom-ref", node.Ref);
        // NuGet "owners" are gallery account names, not suppliers: only the described software's own supplier is written.
        var supplier = subject?.Supplier;
        if (!string.IsNullOrWhiteSpace(supplier))
        {
            w.WriteStartObject("supplier");
            w.WriteString("name", supplier);
            w.WriteEndObject();
        }
        var authors = SbomJson.SplitAuthors(metadata?.Authors);
        if (authors.Count > 0)
        {
            w.WriteStartArray("authors");
            foreach (var author in authors)
            {
                w.WriteStartObject();
                w.WriteString("name", author);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("name", node.Name);
        w.WriteOptional("version", node.Version);
        w.WriteOptional("description", subject?.Description ?? metadata?.Description);
        if (node.Scope is { } scope) w.WriteString("scope", scope == DependencyScope.Runtime ? "required" : "excluded");
        if (SbomRules.HexSha512(package?.Sha512) is { } sha512)
        {
            w.WriteStartArray("hashes");
            w.WriteStartObject();
            w.WriteString("alg", "SHA-512");
            w.WriteString("content", sha512);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        var properties = new List<(string Name, string Value)>();
        if (package != null)
        {
            var license = package.License;
            var concluded = license.Concluded;
            var declared = SbomLicenses.Declared(package);
            var url = license.Source is LicenseSource.Url or LicenseSource.Curation && SbomLicenses.IsWebUrl(license.Evidence) ? license.Evidence : null;
            var entries = new List<(SpdxExpression Expression, string? Acknowledgement)>();
            if (!SbomLicenses.IsSpecial(concluded)) entries.Add((concluded, "concluded"));
            else properties.Add((PropertyPrefix + "license:concluded", concluded.ToString()));
            if (!SbomLicenses.IsSpecial(declared) && !declared.Equals(concluded))
            {
                // CycloneDX 1.6 allows a list of licences or exactly one expression, never both: the declared licence
                // then stays in a property rather than making the document invalid.
                bool fits = SpecVersion != CycloneDxSpecVersion.V1_6 || entries.Count == 0 || (IsLicenseObject(declared) && IsLicenseObject(concluded));
                if (fits) entries.Add((declared, "declared"));
                else properties.Add((PropertyPrefix + "license:declared-expression", declared.ToString()));
            }
            WriteLicenses(w, entries, url);
            w.WriteOptional("copyright", metadata?.Copyright);
            w.WriteString("purl", PackageUrl.ForNuGet(package.Id, package.Version));

            properties.Add((PropertyPrefix + "license:source", SbomLicenses.SourceName(license.Source)));
            properties.Add((PropertyPrefix + "license:confidence", SbomLicenses.Confidence(license.Confidence)));
            if (SbomLicenses.Portable(license.Declared) is { } declaredText && !string.Equals(declaredText, license.Evidence, StringComparison.Ordinal)) properties.Add((PropertyPrefix + "license:declared", declaredText));
            if (SbomLicenses.Portable(license.Evidence) is { } evidence) properties.Add((PropertyPrefix + "license:evidence", evidence));
            if (SbomLicenses.Portable(license.Note) is { } note) properties.Add((PropertyPrefix + "license:note", note));
            if (license.Page is { } page)
            {
                // Online mode: which bytes the conclusion rests on, so that a reviewer can fetch and compare them.
                properties.Add((PropertyPrefix + "license:page-url", page.Url));
                properties.Add((PropertyPrefix + "license:page-retrieved", page.RetrievedAtText));
                properties.Add((PropertyPrefix + "license:page-sha256", page.Sha256));
                properties.Add((PropertyPrefix + "license:page-immutable", page.IsImmutable ? "true" : "false"));
            }
            if (node.Scope is { } s) properties.Add((PropertyPrefix + "scope", s.ToName()));
        }
        else
        {
            if (subject?.License != null)
            {
                var own = SbomLicenses.Parse(subject.License);
                if (!SbomLicenses.IsSpecial(own)) WriteLicenses(w, new[] { (own, (string?)"declared") }, null);
            }
            w.WriteOptional("purl", subject?.Purl);
        }
        foreach (var framework in node.Frameworks) properties.Add((PropertyPrefix + "framework", framework));
        if (node.Deliverable != null) properties.Add((PropertyPrefix + "deliverable", node.Deliverable));

        var references = new List<(string Type, string Url)>();
        if (SbomLicenses.IsWebUrl(metadata?.ProjectUrl)) references.Add(("website", metadata!.ProjectUrl!));
        if (SbomLicenses.IsWebUrl(metadata?.Repository?.Url)) references.Add(("vcs", metadata!.Repository!.Url!));
        if (SbomLicenses.IsWebUrl(subject?.RepositoryUrl)) references.Add(("vcs", subject!.RepositoryUrl!));
        if (references.Count > 0)
        {
            w.WriteStartArray("externalReferences");
            foreach (var (type, url) in references.Distinct().OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Url, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("type", type);
                w.WriteString("url", url);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteProperties(w, properties);
        w.WriteEndObject();
    }

    private static string ComponentType(SbomNode node) => node.Kind switch
    {
        SbomNodeKind.Package => "library",
        _ when node.Subject != null => node.Subject.Type == SbomComponentType.Library ? "library" : "application",
        // A deliverable without facts is taken as an application; a project the described one references is linked into it.
        _ when node.Kind == SbomNodeKind.Root || node.IsDeliverable => "application",
        _ => "library",
    };

    private static bool IsLicenseObject(SpdxExpression e) => e is SpdxLicense { OrLater: false } or SpdxLicenseRef { DocumentRef: null };

    /// <summary>Writes a <c>licenses</c> array (a CycloneDX license choice); nothing when there are no entries.</summary>
    internal static void WriteLicenses(Utf8JsonWriter w, IReadOnlyList<(SpdxExpression Expression, string? Acknowledgement)> entries, string? url)
    {
        if (entries.Count == 0) return;
        w.WriteStartArray("licenses");
        foreach (var (expression, acknowledgement) in entries)
        {
            w.WriteStartObject();
            switch (expression)
            {
                // A single listed identifier: license.id (validated against the SPDX list the schema embeds).
                case SpdxLicense { OrLater: false, IsListed: true } listed:
                    WriteLicense("id", listed.Id);
                    break;
                // An unlisted identifier or a LicenseRef-: license.name (the id enum would reject it).
                case SpdxLicense { OrLater: false } unlisted:
                    WriteLicense("name", unlisted.Id);
                    break;
                case SpdxLicenseRef { DocumentRef: null } reference:
                    WriteLicense("name", reference.LicenseRef);
                    break;
                // Compound, WITH, or-later: the expression, never split into leaves (AND/OR would be lost).
                default:
                    w.WriteString("expression", expression.ToString());
                    w.WriteOptional("acknowledgement", acknowledgement);
                    break;
            }
            w.WriteEndObject();
            url = null;

            // A single licence is an object whose identifying key is "id" or "name"; the rest is the same.
            void WriteLicense(string key, string value)
            {
                w.WriteStartObject("license");
                w.WriteString(key, value);
                w.WriteOptional("acknowledgement", acknowledgement);
                w.WriteOptional("url", url);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }

    private static void WriteProperties(Utf8JsonWriter w, IEnumerable<(string Name, string Value)> properties)
    {
        var sorted = properties.Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0) return;
        w.WriteStartArray("properties");
        foreach (var (name, value) in sorted)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("value", value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
