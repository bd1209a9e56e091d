// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Online;
using PublicCodePolicy.Policy;
using PublicCodePolicy.PublicCode;
using PublicCodePolicy.Sbom;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace PublicCodePolicy.Build;

/// <summary>
/// The expensive step: runs the policy engine on the project's restored graph and leaves its findings under
/// <c>obj/</c> (the analyzer's findings file and the report step's cache). It logs no warnings itself, because
/// the targets skip it when nothing it reads has changed; <see cref="ReportFindings"/> reports on every build.
/// </summary>
public sealed class CheckDependencies : MSBuildTask
{
    /// <summary>Full path of the project file.</summary>
    [Required, NotNull]
    public string? ProjectPath { get; set; }

    /// <summary>The project's <c>project.assets.json</c>.</summary>
    [Required, NotNull]
    public string? AssetsFile { get; set; }

    /// <summary>The policy file (<c>PublicCodePolicyFile</c>, or the one found up the folder tree); empty for the built-in policy.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Preset that replaces the policy's (<c>PublicCodePolicyPreset</c>); empty to keep it.</summary>
    public string? Preset { get; set; }

    /// <summary>Scopes to enforce, separated by semicolons (<c>PublicCodePolicyEnforceScopes</c>); empty to keep the policy's.</summary>
    public string? EnforceScopes { get; set; }

    /// <summary>MSBuild's <c>IsTestProject</c>; empty to infer it from the references.</summary>
    public string? IsTestProject { get; set; }

    /// <summary><c>PublicCodePolicyMode</c>; sets the severities written for the IDE.</summary>
    public string? Mode { get; set; }

    /// <summary>Where the analyzer's findings file goes.</summary>
    [Required, NotNull]
    public string? FindingsFile { get; set; }

    /// <summary>Where the report step's cache goes.</summary>
    [Required, NotNull]
    public string? CacheFile { get; set; }

    /// <summary><c>PublicCodePolicySbom</c>: <c>cyclonedx</c>, <c>spdx</c>, or both separated by <c>;</c>; empty writes no SBOM.</summary>
    public string? Sbom { get; set; }

    /// <summary><c>PublicCodePolicySbomSpecVersion</c>: the CycloneDX version, <c>1.6</c> (default) or <c>1.7</c>.</summary>
    public string? SbomSpecVersion { get; set; }

    /// <summary>Folder of the SBOM files (<c>&lt;SbomFileName&gt;.cdx.json</c>, <c>&lt;SbomFileName&gt;.spdx.json</c>).</summary>
    public string? SbomDirectory { get; set; }

    /// <summary>File name of the SBOMs without extension (the assembly name); the project file's name when empty.</summary>
    public string? SbomFileName { get; set; }

    /// <summary>The <c>SOURCE_DATE_EPOCH</c> the build sees: the SBOM's time and publiccode.yml's release date.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>The described software's name (<c>PackageId</c>, else <c>AssemblyName</c>).</summary>
    public string? SubjectName { get; set; }

    /// <summary>MSBuild's <c>Version</c>.</summary>
    public string? SubjectVersion { get; set; }

    /// <summary>MSBuild's <c>PackageLicenseExpression</c>: the software's own licence.</summary>
    public string? SubjectLicense { get; set; }

    /// <summary>MSBuild's <c>RepositoryUrl</c>, else <c>PackageProjectUrl</c>.</summary>
    public string? SubjectRepositoryUrl { get; set; }

    /// <summary>MSBuild's <c>Company</c>: the supplier (ignored when it is the SDK's default, the assembly name).</summary>
    public string? SubjectSupplier { get; set; }

    /// <summary>MSBuild's <c>Description</c> (ignored when it is the SDK's default, <c>Package Description</c>).</summary>
    public string? SubjectDescription { get; set; }

    /// <summary>MSBuild's <c>OutputType</c>: <c>Exe</c> and <c>WinExe</c> are applications, the rest libraries.</summary>
    public string? SubjectOutputType { get; set; }

    /// <summary><c>PublicCodeGenerateYml</c>: <c>true</c> generates or refreshes publiccode.yml, <c>validate</c> only validates it; empty or <c>false</c> does neither.</summary>
    public string? PublicCodeYml { get; set; }

