// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.PublicCode;

/// <summary>Shape of a value in the publiccode.yml v0 model (mirrors the official parser's Go types).</summary>
internal abstract class Shape
{
}

/// <summary>A Go string (scalars of any type are formatted into it).</summary>
internal sealed class StringShape : Shape
{
    public static readonly StringShape Instance = new();
}

/// <summary>A Go URL: a string parsed as a URL.</summary>
internal sealed class UrlShape : Shape
{
    public static readonly UrlShape Instance = new();
}

/// <summary>A Go bool: only true/false.</summary>
internal sealed class BoolShape : Shape
{
    public static readonly BoolShape Instance = new();
}

/// <summary>A URL or a list of URLs (isBasedOn).</summary>
internal sealed class UrlOrListShape : Shape
{
    public static readonly UrlOrListShape Instance = new();
}

internal sealed class ListShape : Shape
{
    public ListShape(Shape item) => Item = item;

    public Shape Item { get; }
}

internal sealed class MapShape : Shape
{
    public MapShape(Shape value) => Value = value;

    public Shape Value { get; }
}

internal sealed class StructShape : Shape
{
    public StructShape(params (string Name, Shape Shape)[] fields) => Fields = fields;

    public IReadOnlyList<(string Name, Shape Shape)> Fields { get; }
}

/// <summary>A decoded value, keeping the node it came from.</summary>
internal abstract class DValue
{
    protected DValue(YamlNodeBase node) => Node = node;

    public YamlNodeBase Node { get; }
}

internal sealed class DString : DValue
{
    public DString(YamlNodeBase node, string value)
        : base(node) => Value = value;

    public string Value { get; }
}

internal sealed class DBool : DValue
{
    public DBool(YamlNodeBase node, bool value)
        : base(node) => Value = value;

    public bool Value { get; }
}

internal sealed class DList : DValue
{
    public DList(YamlNodeBase node, List<DValue?> items)
        : base(node) => Items = items;

    /// <summary>Items; null for a YAML null item (the Go zero value).</summary>
    public List<DValue?> Items { get; }
}

internal sealed class DMap : DValue
{
    public DMap(YamlNodeBase node, List<KeyValuePair<string, DValue?>> entries)
        : base(node) => Entries = entries;

    public List<KeyValuePair<string, DValue?>> Entries { get; }
}

internal sealed class DStruct : DValue
{
    public DStruct(YamlNodeBase node, Dictionary<string, DValue?> fields)
        : base(node) => Fields = fields;

    /// <summary>Fields that were present and decoded (value null for a YAML null).</summary>
    public Dictionary<string, DValue?> Fields { get; }

    public DValue? Get(string name) => Fields.TryGetValue(name, out var v) ? v : null;

    public string? GetString(string name) => Get(name) is DString s ? s.Value : null;

    public DStruct? GetStruct(string name) => Get(name) as DStruct;

    public DList? GetList(string name) => Get(name) as DList;
}

/// <summary>A decode failure: the token where it happened and the message.</summary>
internal sealed class DecodeFailure : Exception
{
    public DecodeFailure(YamlNodeBase node, string message)
        : base(message)
    {
        Node = node;
    }

    public YamlNodeBase Node { get; }

    public bool IsBudget { get; init; }
}

/// <summary>
/// Decodes the YAML tree into the v0 model the way the official parser's YAML library does: a struct field
/// whose value has the wrong type is left at its zero value, decoding goes on with the next fields, and only
/// the first failure (in field declaration order) is reported; unknown keys are failures too.
/// </summary>
internal sealed class PublicCodeDecoder
{
    private static readonly StructShape s_organisation = new(("name", StringShape.Instance), ("uri", StringShape.Instance));
    private static readonly StructShape s_contractor = new(("name", StringShape.Instance), ("email", StringShape.Instance), ("website", UrlShape.Instance), ("until", StringShape.Instance));
    private static readonly StructShape s_contact = new(("name", StringShape.Instance), ("email", StringShape.Instance), ("affiliation", StringShape.Instance), ("phone", StringShape.Instance));
    private static readonly StructShape s_dependency = new(("name", StringShape.Instance), ("versionMin", StringShape.Instance), ("versionMax", StringShape.Instance), ("optional", BoolShape.Instance), ("version", StringShape.Instance));
    private static readonly ListShape s_strings = new(StringShape.Instance);

