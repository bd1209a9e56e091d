// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.PublicCode;

/// <summary>
/// Validates publiccode.yml with the rules of the official validator, publiccode-parser-go (v0 files,
/// standard 0.7), in its no-network mode: same keys, messages, lines and columns.
/// </summary>
public static class PublicCodeValidator
{
    /// <summary>Versions the official parser accepts, in the order its message lists them.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = new[] { "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5.0", "0.5", "0.7.0", "0.7" };

    private const string DeprecatedDrop = "This key is DEPRECATED and will be removed in the future. It's safe to drop it";
    private const string CategoriesUrl = "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst";
    private const string ScopesUrl = "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst";
    private const string AliasesUrl = "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst";
    private const string IpaUrl = "https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary";
    private static readonly Regex s_mapKey = new(@"\[([A-Za-z]+)\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Validates the bytes of a file: checks UTF-8 first (a byte-order mark is accepted).</summary>
    public static PublicCodeValidationResult ValidateBytes(ReadOnlySpan<byte> content, PublicCodeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (content.Length > (long)options.MaxInputChars * 4)
        {
            return Single("", string.Create(CultureInfo.InvariantCulture, $"file too large: {content.Length} bytes"));
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Single("", "Invalid UTF-8");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return Validate(text, options);
    }

    /// <summary>Reads and validates a file; relative paths resolve against <see cref="PublicCodeValidationOptions.RepositoryRoot"/>, or the file's folder when that is null.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PublicCodeValidationResult ValidateFile(string path, PublicCodeValidationOptions? options = null)
    {
        options ??= new PublicCodeValidationOptions();
        if (options.RepositoryRoot is null)
        {
            options = new PublicCodeValidationOptions
            {
                RepositoryRoot = Path.GetDirectoryName(Path.GetFullPath(path)),
                CheckFiles = options.CheckFiles,
                MaxInputChars = options.MaxInputChars,
                MaxDepth = options.MaxDepth,
                MaxNodes = options.MaxNodes,
                MaxDecodedNodes = options.MaxDecodedNodes,
                MaxImageBytes = options.MaxImageBytes,
            };
        }
        byte[] bytes;
        try
        {
            // Only a regular file, capped while read: a FIFO or a link to /dev/zero committed as publiccode.yml must not hang CI.
            bytes = IO.InputFile.ReadAllBytes(path, (long)options.MaxInputChars * 4);
        }
        catch (IO.InputFileException ex)
        {
            return Single("", ex.Reason.StartsWith("it is larger", StringComparison.Ordinal) ? "file too large: more than " + ((long)options.MaxInputChars * 4).ToString(CultureInfo.InvariantCulture) + " bytes" : ex.Message);
        }
        return ValidateBytes(bytes, options);
    }

    /// <summary>Validates publiccode.yml text. Never throws on bad input and never uses the network.</summary>
    public static PublicCodeValidationResult Validate(string yamlText, PublicCodeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(options);
        var run = new Run(options);
        try
        {
            run.Execute(yamlText.Length > 0 && yamlText[0] == '\uFEFF' ? yamlText[1..] : yamlText);
        }
        catch (RegexMatchTimeoutException)
        {
            run.Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, "", "validation stopped: a value is too complex to check", 0, 0));
        }
        return new PublicCodeValidationResult(run.Results);
    }

    private static PublicCodeValidationResult Single(string key, string message)
        => new(new[] { new PublicCodeDiagnostic(PublicCodeSeverity.Error, key, message, 0, 0) });

    private sealed class Run
    {
        private readonly PublicCodeValidationOptions _options;
        private YamlMapping _root = null!;

        public Run(PublicCodeValidationOptions options) => _options = options;

        public List<PublicCodeDiagnostic> Results { get; } = new();

