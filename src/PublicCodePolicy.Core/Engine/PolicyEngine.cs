// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    /// Online mode: reads the licence page of packages whose only evidence is a licence URL the curated table does not
    /// map (preferring the licence file at the repository commit the nuspec names), and matches its text. Null (the
    /// default) keeps such packages <c>NOASSERTION</c>; the engine itself never opens a connection.
    /// </summary>
    public ILicensePageSource? LicensePageSource { get; init; }

    /// <summary>
    /// Online mode: lists the versions of packages whose licence the policy denies, so that the fix line names the
    /// newest version on the sources whose licence is allowed (when the package folders have none). Candidates'
    /// nuspecs are read through <see cref="MetadataSource"/>, which must be set too. Null (the default) asks nothing.
    /// </summary>
    public IPackageVersionSource? VersionSource { get; init; }

    /// <summary>
    /// An earlier check to compare with (CLI <c>--baseline</c>, build property <c>PublicCodePolicyBaseline</c>): licence
    /// changes are reported as PCP0020 and new packages as PCP0021. Null (the default) compares nothing.
    /// </summary>
    public LicenceBaseline? Baseline { get; init; }

    /// <summary>True when a metadata or status source is set.</summary>
    public bool IsOnline => MetadataSource != null || StatusSource != null || LicensePageSource != null || VersionSource != null;
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
    private readonly ConcurrentDictionary<PackageKey, LicenseResolution> _pageLicenses = new();
    private readonly ConcurrentDictionary<string, string> _hexHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _sharedLists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PackageKey, EngineText> _feedAllowedVersions = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<LicensePageResult>>> _pageFetches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ReferenceLocator.Entry>> _projectFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<EngineText?>> _newestAllowed = new(StringComparer.Ordinal);

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
        var libraries = new Dictionary<PackageKey, (AssetsLibrary Library, IReadOnlyList<string> Folders)>();
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
                libraries[key] = (library, assets.PackageFolders);
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
        var findings = nuspecs.Result.Problems.Concat(statuses.Result.Problems)
            .Distinct(StringComparer.Ordinal)
            // The problem is the source's own account (an exception message, a status): quoted as it is.
            .Select(problem => OnlineSourceFailed("Finding.OnlineSourceFailed", problem))
            .ToList();
        if (_options.LicensePageSource != null && _options.TextIdentifier != null)
        {
            findings.AddRange(await FetchLicensePagesAsync(_options.LicensePageSource, _options.TextIdentifier, libraries, cancellationToken).ConfigureAwait(false));
        }
        if (_options.VersionSource != null && _options.MetadataSource != null)
        {
            findings.AddRange(await FindAllowedVersionsOnFeedAsync(_options.VersionSource, _options.MetadataSource, libraries, cancellationToken).ConfigureAwait(false));
        }
        return findings;
    }

    /// <summary>Most versions of one denied package whose nuspec is read from the sources, newest first.</summary>
    private const int MaxFeedCandidates = 10;

    // Online "newest allowed version": for each package whose concluded licence the policy denies (and that has no
    // allowed version in the package folders), the sources' versions are listed and the nuspecs of the newest ones
    // (at most MaxFeedCandidates; pre-releases only for a pre-release package) are resolved as offline — expression,
    // URL table; a licence file inside a package not on this machine stays NOASSERTION — and curated. The newest
    // allowed one goes into the fix line. Resolving here uses the engine's per-package cache: the check reuses it.
    private async Task<IReadOnlyList<Finding>> FindAllowedVersionsOnFeedAsync(IPackageVersionSource versions, IPackageMetadataSource nuspecs, Dictionary<PackageKey, (AssetsLibrary Library, IReadOnlyList<string> Folders)> libraries, CancellationToken cancellationToken)
    {
        // Resolved in parallel, as the check would: the results stay in the per-package cache for the check itself.
        var deniedBag = new ConcurrentBag<(PackageKey Key, NuGet.Versioning.NuGetVersion Version)>();
        Parallel.ForEach(libraries, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancellationToken }, entry =>
        {
            var (metadata, license, _) = LookupPackage(entry.Value.Library, entry.Value.Folders);
            if (_verdicts.GetOrAdd(license.Concluded.ToString(), _ => _evaluator.Evaluate(license.Concluded)).Verdict != Verdict.Denied) return;
            if (NewestAllowedVersion(metadata) != null || !NuGet.Versioning.NuGetVersion.TryParse(entry.Key.Version, out var current)) return;
            deniedBag.Add((entry.Key, current));
        });
        var denied = deniedBag.OrderBy(d => d.Key.Id, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Key.Version, StringComparer.Ordinal).ToList();
        if (denied.Count == 0) return Array.Empty<Finding>();

        var ids = denied.Select(d => d.Key.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var listed = await Ask(() => versions.GetVersionsAsync(ids, cancellationToken), cancellationToken).ConfigureAwait(false);
        var lists = listed.Found.ToDictionary(f => f.Key.Id, f => f.Value, StringComparer.OrdinalIgnoreCase);
        var wanted = new Dictionary<PackageKey, (PackageKey Denied, string Source)>();
        foreach (var (key, current) in denied)
        {
            if (!lists.TryGetValue(key.Id, out var list)) continue;
            var candidates = list.Versions
                .Select(v => NuGet.Versioning.NuGetVersion.TryParse(v, out var parsed) ? parsed : null)
                .OfType<NuGet.Versioning.NuGetVersion>()
                .Where(v => v != current && (current.IsPrerelease || !v.IsPrerelease))
                .Distinct()
                .OrderByDescending(v => v)
                .Take(MaxFeedCandidates);
            foreach (var candidate in candidates) wanted[new PackageKey(key.Id, candidate.ToNormalizedString())] = (key, list.Source);
        }
        var fetched = wanted.Count == 0 ? PackageLookupResult<RemoteNuspec>.Empty
            : await Ask(() => nuspecs.GetNuspecsAsync(wanted.Keys.ToArray(), cancellationToken), cancellationToken).ConfigureAwait(false);
        var best = new Dictionary<PackageKey, (NuGet.Versioning.NuGetVersion Version, string License, string Source)>();
        foreach (var (candidateKey, remote) in fetched.Found)
        {
            if (!wanted.TryGetValue(candidateKey, out var target) || !NuGet.Versioning.NuGetVersion.TryParse(candidateKey.Version, out var version)) continue;
            PackageMetadata metadata;
            try
            {
                using var stream = new MemoryStream(remote.Content.ToArray(), writable: false);
                metadata = NuspecReader.Read(stream, remote.Location, remote.Source);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException)
            {
                continue;
            }
            // A nuspec that names another package or version is not evidence for this one.
            if (!string.Equals(metadata.Id, candidateKey.Id, StringComparison.OrdinalIgnoreCase) || !NuGet.Versioning.NuGetVersion.TryParse(metadata.Version, out var got) || got != version) continue;
            var license = ApplyCurations(metadata.Id, metadata.Version, _resolver.Resolve(metadata));
            if (_verdicts.GetOrAdd(license.Concluded.ToString(), _ => _evaluator.Evaluate(license.Concluded)).Verdict != Verdict.Allowed) continue;
            if (!best.TryGetValue(target.Denied, out var known) || version > known.Version) best[target.Denied] = (version, license.Concluded.ToString(), remote.Source);
        }
        foreach (var (key, found) in best)
        {
            _feedAllowedVersions[key] = EngineText.Of("Remedy.NewerAllowedOnFeed", found.Version.ToNormalizedString(), found.Source, found.License);
        }
        return listed.Problems.Concat(fetched.Problems).Distinct(StringComparer.Ordinal).Select(problem => OnlineSourceFailed("Finding.AllowedVersionSearchFailed", problem)).ToArray();
    }

    // Online licence pages: for each package whose only evidence is a licence URL, the licence files at the repository
    // commit the nuspec names (if any) and then the URL itself (GitHub/GitLab blob links read as raw content) are read
    // in that order; the first page read decides. Each URL is fetched once per engine. A package none of whose pages
    // could be read keeps its offline result, with a PCP1005 warning naming each failure.
    private async Task<IReadOnlyList<Finding>> FetchLicensePagesAsync(ILicensePageSource source, ILicenseTextIdentifier identifier, Dictionary<PackageKey, (AssetsLibrary Library, IReadOnlyList<string> Folders)> libraries, CancellationToken cancellationToken)
    {
        var wanted = new List<(PackageKey Key, string LicenseUrl, RepositoryInfo? Repository)>();
        foreach (var (key, (library, folders)) in libraries.OrderBy(l => l.Key.Id, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Key.Version, StringComparer.Ordinal))
        {
            var metadata = ReadMetadataQuietly(key, library, folders);
            // A curated package needs no page: the curation wins anyway.
            if (metadata == null || _pageLicenses.ContainsKey(key) || _curations.Any(c => c.Matches(key.Id, key.Version))) continue;
            var url = _resolver.OnlyLicenseUrl(metadata);
            if (url != null) wanted.Add((key, url, metadata.Repository));
        }
        var findings = new ConcurrentBag<Finding>();
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var failures = new List<string>();
            var candidates = LicensePageUrls.AtCommit(item.Repository).Select(u => (Url: u, Requested: u, Immutable: true, FromRepository: true)).ToList();
            // A licenseUrl that is not an http(s) address ("see LICENSE") is nothing to read: the offline note says so.
            if (LicensePageUrls.Locate(item.LicenseUrl) is { } location) candidates.Add((location.Url, item.LicenseUrl, location.IsImmutable, false));
            foreach (var candidate in candidates)
            {
                var result = await FetchPageOnceAsync(source, new LicensePageRequest(candidate.Url, candidate.Immutable), token).ConfigureAwait(false);
                if (result.Page is { } page)
                {
                    _pageLicenses[item.Key] = ConcludeFromPage(identifier, item.LicenseUrl, candidate.Requested, candidate.Immutable, page, failures);
                    return;
                }
                // The repository is asked for several conventional names: a missing one is expected, not a failure.
                if (!(candidate.FromRepository && result.NotFound)) failures.Add(result.Problem ?? candidate.Url + " could not be read.");
            }
            if (failures.Count == 0) return;
            // The failures are the page source's own accounts: quoted as they are.
            var text = EngineText.Of("Finding.LicencePageUnread", item.Key.ToString(), string.Join(" ", failures));
            var remedy = EngineText.Of("Remedy.LicencePageUnread", PolicyDocument.FileName);
            findings.Add(new Finding
            {
                RuleId = RuleCatalog.OnlineSourceFailed.Id,
                Severity = FindingSeverity.Warning,
                Message = text.ToString(),
                Text = text,
                PackageId = item.Key.Id,
                PackageVersion = item.Key.Version,
                Remedy = remedy.ToString(),
                RemedyText = remedy,
            });
        }).ConfigureAwait(false);
        return findings.ToArray();
    }

    private Task<LicensePageResult> FetchPageOnceAsync(ILicensePageSource source, LicensePageRequest request, CancellationToken cancellationToken)
        => _pageFetches.GetOrAdd(request.Url, _ => new Lazy<Task<LicensePageResult>>(async () =>
        {
            try
            {
                return await source.FetchAsync(request, cancellationToken).ConfigureAwait(false) ?? new LicensePageResult { Problem = request.Url + " could not be read: the page source gave no answer." };
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return new LicensePageResult { Problem = request.Url + " could not be read: " + ex.GetType().Name + ": " + ex.Message };
            }
        })).Value;

    private static LicenseResolution ConcludeFromPage(ILicenseTextIdentifier identifier, string licenseUrl, string requested, bool requestedImmutable, LicensePageResponse page, IReadOnlyList<string> failures)
    {
        // A redirect may leave the pinned address: the page is immutable only if where it was read from is pinned too.
        bool immutable = requestedImmutable && (string.Equals(page.Url, requested, StringComparison.Ordinal) || string.Equals(page.Url, LicensePageUrls.Locate(requested)?.Url, StringComparison.Ordinal) || LicensePageUrls.Locate(page.Url)?.IsImmutable == true);
        var evidence = new LicensePageEvidence
        {
            RequestedUrl = requested,
            Url = page.Url,
            RetrievedAt = page.RetrievedAt.ToUniversalTime(),
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(page.Content.Span)).ToLowerInvariant(),
            IsImmutable = immutable,
            MediaType = page.MediaType,
        };
        var (text, isHtml) = LicensePageText.Extract(page.Content.Span, page.MediaType);
        var match = text == null || text.Length > Licensing.Text.LicenseTextMatcher.MaxTextLength ? null : identifier.Identify(text);
        var notes = new List<string> { evidence.Describe() };
        if (failures.Count > 0) notes.Add("Not read before it: " + string.Join(" ", failures));
        if (isHtml) notes.Add("An HTML page: its visible text was matched.");
        if (match == null || match.Expression is SpdxSpecial)
        {
            notes.Add(text == null ? "The page is not text; nothing is concluded." : "The page's text was not identified" + (match?.Note != null ? ": " + match.Note : "."));
            return new LicenseResolution
            {
                Declared = licenseUrl,
                Concluded = SpdxExpression.NoAssertion,
                Source = LicenseSource.Url,
                Evidence = page.Url,
                Confidence = match?.Score ?? 0,
                Note = string.Join(" ", notes),
                Page = evidence,
            };
        }
        if (match.Note != null) notes.Add(match.Note.TrimEnd('.') + ".");
        if (!immutable) notes.Add("The address is mutable: this is the text it served on that date, which may not be the one this version was published under.");
        return new LicenseResolution
        {
            Declared = licenseUrl,
            Concluded = match.Expression,
            Source = LicenseSource.Url,
            Evidence = page.Url,
            // A mutable page is trusted no more than a curated URL row; a pinned one as much as a file in the package.
            Confidence = immutable ? match.Score : Math.Min(match.Score, 0.9),
            Note = string.Join(" ", notes),
            Page = evidence,
        };
    }

    // The metadata of a package for online decisions: its local nuspec, else the one fetched online; null when unreadable
    // (the check reports it later, PCP1002/PCP1003).
    private PackageMetadata? ReadMetadataQuietly(PackageKey key, AssetsLibrary library, IReadOnlyList<string> folders)
    {
        try
        {
            var (nuspec, outside) = FindLocalNuspec(library, folders);
            if (nuspec != null) return outside ? null : NuspecReader.Read(nuspec);
            if (!_remoteNuspecs.TryGetValue(key, out var remote)) return null;
            using var stream = new MemoryStream(remote.Content.ToArray(), writable: false);
            return NuspecReader.Read(stream, remote.Location, remote.Source);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return null;
        }
    }

    // The licence read online replaces only an offline NOASSERTION (a shipped file or an expression always wins).
    private LicenseResolution WithLicensePage(AssetsLibrary library, LicenseResolution offline)
        => offline.IsNoAssertion && _pageLicenses.TryGetValue(new PackageKey(library.Id, library.Version), out var online) ? online : offline;

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

        // The remedy is written only where someone has to act (denied or unknown), not for every allowed package.
        if (v == Verdict.Denied)
        {
            var remedy = Remedy(assets, node);
            var descriptor = customRuleId != null ? RuleCatalog.CustomRule : RuleCatalog.DeniedLicense;
            if (customRuleId == null && (NewestAllowedVersion(metadata) ?? (_feedAllowedVersions.TryGetValue(new PackageKey(node.Library.Id, node.Library.Version), out var onFeed) ? onFeed : null)) is { } newer)
                remedy = EngineText.Join(" ", new[] { remedy, newer });
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
            if (license.Note != null) parts.Add(license.NoteText ?? EngineText.Verbatim(license.Note));
            if (license.Evidence != null) parts.Add(EngineText.Of("Finding.Evidence", license.Evidence));
            var text = EngineText.Join(" ", parts);
            var unknownRemedy = EngineText.Of("Remedy.Unknown", Remedy(assets, node), PolicyDocument.FileName);
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
            Frameworks = Shared(node.Frameworks),
            Dependencies = Shared(node.Dependencies),
            Sha512 = node.Library.Sha512Base64 is { } b64 ? _hexHashes.GetOrAdd(b64, ToHex) : null,
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
        // Once per package folder and engine: every project that uses a denied package would otherwise list and read
        // the other versions' nuspecs again.
        return _newestAllowed.GetOrAdd(metadata.PackageDirectory + "\n" + metadata.Version, _ => new StrongBox<EngineText?>(FindNewestAllowedVersion(metadata))).Value;
    }

    private EngineText? FindNewestAllowedVersion(PackageMetadata metadata)
    {
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
                return (metadata, ApplyCurations(library, WithLicensePage(library, _resolver.Resolve(metadata))), null);
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
            var resolved = WithLicensePage(library, _resolver.Resolve(metadata));
            var withEvidence = new LicenseResolution
            {
                Declared = resolved.Declared,
                Concluded = resolved.Concluded,
                Source = resolved.Source,
                Evidence = resolved.Evidence,
                Confidence = resolved.Confidence,
                Note = resolved.Note == null ? evidence : evidence + " " + resolved.Note,
                Page = resolved.Page,
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

    // PCP1005: a source that failed; the check goes on with what it knows offline.
    private static Finding OnlineSourceFailed(string key, string problem)
    {
        var text = EngineText.Of(key, problem);
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
    }

    // Projects of one solution restore the same packages: each package's hash and lists are kept once, not once per
    // project (a 3,000-project solution has over a million project–package pairs).
    private IReadOnlyList<string> Shared(IReadOnlyList<string> list)
        => list.Count == 0 ? list : _sharedLists.GetOrAdd(string.Join("\n", list), static (_, l) => l, list);

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
