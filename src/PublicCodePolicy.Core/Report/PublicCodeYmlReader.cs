// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicCodePolicy.Report;

/// <summary>The few values of a publiccode.yml the report shows (identity and reuse evidence).</summary>
internal sealed class PublicCodeYmlContent
{
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? SoftwareVersion { get; init; }
    public string? License { get; init; }
    public string? ShortDescriptionFr { get; init; }
    public string? ShortDescriptionEn { get; init; }
    public PublicCodeOrganisationRef? Organisation { get; init; }
    public IReadOnlyList<string> IsBasedOn { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> UsedBy { get; init; } = Array.Empty<string>();
    public IReadOnlyList<PublicCodeOrganisationRef> FundedBy { get; init; } = Array.Empty<PublicCodeOrganisationRef>();
    public string? MaintenanceType { get; init; }

    /// <summary>Set when the file is not one readable YAML mapping.</summary>
    public PublicCodeFinding? ParseError { get; init; }
}

/// <summary>
/// Reads the values the report shows from publiccode.yml. Validation against the standard is the validator's job;
/// this reader only extracts values, leniently: a value of an unexpected shape is skipped.
/// </summary>
internal static class PublicCodeYmlReader
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static PublicCodeYmlContent Read(string path)
    {
        string text;
        try
        {
            text = IO.InputFile.ReadAllText(path, MaxBytes);
        }
        catch (IO.InputFileException ex)
        {
            return Fail(ex.Reason.StartsWith("it is larger", StringComparison.Ordinal) ? "publiccode.yml is larger than 4 MiB." : "publiccode.yml was not read: " + ex.Reason + ".", 0);
        }
        catch (IOException ex)
        {
            return Fail("publiccode.yml cannot be read: " + ex.Message, 0);
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Fail("not valid YAML: " + ex.Message, checked((int)ex.Start.Line));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return Fail("publiccode.yml must be a YAML mapping.", 0);

        var legal = Map(root, "legal");
        var description = Map(root, "description");
        var maintenance = Map(root, "maintenance");
        return new PublicCodeYmlContent
        {
            Name = Scalar(root, "name"),
            Url = Scalar(root, "url"),
            SoftwareVersion = Scalar(root, "softwareVersion"),
            License = legal == null ? null : Scalar(legal, "license"),
            ShortDescriptionFr = ShortDescription(description, "fr"),
            ShortDescriptionEn = ShortDescription(description, "en"),
            Organisation = Organisation(Get(root, "organisation")),
            IsBasedOn = Get(root, "isBasedOn") is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value)
                ? new[] { single.Value!.Trim() }
                : Strings(Get(root, "isBasedOn")),
            UsedBy = Strings(Get(root, "usedBy")),
            FundedBy = Get(root, "fundedBy") is YamlSequenceNode funders
                ? funders.Children.Select(Organisation).Where(o => o != null).Select(o => o!).ToArray()
                : Array.Empty<PublicCodeOrganisationRef>(),
            MaintenanceType = maintenance == null ? null : Scalar(maintenance, "type"),
        };
    }

    private static PublicCodeYmlContent Fail(string message, int line) => new() { ParseError = new PublicCodeFinding(true, string.Empty, message, line) };

    private static YamlNode? Get(YamlMappingNode map, string key)
        => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.Ordinal)).Value;

    private static YamlMappingNode? Map(YamlMappingNode map, string key) => Get(map, key) as YamlMappingNode;

    private static string? Scalar(YamlMappingNode map, string key)
        => Get(map, key) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value!.Trim() : null;

    private static IReadOnlyList<string> Strings(YamlNode? node)
        => node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray()
            : Array.Empty<string>();

    private static string? ShortDescription(YamlMappingNode? description, string language)
    {
        if (description == null) return null;
        var entry = description.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value != null
            && (string.Equals(k.Value, language, StringComparison.OrdinalIgnoreCase) || k.Value.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))).Value;
        return entry is YamlMappingNode m ? Scalar(m, "shortDescription") : null;
    }

    private static PublicCodeOrganisationRef? Organisation(YamlNode? node)
    {
        if (node is not YamlMappingNode m) return null;
        var name = Scalar(m, "name");
        var uri = Scalar(m, "uri");
        return name == null && uri == null ? null : new PublicCodeOrganisationRef(name, uri);
    }
}