    /// <summary>Where publiccode.yml is (<c>PublicCodeYmlPath</c>).</summary>
    public string? PublicCodeYmlPath { get; set; }

    /// <summary>The properties <see cref="PublicCodeFactsBuilder"/> reads: item spec = property name, metadata <c>Value</c> = its value.</summary>
    public ITaskItem[]? PublicCodeProperties { get; set; }

    /// <summary><c>PublicCodePolicyOnline</c>: <c>true</c> asks the package sources of nuget.config for missing metadata and deprecations.</summary>
    public string? Online { get; set; }

    /// <summary><c>PublicCodePolicyBaseline</c> (full path): an earlier check result; licence changes since it are reported (PCP0020, PCP0021).</summary>
    public string? Baseline { get; set; }

    /// <summary>Number of findings written.</summary>
    [Output]
    public int FindingCount { get; private set; }

    /// <summary>Number of findings above information (those a default-verbosity build shows).</summary>
    [Output]
    public int ReportableCount { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        LogInput(nameof(ProjectPath), ProjectPath);
        LogInput(nameof(AssetsFile), AssetsFile);
        LogInput(nameof(PolicyFile), PolicyFile);
        LogInput(nameof(Preset), Preset);
        LogInput(nameof(EnforceScopes), EnforceScopes);
        LogInput(nameof(IsTestProject), IsTestProject);
        LogInput(nameof(Mode), Mode);
        LogInput(nameof(Sbom), Sbom);
        LogInput(nameof(SbomSpecVersion), SbomSpecVersion);
        LogInput(nameof(PublicCodeYml), PublicCodeYml);
        LogInput(nameof(Online), Online);
        LogInput(nameof(Baseline), Baseline);

        var findings = new List<CachedFinding>();
        int packageCount = 0;
        _ = PolicyModes.TryParse(Mode, out var mode); // An invalid mode is reported by ReportFindings, on every build.
        var policy = LoadPolicy(findings);
        var sbomFormats = ParseSbomOptions(findings, out var specVersion);
        var ymlMode = ParseYmlMode(findings);
        if (policy != null)
        {
            bool? isTest = bool.TryParse(IsTestProject?.Trim(), out var t) ? t : null;
            using var online = IsTrue(Online) ? OpenOnline(findings) : null;
            LicenceBaseline? baseline = null;
            if (!string.IsNullOrWhiteSpace(Baseline))
            {
                try
                {
                    baseline = LicenceBaseline.Load(Baseline!);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    findings.Add(ConfigurationError(RuleCatalog.InvalidResultFile, "PublicCodePolicyBaseline: " + ex.Message, ProjectPath));
                }
            }
            // Online mode reads licence pages too, as the CLI's --online does (same client, same cache and limits).
            using var pages = online != null ? LicensePageClient.CreateDefault() : null;
            var engine = new PolicyEngine(new CheckOptions { Policy = policy, MaxParallelism = 1, MetadataSource = online, StatusSource = online, LicensePageSource = pages, VersionSource = online, Baseline = baseline });
            // One project: Check (not CheckProject) so that online mode fetches first, and the result is what the SBOM
            // writers need. An exception that matches nothing in this project may match another project of the
            // solution, so PCP0004 is left to the solution-wide 'publiccode check'.
            var result = engine.Check(new Workspace(ProjectPath, new[] { new WorkspaceProject(ProjectPath, AssetsFile, isTest) }));
            var project = result.Projects[0];
            packageCount = project.Packages.Count;
            findings.AddRange(result.Findings.Where(f => f.RuleId != RuleCatalog.UnusedException.Id).Select(f => ToCached(f)));
            if (sbomFormats.Count > 0 && project.Loaded) WriteSboms(findings, result, project, sbomFormats, specVersion);
        }
        if (ymlMode != YmlMode.Off && policy != null) RunPublicCodeYml(findings, policy, ymlMode);

        var sorted = FindingsFiles.Sort(findings);
        FindingCount = sorted.Count;
        ReportableCount = sorted.Count(f => f.Severity != FindingSeverity.Info);
        try
        {
            LogOutput(FindingsFile, FindingsFiles.WriteIfChanged(FindingsFile, FindingsFiles.SerializeForAnalyzer(sorted, mode)));
            LogOutput(CacheFile, FindingsFiles.WriteIfChanged(CacheFile, FindingsFiles.SerializeCache(sorted, packageCount)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // obj/ on a full or read-only disk: a coded error, never the task's crash (MSB4018).
            var rule = RuleCatalog.OutputNotWritten;
            Log.LogError(null, rule.Id, null, rule.HelpUri, ProjectPath, 0, 0, 0, 0, ex.Message);
        }
        Log.LogMessage(MessageImportance.Normal, Strings.CheckSummary(Path.GetFileName(ProjectPath), packageCount, sorted.Count));
        return !Log.HasLoggedErrors;
    }

    // The policy file, then the MSBuild overrides. Returns null when the configuration is broken: checking with a
    // policy other than the one the user wrote would report wrong findings.
    private PolicyDocument? LoadPolicy(List<CachedFinding> findings)
    {
        PolicyDocument policy = PolicyDocument.Default;
        if (!string.IsNullOrWhiteSpace(PolicyFile))
        {
            var path = Path.GetFullPath(PolicyFile);
            if (!File.Exists(path))
            {
                findings.Add(ConfigurationError(RuleCatalog.InvalidPolicy, Strings.PolicyFileNotFound(path), ProjectPath));
                return null;
            }
            try
            {
                policy = PolicyDocument.Load(path);
            }
            catch (PolicyFormatException ex)
            {
                findings.Add(ConfigurationError(RuleCatalog.InvalidPolicy, ex.Message, path));
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(ConfigurationError(RuleCatalog.InvalidPolicy, Strings.PolicyFileUnreadable(path, ex.Message), path));
                return null;
            }
        }

        var preset = policy.Preset;
        bool valid = true;
        if (!string.IsNullOrWhiteSpace(Preset) && !PolicyPresets.TryParse(Preset, out preset))
        {
            findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidPropertyValue(Preset, "PublicCodePolicyPreset", string.Join(", ", PolicyPresets.Names)), ProjectPath));
            valid = false;
        }
        var scopes = policy.EnforcedScopes;
        if (!string.IsNullOrWhiteSpace(EnforceScopes))
        {
            var parsed = new HashSet<DependencyScope>();
            foreach (var name in EnforceScopes.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (DependencyScopes.TryParse(name, out var scope))
                {
                    parsed.Add(scope);
                }
                else
                {
                    findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidPropertyValue(name, "PublicCodePolicyEnforceScopes", "runtime, development, test"), ProjectPath));
                    valid = false;
                }
            }
            scopes = parsed;
        }
        if (!valid) return null;
        if (preset == policy.Preset && ReferenceEquals(scopes, policy.EnforcedScopes)) return policy;
        return policy with { Preset = preset, EnforcedScopes = scopes };
    }

    private CachedFinding ToCached(Finding f, string? file = null)
    {
        // In the build's language: the cache feeds the warnings, their replay and the IDE's analyzer, all read by people.
        var language = BuildLanguage.Current;
        var message = f.RemedyIn(language) is { } remedy ? f.MessageIn(language) + " " + remedy : f.MessageIn(language);
        // The line of the reference that brings the package in (the engine's), so the IDE and CI logs open it there.
        return new CachedFinding(f.RuleId, f.Severity, f.IsEnforced, message, f.Location?.Path ?? f.ProjectPath ?? file ?? ProjectPath, f.PackageId, f.PackageVersion, string.IsNullOrEmpty(f.HelpUri) ? null : f.HelpUri,
            f.Location?.Line ?? 0, f.Location?.Column ?? 0);
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Online mode: the sources of the nuget.config files that apply to the project folder, as restore there uses them.
    private NuGetFeedClient? OpenOnline(List<CachedFinding> findings)
    {
        try
        {
            var client = NuGetFeedClient.FromNuGetConfig(Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
            Log.LogMessage(MessageImportance.Normal, client.Sources.Count == 0 ? Strings.OnlineNoSources() : Strings.OnlineSources(string.Join(", ", client.Sources)));
            return client;
        }
        catch (NuGet.Configuration.NuGetConfigurationException ex)
        {
            findings.Add(ConfigurationError(RuleCatalog.InvalidNuGetConfig, Strings.InvalidNuGetConfig(ex.Message), ProjectPath));
            return null;
        }
    }

    private IReadOnlyList<SbomFormat> ParseSbomOptions(List<CachedFinding> findings, out CycloneDxSpecVersion specVersion)
    {
        specVersion = CycloneDxSpecVersion.V1_6;
        var formats = new List<SbomFormat>();
        if (string.IsNullOrWhiteSpace(Sbom)) return formats;
        foreach (var name in Sbom.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("cyclonedx", StringComparison.OrdinalIgnoreCase)) formats.Add(SbomFormat.CycloneDx);
            else if (name.Equals("spdx", StringComparison.OrdinalIgnoreCase)) formats.Add(SbomFormat.Spdx);
            else
            {
                findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidPropertyValue(name, "PublicCodePolicySbom", "cyclonedx, spdx"), ProjectPath));
                return Array.Empty<SbomFormat>();
            }
        }
        switch (NonEmpty(SbomSpecVersion))
        {
            case null or "1.6":
                break;
            case "1.7":
                specVersion = CycloneDxSpecVersion.V1_7;
                break;
            default:
                findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidPropertyValue(SbomSpecVersion, "PublicCodePolicySbomSpecVersion", "1.6, 1.7"), ProjectPath));
                return Array.Empty<SbomFormat>();
        }
        return formats.Distinct().ToArray();
    }

    private void WriteSboms(List<CachedFinding> findings, CheckResult result, ProjectResult project, IReadOnlyList<SbomFormat> formats, CycloneDxSpecVersion specVersion)
    {
        DateTimeOffset? timestamp;
        try
        {
            timestamp = global::PublicCodePolicy.Sbom.SourceDateEpoch.Parse(SourceDateEpoch);
        }
        catch (FormatException ex)
        {
            findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidSourceDateEpoch(ex.Message), ProjectPath));
            return;
        }
        var options = new SbomOptions { Timestamp = timestamp, ToolVersion = PolicyEngine.ToolVersion };
        var subject = Subject(project);
        var dir = Path.GetFullPath(NonEmpty(SbomDirectory) ?? Path.GetDirectoryName(FindingsFile)!);
        var name = NonEmpty(SbomFileName) ?? Path.GetFileNameWithoutExtension(ProjectPath);
        foreach (var format in formats)
        {
            var document = format == SbomFormat.CycloneDx
                ? new CycloneDxWriter(specVersion, options).WriteProject(result, project, subject)
                : new SpdxWriter(options).WriteProject(result, project, subject);
            var path = Path.Combine(dir, name + (format == SbomFormat.CycloneDx ? ".cdx.json" : ".spdx.json"));
            try
            {
                LogOutput(path, FindingsFiles.WriteIfChanged(path, document.Content.ToArray()));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(ConfigurationError(ex is PublicCodePolicy.IO.OutputWriteException ? RuleCatalog.OutputNotWritten : RuleCatalog.InvalidBuildProperty, Strings.SbomUnwritable(path, ex.Message), ProjectPath));
                continue;
            }
            // What the format cannot express (PCP2xxx) is reported like any other finding; the same finding for both formats once.
            foreach (var f in document.Findings)
            {
                var cached = ToCached(f);
                if (!findings.Contains(cached)) findings.Add(cached);
            }
        }
    }

    // The software's own facts, as the CLI reads them with 'dotnet msbuild -getProperty' (SbomCommand.ProjectFacts).
    private SbomSubject Subject(ProjectResult project)
    {
        var company = NonEmpty(SubjectSupplier);
        // The SDK defaults Company to the assembly name and Description to "Package Description": neither says anything.
        if (company != null && (company == NonEmpty(SbomFileName) || company == project.Name)) company = null;
        var description = NonEmpty(SubjectDescription);
        if (description == "Package Description") description = null;
        var type = NonEmpty(SubjectOutputType);
        bool isExe = type != null && (type.Equals("Exe", StringComparison.OrdinalIgnoreCase) || type.Equals("WinExe", StringComparison.OrdinalIgnoreCase));
        return new SbomSubject
        {
            Name = NonEmpty(SubjectName) ?? project.Name,
            Version = NonEmpty(SubjectVersion) ?? project.Version,
            License = NonEmpty(SubjectLicense),
            RepositoryUrl = NonEmpty(SubjectRepositoryUrl),
            Supplier = company,
            Description = description,
            Type = isExe ? SbomComponentType.Application : SbomComponentType.Library,
        };
    }

    private enum YmlMode
    {
        Off,
        Generate,
        Validate,
    }

    private YmlMode ParseYmlMode(List<CachedFinding> findings)
    {
        var value = NonEmpty(PublicCodeYml);
        if (value == null || value.Equals("false", StringComparison.OrdinalIgnoreCase)) return YmlMode.Off;
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return YmlMode.Generate;
        if (value.Equals("validate", StringComparison.OrdinalIgnoreCase)) return YmlMode.Validate;
        findings.Add(ConfigurationError(RuleCatalog.InvalidBuildProperty, Strings.InvalidPropertyValue(value, "PublicCodeGenerateYml", "true, validate, false"), ProjectPath));
        return YmlMode.Off;
    }

    // publiccode.yml: generated or refreshed from the policy file's publicCode section and the project's properties
    // (which win), or only validated. Its findings go through the same report as the dependencies' findings.
    private void RunPublicCodeYml(List<CachedFinding> findings, PolicyDocument policy, YmlMode mode)
    {
        var path = Path.GetFullPath(NonEmpty(PublicCodeYmlPath) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!, PublicCodeFile.FileName));
        LogInput(nameof(PublicCodeYmlPath), path);
        try
        {
            if (mode == YmlMode.Validate)
            {
                if (!File.Exists(path))
                {
                    var rule = PublicCodeRules.ValidationError;
                    findings.Add(new CachedFinding(rule.Id, FindingSeverity.Error, true, Strings.PublicCodeYmlNotFound(path), ProjectPath, null, null, rule.HelpUri));
                    return;
                }
                var validation = PublicCodeValidator.ValidateFile(path, new PublicCodeValidationOptions { RepositoryRoot = Path.GetDirectoryName(path) });
                findings.AddRange(validation.ToFindings(path).Select(f => ToCached(f, path)));
                return;
            }

            var fromProject = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var item in PublicCodeProperties ?? Array.Empty<ITaskItem>())
            {
                fromProject[item.ItemSpec] = item.GetMetadata("Value");
            }
            // The SDK defaults Description to "Package Description": it says nothing about the software.
            if (fromProject.TryGetValue("Description", out var d) && d == "Package Description") fromProject["Description"] = null;
            var facts = PublicCodeFactsBuilder.FromMsBuildProperties(PublicCodeFactsBuilder.Merge(policy.PublicCodeProperties, fromProject), NonEmpty(SourceDateEpoch));
            bool existed = File.Exists(path);
            var before = existed ? File.GetLastWriteTimeUtc(path) : default;
            var result = PublicCodeFile.GenerateOrUpdate(path, facts);
            // Missing facts name a property to set in the project; the other findings are about the file.
            findings.AddRange(result.Findings.Select(f => ToCached(f, f.RuleId == PublicCodeRules.MissingFact.Id ? ProjectPath : path)));
            if (result.Text != null) LogOutput(path, !existed || File.GetLastWriteTimeUtc(path) != before);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var rule = PublicCodeRules.UpdateRefused;
            findings.Add(new CachedFinding(rule.Id, FindingSeverity.Error, true, Strings.PublicCodeYmlUnreadable(path, ex.Message), path, null, null, rule.HelpUri));
        }
    }

    private static CachedFinding ConfigurationError(RuleDescriptor rule, string message, string? file)
        => new(rule.Id, FindingSeverity.Error, true, message, file, null, null, rule.HelpUri);

    private void LogInput(string name, string? value)
        => Log.LogMessage(MessageImportance.Low, Strings.Input(name, value ?? string.Empty));

    private void LogOutput(string path, bool written)
        => Log.LogMessage(MessageImportance.Low, written ? Strings.OutputWritten(path) : Strings.OutputUnchanged(path));
}