    private static readonly StructShape s_description = new(
        ("localisedName", StringShape.Instance),
        ("genericName", StringShape.Instance),
        ("shortDescription", StringShape.Instance),
        ("longDescription", StringShape.Instance),
        ("documentation", UrlShape.Instance),
        ("apiDocumentation", UrlShape.Instance),
        ("features", s_strings),
        ("screenshots", s_strings),
        ("videos", new ListShape(UrlShape.Instance)),
        ("awards", s_strings));

    private static readonly StructShape s_italy = new(
        ("countryExtensionVersion", StringShape.Instance),
        ("conforme", new StructShape(("lineeGuidaDesign", BoolShape.Instance), ("modelloInteroperabilita", BoolShape.Instance), ("misureMinimeSicurezza", BoolShape.Instance), ("gdpr", BoolShape.Instance))),
        ("riuso", new StructShape(("codiceIPA", StringShape.Instance))),
        ("piattaforme", new StructShape(("spid", BoolShape.Instance), ("pagopa", BoolShape.Instance), ("cie", BoolShape.Instance), ("anpr", BoolShape.Instance), ("io", BoolShape.Instance))));

    /// <summary>The publiccode.yml v0 (standard 0.7) model, in the official parser's field order.</summary>
    public static readonly StructShape Root = new(
        ("publiccodeYmlVersion", StringShape.Instance),
        ("name", StringShape.Instance),
        ("applicationSuite", StringShape.Instance),
        ("url", UrlShape.Instance),
        ("landingURL", UrlShape.Instance),
        ("isBasedOn", UrlOrListShape.Instance),
        ("softwareVersion", StringShape.Instance),
        ("releaseDate", StringShape.Instance),
        ("logo", StringShape.Instance),
        ("monochromeLogo", StringShape.Instance),
        ("organisation", s_organisation),
        ("inputTypes", s_strings),
        ("outputTypes", s_strings),
        ("platforms", s_strings),
        ("categories", s_strings),
        ("usedBy", s_strings),
        ("fundedBy", new ListShape(s_organisation)),
        ("supports", new ListShape(new StructShape(("id", StringShape.Instance)))),
        ("roadmap", UrlShape.Instance),
        ("developmentStatus", StringShape.Instance),
        ("softwareType", StringShape.Instance),
        ("intendedAudience", new StructShape(("scope", s_strings), ("countries", s_strings), ("unsupportedCountries", s_strings))),
        ("description", new MapShape(s_description)),
        ("legal", new StructShape(("license", StringShape.Instance), ("mainCopyrightOwner", StringShape.Instance), ("repoOwner", StringShape.Instance), ("authorsFile", StringShape.Instance))),
        ("maintenance", new StructShape(("type", StringShape.Instance), ("contractors", new ListShape(s_contractor)), ("contacts", new ListShape(s_contact)))),
        ("localisation", new StructShape(("localisationReady", BoolShape.Instance), ("availableLanguages", s_strings))),
        ("dependsOn", new StructShape(("open", new ListShape(s_dependency)), ("proprietary", new ListShape(s_dependency)), ("hardware", new ListShape(s_dependency)))),
        ("IT", s_italy),
        ("it", s_italy));

    private readonly int _budget;
    private int _visited;

    public PublicCodeDecoder(int budget) => _budget = budget;

    /// <summary>Decodes the root; <paramref name="failure"/> is the first failure, the result holds what decoded.</summary>
    public DStruct Decode(YamlMapping root, out DecodeFailure? failure)
    {
        var fields = new Dictionary<string, DValue?>(StringComparer.Ordinal);
        failure = DecodeStructFields(root, Root, fields);
        return new DStruct(root, fields);
    }

    private static YamlNodeBase Resolve(YamlNodeBase node) => node is YamlAlias a ? a.Target : node;

    private void Count(YamlNodeBase node)
    {
        if (++_visited > _budget)
        {
            throw new DecodeFailure(node, "document too complex: alias expansion exceeds the decoding budget") { IsBudget = true };
        }
    }

