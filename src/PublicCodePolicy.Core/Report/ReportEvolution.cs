// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Json;

namespace PublicCodePolicy.Report;

/// <summary>One distinct dependency of the report (id and version), with its worst verdict and whether it ships.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">Version.</param>
/// <param name="License">Concluded licence.</param>
/// <param name="Verdict">Worst verdict across projects (<c>allowed</c>, <c>excepted</c>, <c>unknown</c>, <c>denied</c>).</param>
/// <param name="Shipped">Runtime dependency of a deliverable.</param>
public sealed record ReportPackage(string Id, string Version, string License, string Verdict, bool Shipped);

/// <summary>What changed since a previous dossier (<c>report --previous old/publiccode-report.json</c>).</summary>
public sealed class ReportEvolution
{
    /// <summary>Date of the previous dossier; null when it had none.</summary>
    public string? PreviousDate { get; init; }

    /// <summary>Free share of shipped dependencies in the previous dossier (0 to 1); null when it did not say.</summary>
    public double? PreviousShare { get; init; }

    /// <summary>Dependencies (<c>Id Version</c>) present now and not before, sorted.</summary>
    public IReadOnlyList<string> Added { get; init; } = Array.Empty<string>();

    /// <summary>Dependencies present before and not now, sorted.</summary>
    public IReadOnlyList<string> Removed { get; init; } = Array.Empty<string>();

    /// <summary>Packages whose licence changed (<c>Id: before → now</c>), sorted.</summary>
    public IReadOnlyList<string> LicenseChanges { get; init; } = Array.Empty<string>();

    /// <summary>Exceptions (package patterns) expired now that were not expired in the previous dossier, sorted.</summary>
    public IReadOnlyList<string> NewlyExpired { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Compares with a previous <c>publiccode-report.json</c>.
    /// </summary>
    /// <exception cref="FormatException">The file is not a compliance report JSON.</exception>
    public static ReportEvolution Compare(Stream previousJson, IReadOnlyList<ReportPackage> packages, IReadOnlyList<ExceptionRecord> exceptions)
    {
        ArgumentNullException.ThrowIfNull(previousJson);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(exceptions);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(previousJson, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FormatException("not valid JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("verification", out _) || !root.TryGetProperty("totals", out _))
                throw new FormatException("not a 'publiccode report' JSON (publiccode-report.json).");
            try
            {
                string? date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                double? share = root.TryGetProperty("shipped", out var sh) && sh.TryGetProperty("freeShare", out var fs) && fs.ValueKind == JsonValueKind.Number ? fs.GetDouble() : null;
                var before = new List<(string Id, string Version, string License)>();
                if (root.TryGetProperty("packages", out var pk) && pk.ValueKind == JsonValueKind.Array)
                {
                    foreach (var p in pk.EnumerateArray())
                        before.Add((p.GetProperty("id").GetString()!, p.GetProperty("version").GetString()!, p.GetProperty("license").GetString()!));
                }
                var expiredBefore = new HashSet<string>(StringComparer.Ordinal);
                if (root.TryGetProperty("exceptions", out var ex) && ex.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in ex.EnumerateArray())
                        if (e.TryGetProperty("state", out var st) && st.GetString() == "expired") expiredBefore.Add(e.GetProperty("package").GetString()!);
                }
                static string Key(string id, string version) => id.ToUpperInvariant() + " " + version;
                var nowKeys = packages.ToDictionary(p => Key(p.Id, p.Version), p => p, StringComparer.Ordinal);
                var beforeKeys = before.GroupBy(p => Key(p.Id, p.Version), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var licenceBefore = before.GroupBy(p => p.Id.ToUpperInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.License).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
                var licenceNow = packages.GroupBy(p => p.Id.ToUpperInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Id, Licenses: g.Select(x => x.License).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToArray()), StringComparer.Ordinal);
                return new ReportEvolution
                {
                    PreviousDate = date,
                    PreviousShare = share,
                    Added = before.Count == 0 ? Array.Empty<string>() : nowKeys.Where(kv => !beforeKeys.ContainsKey(kv.Key)).Select(kv => kv.Value.Id + " " + kv.Value.Version).OrderBy(x => x, StringComparer.Ordinal).ToArray(),
                    Removed = beforeKeys.Where(kv => !nowKeys.ContainsKey(kv.Key)).Select(kv => kv.Value.Id + " " + kv.Value.Version).OrderBy(x => x, StringComparer.Ordinal).ToArray(),
                    LicenseChanges = licenceNow.Where(kv => licenceBefore.TryGetValue(kv.Key, out var b) && !b.SequenceEqual(kv.Value.Licenses))
                        .Select(kv => kv.Value.Id + ": " + string.Join(", ", licenceBefore[kv.Key]) + " → " + string.Join(", ", kv.Value.Licenses))
                        .OrderBy(x => x, StringComparer.Ordinal).ToArray(),
                    NewlyExpired = exceptions.Where(e => e.State == ExceptionState.Expired && !expiredBefore.Contains(e.Package)).Select(e => e.Package).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToArray(),
                };
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException("a property is missing or has the wrong type: " + e.Message, e);
            }
        }
    }

    internal static string Percent(double? share) => share == null ? "—" : (share.Value * 100).ToString("0.0", CultureInfo.InvariantCulture);
}
