// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Engine;

/// <summary>Options of a check.</summary>
public sealed class CheckOptions
{
    /// <summary>The policy (default: OSI preset).</summary>
    public PolicyDocument Policy { get; init; } = PolicyDocument.Default;

    /// <summary>Custom rules, evaluated for every package after the licence policy.</summary>
    public IReadOnlyList<IPolicyRule> Rules { get; init; } = Array.Empty<IPolicyRule>();

    /// <summary>Identifies licence texts (licence files). Default: the built-in SPDX matcher, built on first use; null leaves them unidentified.</summary>
    public ILicenseTextIdentifier? TextIdentifier { get; init; } = Licensing.Text.LicenseTextMatcher.Default;

    /// <summary>The day exceptions are checked against (expiry). Default: today (UTC).</summary>
    public DateOnly? Today { get; init; }

    /// <summary>How many projects are read at once (default: processor count).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Online mode: asked for the nuspec of packages that are in no package folder. Null (the default) keeps the
    /// check offline; the engine itself never opens a connection.
    /// </summary>
    public IPackageMetadataSource? MetadataSource { get; init; }

    /// <summary>
    /// Online mode: asked whether packages are deprecated (reported as PCP1004). Null (the default) keeps the
    /// check offline.
    /// </summary>
    public IPackageStatusSource? StatusSource { get; init; }

    /// <summary>
    /// An earlier check to compare with (CLI <c>--baseline</c>, build property <c>PublicCodePolicyBaseline</c>): licence
    /// changes are reported as PCP0020 and new packages as PCP0021. Null (the default) compares nothing.
    /// </summary>
    public LicenceBaseline? Baseline { get; init; }

    /// <summary>True when a metadata or status source is set.</summary>
    public bool IsOnline => MetadataSource != null || StatusSource != null;
}

/// <summary>Progress of a check, for front-ends that show it.</summary>
public readonly record struct CheckProgress(int ProjectsDone, int ProjectsTotal, string? CurrentProject);

/// <summary>
/// The engine: reads each project's restored graph, resolves every package's licence once, applies the policy and
/// custom rules, and returns findings. The CLI, the MSBuild task and the SDK all call this one class.
/// </summary>
public sealed class PolicyEngine
{
    private readonly CheckOptions _options;
    private readonly LicenseResolver _resolver;
    private readonly LicenseEvaluator _evaluator;
    private readonly IReadOnlyList<LicenseCuration> _curations;
    private readonly DateOnly _today;
    private readonly ConcurrentDictionary<string, Lazy<(PackageMetadata? Metadata, LicenseResolution License, Finding? Problem)>> _packages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LicenseVerdict> _verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SpdxLicense[]> _deprecatedLeaves = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PackageKey, RemoteNuspec> _remoteNuspecs = new();
    private readonly ConcurrentDictionary<PackageKey, PackageDeprecation> _deprecations = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<ReferenceLocator.Entry>> _projectFiles = new(StringComparer.Ordinal);

    /// <summary>Creates an engine.</summary>
    public PolicyEngine(CheckOptions? options = null)
    {
        _options = options ?? new CheckOptions();
        _resolver = new LicenseResolver(LicenseList.Default, LicenseUrlTable.Default, _options.TextIdentifier);
        _evaluator = new LicenseEvaluator(_options.Policy, LicenseList.Default);
        _curations = _options.Policy.Curations.Concat(LicenseCuration.Shipped).ToArray();
        _today = _options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>The product version written into results.</summary>
    public static string ToolVersion { get; } = typeof(PolicyEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Checks every project of a workspace. In online mode (<see cref="CheckOptions.IsOnline"/>) the sources are
    /// asked first, and this call blocks until they answer or time out.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public CheckResult Check(Workspace workspace, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        IReadOnlyList<Finding> online = Array.Empty<Finding>();
        if (_options.IsOnline)
        {
            // Task.Run: the sources' continuations must not need the caller's synchronization context, which is blocked here.
            online = Task.Run(() => FetchOnlineAsync(workspace, cancellationToken), cancellationToken).GetAwaiter().GetResult();
        }
        return CheckCore(workspace, online, progress, cancellationToken);
    }

    /// <summary>Checks every project of a workspace, asking the online sources (if any) without blocking.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<CheckResult> CheckAsync(Workspace workspace, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var online = _options.IsOnline ? await FetchOnlineAsync(workspace, cancellationToken).ConfigureAwait(false) : Array.Empty<Finding>();
        return CheckCore(workspace, online, progress, cancellationToken);
    }

