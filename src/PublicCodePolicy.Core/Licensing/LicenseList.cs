// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Frozen;
using System.Text.Json;

namespace PublicCodePolicy.Licensing;

/// <summary>Facts about one licence of the SPDX licence list.</summary>
public sealed class LicenseInfo
{
    internal LicenseInfo(string id, string name, bool isOsiApproved, bool? isFsfLibre, bool isDeprecated, IReadOnlyList<string> urls)
    {
        Id = id;
        Name = name;
        IsOsiApproved = isOsiApproved;
        IsFsfLibre = isFsfLibre;
        IsDeprecated = isDeprecated;
        Urls = urls;
    }

    /// <summary>SPDX identifier.</summary>
    public string Id { get; }

    /// <summary>Full name.</summary>
    public string Name { get; }

    /// <summary>Approved by the Open Source Initiative.</summary>
    public bool IsOsiApproved { get; }

    /// <summary>True when the FSF calls it free ("libre"), false when it calls it non-free, null when the FSF says nothing.</summary>
    public bool? IsFsfLibre { get; }

    /// <summary>A deprecated identifier (e.g. <c>GPL-2.0</c>, replaced by <c>GPL-2.0-only</c>).</summary>
    public bool IsDeprecated { get; }

    /// <summary>Reference URLs ("see also") from the list.</summary>
    public IReadOnlyList<string> Urls { get; }
}

/// <summary>Facts about one exception of the SPDX exception list.</summary>
public sealed class LicenseExceptionInfo
{
    internal LicenseExceptionInfo(string id, string name, bool isDeprecated)
    {
        Id = id;
        Name = name;
        IsDeprecated = isDeprecated;
    }

    /// <summary>SPDX identifier.</summary>
    public string Id { get; }

    /// <summary>Full name.</summary>
    public string Name { get; }

    /// <summary>A deprecated identifier.</summary>
    public bool IsDeprecated { get; }
}

/// <summary>The SPDX licence and exception lists embedded in the product (see <see cref="Version"/>).</summary>
public sealed class LicenseList : ISpdxIdentifierCatalog
{
    private static readonly Lazy<LicenseList> s_default = new(Load);

    private readonly FrozenDictionary<string, LicenseInfo> _licenses;
    private readonly FrozenDictionary<string, LicenseExceptionInfo> _exceptions;

    private LicenseList(string version, string releaseDate, IEnumerable<LicenseInfo> licenses, IEnumerable<LicenseExceptionInfo> exceptions)
    {
        Version = version;
        ReleaseDate = releaseDate;
        _licenses = licenses.ToFrozenDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase);
        _exceptions = exceptions.ToFrozenDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        Licenses = _licenses.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToArray();
        Exceptions = _exceptions.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The list shipped with this version of the product.</summary>
    public static LicenseList Default => s_default.Value;

    /// <summary>SPDX licence list version, e.g. <c>3.28.0</c>.</summary>
    public string Version { get; }

    /// <summary>Release date of the list (ISO 8601).</summary>
    public string ReleaseDate { get; }

    /// <summary>All licences, sorted by identifier (ordinal).</summary>
    public IReadOnlyList<LicenseInfo> Licenses { get; }

    /// <summary>All exceptions, sorted by identifier (ordinal).</summary>
    public IReadOnlyList<LicenseExceptionInfo> Exceptions { get; }

    /// <summary>Looks a licence up, case-insensitively.</summary>
    public bool TryGetLicense(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LicenseInfo? info) => _licenses.TryGetValue(id, out info);

    /// <summary>Looks an exception up, case-insensitively.</summary>
    public bool TryGetException(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LicenseExceptionInfo? info) => _exceptions.TryGetValue(id, out info);

    /// <inheritdoc />
    public bool TryGetLicenseId(string candidate, out string canonicalId)
    {
        if (_licenses.TryGetValue(candidate, out var info))
        {
            canonicalId = info.Id;
            return true;
        }
        canonicalId = candidate;
        return false;
    }

    /// <inheritdoc />
    public bool TryGetExceptionId(string candidate, out string canonicalId)
    {
        if (_exceptions.TryGetValue(candidate, out var info))
        {
            canonicalId = info.Id;
            return true;
        }
        canonicalId = candidate;
        return false;
    }

    /// <summary>Parses an expression against this list (see <see cref="SpdxExpressionParser"/>).</summary>
    public bool TryParse(string? text, out SpdxExpression? expression, out IReadOnlyList<SpdxParseDiagnostic> diagnostics)
        => SpdxExpressionParser.TryParse(text, this, out expression, out diagnostics);

    private static LicenseList Load()
    {
        using var licDoc = EmbeddedData.ReadJson("spdx-licenses.json");
        using var excDoc = EmbeddedData.ReadJson("spdx-exceptions.json");
        var root = licDoc.RootElement;
        var licenses = new List<LicenseInfo>();
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            bool? fsf = item.TryGetProperty("fsf", out var f) ? f.GetBoolean() : null;
            var urls = item.TryGetProperty("urls", out var u) ? u.EnumerateArray().Select(x => x.GetString()!).ToArray() : Array.Empty<string>();
            licenses.Add(new LicenseInfo(
                item.GetProperty("id").GetString()!,
                item.GetProperty("name").GetString()!,
                item.TryGetProperty("osi", out var o) && o.GetBoolean(),
                fsf,
                item.TryGetProperty("deprecated", out var d) && d.GetBoolean(),
                urls));
        }
        var exceptions = new List<LicenseExceptionInfo>();
        foreach (var item in excDoc.RootElement.GetProperty("items").EnumerateArray())
        {
            exceptions.Add(new LicenseExceptionInfo(
                item.GetProperty("id").GetString()!,
                item.GetProperty("name").GetString()!,
                item.TryGetProperty("deprecated", out var d) && d.GetBoolean()));
        }
        return new LicenseList(root.GetProperty("licenseListVersion").GetString()!, root.GetProperty("releaseDate").GetString()!, licenses, exceptions);
    }
}