    private DecodeFailure? DecodeStructFields(YamlMapping map, StructShape shape, Dictionary<string, DValue?> into)
    {
        DecodeFailure? found = null;
        foreach (var (name, fieldShape) in shape.Fields)
        {
            var pair = map.Find(name);
            if (pair is null) continue;
            try
            {
                into[name] = DecodeValue(pair.Value, fieldShape);
            }
            catch (DecodeFailure f) when (!f.IsBudget)
            {
                found ??= f;
            }
        }
        if (found != null) return found;
        foreach (var pair in map.Pairs)
        {
            string keyText = pair.Key is YamlScalar ks ? ks.Value : string.Empty;
            bool known = false;
            foreach (var (name, _) in shape.Fields)
            {
                if (string.Equals(name, keyText, StringComparison.Ordinal))
                {
                    known = true;
                    break;
                }
            }
            if (!known) return new DecodeFailure(pair.Key, "unknown field \"" + keyText + "\"");
        }
        return null;
    }

    private DValue? DecodeValue(YamlNodeBase raw, Shape shape)
    {
        Count(raw);
        var node = Resolve(raw);
        if (node is YamlScalar { Type: YamlScalarType.Null }) return null;
        switch (shape)
        {
            case StringShape:
                if (node is YamlScalar s) return new DString(node, s.AsGoString());
                throw TypeError(raw);
            case UrlShape:
                if (node is YamlScalar u) return new DString(node, u.AsGoString());
                throw TypeError(raw);
            case BoolShape:
                if (node is YamlScalar { Type: YamlScalarType.Bool } b) return new DBool(node, b.Value is "true" or "True" or "TRUE");
                throw TypeError(raw);
            case UrlOrListShape:
                if (node is YamlSequence)
                {
                    try
                    {
                        return DecodeValue(raw, new ListShape(UrlShape.Instance));
                    }
                    catch (DecodeFailure f) when (!f.IsBudget)
                    {
                        // The official type first tries a list, then a single URL; the single URL's error is reported.
                    }
                }
                if (node is YamlScalar one) return new DList(node, new List<DValue?> { new DString(node, one.AsGoString()) });
                throw TypeError(raw);
            case ListShape list:
                {
                    if (node is not YamlSequence seq) throw TypeError(raw);
                    var items = new List<DValue?>(seq.Items.Count);
                    DecodeFailure? found = null;
                    foreach (var item in seq.Items)
                    {
                        try
                        {
                            items.Add(DecodeValue(item, list.Item));
                        }
                        catch (DecodeFailure f) when (!f.IsBudget)
                        {
                            found ??= f;
                        }
                    }
                    if (found != null) throw found;
                    return new DList(node, items);
                }
            case MapShape mapShape:
                {
                    if (node is not YamlMapping m) throw TypeError(raw);
                    var entries = new List<KeyValuePair<string, DValue?>>(m.Pairs.Count);
                    DecodeFailure? found = null;
                    foreach (var pair in m.Pairs)
                    {
                        Count(pair.Key);
                        if (Resolve(pair.Key) is not YamlScalar key) throw TypeError(pair.Key);
                        try
                        {
                            entries.Add(new KeyValuePair<string, DValue?>(key.AsGoString(), DecodeValue(pair.Value, mapShape.Value)));
                        }
                        catch (DecodeFailure f) when (!f.IsBudget)
                        {
                            found ??= f;
                        }
                    }
                    if (found != null) throw found;
                    return new DMap(node, entries);
                }
            case StructShape structShape:
                {
                    if (node is not YamlMapping m) throw TypeError(raw);
                    var fields = new Dictionary<string, DValue?>(StringComparer.Ordinal);
                    var failure = DecodeStructFields(m, structShape, fields);
                    if (failure != null) throw failure;
                    return new DStruct(node, fields);
                }
            default:
                throw new InvalidOperationException("Unknown shape " + shape.GetType().Name);
        }
    }

    private static DecodeFailure TypeError(YamlNodeBase node) => new(node, "wrong type for this field");
}
