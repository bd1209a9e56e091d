// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.PublicCode;

/// <summary>The outcome of generating or updating publiccode.yml.</summary>
public sealed class PublicCodeGenerationResult
{
    internal PublicCodeGenerationResult(string? text, IReadOnlyList<Finding> findings, PublicCodeValidationResult? validation, IReadOnlyList<string> changedKeys)
    {
        Text = text;
        Findings = findings;
        Validation = validation;
        ChangedKeys = changedKeys;
    }

    /// <summary>The file content; null when nothing can be written (see <see cref="Findings"/>).</summary>
    public string? Text { get; }

    /// <summary>Missing facts (PCP3003), refused updates (PCP3004), and the validator's errors and warnings (PCP3001/PCP3002).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The validation of <see cref="Text"/>, when there is a text.</summary>
    public PublicCodeValidationResult? Validation { get; }

    /// <summary>Keys written or changed (for an update: the owned keys whose value changed).</summary>
    public IReadOnlyList<string> ChangedKeys { get; }

    /// <summary>True when a text exists and passes the validator.</summary>
    public bool Succeeded => Text != null && Validation is { HasErrors: false } && !Findings.Any(f => f.Severity == FindingSeverity.Error);
}

/// <summary>Builds a new publiccode.yml (<c>publiccodeYmlVersion: "0"</c>) from <see cref="PublicCodeFacts"/>.</summary>
public static class PublicCodeGenerator
{
    /// <summary>
    /// Generates the file text. Required facts that are missing become PCP3003 findings naming the MSBuild
    /// property or policy key to set, and no text is produced; otherwise the text is validated (file checks
    /// against <paramref name="validation"/>'s repository root) and the validator's findings are added.
    /// </summary>
    public static PublicCodeGenerationResult Generate(PublicCodeFacts facts, PublicCodeValidationOptions? validation = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = MissingFacts(facts);
        if (missing.Count > 0) return new PublicCodeGenerationResult(null, missing, null, Array.Empty<string>());
        var keys = new List<string>();
        string text = Write(facts, keys);
        var result = PublicCodeValidator.Validate(text, validation ?? new PublicCodeValidationOptions { CheckFiles = false });
        return new PublicCodeGenerationResult(text, result.ToFindings(), result, keys);
    }

    /// <summary>
    /// A starting file for <c>publiccode init</c>: every fact the project already gives, and, as comments at the top,
    /// each required fact still missing with the property or policy key that sets it. It always parses; it passes
    /// the validator once the missing facts are filled in (by hand, or through the properties and
    /// <c>publiccode yml generate</c> on a file that does not exist yet).
    /// </summary>
    public static string Skeleton(PublicCodeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = Write(facts, new List<string>());
        var missing = MissingFacts(facts);
        if (missing.Count == 0) return text;
        var header = new System.Text.StringBuilder();
        header.Append("# To complete before publishing (then check with: publiccode yml validate):\n");
        foreach (var m in missing) header.Append("#   - ").Append(m.Message).Append(' ').Append(m.Remedy).Append('\n');
        return header + text;
    }

