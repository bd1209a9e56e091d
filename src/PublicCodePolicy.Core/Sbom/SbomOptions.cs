// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Sbom;

/// <summary>The SBOM formats PublicCodePolicy writes.</summary>
public enum SbomFormat
{
    /// <summary>CycloneDX JSON (1.6 by default, or 1.7).</summary>
    CycloneDx,
    /// <summary>SPDX 2.3 JSON.</summary>
    Spdx,
}

/// <summary>CycloneDX specification versions the writer supports.</summary>
public enum CycloneDxSpecVersion
{
    /// <summary>CycloneDX 1.6: the default, read by the most consumers.</summary>
    V1_6,
    /// <summary>CycloneDX 1.7 (ECMA-424 2nd edition).</summary>
    V1_7,
}

/// <summary>What kind of software a described component is.</summary>
public enum SbomComponentType
{
    /// <summary>An application (an executable deliverable).</summary>
    Application,
    /// <summary>A library (a deliverable other software links to).</summary>
    Library,
}

/// <summary>
/// The facts about the software an SBOM describes that the restore graph does not hold: its own licence, repository
/// and supplier. The CLI reads them with <c>dotnet msbuild -getProperty</c>; the MSBuild task knows them directly.
/// </summary>
public sealed class SbomSubject
{
    /// <summary>Name (the project or solution name).</summary>
    public required string Name { get; init; }

    /// <summary>Version; null when unknown.</summary>
    public string? Version { get; init; }

    /// <summary>The software's own licence as an SPDX expression (e.g. <c>EUPL-1.2</c>); null when not declared.</summary>
    public string? License { get; init; }

    /// <summary>Source repository URL.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>Supplier: the organisation that publishes the software (e.g. the local authority).</summary>
    public string? Supplier { get; init; }

    /// <summary>One-line description.</summary>
    public string? Description { get; init; }

    /// <summary>Package URL when the software is itself published as a package; null otherwise.</summary>
    public string? Purl { get; init; }

    /// <summary>Application or library.</summary>
    public SbomComponentType Type { get; init; } = SbomComponentType.Application;
}

/// <summary>Options shared by the SBOM writers. The writers never read the clock or the environment themselves.</summary>
public sealed class SbomOptions
{
    /// <summary>
    /// Creation time written into the document; null writes none (CycloneDX) or the Unix epoch (SPDX, where the field is
    /// required). Use <see cref="SourceDateEpoch.FromEnvironment"/> to honour <c>SOURCE_DATE_EPOCH</c>.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Tool version written into the tool metadata; null takes the check result's tool version.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Base URI of SPDX document namespaces; the writer appends <c>&lt;name&gt;-&lt;uuid&gt;</c>. Must not contain <c>#</c>.</summary>
    public string SpdxNamespaceBase { get; init; } = "https://spdx.org/spdxdocs/publiccodepolicy/";

    /// <summary>
    /// Facts about each deliverable of a solution SBOM, by project name (case-insensitive); projects without an entry
    /// are described with the name and version restore recorded.
    /// </summary>
    public IReadOnlyDictionary<string, SbomSubject> Projects { get; init; } = new Dictionary<string, SbomSubject>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Package elements already written by the writers sharing these options (see <see cref="SbomFragmentCache"/>).</summary>
    internal SbomFragmentCache Fragments { get; } = new();
}

/// <summary>A written SBOM: the bytes, the identity derived from them, and what could not be expressed.</summary>
public sealed class SbomDocument
{
    internal SbomDocument(byte[] content, string identifier, IReadOnlyList<Finding> findings)
    {
        Content = content;
        Identifier = identifier;
        Findings = findings;
    }

    /// <summary>UTF-8 JSON, without byte-order mark, LF line ends, final newline.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The CycloneDX serial number (<c>urn:uuid:…</c>) or the SPDX document namespace.</summary>
    public string Identifier { get; }

    /// <summary>Findings about the SBOM (PCP2xxx), sorted.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Writes the document to a file (creating or replacing it atomically, see <see cref="IO.OutputFile"/>).</summary>
    /// <exception cref="IO.OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IO.OutputFile.Write(path, Content);
    }
}

/// <summary>
/// Reads <c>SOURCE_DATE_EPOCH</c> (reproducible-builds.org: seconds since the Unix epoch, UTC) so that an SBOM built
/// twice from the same sources carries the same time.
/// </summary>
public static class SourceDateEpoch
{
    /// <summary>The environment variable's name.</summary>
    public const string VariableName = "SOURCE_DATE_EPOCH";

    /// <summary>The time from the environment; null when the variable is unset or empty.</summary>
    /// <exception cref="FormatException">The variable is set but is not a non-negative integer of seconds.</exception>
    public static DateTimeOffset? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(VariableName));

    /// <summary>Parses a <c>SOURCE_DATE_EPOCH</c> value; null or empty gives null.</summary>
    /// <exception cref="FormatException">The value is not a non-negative integer of seconds within the supported range.</exception>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        // The specification says the value is an integer; anything else is an error rather than "now".
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > 253402300799L)
        {
            throw new FormatException(VariableName + " must be a non-negative integer number of seconds since 1970-01-01T00:00:00Z; got '" + value + "'.");
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
