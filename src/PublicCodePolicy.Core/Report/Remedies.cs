// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace PublicCodePolicy.Report;

/// <summary>What a team can do about a denied dependency, when the report knows a concrete way out.</summary>
public enum RemedyKind
{
    /// <summary>The package is part of the target framework: the reference can be removed (NuGet says NU1510).</summary>
    RemoveInboxReference,
    /// <summary>An earlier version of the package is under a free licence (curated table).</summary>
    UseFreeVersion,
}

/// <summary>A concrete remedy for one denied dependency: what to change (<see cref="Reference"/>, the direct reference that brings it) and why that works.</summary>
/// <param name="Kind">The kind of remedy.</param>
/// <param name="Reference">The direct reference to change: <c>Id Version</c>.</param>
/// <param name="Framework">For <see cref="RemedyKind.RemoveInboxReference"/>: the target framework that contains the package.</param>
/// <param name="FreeVersion">For <see cref="RemedyKind.UseFreeVersion"/>: the last version under a free licence, and that licence.</param>
/// <param name="Alternative">A free alternative package and its licence, when the curated table names one.</param>
/// <param name="Source">Where the fact comes from (the framework's package list, or the curated row's source).</param>
public sealed record DependencyRemedy(RemedyKind Kind, string Reference, string? Framework, string? FreeVersion, string? Alternative, string Source);

/// <summary>The licence families the report explains to a non-specialist reader.</summary>
public static class LicenseFamilies
{
    /// <summary>Family keys, in the order the report explains them.</summary>
    public static IReadOnlyList<string> Keys { get; } = new[] { "dotnet-library", "microsoft-software", "proprietary", "source-available", "cc-noncommercial", "cc-noderivatives", "field-of-use", "unknown" };

    private static readonly (string Key, Regex Pattern)[] s_patterns =
    {
        ("dotnet-library", new Regex(@"\bLicenseRef-MICROSOFT-NET-LIBRARY\b", RegexOptions.CultureInvariant)),
        ("microsoft-software", new Regex(@"\bLicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS\b", RegexOptions.CultureInvariant)),
        ("source-available", new Regex(@"\b(BUSL-1\.1|SSPL-1\.0|Elastic-2\.0|PolyForm-[A-Za-z-]+-1\.0\.0|Commons-Clause|LicenseRef-[A-Za-z0-9.-]*(Commons-Clause|Source-Available|SixLabors|Split))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)),
        ("cc-noncommercial", new Regex(@"\bCC-BY-NC(-SA|-ND)?-[0-9.]+(-[A-Z]+)?\b", RegexOptions.CultureInvariant)),
        ("cc-noderivatives", new Regex(@"\bCC-BY-ND-[0-9.]+\b", RegexOptions.CultureInvariant)),
        ("field-of-use", new Regex(@"\b(JSON|Hippocratic-2\.1|LicenseRef-[A-Za-z0-9.-]*(Anti-996|Ethical|Do-No-Harm))\b", RegexOptions.CultureInvariant)),
        ("proprietary", new Regex(@"\bLicenseRef-[A-Za-z0-9.-]+\b", RegexOptions.CultureInvariant)),
    };

    /// <summary>The family of a denied or unknown dependency's concluded licence; null when the report has no explanation for it.</summary>
    public static string? Of(string license, Policy.Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(license);
        if (verdict == Policy.Verdict.Unknown) return "unknown";
        foreach (var (key, pattern) in s_patterns)
        {
            if (pattern.IsMatch(license)) return key;
        }
        return null;
    }
}

/// <summary>Finds concrete remedies from two tables: the packages .NET itself contains, and a curated list of packages whose newer versions left free software.</summary>
internal static class RemedyFinder
{
    private static readonly Lazy<(string Framework, string Source, Dictionary<string, NuGetVersion> Packages)> s_inbox = new(() =>
    {
        using var doc = EmbeddedData.ReadJson("framework-packages.json");
        var root = doc.RootElement;
        var map = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in root.GetProperty("packages").EnumerateObject()) map[p.Name] = NuGetVersion.Parse(p.Value.GetString()!);
        return (root.GetProperty("framework").GetString()!, root.GetProperty("source").GetString()!, map);
    });

    private static readonly Lazy<IReadOnlyList<CuratedRow>> s_curated = new(() =>
    {
        using var doc = EmbeddedData.ReadJson("remedies.json");
        return doc.RootElement.GetProperty("packages").EnumerateArray().Select(r => new CuratedRow(
            r.GetProperty("id").GetString()!,
            NuGetVersion.Parse(r.GetProperty("nonFreeFrom").GetString()!),
            r.GetProperty("freeVersion").GetString()! + " (" + r.GetProperty("freeLicense").GetString()! + ")",
            r.TryGetProperty("alternative", out var a) ? a.GetString() + " (" + r.GetProperty("alternativeLicense").GetString() + ")" : null,
            r.GetProperty("source").GetString()!)).ToArray();
    });

    private sealed record CuratedRow(string Id, NuGetVersion NonFreeFrom, string FreeVersion, string? Alternative, string Source);

    /// <summary>
    /// The remedy for a denied package of a project: acting on the direct reference that brings it (the package itself
    /// when direct; the one reference when a single one brings it in). Null when none is known: the report then says only
    /// what the engine says.
    /// </summary>
    public static DependencyRemedy? Find(string id, string version, bool isDirect, IReadOnlyList<string> introducedBy, IReadOnlyList<string> targetFrameworks)
    {
        string refId, refVersion;
        if (isDirect) (refId, refVersion) = (id, version);
        else
        {
            var roots = introducedBy.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (roots.Length != 1) return null;
            var parts = roots[0].Split(' ');
            if (parts.Length != 2) return null;
            (refId, refVersion) = (parts[0], parts[1]);
        }
        if (!NuGetVersion.TryParse(refVersion, out var v)) return null;
        var reference = refId + " " + refVersion;

        // Inbox: only for projects whose every target is a .NET 10+ framework (the list is .NET 10's).
        var (framework, source, packages) = s_inbox.Value;
        if (targetFrameworks.Count > 0 && targetFrameworks.All(IsNet10OrLater) && packages.TryGetValue(refId, out var max) && v <= max)
            return new DependencyRemedy(RemedyKind.RemoveInboxReference, reference, framework, null, null, source);

        var row = s_curated.Value.FirstOrDefault(r => string.Equals(r.Id, refId, StringComparison.OrdinalIgnoreCase) && v >= r.NonFreeFrom);
        return row == null ? null : new DependencyRemedy(RemedyKind.UseFreeVersion, reference, null, row.FreeVersion, row.Alternative, row.Source);
    }

    private static bool IsNet10OrLater(string tfm)
    {
        var m = Regex.Match(tfm, @"^net(\d+)\.\d+(-.*)?$", RegexOptions.CultureInvariant);
        return m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10;
    }
}
