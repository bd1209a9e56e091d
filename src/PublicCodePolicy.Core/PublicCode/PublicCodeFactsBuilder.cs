// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.PublicCode;

/// <summary>
/// Builds <see cref="PublicCodeFacts"/> from MSBuild properties (the <c>PublicCode*</c> ones and MSBuild's own),
/// so that the MSBuild task and the CLI (<c>dotnet msbuild -getProperty</c>) share one mapping, documented in
/// <c>docs/publiccode.md</c>. Lists are separated by <c>;</c>.
/// </summary>
public static class PublicCodeFactsBuilder
{
    /// <summary>Every property read by <see cref="FromMsBuildProperties"/> apart from the per-language ones.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = new[]
    {
        "PublicCodeName", "Product", "AssemblyName", "PublicCodeApplicationSuite", "PublicCodeUrl", "RepositoryUrl", "PublicCodeLandingUrl",
        "PackageProjectUrl", "PublicCodeSoftwareVersion", "Version", "PublicCodeReleaseDate", "PublicCodeLogo", "PublicCodeRoadmap",
        "PublicCodeLicense", "PackageLicenseExpression", "PublicCodeMainCopyrightOwner", "Company", "PublicCodeOrganisationUri",
        "PublicCodeOrganisationName", "PublicCodePlatforms", "PublicCodeCategories", "PublicCodeUsedBy", "PublicCodeFundedBy",
        "PublicCodeIsBasedOn", "PublicCodeDevelopmentStatus", "PublicCodeSoftwareType", "OutputType", "PublicCodeAudienceCountries",
        "PublicCodeAudienceUnsupportedCountries", "PublicCodeAudienceScope", "PublicCodeLanguages", "Description",
        "PublicCodeMaintenanceType", "PublicCodeMaintenanceContacts", "PublicCodeMaintenanceContractors", "PublicCodeLocalisationReady",
        "PublicCodeAvailableLanguages",
    };

    /// <summary>Per-language property stems; the language suffix is appended (<c>Fr</c>, <c>En</c>, <c>PtBr</c>…).</summary>
    public static IReadOnlyList<string> LanguagePropertyStems { get; } = new[]
    {
        "PublicCodeDescription", "PublicCodeLongDescription", "PublicCodeFeatures", "PublicCodeLocalisedName", "PublicCodeDocumentation", "PublicCodeApiDocumentation",
    };

