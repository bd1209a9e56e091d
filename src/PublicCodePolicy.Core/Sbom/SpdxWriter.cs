// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom;

/// <summary>
/// Writes SPDX 2.3 JSON from a check result. Byte-reproducible: the creation time is <see cref="SbomOptions.Timestamp"/>
/// or the Unix epoch (the field is required), and the document namespace ends in a UUID derived from the content.
/// See <c>docs/sbom.md</c> for what each field carries.
/// </summary>
public sealed class SpdxWriter
{
    private const string NoAssertion = "NOASSERTION";

    // Ordinal, as every list of the document: a tuple's default order compares strings by the current culture, which
    // the globalization mode changes (the CLI runs invariant, the build task does not), so the same input gave two files.
    private static readonly Comparer<(string Element, string Type, string Related)> s_relationshipOrder = Comparer<(string Element, string Type, string Related)>.Create((a, b) =>
    {
        int c = string.CompareOrdinal(a.Element, b.Element);
        if (c == 0) c = string.CompareOrdinal(a.Type, b.Type);
        return c != 0 ? c : string.CompareOrdinal(a.Related, b.Related);
    });
    private readonly SbomOptions _options;

    /// <summary>Creates a writer.</summary>
    /// <exception cref="ArgumentException">The namespace base is not an absolute URI, or contains <c>#</c>.</exception>
    public SpdxWriter(SbomOptions? options = null)
    {
        _options = options ?? new SbomOptions();
        if (!Uri.TryCreate(_options.SpdxNamespaceBase, UriKind.Absolute, out _) || _options.SpdxNamespaceBase.Contains('#', StringComparison.Ordinal))
            throw new ArgumentException("The SPDX namespace base must be an absolute URI without '#'.", nameof(options));
    }

    /// <summary>Writes the SBOM of one project: the project is the described package.</summary>
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