    private CheckResult CheckCore(Workspace workspace, IReadOnlyList<Finding> online, IProgress<CheckProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new ProjectResult[workspace.Projects.Count];
        var findings = new ConcurrentBag<Finding>(workspace.Problems.Concat(online));
        int done = 0;
        Parallel.For(0, workspace.Projects.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancellationToken }, i =>
        {
            var project = workspace.Projects[i];
            var (result, projectFindings) = CheckProject(project);
            results[i] = result;
            foreach (var f in projectFindings) findings.Add(f);
            progress?.Report(new CheckProgress(Interlocked.Increment(ref done), workspace.Projects.Count, result.Name));
        });

        // Exceptions that matched no package of the whole workspace are stale.
        var used = results.SelectMany(r => r.Packages).Select(p => p.AppliedException).Where(e => e != null).ToHashSet();
        foreach (var ex in _options.Policy.Exceptions)
        {
            bool matchesAny = results.SelectMany(r => r.Packages).Any(p => ex.Matches(p.Id, p.Version));
            if (!used.Contains(ex) && !matchesAny)
            {
                var text = EngineText.Of("Finding.UnusedException", ex.Package, ex.Versions != null ? " " + ex.Versions : string.Empty);
                findings.Add(new Finding
                {
                    RuleId = RuleCatalog.UnusedException.Id,
                    Severity = FindingSeverity.Warning,
                    Message = text.ToString(),
                    Text = text,
                    ProjectPath = _options.Policy.SourcePath,
                });
            }
        }

        if (_options.Baseline != null)
        {
            foreach (var f in _options.Baseline.Compare(results)) findings.Add(f);
        }

