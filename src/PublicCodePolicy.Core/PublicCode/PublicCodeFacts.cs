// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;

namespace PublicCodePolicy.PublicCode;

/// <summary>An organisation (publisher or funder): a stable URI and an optional canonical name.</summary>
public sealed record PublicCodeOrganisation(string Uri, string? Name = null);

/// <summary>A maintenance contact: a real person.</summary>
public sealed record PublicCodeContact(string Name, string? Email = null, string? Phone = null, string? Affiliation = null);

/// <summary>A maintenance contractor (for <c>maintenance.type: contract</c>).</summary>
public sealed record PublicCodeContractor(string Name, string Until, string? Email = null, string? Website = null);

/// <summary>The description of the software in one language (a BCP 47 tag such as <c>fr</c> or <c>en</c>).</summary>
public sealed record PublicCodeDescription(string Language)
{
    /// <summary>Name in this language, when it differs from <c>name</c>.</summary>
    public string? LocalisedName { get; init; }

    /// <summary>One sentence, at most 150 characters.</summary>
    public string? ShortDescription { get; init; }

    /// <summary>150 to 10 000 characters of basic Markdown.</summary>
    public string? LongDescription { get; init; }

    /// <summary>Main features (at least one).</summary>
    public IReadOnlyList<string> Features { get; init; } = Array.Empty<string>();

    /// <summary>User documentation URL (http/https).</summary>
    public string? Documentation { get; init; }

    /// <summary>API documentation URL (http/https).</summary>
    public string? ApiDocumentation { get; init; }
}

/// <summary>
/// What the project knows about itself (from MSBuild properties, the repository and the policy file), from
/// which publiccode.yml is generated. Each property's documentation names where the MSBuild task takes it
/// from; <c>docs/publiccode.md</c> has the full mapping.
/// </summary>
public sealed class PublicCodeFacts
{
    /// <summary><c>name</c>: <c>PublicCodeName</c>, else <c>Product</c>, else <c>AssemblyName</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>applicationSuite</c>: <c>PublicCodeApplicationSuite</c>.</summary>
    public string? ApplicationSuite { get; init; }

    /// <summary><c>url</c> (owned): <c>PublicCodeUrl</c>, else <c>RepositoryUrl</c>.</summary>
    public string? Url { get; init; }

    /// <summary><c>landingURL</c>: <c>PublicCodeLandingUrl</c>, else <c>PackageProjectUrl</c> when it differs from the repository URL.</summary>
    public string? LandingUrl { get; init; }

    /// <summary><c>softwareVersion</c> (owned): <c>Version</c> (or the release tag).</summary>
    public string? SoftwareVersion { get; init; }

    /// <summary><c>releaseDate</c> (owned), <c>YYYY-MM-DD</c>: the tag's date, else <c>SOURCE_DATE_EPOCH</c> (see <see cref="ReleaseDateFromSourceDateEpoch"/>).</summary>
    public string? ReleaseDate { get; init; }

    /// <summary><c>logo</c>: <c>PublicCodeLogo</c>, a path relative to the repository root.</summary>
    public string? Logo { get; init; }

    /// <summary><c>roadmap</c>: <c>PublicCodeRoadmap</c>.</summary>
    public string? Roadmap { get; init; }

    /// <summary><c>legal.license</c> (owned): <c>PackageLicenseExpression</c>.</summary>
    public string? License { get; init; }

    /// <summary><c>legal.mainCopyrightOwner</c>: <c>PublicCodeMainCopyrightOwner</c>, else <c>Company</c>.</summary>
    public string? MainCopyrightOwner { get; init; }

    /// <summary><c>organisation</c>: <c>PublicCodeOrganisationUri</c> and <c>PublicCodeOrganisationName</c> (else <c>Company</c>).</summary>
    public PublicCodeOrganisation? Organisation { get; init; }

    /// <summary><c>platforms</c>: <c>PublicCodePlatforms</c> (e.g. <c>web;windows;linux</c>).</summary>
    public IReadOnlyList<string> Platforms { get; init; } = Array.Empty<string>();