        public void Execute(string text)
        {
            var docs = YamlTreeLoader.Load(text, new YamlLimits(_options.MaxInputChars, _options.MaxDepth, _options.MaxNodes), out var loadError);
            if (docs is null)
            {
                Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, "", loadError!.Message, loadError.Line, loadError.Column));
                return;
            }
            if (docs.Count == 0 || docs[0] is null)
            {
                Error0("publiccodeYmlVersion", "publiccodeYmlVersion is a required field");
                return;
            }
            if (docs.Count > 1)
            {
                Error0("", "multiple YAML documents in one file are not supported");
                return;
            }
            if (docs[0] is not YamlMapping root || root.Find("publiccodeYmlVersion") is not { } versionPair)
            {
                Error0("publiccodeYmlVersion", "publiccodeYmlVersion is a required field");
                return;
            }
            _root = root;
            var versionNode = versionPair.Value is YamlAlias va ? va.Target : versionPair.Value;
            if (versionNode is not YamlScalar { Type: YamlScalarType.String } versionScalar)
            {
                Error("publiccodeYmlVersion", "wrong type for this field");
                return;
            }
            string version = versionScalar.Value;
            if (!SupportedVersions.Contains(version, StringComparer.Ordinal))
            {
                Error0("publiccodeYmlVersion", "unsupported version: '" + version + "'. Supported versions: " + string.Join(", ", SupportedVersions));
                return;
            }
            if (version != "0" && !version.StartsWith("0.7", StringComparison.Ordinal))
            {
                Warn("publiccodeYmlVersion", "v" + version + " is not the latest version, use '0'. Parsing this file as v0.7.");
            }

