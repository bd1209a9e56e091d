// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;
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

        var findings = new List<CachedFinding>();
        int packageCount = 0;
        _ = PolicyModes.TryParse(Mode, out var mode); // An invalid mode is reported by ReportFindings, on every build.
        var policy = LoadPolicy(findings);
        if (policy != null)
        {
            bool? isTest = bool.TryParse(IsTestProject?.Trim(), out var t) ? t : null;
            var engine = new PolicyEngine(new CheckOptions { Policy = policy, MaxParallelism = 1 });
            var (result, projectFindings) = engine.CheckProject(new WorkspaceProject(ProjectPath, AssetsFile, isTest));
            packageCount = result.Packages.Count;
            findings.AddRange(projectFindings.Select(ToCached));
        }

        var sorted = FindingsFiles.Sort(findings);
        FindingCount = sorted.Count;
        ReportableCount = sorted.Count(f => f.Severity != FindingSeverity.Info);
        LogOutput(FindingsFile, FindingsFiles.WriteIfChanged(FindingsFile, FindingsFiles.SerializeForAnalyzer(sorted, mode)));
        LogOutput(CacheFile, FindingsFiles.WriteIfChanged(CacheFile, FindingsFiles.SerializeCache(sorted, packageCount)));
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
        return new PolicyDocument
        {
            Preset = preset,
            Allow = policy.Allow,
            Deny = policy.Deny,
            EnforcedScopes = scopes,
            FailOnUnknown = policy.FailOnUnknown,
            Exceptions = policy.Exceptions,
            Curations = policy.Curations,
            SourcePath = policy.SourcePath,
        };
    }

    private CachedFinding ToCached(Finding f)
    {
        var message = f.Remedy != null ? f.Message + " " + f.Remedy : f.Message;
        return new CachedFinding(f.RuleId, f.Severity, f.IsEnforced, message, f.ProjectPath ?? ProjectPath, f.PackageId, f.PackageVersion, string.IsNullOrEmpty(f.HelpUri) ? null : f.HelpUri);
    }

    private static CachedFinding ConfigurationError(RuleDescriptor rule, string message, string? file)
        => new(rule.Id, FindingSeverity.Error, true, message, file, null, null, rule.HelpUri);

    private void LogInput(string name, string? value)
        => Log.LogMessage(MessageImportance.Low, Strings.Input(name, value ?? string.Empty));

    private void LogOutput(string path, bool written)
        => Log.LogMessage(MessageImportance.Low, written ? Strings.OutputWritten(path) : Strings.OutputUnchanged(path));
}