    /// <summary>The PCP3003 findings for required facts that are missing or unusable.</summary>
    public static IReadOnlyList<Finding> MissingFacts(PublicCodeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<Finding>();
        void Missing(string key, string property, string why) => findings.Add(new Finding
        {
            RuleId = PublicCodeRules.MissingFact.Id,
            Severity = FindingSeverity.Error,
            IsEnforced = true,
            Message = "publiccode.yml key '" + key + "' cannot be written: " + why,
            Remedy = "Set the MSBuild property " + property + " (or the policy file key publicCode." + PolicyKey(property) + ").",
        });
        if (IsBlank(facts.Name)) Missing("name", "PublicCodeName (or Product)", "the product has no name");
        if (IsBlank(facts.Url)) Missing("url", "PublicCodeUrl (or RepositoryUrl)", "the source repository URL is unknown");
        if (facts.Platforms.Count == 0) Missing("platforms", "PublicCodePlatforms", "at least one platform is required (e.g. web, windows, linux)");
        if (IsBlank(facts.DevelopmentStatus)) Missing("developmentStatus", "PublicCodeDevelopmentStatus", "one of concept, development, beta, stable, obsolete is required");
        if (IsBlank(facts.SoftwareType)) Missing("softwareType", "PublicCodeSoftwareType", "one of standalone/web, standalone/desktop, standalone/backend, library, addon… is required");
        if (IsBlank(facts.License)) Missing("legal.license", "PackageLicenseExpression", "the licence (an SPDX expression) is unknown");
        if (IsBlank(facts.MaintenanceType)) Missing("maintenance.type", "PublicCodeMaintenanceType", "one of internal, contract, community, none is required");
        else if (facts.MaintenanceType is "internal" or "community" && facts.MaintenanceContacts.Count == 0) Missing("maintenance.contacts", "PublicCodeMaintenanceContacts", "maintenance type '" + facts.MaintenanceType + "' needs at least one contact (Name <email>)");
        else if (facts.MaintenanceType == "contract" && facts.MaintenanceContractors.Count == 0) Missing("maintenance.contractors", "PublicCodeMaintenanceContractors", "maintenance type 'contract' needs at least one contractor");
        if (facts.Descriptions.Count == 0)
        {
            Missing("description", "PublicCodeDescriptionFr / PublicCodeDescriptionEn (or Description)", "at least one language is required");
        }
        foreach (var d in facts.Descriptions)
        {
            string suffix = PublicCodeFactsBuilder.Suffix(d.Language);
            if (IsBlank(d.ShortDescription)) Missing("description." + d.Language + ".shortDescription", "PublicCodeDescription" + suffix, "a one-sentence description (at most 150 characters) is required");
            if (IsBlank(d.LongDescription)) Missing("description." + d.Language + ".longDescription", "PublicCodeLongDescription" + suffix, "a description of 150 to 10000 characters is required in every language");
            if (d.Features.Count == 0) Missing("description." + d.Language + ".features", "PublicCodeFeatures" + suffix, "at least one feature is required in every language");
        }
        return findings;
    }