    /// <summary><c>categories</c>: <c>PublicCodeCategories</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();

    /// <summary><c>usedBy</c>: <c>PublicCodeUsedBy</c>.</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = Array.Empty<string>();

    /// <summary><c>fundedBy</c>: <c>PublicCodeFundedBy</c> (<c>uri|name</c> items).</summary>
    public IReadOnlyList<PublicCodeOrganisation> FundedBy { get; init; } = Array.Empty<PublicCodeOrganisation>();

    /// <summary><c>isBasedOn</c>: <c>PublicCodeIsBasedOn</c> (URLs of the upstream software).</summary>
    public IReadOnlyList<string> IsBasedOn { get; init; } = Array.Empty<string>();

    /// <summary><c>developmentStatus</c>: <c>PublicCodeDevelopmentStatus</c> (concept, development, beta, stable, obsolete).</summary>
    public string? DevelopmentStatus { get; init; }

    /// <summary><c>softwareType</c>: <c>PublicCodeSoftwareType</c>, else <c>library</c> for <c>OutputType=Library</c>.</summary>
    public string? SoftwareType { get; init; }

    /// <summary><c>intendedAudience.countries</c>: <c>PublicCodeAudienceCountries</c> (e.g. <c>FR</c>).</summary>
    public IReadOnlyList<string> AudienceCountries { get; init; } = Array.Empty<string>();

    /// <summary><c>intendedAudience.unsupportedCountries</c>: <c>PublicCodeAudienceUnsupportedCountries</c>.</summary>
    public IReadOnlyList<string> AudienceUnsupportedCountries { get; init; } = Array.Empty<string>();

    /// <summary><c>intendedAudience.scope</c>: <c>PublicCodeAudienceScope</c> (e.g. <c>local-authorities</c>).</summary>
    public IReadOnlyList<string> AudienceScope { get; init; } = Array.Empty<string>();

    /// <summary><c>description.&lt;lang&gt;</c>: <c>PublicCodeDescriptionFr</c>/<c>En</c>, <c>PublicCodeLongDescriptionFr</c>/<c>En</c>, <c>PublicCodeFeaturesFr</c>/<c>En</c>; <c>Description</c> fills the short description of the first language.</summary>
    public IReadOnlyList<PublicCodeDescription> Descriptions { get; init; } = Array.Empty<PublicCodeDescription>();

    /// <summary><c>maintenance.type</c>: <c>PublicCodeMaintenanceType</c> (internal, contract, community, none).</summary>
    public string? MaintenanceType { get; init; }

    /// <summary><c>maintenance.contacts</c>: <c>PublicCodeMaintenanceContacts</c> (<c>Name &lt;email&gt;</c> items).</summary>
    public IReadOnlyList<PublicCodeContact> MaintenanceContacts { get; init; } = Array.Empty<PublicCodeContact>();

    /// <summary><c>maintenance.contractors</c>: <c>PublicCodeMaintenanceContractors</c> (<c>Name|until|email|website</c> items).</summary>
    public IReadOnlyList<PublicCodeContractor> MaintenanceContractors { get; init; } = Array.Empty<PublicCodeContractor>();

    /// <summary><c>localisation.localisationReady</c>: <c>PublicCodeLocalisationReady</c>.</summary>
    public bool? LocalisationReady { get; init; }

    /// <summary><c>localisation.availableLanguages</c>: <c>PublicCodeAvailableLanguages</c>, else the description languages.</summary>
    public IReadOnlyList<string> AvailableLanguages { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The UTC date of a <c>SOURCE_DATE_EPOCH</c> value (seconds since 1970), as <c>YYYY-MM-DD</c>;
    /// null when the value is absent or not a number.
    /// </summary>
    public static string? ReleaseDateFromSourceDateEpoch(string? sourceDateEpoch)
    {
        if (string.IsNullOrWhiteSpace(sourceDateEpoch) || !long.TryParse(sourceDateEpoch.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)) return null;
        if (seconds > 253402300799) return null;
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
