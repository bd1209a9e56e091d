// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Json;
using NuGet.Versioning;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Licensing;

/// <summary>A package-level licence correction: package id + version range → concluded licence, with its source and reason.</summary>
public sealed class LicenseCuration
{
    /// <summary>Package id (exact, case-insensitive).</summary>
    public required string Package { get; init; }

    /// <summary>Versions it applies to; null for all.</summary>
    public VersionRange? Versions { get; init; }

    /// <summary>The concluded licence (SPDX expression).</summary>
    public required string License { get; init; }

    /// <summary>Where the evidence is (URL of the licence text, commit, …).</summary>
    public required string Source { get; init; }

    /// <summary>Why the correction is right.</summary>
    public required string Reason { get; init; }

    /// <summary>Whether it applies to this package.</summary>
    public bool Matches(string id, string version)
        => string.Equals(id, Package, StringComparison.OrdinalIgnoreCase)
            && (Versions == null || (NuGetVersion.TryParse(version, out var v) && Versions.Satisfies(v)));

    /// <summary>The curations shipped with the product.</summary>
    public static IReadOnlyList<LicenseCuration> Shipped { get; } = LoadShipped();

    internal static LicenseCuration Read(JsonElement e, string path, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new PolicyFormatException(path, at, "A curation must be an object.");
        string? package = null, license = null, source = null, reason = null;
        VersionRange? versions = null;
        foreach (var p in e.EnumerateObject())
        {
            string? s = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : throw new PolicyFormatException(path, at + "." + p.Name, "Must be a string.");
            switch (p.Name)
            {
                case "package": package = s; break;
                case "license": license = s; break;
                case "source": source = s; break;
                case "reason": reason = s; break;
                case "versions":
                    if (!VersionRange.TryParse(s!, out versions)) throw new PolicyFormatException(path, at + ".versions", "'" + s + "' is not a NuGet version range.");
                    break;
                default: throw new PolicyFormatException(path, at + "." + p.Name, "Unknown property '" + p.Name + "'.");
            }
        }
        if (string.IsNullOrWhiteSpace(package)) throw new PolicyFormatException(path, at + ".package", "The package id is required.");
        if (string.IsNullOrWhiteSpace(license) || !LicenseList.Default.TryParse(license, out _, out _)) throw new PolicyFormatException(path, at + ".license", "A valid SPDX expression is required.");
        if (string.IsNullOrWhiteSpace(source)) throw new PolicyFormatException(path, at + ".source", "Say where the evidence is (a URL or a file).");
        if (string.IsNullOrWhiteSpace(reason)) throw new PolicyFormatException(path, at + ".reason", "Say why the correction is right.");
        return new LicenseCuration { Package = package!, Versions = versions, License = license!, Source = source!, Reason = reason! };
    }

    private static IReadOnlyList<LicenseCuration> LoadShipped()
    {
        using var doc = EmbeddedData.ReadJson("curations.json");
        var list = new List<LicenseCuration>();
        int i = 0;
        foreach (var e in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            list.Add(Read(e, "curations.json", "$.items[" + (i++).ToString(CultureInfo.InvariantCulture) + "]"));
        }
        return list;
    }
}