    /// <summary>
    /// Maps evaluated MSBuild properties to facts. <paramref name="sourceDateEpoch"/> (the <c>SOURCE_DATE_EPOCH</c>
    /// environment variable) gives the release date when <c>PublicCodeReleaseDate</c> is not set.
    /// </summary>
    public static PublicCodeFacts FromMsBuildProperties(IReadOnlyDictionary<string, string?> properties, string? sourceDateEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        string? P(string name) => properties.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? First(params string[] names) => names.Select(P).FirstOrDefault(v => v != null);

        string? url = First("PublicCodeUrl", "RepositoryUrl");
        string? landing = P("PublicCodeLandingUrl");
        if (landing is null && P("PackageProjectUrl") is { } project && !string.Equals(project.TrimEnd('/'), url?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) landing = project;

        var languages = List(P("PublicCodeLanguages"));
        if (languages.Count == 0)
        {
            languages = new[] { "fr", "en" }.Where(l => LanguagePropertyStems.Any(stem => P(stem + Suffix(l)) != null)).ToArray();
        }
        if (languages.Count == 0 && P("Description") != null) languages = new[] { "en" };
        var descriptions = new List<PublicCodeDescription>();
        foreach (string language in languages)
        {
            string suffix = Suffix(language);
            descriptions.Add(new PublicCodeDescription(language)
            {
                ShortDescription = P("PublicCodeDescription" + suffix) ?? (descriptions.Count == 0 ? P("Description") : null),
                LongDescription = P("PublicCodeLongDescription" + suffix),
                Features = List(P("PublicCodeFeatures" + suffix)),
                LocalisedName = P("PublicCodeLocalisedName" + suffix),
                Documentation = P("PublicCodeDocumentation" + suffix),
                ApiDocumentation = P("PublicCodeApiDocumentation" + suffix),
            });
        }

        string? organisationUri = P("PublicCodeOrganisationUri");
        return new PublicCodeFacts
        {
            Name = First("PublicCodeName", "Product", "AssemblyName"),
            ApplicationSuite = P("PublicCodeApplicationSuite"),
            Url = url,
            LandingUrl = landing,
            SoftwareVersion = First("PublicCodeSoftwareVersion", "Version"),
            ReleaseDate = P("PublicCodeReleaseDate") ?? PublicCodeFacts.ReleaseDateFromSourceDateEpoch(sourceDateEpoch),
            Logo = P("PublicCodeLogo"),
            Roadmap = P("PublicCodeRoadmap"),
            License = First("PublicCodeLicense", "PackageLicenseExpression"),
            MainCopyrightOwner = First("PublicCodeMainCopyrightOwner", "Company"),
            Organisation = organisationUri is null ? null : new PublicCodeOrganisation(organisationUri, First("PublicCodeOrganisationName", "Company")),
            Platforms = List(P("PublicCodePlatforms")),
            Categories = List(P("PublicCodeCategories")),
            UsedBy = List(P("PublicCodeUsedBy")),
            FundedBy = List(P("PublicCodeFundedBy")).Select(ParseOrganisation).ToArray(),
            IsBasedOn = List(P("PublicCodeIsBasedOn")),
            DevelopmentStatus = P("PublicCodeDevelopmentStatus"),
            SoftwareType = P("PublicCodeSoftwareType") ?? (string.Equals(P("OutputType"), "Library", StringComparison.OrdinalIgnoreCase) ? "library" : null),
            AudienceCountries = List(P("PublicCodeAudienceCountries")),
            AudienceUnsupportedCountries = List(P("PublicCodeAudienceUnsupportedCountries")),
            AudienceScope = List(P("PublicCodeAudienceScope")),
            Descriptions = descriptions,
            MaintenanceType = P("PublicCodeMaintenanceType"),
            MaintenanceContacts = List(P("PublicCodeMaintenanceContacts")).Select(ParseContact).ToArray(),
            MaintenanceContractors = List(P("PublicCodeMaintenanceContractors")).Select(ParseContractor).ToArray(),
            LocalisationReady = P("PublicCodeLocalisationReady") is { } ready ? string.Equals(ready, "true", StringComparison.OrdinalIgnoreCase) : null,
            AvailableLanguages = List(P("PublicCodeAvailableLanguages")),
        };
    }

    /// <summary>
    /// Reads the <c>publicCode</c> section of the policy file as MSBuild-style properties: each key is the property
    /// name without its <c>PublicCode</c> prefix, in camelCase (<c>maintenanceType</c> → <c>PublicCodeMaintenanceType</c>);
    /// arrays become <c>;</c>-separated lists, booleans <c>true</c>/<c>false</c>. Other value kinds are ignored.
    /// </summary>
    public static Dictionary<string, string?> PropertiesFromPolicySection(JsonElement section)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (section.ValueKind != JsonValueKind.Object) return properties;
        foreach (var item in section.EnumerateObject())
        {
            if (item.Name.Length == 0) continue;
            string name = "PublicCode" + char.ToUpperInvariant(item.Name[0]) + item.Name[1..];
            string? value = item.Value.ValueKind switch
            {
                JsonValueKind.String => item.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Array => string.Join(";", item.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
                _ => null,
            };
            if (value != null) properties[name] = value;
        }
        return properties;
    }

    /// <summary>
    /// Combines property sources, later ones winning when they set a non-empty value: typically the policy
    /// file's section first, then the project's evaluated MSBuild properties.
    /// </summary>
    public static Dictionary<string, string?> Merge(params IReadOnlyDictionary<string, string?>[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (key, value) in source)
            {
                if (!string.IsNullOrWhiteSpace(value) || !merged.ContainsKey(key)) merged[key] = value;
            }
        }
        return merged;
    }

    /// <summary>The property suffix of a language tag: <c>fr</c> → <c>Fr</c>, <c>pt-BR</c> → <c>PtBr</c>.</summary>
    public static string Suffix(string language)
    {
        var parts = language.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
    }

    private static IReadOnlyList<string> List(string? value)
        => value is null ? Array.Empty<string>() : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>uri|name</c>.</summary>
    private static PublicCodeOrganisation ParseOrganisation(string item)
    {
        var parts = item.Split('|', 2, StringSplitOptions.TrimEntries);
        return new PublicCodeOrganisation(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    /// <summary><c>Name &lt;email&gt;</c> or <c>Name</c>.</summary>
    private static PublicCodeContact ParseContact(string item)
    {
        int lt = item.LastIndexOf('<');
        if (lt > 0 && item.EndsWith('>'))
        {
            return new PublicCodeContact(item[..lt].Trim(), item[(lt + 1)..^1].Trim());
        }
        return new PublicCodeContact(item);
    }

    /// <summary><c>Name|until|email|website</c>.</summary>
    private static PublicCodeContractor ParseContractor(string item)
    {
        var parts = item.Split('|', StringSplitOptions.TrimEntries);
        string? At(int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
        return new PublicCodeContractor(parts[0], At(1) ?? string.Empty, At(2), At(3));
    }
}