            DStruct pc;
            try
            {
                pc = new PublicCodeDecoder(_options.MaxDecodedNodes).Decode(root, out var failure);
                if (failure != null)
                {
                    Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, FindKeyAtLine(root, failure.Node.Line, ""), failure.Message, failure.Node.Line, 1));
                }
            }
            catch (DecodeFailure budget)
            {
                Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, "", budget.Message, budget.Node.Line, 1));
                return;
            }
            ValidateStruct(pc);
            CheckFields(pc);
        }

        // ---------------------------------------------------------------- struct rules (go-playground tags)

        private void ValidateStruct(DStruct pc)
        {
            if (IsEmpty(pc.GetString("name"))) Required("name");
            var url = pc.Get("url") as DString;
            if (url is null) Required("url");
            else if (!PublicCodeFormats.IsUrl(url.Value)) Tag("url", "must be a valid URL");
            HttpUrl(pc, "landingURL", "landingURL");
            if (pc.GetList("isBasedOn") is { } isBasedOn)
            {
                ForEachString(isBasedOn, "isBasedOn", (ns, v) =>
                {
                    if (!PublicCodeFormats.IsUrl(v)) Tag(ns, "must be a valid URL");
                });
            }
            if (pc.Get("releaseDate") is DString releaseDate && !PublicCodeFormats.IsDate(releaseDate.Value)) Tag("releaseDate", "must be a date with format 'YYYY-MM-DD'");
            if (pc.GetStruct("organisation") is { } organisation) OrganisationUri(organisation, "organisation.uri");
            foreach (string types in new[] { "inputTypes", "outputTypes" })
            {
                if (pc.GetList(types) is { } list) ForEachString(list, types, (ns, v) =>
                {
                    if (!PublicCodeFormats.IsMimeType(v)) Tag(ns, "is not a valid MIME type");
                });
            }
            if (Count(pc.GetList("platforms")) == 0) Tag("platforms", "must contain more than 0 items");
            if (pc.GetList("categories") is { } categories) ForEachString(categories, "categories", (ns, v) =>
            {
                if (!PublicCodeLists.Default.CategorySet.Contains(v)) Tag(ns, "must be a valid category (see " + CategoriesUrl + ")");
            });
            if (pc.GetList("fundedBy") is { } fundedBy)
            {
                for (int i = 0; i < fundedBy.Items.Count; i++)
                {
                    OrganisationUri(fundedBy.Items[i] as DStruct, Idx("fundedBy", i) + ".uri");
                }
            }
            if (pc.GetList("supports") is { } supports)
            {
                for (int i = 0; i < supports.Items.Count; i++)
                {
                    string ns = Idx("supports", i) + ".id";
                    string? id = (supports.Items[i] as DStruct)?.GetString("id");
                    if (IsEmpty(id)) Required(ns);
                    else if (id!.StartsWith("alias:", StringComparison.Ordinal))
                    {
                        if (!PublicCodeLists.Default.Aliases.ContainsKey(id["alias:".Length..])) Tag(ns, "contains an unknown alias (see " + AliasesUrl + ")");
                    }
                    else if (!PublicCodeFormats.IsUrl(id) && !PublicCodeFormats.IsOrganisationUri(id, out _))
                    {
                        Tag(ns, "must be a known alias ('alias:<name>') or a valid URI (URL or URN)");
                    }
                }
            }
            HttpUrl(pc, "roadmap", "roadmap");
            OneOf(pc.GetString("developmentStatus"), "developmentStatus", "concept", "development", "beta", "stable", "obsolete");
            OneOf(pc.GetString("softwareType"), "softwareType", "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend", "standalone/other", "addon", "library", "configurationFiles");
            if (pc.GetStruct("intendedAudience") is { } audience)
            {
                if (audience.GetList("scope") is { } scope) ForEachString(scope, "intendedAudience.scope", (ns, v) =>
                {
                    if (!PublicCodeLists.Default.ScopeSet.Contains(v)) Tag(ns, "must be a valid scope (see " + ScopesUrl + ")");
                });
                foreach (string field in new[] { "countries", "unsupportedCountries" })
                {
                    if (audience.GetList(field) is { } countries) ForEachString(countries, "intendedAudience." + field, (ns, v) =>
                    {
                        if (!PublicCodeFormats.IsCountryCode(v)) Tag(ns, "must be a valid ISO 3166-1 alpha-2 two-letter country code");
                    });
                }
            }
            ValidateDescriptions(pc.Get("description") as DMap);

            var legal = pc.GetStruct("legal");
            string? license = legal?.GetString("license");
            if (IsEmpty(license)) Required("legal.license");
            else if (!IsSpdxExpression(license!)) Tag("legal.license", "must be a valid license (see https://spdx.org/licenses)");

            ValidateMaintenance(pc.GetStruct("maintenance"));

            var localisation = pc.GetStruct("localisation");
            if (localisation?.Get("localisationReady") is null) Required("localisation.localisationReady");
            if (localisation?.GetList("availableLanguages") is not { } languages) Required("localisation.availableLanguages");
            else if (languages.Items.Count == 0) Tag("localisation.availableLanguages", "must contain more than 0 items");
            else ForEachString(languages, "localisation.availableLanguages", (ns, v) =>
            {
                if (!PublicCodeFormats.IsBcp47(v)) Tag(ns, "must be a valid BCP 47 language");
            });

            if (pc.GetStruct("dependsOn") is { } dependsOn)
            {
                foreach (string kind in new[] { "open", "proprietary", "hardware" })
                {
                    if (dependsOn.GetList(kind) is not { } deps) continue;
                    for (int i = 0; i < deps.Items.Count; i++)
                    {
                        if (IsEmpty((deps.Items[i] as DStruct)?.GetString("name"))) Required(Idx("dependsOn." + kind, i) + ".name");
                    }
                }
            }
            foreach (string section in new[] { "IT", "it" })
            {
                if (pc.GetStruct(section) is not { } it) continue;
                if (it.Get("countryExtensionVersion") is DString cev && cev.Value is not ("0.2" or "1.0")) Tag(section + ".countryExtensionVersion", "must be one of the following: \"0.2\" or \"1.0\"");
                string? ipa = it.GetStruct("riuso")?.GetString("codiceIPA");
                if (!IsEmpty(ipa) && !PublicCodeFormats.IsItalianIpaCode(ipa!)) Tag(section + ".riuso.codiceIPA", "must be a valid Italian Public Administration Code (iPA) (see " + IpaUrl + ")");
            }
        }

        private void ValidateDescriptions(DMap? description)
        {
            if (description is null || description.Entries.Count == 0)
            {
                Tag("description", "must contain more than 0 items");
                return;
            }
            if (description.Entries.Any(e => !PublicCodeFormats.IsBcp47(e.Key)))
            {
                Tag("description", "must be a valid BCP 47 language");
                return;
            }
            foreach (var (lang, value) in description.Entries)
            {
                var desc = value as DStruct;
                string ns = "description[" + lang + "]";
                string? genericName = desc?.GetString("genericName");
                if (genericName != null && PublicCodeFormats.GraphemeLength(genericName) > 35) Tag(ns + ".genericName", "must be a maximum of 35 characters in length");
                string? shortDescription = desc?.GetString("shortDescription");
                if (IsEmpty(shortDescription)) Required(ns + ".shortDescription");
                else if (PublicCodeFormats.GraphemeLength(shortDescription!) > 150) Tag(ns + ".shortDescription", "must be a maximum of 150 characters in length");
                string? longDescription = desc?.GetString("longDescription");
                if (IsEmpty(longDescription)) Required(ns + ".longDescription");
                else if (PublicCodeFormats.GraphemeLength(longDescription!) < 150) Tag(ns + ".longDescription", "must be at least 150 characters in length");
                else if (PublicCodeFormats.GraphemeLength(longDescription!) > 10000) Tag(ns + ".longDescription", "must be a maximum of 10000 characters in length");
                if (desc != null)
                {
                    HttpUrl(desc, "documentation", ns + ".documentation");
                    HttpUrl(desc, "apiDocumentation", ns + ".apiDocumentation");
                }
                if (Count(desc?.GetList("features")) == 0) Tag(ns + ".features", "must contain more than 0 items");
                if (desc?.GetList("videos") is { } videos) ForEachString(videos, ns + ".videos", (vns, v) =>
                {
                    if (!PublicCodeFormats.IsHttpUrl(v)) Tag(vns, "must be an HTTP URL");
                });
            }
        }

        private void ValidateMaintenance(DStruct? maintenance)
        {
            string? type = maintenance?.GetString("type");
            OneOf(type, "maintenance.type", "internal", "contract", "community", "none");
            var contractors = maintenance?.GetList("contractors");
            if (type == "contract" && contractors is null) Tag("maintenance.contractors", "is a required field when \"type\" is \"contract\"");
            else if (type != "contract" && contractors is not null) Tag("maintenance.contractors", "must not be present unless \"type\" is \"contract\"");
            else if (contractors is not null)
            {
                for (int i = 0; i < contractors.Items.Count; i++)
                {
                    var c = contractors.Items[i] as DStruct;
                    string ns = Idx("maintenance.contractors", i);
                    if (IsEmpty(c?.GetString("name"))) Required(ns + ".name");
                    if (c?.GetString("email") is { Length: > 0 } email && !PublicCodeFormats.IsEmail(email)) Tag(ns + ".email", "must be a valid email address");
                    if (c != null) HttpUrl(c, "website", ns + ".website");
                    string? until = c?.GetString("until");
                    if (IsEmpty(until)) Required(ns + ".until");
                    else if (!PublicCodeFormats.IsDate(until!)) Tag(ns + ".until", "must be a date with format 'YYYY-MM-DD'");
                }
            }
            var contacts = maintenance?.GetList("contacts");
            if (contacts is null && type is "community" or "internal")
            {
                Tag("maintenance.contacts", "is a required field when \"type\" is \"" + type + "\"");
            }
            else if (contacts is not null)
            {
                for (int i = 0; i < contacts.Items.Count; i++)
                {
                    var c = contacts.Items[i] as DStruct;
                    string ns = Idx("maintenance.contacts", i);
                    if (IsEmpty(c?.GetString("name"))) Required(ns + ".name");
                    if (c?.GetString("email") is { Length: > 0 } email && !PublicCodeFormats.IsEmail(email)) Tag(ns + ".email", "must be a valid email address");
                }
            }
        }

        private void OrganisationUri(DStruct? organisation, string ns)
        {
            if (organisation?.Get("uri") is not DString uri)
            {
                Required(ns);
                return;
            }
            if (!PublicCodeFormats.IsOrganisationUri(uri.Value, out _))
            {
                bool italian = uri.Value.StartsWith("urn:x-italian-pa:", StringComparison.Ordinal);
                Tag(ns, italian
                    ? "must be a valid Italian Public Administration Code (iPA) with format 'urn:x-italian-pa:[codiceIPA]' (see " + IpaUrl + ")"
                    : "is not a valid URI");
            }
        }

        private void HttpUrl(DStruct s, string field, string ns)
        {
            if (s.Get(field) is DString value && !PublicCodeFormats.IsHttpUrl(value.Value)) Tag(ns, "must be an HTTP URL");
        }

        private void OneOf(string? value, string ns, params string[] allowed)
        {
            if (IsEmpty(value))
            {
                Required(ns);
                return;
            }
            if (allowed.Contains(value, StringComparer.Ordinal)) return;
            string list = "\"" + string.Join("\", \"", allowed) + "\"";
            int last = list.LastIndexOf("\", \"", StringComparison.Ordinal);
            if (last >= 0) list = list[..last] + "\" or \"" + list[(last + 4)..];
            Tag(ns, "must be one of the following: " + list);
        }

        private static void ForEachString(DList list, string ns, Action<string, string> check)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                check(Idx(ns, i), (list.Items[i] as DString)?.Value ?? string.Empty);
            }
        }

        private static string Idx(string ns, int i) => ns + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

        private static int Count(DList? list) => list?.Items.Count ?? 0;

        private static bool IsEmpty(string? value) => string.IsNullOrEmpty(value);

        /// <summary>A valid SPDX expression whose licences and exceptions are all on the SPDX list (or LicenseRef-…), as go-spdx checks it.</summary>
        private static bool IsSpdxExpression(string value)
        {
            if (!LicenseList.Default.TryParse(value, out var expression, out var diagnostics) || expression is null
                || diagnostics.Any(d => d.Severity == SpdxDiagnosticSeverity.Error))
            {
                return false;
            }
            foreach (var leaf in expression.Leaves())
            {
                var license = leaf is SpdxWith with ? with.License : leaf;
                if (leaf is SpdxWith { ExceptionIsListed: false }) return false;
                if (license is not (SpdxLicense { IsListed: true } or SpdxLicenseRef)) return false;
            }
            return true;
        }

        private void Required(string ns) => Tag(ns, "is a required field");

        /// <summary>Reports a struct-rule failure: the message starts with the field's own name, the key is the official parser's namespace.</summary>
        private void Tag(string ns, string tail)
        {
            int dot = LastSegmentStart(ns);
            string field = ns[dot..];
            string key = s_mapKey.Replace(ns, ".$1");
            var (line, column) = FindKeyPos(_root, key);
            Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, key, field + " " + tail, line, column));
        }

        private static int LastSegmentStart(string ns)
        {
            int depth = 0;
            for (int i = ns.Length - 1; i >= 0; i--)
            {
                if (ns[i] == ']') depth++;
                else if (ns[i] == '[') depth--;
                else if (ns[i] == '.' && depth == 0) return i + 1;
            }
            return 0;
        }

        private void Error(string key, string message)
        {
            var (line, column) = FindKeyPos(_root, key);
            Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, key, message, line, column));
        }

        private void Error0(string key, string message) => Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Error, key, message, 0, 0));

        private void Warn(string key, string message)
        {
            var (line, column) = FindKeyPos(_root, key);
            Results.Add(new PublicCodeDiagnostic(PublicCodeSeverity.Warning, key, message, line, column));
        }

        // ---------------------------------------------------------------- checks outside the struct rules

        private void CheckFields(DStruct pc)
        {
            if (pc.GetString("logo") is { Length: > 0 } logo && RelativePathOrUrl(logo, "logo"))
            {
                CheckLogo(logo, "logo");
            }
            if (pc.GetString("monochromeLogo") is { Length: > 0 } mono)
            {
                Warn("monochromeLogo", "This key is DEPRECATED and will be removed in the future. Use 'logo' instead");
                if (RelativePathOrUrl(mono, "monochromeLogo")) CheckLogo(mono, "monochromeLogo");
            }
            if (pc.GetStruct("intendedAudience") is { } audience)
            {
                foreach (string field in new[] { "countries", "unsupportedCountries" })
                {
                    if (audience.GetList(field) is not { } list) continue;
                    for (int i = 0; i < list.Items.Count; i++)
                    {
                        string c = (list.Items[i] as DString)?.Value ?? string.Empty;
                        if (PublicCodeFormats.IsCountryCode(c) && string.Equals(c, c.ToLowerInvariant(), StringComparison.Ordinal))
                        {
                            Warn(Idx("intendedAudience." + field, i), "Lowercase country codes are DEPRECATED. Use uppercase instead ('" + c.ToUpperInvariant() + "')");
                        }
                    }
                }
            }
            var legal = pc.GetStruct("legal");
            if (legal?.GetString("authorsFile") is { } authorsFile)
            {
                Warn("legal.authorsFile", DeprecatedDrop);
                if (RelativePathOrUrl(authorsFile, "legal.authorsFile") && LocalPath(authorsFile) is { } path && !File.Exists(path))
                {
                    Error("legal.authorsFile", "'" + path + "' does not exist: no such file: " + path);
                }
            }
            if (legal?.Get("repoOwner") is DString) Warn("legal.repoOwner", "This key is DEPRECATED and will be removed in the future. Use 'organisation.name' instead");
            if (pc.Get("inputTypes") is DList) Warn("inputTypes", DeprecatedDrop);
            if (pc.Get("outputTypes") is DList) Warn("outputTypes", DeprecatedDrop);
            if (pc.Get("description") is DMap description)
            {
                foreach (var (lang, value) in description.Entries)
                {
                    if (value is not DStruct desc) continue;
                    if (desc.GetString("genericName") is { Length: > 0 }) Warn("description." + lang + ".genericName", DeprecatedDrop);
                    if (desc.GetList("screenshots") is not { } screenshots) continue;
                    for (int i = 0; i < screenshots.Items.Count; i++)
                    {
                        string shot = (screenshots.Items[i] as DString)?.Value ?? string.Empty;
                        string key = Idx("description." + lang + ".screenshots", i);
                        if (!RelativePathOrUrl(shot, key)) continue;
                        if (LocalPath(shot) is not { } path) continue;
                        string? problem = ImageProblem(path, new[] { ".jpg", ".png" });
                        if (problem != null) Error(key, "'" + shot + "' is not an image: " + problem);
                    }
                }
            }
            var it = pc.GetStruct("IT");
            if (pc.GetStruct("it") is { } lower)
            {
                Warn("it", "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead");
                if (it != null) Error("it", "'IT' key already present. Remove this key");
                else it = lower;
            }
            if (it != null)
            {
                string section = ReferenceEquals(it, pc.GetStruct("IT")) ? "IT" : "it";
                if (it.Get("conforme") is DStruct) Warn(section + ".conforme", DeprecatedDrop);
                string? ipa = it.GetStruct("riuso")?.GetString("codiceIPA");
                if (!IsEmpty(ipa) && PublicCodeFormats.IsItalianIpaCode(ipa!))
                {
                    Warn(section + ".riuso.codiceIPA", "This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' and set it to 'urn:x-italian-pa:" + ipa + "' instead");
                }
            }
        }

        private bool RelativePathOrUrl(string value, string key)
        {
            if (value.StartsWith('/'))
            {
                Error(key, "is an absolute path. Only relative paths or HTTP(s) URLs allowed");
                return false;
            }
            if (value.StartsWith("file:", StringComparison.Ordinal))
            {
                Error(key, "is a file:// URL. Only relative paths or HTTP(s) URLs allowed");
                return false;
            }
            return true;
        }

        /// <summary>The local file a relative path names, or null when it is a URL (remote: network check) or no root is set.</summary>
        private string? LocalPath(string value)
        {
            if (_options.RepositoryRoot is null || !_options.CheckFiles) return null;
            if (PublicCodeFormats.ParseGoUrl(value) is { Scheme.Length: > 0 }) return null;
            string clean = value.Replace('\\', '/');
            return Path.GetFullPath(Path.Combine(_options.RepositoryRoot, clean));
        }

        private void CheckLogo(string value, string key)
        {
            if (LocalPath(value) is not { } path) return;
            string? problem = ImageProblem(path, new[] { ".svg", ".svgz", ".png" });
            if (problem != null) Error(key, problem);
        }

        private string? ImageProblem(string path, string[] extensions)
        {
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (!extensions.Contains(ext, StringComparer.Ordinal)) return "invalid file extension for: " + path;
            if (!File.Exists(path)) return "no such file: " + path;
            if (!IO.InputFile.IsRegularFile(path)) return "not a regular file: " + path;
            if (ext != ".png") return null;
            try
            {
                return PngCheck.Problem(path, _options.MaxImageBytes);
            }
            catch (IOException ex)
            {
                return ex.Message;
            }
            catch (UnauthorizedAccessException ex)
            {
                return ex.Message;
            }
        }
    }

    // -------------------------------------------------------------------- positions (as the official parser finds them)

    /// <summary>Line and column of a dotted key (with <c>[n]</c> indexes and <c>[lang]</c> map keys), with the official fallbacks.</summary>
    internal static (int Line, int Column) FindKeyPos(YamlNodeBase? node, string key)
    {
        if (node is null || key.Length == 0) return (0, 0);
        return FindKeyPos(node, key.Split('.'), 0);
    }

    private static (int, int) FindKeyPos(YamlNodeBase node, string[] parts, int at)
    {
        string part = parts[at];
        int arrayIdx = -1;
        string stringKey = string.Empty;
        string basePart = part;
        int open = part.LastIndexOf('[');
        if (open >= 0 && part.EndsWith(']'))
        {
            string inner = part[(open + 1)..^1];
            if (inner.Length > 0 && inner.All(char.IsAsciiDigit) && int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                arrayIdx = n;
                basePart = part[..open];
            }
            else if (inner.Length > 0)
            {
                stringKey = inner;
                basePart = part[..open];
            }
        }
        bool last = at == parts.Length - 1;
        switch (node)
        {
            case YamlMapping map:
                foreach (var pair in map.Pairs)
                {
                    if (pair.Key is not YamlScalar k || !string.Equals(k.Value, basePart, StringComparison.Ordinal)) continue;
                    if (arrayIdx >= 0)
                    {
                        if (pair.Value is not YamlSequence seq || arrayIdx >= seq.Items.Count) return (k.Line, k.Column);
                        var elem = seq.Items[arrayIdx];
                        return last ? (elem.Line, elem.Column) : FindKeyPos(elem, parts, at + 1);
                    }
                    if (stringKey.Length > 0)
                    {
                        var rest = new string[parts.Length - at];
                        rest[0] = stringKey;
                        Array.Copy(parts, at + 1, rest, 1, parts.Length - at - 1);
                        return FindKeyPos(pair.Value, rest, 0);
                    }
                    return last ? (k.Line, k.Column) : FindKeyPos(pair.Value, parts, at + 1);
                }
                if (map.IsFlow) return (map.Line, map.Column);
                if (last && map.Pairs.Count > 0) return (map.Pairs[0].Key.Line, map.Pairs[0].Key.Column);
                return (0, 0);
            default:
                return (node.Line, node.Column);
        }
    }

    /// <summary>The dotted key whose key token (or sequence item) is on a line, as the official parser names decode errors.</summary>
    internal static string FindKeyAtLine(YamlNodeBase? node, int line, string prefix)
    {
        switch (node)
        {
            case YamlMapping map:
                foreach (var pair in map.Pairs)
                {
                    string keyText = pair.Key is YamlScalar ks ? ks.Value : string.Empty;
                    string full = prefix.Length == 0 ? keyText : prefix + "." + keyText;
                    if (pair.Key.Line == line) return full;
                    string found = FindKeyAtLine(pair.Value, line, full);
                    if (found.Length > 0) return found;
                }
                return string.Empty;
            case YamlSequence seq:
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    string itemKey = prefix + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (seq.Items[i].Line == line) return itemKey;
                    string found = FindKeyAtLine(seq.Items[i], line, itemKey);
                    if (found.Length > 0) return found;
                }
                return string.Empty;
            default:
                return string.Empty;
        }
    }
}