    internal static string Write(PublicCodeFacts f, List<string> keys)
    {
        var w = new Writer(keys);
        w.Comment("publiccode.yml — see https://yml.publiccode.tools (standard 0.7). Generated by PublicCodePolicy:");
        w.Comment("softwareVersion, releaseDate, legal.license and url are updated on each run; edit anything else freely.");
        w.Scalar(0, "publiccodeYmlVersion", YamlScalarWriter.DoubleQuoted("0"));
        w.Text(0, "name", f.Name);
        w.Text(0, "applicationSuite", f.ApplicationSuite);
        w.Text(0, "url", f.Url);
        w.Text(0, "landingURL", f.LandingUrl);
        w.List(0, "isBasedOn", f.IsBasedOn);
        w.Text(0, "softwareVersion", f.SoftwareVersion);
        w.Text(0, "releaseDate", f.ReleaseDate);
        w.Text(0, "logo", f.Logo);
        if (f.Organisation is { } org)
        {
            w.Open(0, "organisation");
            w.Text(2, "uri", org.Uri);
            w.Text(2, "name", org.Name);
        }
        w.List(0, "platforms", f.Platforms);
        w.List(0, "categories", f.Categories);
        w.List(0, "usedBy", f.UsedBy);
        if (f.FundedBy.Count > 0)
        {
            w.Open(0, "fundedBy");
            foreach (var funder in f.FundedBy)
            {
                w.Item(2, "uri", YamlScalarWriter.Auto(funder.Uri));
                w.Text(4, "name", funder.Name);
            }
        }
        w.Text(0, "roadmap", f.Roadmap);
        w.Text(0, "developmentStatus", f.DevelopmentStatus);
        w.Text(0, "softwareType", f.SoftwareType);
        if (f.AudienceCountries.Count + f.AudienceUnsupportedCountries.Count + f.AudienceScope.Count > 0)
        {
            w.Open(0, "intendedAudience");
            w.List(2, "countries", f.AudienceCountries);
            w.List(2, "unsupportedCountries", f.AudienceUnsupportedCountries);
            w.List(2, "scope", f.AudienceScope);
        }
        w.Open(0, "description");
        foreach (var d in f.Descriptions)
        {
            w.Open(2, d.Language);
            w.Text(4, "localisedName", d.LocalisedName);
            w.Text(4, "shortDescription", d.ShortDescription);
            if (d.LongDescription is { } longDescription) w.Scalar(4, "longDescription", YamlScalarWriter.Block(longDescription, 6));
            w.Text(4, "documentation", d.Documentation);
            w.Text(4, "apiDocumentation", d.ApiDocumentation);
            w.List(4, "features", d.Features);
        }
        w.Open(0, "legal");
        w.Text(2, "license", f.License);
        w.Text(2, "mainCopyrightOwner", f.MainCopyrightOwner);
        w.Open(0, "maintenance");
        w.Text(2, "type", f.MaintenanceType);
        if (f.MaintenanceType == "contract" && f.MaintenanceContractors.Count > 0)
        {
            w.Open(2, "contractors");
            foreach (var c in f.MaintenanceContractors)
            {
                w.Item(4, "name", YamlScalarWriter.Auto(c.Name));
                w.Text(6, "until", c.Until);
                w.Text(6, "email", c.Email);
                w.Text(6, "website", c.Website);
            }
        }
        if (f.MaintenanceContacts.Count > 0)
        {
            w.Open(2, "contacts");
            foreach (var c in f.MaintenanceContacts)
            {
                w.Item(4, "name", YamlScalarWriter.Auto(c.Name));
                w.Text(6, "email", c.Email);
                w.Text(6, "phone", c.Phone);
                w.Text(6, "affiliation", c.Affiliation);
            }
        }
        w.Open(0, "localisation");
        w.Scalar(2, "localisationReady", f.LocalisationReady == true ? "true" : "false");
        var languages = f.AvailableLanguages.Count > 0 ? f.AvailableLanguages : f.Descriptions.Select(d => d.Language).ToArray();
        w.List(2, "availableLanguages", languages);
        return w.ToString();
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string PolicyKey(string property)
    {
        string first = property.Split(' ')[0];
        string name = first.StartsWith("PublicCode", StringComparison.Ordinal) ? first["PublicCode".Length..] : first;
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private readonly List<string> _keys;

        public Writer(List<string> keys) => _keys = keys;

        public void Comment(string text) => _sb.Append("# ").Append(text).Append('\n');

        public void Scalar(int indent, string key, string rendered)
        {
            Track(indent, key);
            _sb.Append(' ', indent).Append(key).Append(": ").Append(rendered).Append('\n');
        }

        public void Text(int indent, string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) Scalar(indent, key, YamlScalarWriter.Auto(value));
        }

        public void Open(int indent, string key)
        {
            Track(indent, key);
            _sb.Append(' ', indent).Append(YamlScalarWriter.Auto(key)).Append(":\n");
        }

        /// <summary>A sequence item that is a mapping, opened with its first key.</summary>
        public void Item(int indent, string key, string rendered)
        {
            _sb.Append(' ', indent).Append("- ").Append(key).Append(": ").Append(rendered).Append('\n');
        }

        public void List(int indent, string key, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            Open(indent, key);
            foreach (string v in values) _sb.Append(' ', indent + 2).Append("- ").Append(YamlScalarWriter.Auto(v)).Append('\n');
        }

        private void Track(int indent, string key)
        {
            if (indent == 0) _keys.Add(key);
        }

        public override string ToString() => _sb.ToString();
    }
}