        return new CheckResult
        {
            ToolVersion = ToolVersion,
            LicenseListVersion = LicenseList.Default.Version,
            Policy = _options.Policy,
            RootPath = workspace.RootPath,
            Projects = results,
            Findings = Sort(findings),
        };
    }

    // Online mode: one batch per source kind before evaluation, so evaluation stays synchronous and deterministic.
    // A failing source only costs its answers: each problem becomes a PCP1005 warning and the offline result stands.
    private async Task<IReadOnlyList<Finding>> FetchOnlineAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var all = new HashSet<PackageKey>();
        var missing = new HashSet<PackageKey>();
        foreach (var project in workspace.Projects)
        {
            if (project.AssetsFilePath == null || !File.Exists(project.AssetsFilePath)) continue;
            AssetsFile assets;
            try
            {
                assets = AssetsFileReader.Read(project.AssetsFilePath);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                continue; // CheckProject reports it (PCP9002).
            }
            foreach (var library in assets.Libraries.Values)
            {
                if (!string.Equals(library.Type, "package", StringComparison.OrdinalIgnoreCase)) continue;
                var key = new PackageKey(library.Id, library.Version);
                if (!all.Add(key)) continue;
                if (FindLocalNuspec(library, assets.PackageFolders).Path == null && !_remoteNuspecs.ContainsKey(key)) missing.Add(key);
            }
        }

        var nuspecs = _options.MetadataSource != null && missing.Count > 0
            ? Ask(() => _options.MetadataSource.GetNuspecsAsync(missing, cancellationToken), cancellationToken)
            : Task.FromResult(PackageLookupResult<RemoteNuspec>.Empty);
        var statuses = _options.StatusSource != null && all.Count > 0
            ? Ask(() => _options.StatusSource.GetDeprecationsAsync(all, cancellationToken), cancellationToken)
            : Task.FromResult(PackageLookupResult<PackageDeprecation>.Empty);
        await Task.WhenAll(nuspecs, statuses).ConfigureAwait(false);

        foreach (var (key, nuspec) in nuspecs.Result.Found)
        {
            if (missing.Contains(key)) _remoteNuspecs[key] = nuspec;
        }
        foreach (var (key, deprecation) in statuses.Result.Found)
        {
            if (all.Contains(key)) _deprecations[key] = deprecation;
        }
        return nuspecs.Result.Problems.Concat(statuses.Result.Problems)
            .Distinct(StringComparer.Ordinal)
            .Select(problem =>
            {
                // The problem is the source's own account (an exception message, a status): quoted as it is.
                var text = EngineText.Of("Finding.OnlineSourceFailed", problem);
                var remedy = EngineText.Of("Remedy.OnlineSourceFailed");
                return new Finding
                {
                    RuleId = RuleCatalog.OnlineSourceFailed.Id,
                    Severity = FindingSeverity.Warning,
                    Message = text.ToString(),
                    Text = text,
                    Remedy = remedy.ToString(),
                    RemedyText = remedy,
                };
            })
            .ToArray();
    }

    // A source that breaks its contract (throws) is a problem to report, not a crash; the caller's cancellation still cancels.
    private static async Task<PackageLookupResult<T>> Ask<T>(Func<Task<PackageLookupResult<T>>> ask, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await ask().ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return new PackageLookupResult<T> { Problems = new[] { "The online source failed: " + ex.GetType().Name + ": " + ex.Message } };
        }
    }

    /// <summary>
    /// Checks one project. It never asks the online sources itself: it uses what <see cref="Check"/> or
    /// <see cref="CheckAsync"/> fetched earlier with this engine, if anything.
    /// </summary>
    public (ProjectResult Result, IReadOnlyList<Finding> Findings) CheckProject(WorkspaceProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var findings = new List<Finding>();
        var name = Path.GetFileNameWithoutExtension(project.ProjectPath);
        if (project.AssetsFilePath == null || !File.Exists(project.AssetsFilePath))
        {
            var text = EngineText.Of("Finding.NotRestored", name, project.AssetsFilePath != null ? EngineText.Of("Finding.NotRestoredAt", project.AssetsFilePath) : null);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.NotRestored.Id,
                Severity = FindingSeverity.Error,
                IsEnforced = true,
                ProjectPath = project.ProjectPath,
                Message = text.ToString(),
                Text = text,
                Remedy = "dotnet restore \"" + project.ProjectPath + "\"",
            });
            return (new ProjectResult { Name = name, ProjectPath = project.ProjectPath, AssetsFilePath = project.AssetsFilePath }, findings);
        }
        AssetsFile assets;
        try
        {
            assets = AssetsFileReader.Read(project.AssetsFilePath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var text = EngineText.Of("Finding.AssetsUnreadable", project.AssetsFilePath, ex.Message);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.InvalidAssetsFile.Id,
                Severity = FindingSeverity.Error,
                IsEnforced = true,
                ProjectPath = project.ProjectPath,
                Message = text.ToString(),
                Text = text,
                Remedy = "dotnet restore --force \"" + project.ProjectPath + "\"",
            });
            return (new ProjectResult { Name = name, ProjectPath = project.ProjectPath, AssetsFilePath = project.AssetsFilePath }, findings);
        }

        foreach (var log in assets.Logs.Where(l => l.Level.Equals("Error", StringComparison.OrdinalIgnoreCase)).Take(1))
        {
            var text = EngineText.Of("Finding.RestoreErrors", assets.ProjectName, log.Code, log.Message);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.RestoreErrors.Id,
                Severity = FindingSeverity.Warning,
                ProjectPath = project.ProjectPath,
                Message = text.ToString(),
                Text = text,
            });
        }

        bool isTest = project.IsTestProject ?? InferTestProject(assets);
        var graph = ProjectGraph.Build(assets, lib => LookupPackage(lib, assets.PackageFolders).Metadata);
        var packages = new List<PackageResult>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var (metadata, license, problem) = LookupPackage(node.Library, assets.PackageFolders);
            if (problem != null)
            {
                findings.Add(new Finding
                {
                    RuleId = problem.RuleId,
                    Severity = problem.Severity,
                    Message = problem.Message,
                    Text = problem.Text,
                    ProjectPath = project.ProjectPath,
                    PackageId = node.Id,
                    PackageVersion = node.Version,
                });
            }
            var scope = node.Scope;
            if (scope == DependencyScope.Runtime && isTest) scope = DependencyScope.Test;
            _deprecations.TryGetValue(new PackageKey(node.Library.Id, node.Library.Version), out var deprecation);
            if (deprecation != null) findings.Add(DeprecationFinding(project.ProjectPath, node, deprecation));
            var package = Evaluate(assets, node, scope, metadata, license, deprecation, findings);
            packages.Add(package);
        }
        if (findings.Any(f => f.PackageId != null)) findings = Locate(project.ProjectPath, graph, findings);
        packages.Sort((a, b) =>
        {
            int c = string.Compare(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);
            if (c == 0) c = string.Compare(a.Id, b.Id, StringComparison.Ordinal);
            return c != 0 ? c : string.Compare(a.Version, b.Version, StringComparison.Ordinal);
        });
        var result = new ProjectResult
        {
            Name = assets.ProjectName,
            ProjectPath = project.ProjectPath,
            AssetsFilePath = assets.Path,
            IsTestProject = isTest,
            Version = assets.ProjectVersion,
            TargetFrameworks = assets.Targets.Keys.Select(ProjectGraph.FrameworkOf).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            ProjectReferences = assets.ProjectReferences.Values.SelectMany(v => v).Select(p => Path.GetFullPath(p)).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            Packages = packages,
            Loaded = true,
        };
        return (result, findings);
    }

    // Findings about a package point at the line of the reference that brings it in. The project file is read only
    // when there is something to point at, so a clean project costs nothing more.
    private List<Finding> Locate(string projectPath, ProjectGraph graph, List<Finding> findings)
    {
        var locator = new ReferenceLocator(projectPath, _projectFiles);
        var nodes = graph.Nodes.GroupBy(n => (n.Id.ToLowerInvariant(), n.Version)).ToDictionary(g => g.Key, g => g.First());
        var located = new Dictionary<ProjectGraph.Node, SourceLocation?>();
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            if (f.PackageId == null || f.PackageVersion == null || f.Location != null || !nodes.TryGetValue((f.PackageId.ToLowerInvariant(), f.PackageVersion), out var node))
            {
                result.Add(f);
                continue;
            }
            if (!located.TryGetValue(node, out var location)) located[node] = location = locator.Locate(node);
            result.Add(location == null ? f : new Finding
            {
                RuleId = f.RuleId,
                Severity = f.Severity,
                Message = f.Message,
                Text = f.Text,
                IsEnforced = f.IsEnforced,
                ProjectPath = f.ProjectPath,
                Location = location,
                PackageId = f.PackageId,
                PackageVersion = f.PackageVersion,
                Paths = f.Paths,
                Remedy = f.Remedy,
                RemedyText = f.RemedyText,
            });
        }
        return result;
    }

    private static Finding DeprecationFinding(string projectPath, ProjectGraph.Node node, PackageDeprecation deprecation)
    {
        // The reasons are NuGet's own names (CriticalBugs, Legacy…) and the owner's message is quoted as written.
        var reasons = deprecation.Reasons.Count == 0 ? string.Empty : " (" + string.Join(", ", deprecation.Reasons) + ")";
        var said = string.IsNullOrWhiteSpace(deprecation.Message) ? null : deprecation.Message.Trim();
        if (said != null && !said.EndsWith('.')) said += ".";
        var text = EngineText.Of("Finding.Deprecated", node.Id, node.Version, reasons, deprecation.Source, said != null ? EngineText.Of("Finding.DeprecatedOwnerSays", said) : null);
        var remedy = deprecation.AlternatePackage != null
            ? EngineText.Of("Remedy.DeprecatedAlternative", deprecation.AlternatePackage)
            : node.IsDirect ? EngineText.Of("Remedy.DeprecatedDirect") : EngineText.Of("Remedy.DeprecatedVia", string.Join(", ", node.IntroducedBy));
        return new Finding
        {
            RuleId = RuleCatalog.DeprecatedPackage.Id,
            Severity = FindingSeverity.Warning,
            Message = text.ToString(),
            Text = text,
            ProjectPath = projectPath,
            PackageId = node.Id,
            PackageVersion = node.Version,
            Paths = node.Paths,
            Remedy = remedy.ToString(),
            RemedyText = remedy,
        };
    }

    private PackageResult Evaluate(AssetsFile assets, ProjectGraph.Node node, DependencyScope scope, PackageMetadata? metadata, LicenseResolution license, PackageDeprecation? deprecation, List<Finding> findings)
    {
        var licenseText = license.Concluded.ToString();
        // The verdict on a licence depends only on the licence and the policy: computed once per distinct expression.
        var verdict = _verdicts.GetOrAdd(licenseText, _ => _evaluator.Evaluate(license.Concluded));
        Verdict v = verdict.Verdict;
        EngineText reason = verdict.LocalizableReason;
        string? customRuleId = null;
        foreach (var rule in _options.Rules)
        {
            var outcome = rule.Evaluate(new PackageRuleContext
            {
                ProjectName = assets.ProjectName,
                PackageId = node.Id,
                Version = node.Version,
                Scope = scope,
                IsDirect = node.IsDirect,
                Metadata = metadata,
                License = license,
                Verdict = v,
                Deprecation = deprecation,
            });
            if (outcome.Action == PolicyRuleAction.Deny && v != Verdict.Denied)
            {
                v = Verdict.Denied;
                reason = EngineText.Of("Reason.CustomRule", rule.Id, outcome.Message != null ? EngineText.Verbatim(outcome.Message) : EngineText.Of("Reason.CustomRuleDenied"));
                customRuleId = rule.Id;
            }
            else if (outcome.Action == PolicyRuleAction.Warn)
            {
                var text = EngineText.Of("Finding.CustomWarning", node.Id, node.Version, outcome.Message);
                findings.Add(new Finding
                {
                    RuleId = rule.Id,
                    Severity = FindingSeverity.Warning,
                    Message = text.ToString(),
                    Text = text,
                    ProjectPath = assets.ProjectPath,
                    PackageId = node.Id,
                    PackageVersion = node.Version,
                    Paths = node.Paths,
                });
            }
        }

        bool enforced = _options.Policy.EnforcedScopes.Contains(scope);
        PolicyException? applied = null;
        if (v is Verdict.Denied or Verdict.Unknown)
        {
            var candidates = _options.Policy.Exceptions.Where(e => e.Matches(node.Id, node.Version) && (e.License == null || string.Equals(e.License, licenseText, StringComparison.OrdinalIgnoreCase))).ToArray();
            var valid = candidates.FirstOrDefault(e => e.Expires == null || e.Expires.Value >= _today);
            if (valid != null)
            {
                applied = valid;
                var text = EngineText.Of("Finding.Excepted", node.Id, node.Version, licenseText, valid.Justification,
                    valid.ApprovedBy != null ? EngineText.Of("Finding.ExceptedApprovedBy", valid.ApprovedBy) : null,
                    valid.Expires != null ? EngineText.Of("Finding.ExceptedUntil", valid.Expires.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
                findings.Add(new Finding
                {
                    RuleId = RuleCatalog.ExceptedDependency.Id,
                    Severity = FindingSeverity.Info,
                    Message = text.ToString(),
                    Text = text,
                    ProjectPath = assets.ProjectPath,
                    PackageId = node.Id,
                    PackageVersion = node.Version,
                    Paths = node.Paths,
                });
                reason = EngineText.Of("Reason.Excepted", valid.Justification, reason);
                v = Verdict.Excepted;
            }
            else
            {
                foreach (var expired in candidates)
                {
                    var text = EngineText.Of("Finding.ExpiredException", node.Id, node.Version, expired.Expires!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    findings.Add(new Finding
                    {
                        RuleId = RuleCatalog.ExpiredException.Id,
                        Severity = FindingSeverity.Error,
                        IsEnforced = enforced,
                        Message = text.ToString(),
                        Text = text,
                        ProjectPath = assets.ProjectPath,
                        PackageId = node.Id,
                        PackageVersion = node.Version,
                        Paths = node.Paths,
                    });
                }
            }
        }

        var remedy = Remedy(assets, node);
        if (v == Verdict.Denied)
        {
            var descriptor = customRuleId != null ? RuleCatalog.CustomRule : RuleCatalog.DeniedLicense;
            if (customRuleId == null && NewestAllowedVersion(metadata) is { } newer) remedy = EngineText.Join(" ", new[] { remedy, newer });
            var text = EngineText.Of("Finding.Denied", node.Id, node.Version, ScopeText(scope), license.Concluded.ToString(), reason);
            findings.Add(new Finding
            {
                RuleId = customRuleId ?? descriptor.Id,
                Severity = enforced ? FindingSeverity.Error : FindingSeverity.Warning,
                IsEnforced = enforced,
                Message = text.ToString(),
                Text = text,
                ProjectPath = assets.ProjectPath,
                PackageId = node.Id,
                PackageVersion = node.Version,
                Paths = node.Paths,
                Remedy = remedy.ToString(),
                RemedyText = remedy,
            });
        }
        else if (v == Verdict.Unknown)
        {
            bool fails = enforced && _options.Policy.FailOnUnknown;
            var parts = new List<EngineText> { EngineText.Of("Finding.Unknown", node.Id, node.Version, ScopeText(scope), reason) };
            // The resolver's note is English only (it quotes the package's own texts).
            if (license.Note != null) parts.Add(EngineText.Verbatim(license.Note));
            if (license.Evidence != null) parts.Add(EngineText.Of("Finding.Evidence", license.Evidence));
            var text = EngineText.Join(" ", parts);
            var unknownRemedy = EngineText.Of("Remedy.Unknown", remedy, PolicyDocument.FileName);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.UnknownLicense.Id,
                Severity = fails ? FindingSeverity.Error : FindingSeverity.Warning,
                IsEnforced = fails,
                Message = text.ToString(),
                Text = text,
                ProjectPath = assets.ProjectPath,
                PackageId = node.Id,
                PackageVersion = node.Version,
                Paths = node.Paths,
                Remedy = unknownRemedy.ToString(),
                RemedyText = unknownRemedy,
            });
        }

        if (license.Source == LicenseSource.Expression && license.IsNoAssertion)
        {
            var text = EngineText.Of("Finding.InvalidDeclared", node.Id, node.Version, license.Declared, license.Note);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.InvalidDeclaredExpression.Id,
                Severity = FindingSeverity.Warning,
                Message = text.ToString(),
                Text = text,
                ProjectPath = assets.ProjectPath,
                PackageId = node.Id,
                PackageVersion = node.Version,
            });
        }
        foreach (var leaf in _deprecatedLeaves.GetOrAdd(licenseText, _ => license.Concluded.Leaves().OfType<SpdxLicense>().Where(l => LicenseList.Default.TryGetLicense(l.Id, out var info) && info.IsDeprecated).ToArray()))
        {
            var text = EngineText.Of("Finding.DeprecatedLicenceId", node.Id, node.Version, leaf.Id);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.DeprecatedLicenseId.Id,
                Severity = FindingSeverity.Info,
                Message = text.ToString(),
                Text = text,
                ProjectPath = assets.ProjectPath,
                PackageId = node.Id,
                PackageVersion = node.Version,
            });
        }

        return new PackageResult
        {
            Id = node.Id,
            Version = node.Version,
            Scope = scope,
            IsDirect = node.IsDirect,
            Frameworks = node.Frameworks,
            Dependencies = node.Dependencies,
            Sha512 = node.Library.Sha512Base64 is { } b64 ? ToHex(b64) : null,
            PackageDirectory = metadata is { Origin: null } ? metadata.PackageDirectory : null,
            Metadata = metadata,
            Deprecation = deprecation,
            License = license,
            Verdict = v,
            Reason = reason.ToString(),
            ReasonText = reason,
            AppliedException = applied,
            Paths = node.Paths,
            IntroducedBy = node.IntroducedBy,
        };
    }

    // The newest other version of a denied package, among those in the same package folder, whose licence the policy
    // allows: the licence may have changed between versions (Apache-2.0 in 7.x, commercial in 8.x).
    private EngineText? NewestAllowedVersion(PackageMetadata? metadata)
    {
        if (metadata == null || metadata.Origin != null || string.IsNullOrEmpty(metadata.PackageDirectory)) return null;
        var idFolder = Path.GetDirectoryName(Path.GetFullPath(metadata.PackageDirectory).TrimEnd(Path.DirectorySeparatorChar));
        if (idFolder == null || !Directory.Exists(idFolder)) return null;
        var candidates = new List<(NuGet.Versioning.NuGetVersion Version, string License)>();
        try
        {
            foreach (var dir in Directory.GetDirectories(idFolder))
            {
                if (!NuGet.Versioning.NuGetVersion.TryParse(Path.GetFileName(dir), out var version)) continue;
                if (NuGet.Versioning.NuGetVersion.TryParse(metadata.Version, out var current) && version == current) continue;
                var nuspec = Directory.GetFiles(dir, "*.nuspec").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                if (nuspec == null) continue;
                PackageMetadata other;
                try
                {
                    other = NuspecReader.Read(nuspec);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or System.Xml.XmlException or UnauthorizedAccessException)
                {
                    continue;
                }
                var license = ApplyCurations(other.Id, other.Version, _resolver.Resolve(other));
                if (_evaluator.Evaluate(license.Concluded).Verdict == Verdict.Allowed) candidates.Add((version, license.Concluded.ToString()));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (candidates.Count == 0) return null;
        var best = candidates.OrderByDescending(c => c.Version).First();
        return EngineText.Of("Remedy.NewerAllowed", best.Version.ToNormalizedString(), best.License);
    }

    private static EngineText ScopeText(DependencyScope scope) => EngineText.Of("Scope." + scope.ToName());

    private static EngineText Remedy(AssetsFile assets, ProjectGraph.Node node)
    {
        // The SDK adds some references itself (NETStandard.Library for netstandard2.0): nothing to remove in the project file.
        var implicitIds = assets.DeclaredDependencies.Values.SelectMany(d => d).Where(d => d.AutoReferenced).Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (implicitIds.Contains(node.Id)) return EngineText.Of("Remedy.ImplicitSelf", node.Id);
        if (node.IntroducedBy.Count > 0 && node.IntroducedBy.All(via => implicitIds.Contains(via.Split(' ')[0])))
            return EngineText.Of("Remedy.ImplicitVia", string.Join(", ", node.IntroducedBy));
        if (node.IsDirect) return EngineText.Of("Remedy.Direct", node.Id, Path.GetFileName(assets.ProjectPath));
        object via = node.IntroducedBy.Count == 0 ? EngineText.Of("Remedy.ViaParent")
            : node.IntroducedBy.Count <= 5 ? string.Join(", ", node.IntroducedBy)
            : EngineText.Of("Remedy.ViaMore", string.Join(", ", node.IntroducedBy.Take(5)), node.IntroducedBy.Count - 5);
        return EngineText.Of("Remedy.Via", via);
    }

    // Each package is read and resolved once per engine, however many projects use it.
    private (PackageMetadata? Metadata, LicenseResolution License, Finding? Problem) LookupPackage(AssetsLibrary library, IReadOnlyList<string> folders)
    {
        var key = (library.Path ?? (library.Id + "/" + library.Version)).ToLowerInvariant();
        return _packages.GetOrAdd(key, _ => new Lazy<(PackageMetadata?, LicenseResolution, Finding?)>(() => LoadPackage(library, folders))).Value;
    }

    private static (string? Path, bool Outside) FindLocalNuspec(AssetsLibrary library, IReadOnlyList<string> folders)
    {
        string nuspecName = library.NuspecFile ?? library.Id.ToLowerInvariant() + ".nuspec";
        string relative = library.Path ?? (library.Id.ToLowerInvariant() + "/" + library.Version.ToLowerInvariant());
        foreach (var folder in folders)
        {
            var dir = PackagePaths.Confine(folder, relative);
            if (dir == null) continue;
            var nuspec = Path.Combine(dir, nuspecName);
            if (!File.Exists(nuspec)) continue;
            // Links are resolved before confining: a package folder or nuspec linked elsewhere is not this package's metadata.
            return (nuspec, IO.InputFile.ResolveWithin(folder, nuspec) == null);
        }
        return (null, false);
    }

    private (PackageMetadata?, LicenseResolution, Finding?) LoadPackage(AssetsLibrary library, IReadOnlyList<string> folders)
    {
        var (nuspec, outside) = FindLocalNuspec(library, folders);
        if (nuspec != null)
        {
            try
            {
                if (outside) throw new InvalidDataException("it resolves (through a symbolic link) outside the package folder, so it was not read");
                var metadata = NuspecReader.Read(nuspec);
                return (metadata, ApplyCurations(library, _resolver.Resolve(metadata)), null);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                var text = EngineText.Of("Finding.NuspecUnreadable", library.Id, library.Version, nuspec, ex.Message);
                var problem = new Finding
                {
                    RuleId = RuleCatalog.MalformedNuspec.Id,
                    Severity = FindingSeverity.Warning,
                    Message = text.ToString(),
                    Text = text,
                };
                var unresolved = new LicenseResolution { Concluded = SpdxExpression.NoAssertion, Source = LicenseSource.None, Evidence = nuspec, Note = "The package metadata is unreadable." };
                return (null, ApplyCurations(library, unresolved), problem);
            }
        }
        if (_remoteNuspecs.TryGetValue(new PackageKey(library.Id, library.Version), out var remote)) return LoadRemote(library, folders, remote);
        var missingText = EngineText.Of("Finding.PackageNotFound", library.Id, library.Version, string.Join(", ", folders), _options.MetadataSource != null ? EngineText.Of("Finding.PackageNotFoundOnline") : null);
        var missing = new Finding
        {
            RuleId = RuleCatalog.PackageNotFound.Id,
            Severity = FindingSeverity.Warning,
            Message = missingText.ToString(),
            Text = missingText,
        };
        var none = new LicenseResolution { Concluded = SpdxExpression.NoAssertion, Source = LicenseSource.None, Note = "The package is not in the package folders." };
        return (null, ApplyCurations(library, none), missing);
    }

    private (PackageMetadata?, LicenseResolution, Finding?) LoadRemote(AssetsLibrary library, IReadOnlyList<string> folders, RemoteNuspec remote)
    {
        var evidence = "Metadata fetched from " + remote.Location + " (source " + remote.Source + "); the package is not in the package folders.";
        try
        {
            using var stream = new MemoryStream(remote.Content.ToArray(), writable: false);
            var metadata = NuspecReader.Read(stream, remote.Location, remote.Source);
            if (!string.Equals(metadata.Id, library.Id, StringComparison.OrdinalIgnoreCase) || !NuGet.Versioning.NuGetVersion.TryParse(metadata.Version, out var got)
                || !NuGet.Versioning.NuGetVersion.TryParse(library.Version, out var wanted) || got != wanted)
            {
                throw new InvalidDataException("it describes " + metadata.Id + " " + metadata.Version + ", not the package asked for.");
            }
            var resolved = _resolver.Resolve(metadata);
            var withEvidence = new LicenseResolution
            {
                Declared = resolved.Declared,
                Concluded = resolved.Concluded,
                Source = resolved.Source,
                Evidence = resolved.Evidence,
                Confidence = resolved.Confidence,
                Note = resolved.Note == null ? evidence : evidence + " " + resolved.Note,
            };
            var fetchedText = EngineText.Of("Finding.FetchedOnline", library.Id, library.Version, string.Join(", ", folders), remote.Location);
            var fetched = new Finding
            {
                RuleId = RuleCatalog.PackageNotFound.Id,
                Severity = FindingSeverity.Info,
                Message = fetchedText.ToString(),
                Text = fetchedText,
            };
            return (metadata, ApplyCurations(library, withEvidence), fetched);
        }
        catch (InvalidDataException ex)
        {
            var problemText = EngineText.Of("Finding.FetchedNuspecUnusable", library.Id, library.Version, remote.Location, ex.Message);
            var problem = new Finding
            {
                RuleId = RuleCatalog.MalformedNuspec.Id,
                Severity = FindingSeverity.Warning,
                Message = problemText.ToString(),
                Text = problemText,
            };
            var unresolved = new LicenseResolution { Concluded = SpdxExpression.NoAssertion, Source = LicenseSource.None, Evidence = remote.Location, Note = "The package is not in the package folders and the metadata fetched online is unusable." };
            return (null, ApplyCurations(library, unresolved), problem);
        }
    }

    private LicenseResolution ApplyCurations(AssetsLibrary library, LicenseResolution resolution) => ApplyCurations(library.Id, library.Version, resolution);

    private LicenseResolution ApplyCurations(string id, string version, LicenseResolution resolution)
    {
        var curation = _curations.FirstOrDefault(c => c.Matches(id, version));
        if (curation == null || !LicenseList.Default.TryParse(curation.License, out var expr, out _) || expr == null) return resolution;
        return new LicenseResolution
        {
            Declared = resolution.Declared,
            Concluded = expr,
            Source = LicenseSource.Curation,
            Evidence = curation.Source,
            Confidence = 1.0,
            Note = curation.Reason,
        };
    }

    private static bool InferTestProject(AssetsFile assets)
        // Microsoft.NET.Test.Sdk is what sets IsTestProject=true in MSBuild; MSTest.Sdk projects reference MSTest.
        => assets.DeclaredDependencies.Values.SelectMany(d => d).Any(d =>
            d.Id.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || d.Id.Equals("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)
            || d.Id.Equals("Microsoft.Testing.Platform.MSBuild", StringComparison.OrdinalIgnoreCase));

    private static string ToHex(string base64)
    {
        try
        {
            return Convert.ToHexString(Convert.FromBase64String(base64)).ToLowerInvariant();
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings)
        => findings
            .OrderBy(f => f.ProjectPath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.PackageId ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.PackageVersion ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
}