    /// <summary>Writes the SBOM of a solution: the solution CONTAINS each non-test deliverable, each with its own subtree.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SbomDocument WriteSolution(CheckResult result, SbomSubject subject)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(subject);
        return Write(result, SbomGraph.ForSolution(result, subject, _options.Projects));
    }

    private SbomDocument Write(CheckResult result, SbomGraph graph)
    {
        var ids = AssignIds(graph);
        var prefix = _options.SpdxNamespaceBase.EndsWith('/') ? _options.SpdxNamespaceBase : _options.SpdxNamespaceBase + "/";
        var stem = prefix + SbomLicenses.SpdxIdString(graph.Root.Name) + "-";
        // The namespace names the content: hash the document written with a nil UUID, then write the real one.
        var nil = NameBasedUuid.Format(Guid.Empty);
        var draft = SbomJson.WriteDraft(w => WriteDocument(w, result, graph, ids, stem + nil));
        var uuid = NameBasedUuid.Format(NameBasedUuid.Create(NameBasedUuid.SbomNamespace, draft));
        var documentNamespace = stem + uuid;
        // The UUID has the nil UUID's length: overwritten in the draft, the bytes are those of writing the real one,
        // without writing the whole document a second time. (The stem never needs escaping: an absolute URI and an
        // SPDX id string; should it ever, the document is written again.)
        var end = SbomJson.EndOfStringProperty(draft, "documentNamespace", stem + nil);
        byte[] content;
        if (end > 0)
        {
            System.Text.Encoding.ASCII.GetBytes(uuid).CopyTo(draft[(end - 1 - uuid.Length)..]);
            content = draft.ToArray();
        }
        else
        {
            content = SbomJson.Write(w => WriteDocument(w, result, graph, ids, documentNamespace));
        }
        return new SbomDocument(content, documentNamespace, SbomRules.Check(graph));
    }

    // SPDXRef-<reference with anything outside [A-Za-z0-9.-] as '-'>; a clash (after that mapping) gets a hash suffix.
    private static Dictionary<string, string> AssignIds(SbomGraph graph)
    {
        var nodes = new[] { graph.Root }.Concat(graph.Components).ToArray();
        var candidates = nodes.ToDictionary(n => n.Ref, n => "SPDXRef-" + SbomLicenses.SpdxIdString(n.Ref), StringComparer.Ordinal);
        var clashing = candidates.GroupBy(kv => kv.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g.Select(kv => kv.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in clashing)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(reference)), 0, 4).ToLowerInvariant();
            candidates[reference] = candidates[reference] + "-" + hash;
        }
        return candidates;
    }

    private void WriteDocument(Utf8JsonWriter w, CheckResult result, SbomGraph graph, Dictionary<string, string> ids, string documentNamespace)
    {
        var extracted = new SortedDictionary<string, ExtractedLicense>(StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteString("spdxVersion", "SPDX-2.3");
        w.WriteString("dataLicense", "CC0-1.0");
        w.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        w.WriteString("name", graph.Root.Name + (string.IsNullOrEmpty(graph.Root.Version) ? string.Empty : " " + graph.Root.Version));
        w.WriteString("documentNamespace", documentNamespace);

        w.WriteStartObject("creationInfo");
        if (_options.Timestamp == null)
        {
            w.WriteString("comment", "No SOURCE_DATE_EPOCH was given: the creation time is the Unix epoch so that the same input always gives the same document.");
        }
        w.WriteString("created", SbomJson.Timestamp(_options.Timestamp ?? DateTimeOffset.UnixEpoch));
        w.WriteStartArray("creators");
        if (!string.IsNullOrWhiteSpace(graph.Root.Subject?.Supplier)) w.WriteStringValue("Organization: " + graph.Root.Subject.Supplier);
        w.WriteStringValue("Tool: PublicCodePolicy-" + (_options.ToolVersion ?? result.ToolVersion));
        w.WriteEndArray();
        w.WriteString("licenseListVersion", MajorMinor(result.LicenseListVersion));
        w.WriteEndObject();

        // What each package contributes to hasExtractedLicensingInfos travels with its written bytes.
        SbomJson.WriteElementArray(w, "packages", new[] { graph.Root }.Concat(graph.Components).ToArray(), node => SbomFragmentCache.KeyOf("spdx-2.3", node, ids[node.Ref]), (writer, node) =>
        {
            var references = new List<(string LicenseRef, string Package, string? Url)>();
            WritePackage(writer, node, ids[node.Ref], references);
            return references;
        }, state =>
        {
            foreach (var (reference, package, url) in (List<(string LicenseRef, string Package, string? Url)>)state!)
            {
                if (!extracted.TryGetValue(reference, out var info)) extracted[reference] = info = new ExtractedLicense();
                info.Packages.Add(package);
                if (url != null) info.Urls.Add(url);
            }
        }, _options.Fragments);

        w.WriteStartArray("relationships");
        WriteRelationship(w, "SPDXRef-DOCUMENT", "DESCRIBES", ids[graph.Root.Ref]);
        var relationships = new SortedSet<(string Element, string Type, string Related)>(s_relationshipOrder);
        foreach (var node in new[] { graph.Root }.Concat(graph.Components))
        {
            foreach (var edge in node.Edges)
            {
                var from = ids[node.Ref];
                var to = ids[edge.Target];
                if (node == graph.Root && graph.Root.Project == null) relationships.Add((from, "CONTAINS", to));
                else if (edge.Scope == DependencyScope.Development) relationships.Add((to, "DEV_DEPENDENCY_OF", from));
                else if (edge.Scope == DependencyScope.Test) relationships.Add((to, "TEST_DEPENDENCY_OF", from));
                else relationships.Add((from, "DEPENDS_ON", to));
            }
        }
        foreach (var (element, type, related) in relationships) WriteRelationship(w, element, type, related);
        w.WriteEndArray();

        if (extracted.Count > 0)
        {
            w.WriteStartArray("hasExtractedLicensingInfos");
            foreach (var (id, info) in extracted)
            {
                w.WriteStartObject();
                w.WriteString("licenseId", id);
                w.WriteString("name", id.Substring("LicenseRef-".Length));
                w.WriteString("extractedText", "The licence text is not reproduced in this document. It is the licence the packages named in the comment carry" + (info.Urls.Count > 0 ? "; its text is at the URLs in seeAlsos." : "; see those packages."));
                w.WriteString("comment", "Used by: " + string.Join(", ", info.Packages) + ".");
                if (info.Urls.Count > 0)
                {
                    w.WriteStartArray("seeAlsos");
                    foreach (var url in info.Urls) w.WriteStringValue(url);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter w, string element, string type, string related)
    {
        w.WriteStartObject();
        w.WriteString("spdxElementId", element);
        w.WriteString("relationshipType", type);
        w.WriteString("relatedSpdxElement", related);
        w.WriteEndObject();
    }

    private sealed class ExtractedLicense
    {
        public SortedSet<string> Packages { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Urls { get; } = new(StringComparer.Ordinal);
    }

    private static void WritePackage(Utf8JsonWriter w, SbomNode node, string id, List<(string LicenseRef, string Package, string? Url)> extracted)
    {
        var package = node.Package;
        var metadata = package?.Metadata;
        var subject = node.Subject;
        w.WriteStartObject();
        w.WriteString("SPDXID", id);
        w.WriteString("name", node.Name);
        w.WriteOptional("versionInfo", node.Version);
        // SPDX makes the writer choose Person or Organization; NuGet does not say which its authors are (see docs/sbom.md).
        var supplier = subject?.Supplier ?? metadata?.Authors;
        w.WriteString("supplier", string.IsNullOrWhiteSpace(supplier) ? NoAssertion : "Organization: " + supplier);
        var download = package == null && SbomLicenses.IsWebUrl(subject?.RepositoryUrl) ? subject!.RepositoryUrl! : NoAssertion;
        w.WriteString("downloadLocation", download);
        w.WriteBoolean("filesAnalyzed", false);
        if (SbomRules.HexSha512(package?.Sha512) is { } sha512)
        {
            w.WriteStartArray("checksums");
            w.WriteStartObject();
            w.WriteString("algorithm", "SHA512");
            w.WriteString("checksumValue", sha512);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (SbomLicenses.IsWebUrl(metadata?.ProjectUrl)) w.WriteString("homepage", metadata!.ProjectUrl);
        if (SbomLicenses.IsWebUrl(metadata?.Repository?.Url))
        {
            var repository = metadata!.Repository!;
            w.WriteString("sourceInfo", "Source repository " + repository.Url + (string.IsNullOrWhiteSpace(repository.Commit) ? string.Empty : " at commit " + repository.Commit) + " (nuspec repository element).");
        }

        var label = node.Name + (node.Version != null ? " " + node.Version : string.Empty);
        if (package != null)
        {
            var license = package.License;
            var concluded = SbomLicenses.ForSpdx(license.Concluded);
            var declared = SbomLicenses.ForSpdx(SbomLicenses.Declared(package));
            var url = SbomLicenses.IsWebUrl(license.Evidence) ? license.Evidence : null;
            Collect(concluded, label, url, extracted);
            Collect(declared, label, url, extracted);
            w.WriteString("licenseConcluded", concluded.ToString());
            w.WriteString("licenseDeclared", declared.ToString());
            var comment = new StringBuilder("Concluded by PublicCodePolicy from source '").Append(SbomLicenses.SourceName(license.Source)).Append("', confidence ").Append(SbomLicenses.Confidence(license.Confidence)).Append('.');
            if (SbomLicenses.Portable(license.Evidence) is { } evidence) comment.Append(" Evidence: ").Append(evidence).Append('.');
            if (SbomLicenses.Portable(license.Note) is { } note) comment.Append(" Note: ").Append(note);
            if (license.Page is { } page && (license.Note == null || !license.Note.Contains(page.Sha256, StringComparison.Ordinal))) comment.Append(' ').Append(page.Describe());
            w.WriteString("licenseComments", comment.ToString());
            w.WriteString("copyrightText", string.IsNullOrWhiteSpace(metadata?.Copyright) ? NoAssertion : metadata.Copyright);
        }
        else
        {
            var own = SbomLicenses.ForSpdx(SbomLicenses.Parse(subject?.License));
            Collect(own, label, null, extracted);
            w.WriteString("licenseConcluded", own.ToString());
            w.WriteString("licenseDeclared", own.ToString());
            w.WriteString("copyrightText", NoAssertion);
        }
        w.WriteOptional("description", subject?.Description ?? metadata?.Description);

        var notes = new List<string>();
        if (node.Scope is { } scope) notes.Add("Scope: " + scope.ToName() + ".");
        if (node.Frameworks.Count > 0) notes.Add("Frameworks: " + string.Join(", ", node.Frameworks) + ".");
        if (node.Deliverable != null) notes.Add("The copy of this component as restored for the deliverable " + node.Deliverable + " (its dependencies differ between deliverables).");
        if (notes.Count > 0) w.WriteString("comment", string.Join(" ", notes));

        var purl = package != null ? PackageUrl.ForNuGet(package.Id, package.Version) : subject?.Purl;
        if (purl != null)
        {
            w.WriteStartArray("externalRefs");
            w.WriteStartObject();
            w.WriteString("referenceCategory", "PACKAGE-MANAGER");
            w.WriteString("referenceType", "purl");
            w.WriteString("referenceLocator", purl);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        bool isLibrary = package != null || subject?.Type == SbomComponentType.Library || (subject == null && node.Kind == SbomNodeKind.Project && !node.IsDeliverable);
        w.WriteString("primaryPackagePurpose", isLibrary ? "LIBRARY" : "APPLICATION");
        w.WriteEndObject();
    }

    private static void Collect(SpdxExpression expression, string package, string? url, List<(string LicenseRef, string Package, string? Url)> extracted)
    {
        foreach (var leaf in expression.Leaves())
        {
            var reference = leaf switch
            {
                SpdxLicenseRef { DocumentRef: null } r => r,
                SpdxWith { License: SpdxLicenseRef { DocumentRef: null } r } => r,
                _ => null,
            };
            if (reference == null) continue;
            extracted.Add((reference.LicenseRef, package, url));
        }
    }

    private static string MajorMinor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
