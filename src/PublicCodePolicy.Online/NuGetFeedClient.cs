// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Globalization;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Online;

/// <summary>Limits of online mode.</summary>
public sealed class NuGetFeedOptions
{
    /// <summary>Largest nuspec accepted from a source, in bytes (the engine's reader caps characters too).</summary>
    public const int MaxNuspecBytes = 4 * 1024 * 1024;

    /// <summary>Time limit of one lookup on one source (service index, nuspec or registration). Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many lookups run at once, over all sources. Default: 8.</summary>
    public int MaxParallelism { get; init; } = 8;
}

/// <summary>
/// Online mode through NuGet.Protocol: reads missing packages' nuspecs from each source's flat container
/// (<c>PackageBaseAddress/3.0.0</c>) and deprecations from its registrations (<c>RegistrationsBaseUrl</c>). Sources,
/// credentials (<c>packageSourceCredentials</c>) and proxy come from the user's own <c>nuget.config</c>, handled by
/// NuGet's own code; this class never takes a secret. Sources are asked in <c>nuget.config</c> order; the first that
/// knows a package answers for it. A source that fails once (unreachable, timeout, HTTP error) is not asked again by
/// this instance and is reported in <see cref="PackageLookupResult{T}.Problems"/>: callers keep the offline result.
/// Nothing is written to NuGet's HTTP cache. Thread-safe.
/// </summary>
public sealed class NuGetFeedClient : IPackageMetadataSource, IPackageStatusSource, IPackageVersionSource, IDisposable
{
    private readonly Feed[] _feeds;
    private readonly NuGetFeedOptions _options;
    private readonly SourceCacheContext _cache = new() { NoCache = true, DirectDownload = true };

    /// <summary>Creates a client for the given sources; disabled and local-folder sources are skipped (see <see cref="SkippedSources"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' timeout or parallelism is not positive.</exception>
    public NuGetFeedClient(IEnumerable<PackageSource> sources, NuGetFeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _options = options ?? new NuGetFeedOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelism, 1, nameof(options));
        var feeds = new List<Feed>();
        var skipped = new List<string>();
        foreach (var source in sources)
        {
            // Local folders are not "online": their packages would need a restore from them anyway.
            if (source.IsEnabled && source.IsHttp) feeds.Add(new Feed(source));
            else skipped.Add(source.Source);
        }
        _feeds = feeds.ToArray();
        SkippedSources = skipped;
    }

    /// <summary>The HTTP sources asked, in order (their service index URLs).</summary>
    public IReadOnlyList<string> Sources => _feeds.Select(f => f.Url).ToArray();

    /// <summary>Sources of the configuration that are not asked: disabled ones and local folders.</summary>
    public IReadOnlyList<string> SkippedSources { get; }

    /// <summary>
    /// Uses the <c>nuget.config</c> files that apply to <paramref name="root"/> (the folder's chain, the user's and
    /// the machine's), as <c>dotnet restore</c> run there would.
    /// </summary>
    /// <exception cref="NuGetConfigurationException">A <c>nuget.config</c> file is invalid.</exception>
    public static NuGetFeedClient FromNuGetConfig(string root, NuGetFeedOptions? options = null)
        => FromSettings(Settings.LoadDefaultSettings(root), options);

    /// <summary>Uses the enabled sources of already loaded NuGet settings, with their credentials.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static NuGetFeedClient FromSettings(ISettings settings, NuGetFeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new NuGetFeedClient(new PackageSourceProvider(settings).LoadPackageSources(), options);
    }

    /// <inheritdoc />
    public async Task<PackageLookupResult<RemoteNuspec>> GetNuspecsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var found = new ConcurrentDictionary<PackageKey, RemoteNuspec>();
        var problems = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(packages, ParallelOptionsFor(cancellationToken), async (key, token) =>
        {
            foreach (var feed in _feeds)
            {
                var nuspec = await AskAsync(feed, (f, t) => FetchNuspecAsync(f, key, problems, t), token).ConfigureAwait(false);
                if (nuspec != null)
                {
                    found[key] = nuspec;
                    return;
                }
            }
        }).ConfigureAwait(false);
        return Result(found, problems);
    }

    /// <inheritdoc />
    public async Task<PackageLookupResult<PackageDeprecation>> GetDeprecationsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var found = new ConcurrentDictionary<PackageKey, PackageDeprecation>();
        var problems = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // One registration index per id answers for all its versions.
        var byId = packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToArray();
        await Parallel.ForEachAsync(byId, ParallelOptionsFor(cancellationToken), async (group, token) =>
        {
            var pending = group.ToList();
            foreach (var feed in _feeds)
            {
                if (pending.Count == 0) return;
                var answered = await AskAsync(feed, (f, t) => FetchDeprecationsAsync(f, group.Key, pending, found, problems, t), token).ConfigureAwait(false);
                if (answered != null) pending.RemoveAll(answered.Contains);
            }
        }).ConfigureAwait(false);
        return Result(found, problems);
    }

    /// <inheritdoc />
    public async Task<PackageLookupResult<PackageVersionList>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new ConcurrentDictionary<PackageKey, PackageVersionList>();
        var problems = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids.Distinct(StringComparer.OrdinalIgnoreCase), ParallelOptionsFor(cancellationToken), async (id, token) =>
        {
            // The first source that knows the id answers for it, as for nuspecs.
            foreach (var feed in _feeds)
            {
                var versions = await AskAsync(feed, (f, t) => FetchVersionsAsync(f, id, problems, t), token).ConfigureAwait(false);
                if (versions != null)
                {
                    found[new PackageKey(id, string.Empty)] = versions;
                    return;
                }
            }
        }).ConfigureAwait(false);
        return Result(found, problems);
    }

    /// <summary>Releases the HTTP cache context.</summary>
    public void Dispose() => _cache.Dispose();

    private ParallelOptions ParallelOptionsFor(CancellationToken cancellationToken)
        => new() { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };

    private PackageLookupResult<T> Result<T>(ConcurrentDictionary<PackageKey, T> found, ConcurrentDictionary<string, bool> problems)
        where T : class
    {
        foreach (var feed in _feeds)
        {
            if (feed.Failure is { } failure) problems.TryAdd(failure, true);
        }
        return new PackageLookupResult<T>
        {
            Found = new Dictionary<PackageKey, T>(found),
            Problems = problems.Keys.OrderBy(p => p, StringComparer.Ordinal).ToArray(),
        };
    }

    // Runs one lookup on one feed under the time limit. Any failure marks the feed failed, so that an unreachable
    // source costs one timeout per check rather than one per package; the caller's cancellation propagates.
    private async Task<T?> AskAsync<T>(Feed feed, Func<Feed, CancellationToken, Task<T?>> lookup, CancellationToken cancellationToken)
        where T : class
    {
        if (feed.Failure != null) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await lookup(feed, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            feed.Fail("The package source " + feed.Url + " did not answer within " + _options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            feed.Fail("The package source " + feed.Url + " failed: " + Failures.Describe(ex));
        }
        return null;
    }

    private async Task<RemoteNuspec?> FetchNuspecAsync(Feed feed, PackageKey key, ConcurrentDictionary<string, bool> problems, CancellationToken cancellationToken)
    {
        var (http, flatContainer, _) = await feed.ResourcesAsync(cancellationToken).ConfigureAwait(false);
        if (flatContainer == null)
        {
            problems.TryAdd("The package source " + feed.Url + " publishes no flat container (PackageBaseAddress/3.0.0); missing packages were not fetched there.", true);
            return null;
        }
        var id = key.Id.ToLowerInvariant();
        var version = (NuGetVersion.TryParse(key.Version, out var parsed) ? parsed.ToNormalizedString() : key.Version).ToLowerInvariant();
        var url = flatContainer.TrimEnd('/') + "/" + Uri.EscapeDataString(id) + "/" + Uri.EscapeDataString(version) + "/" + Uri.EscapeDataString(id) + ".nuspec";
        var bytes = await GetCappedAsync(http, url, "The nuspec of " + key, problems, cancellationToken).ConfigureAwait(false);
        if (bytes == null) return null;
        return new RemoteNuspec { Content = bytes, Source = feed.Url, Location = url };
    }

    // One GET through NuGet's HTTP source (retries, timeout, credentials, HTTP cache), read at most MaxNuspecBytes; null
    // for a 404, or (with a problem that says so) for a larger answer.
    private async Task<byte[]?> GetCappedAsync(HttpSource http, string url, string what, ConcurrentDictionary<string, bool> problems, CancellationToken cancellationToken)
    {
        var request = new HttpSourceRequest(url, NullLogger.Instance)
        {
            IgnoreNotFounds = true,
            MaxTries = 2,
            RequestTimeout = _options.Timeout,
        };
        var bytes = await http.ProcessStreamAsync(request, stream => ReadCappedAsync(stream, cancellationToken), _cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        if (bytes == null || bytes.Length <= NuGetFeedOptions.MaxNuspecBytes) return bytes;
        problems.TryAdd(what + " at " + url + " is larger than " + NuGetFeedOptions.MaxNuspecBytes.ToString(CultureInfo.InvariantCulture) + " bytes; it was not read.", true);
        return null;
    }

    // The flat container's version list: {id}/index.json, {"versions": ["1.0.0", …]} (lower-case, normalized).
    private async Task<PackageVersionList?> FetchVersionsAsync(Feed feed, string id, ConcurrentDictionary<string, bool> problems, CancellationToken cancellationToken)
    {
        var (http, flatContainer, _) = await feed.ResourcesAsync(cancellationToken).ConfigureAwait(false);
        if (flatContainer == null)
        {
            problems.TryAdd("The package source " + feed.Url + " publishes no flat container (PackageBaseAddress/3.0.0); versions were not listed there.", true);
            return null;
        }
        var url = flatContainer.TrimEnd('/') + "/" + Uri.EscapeDataString(id.ToLowerInvariant()) + "/index.json";
        var bytes = await GetCappedAsync(http, url, "The version list of " + id, problems, cancellationToken).ConfigureAwait(false);
        if (bytes == null) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(bytes, new System.Text.Json.JsonDocumentOptions { MaxDepth = 8 });
            if (!doc.RootElement.TryGetProperty("versions", out var list) || list.ValueKind != System.Text.Json.JsonValueKind.Array) throw new InvalidDataException("no versions array");
            var versions = list.EnumerateArray().Where(v => v.ValueKind == System.Text.Json.JsonValueKind.String).Select(v => v.GetString()!).ToArray();
            return new PackageVersionList { Versions = versions, Source = feed.Url };
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
        {
            problems.TryAdd("The version list of " + id + " at " + url + " is not valid JSON (" + ex.Message + "); versions were not listed.", true);
            return null;
        }
    }

    // Returns the keys this feed answered for (it knows the package version, deprecated or not); null when it knows none.
    private async Task<IReadOnlyCollection<PackageKey>?> FetchDeprecationsAsync(Feed feed, string id, IReadOnlyList<PackageKey> pending, ConcurrentDictionary<PackageKey, PackageDeprecation> found, ConcurrentDictionary<string, bool> problems, CancellationToken cancellationToken)
    {
        var (_, _, hasRegistrations) = await feed.ResourcesAsync(cancellationToken).ConfigureAwait(false);
        if (!hasRegistrations)
        {
            problems.TryAdd("The package source " + feed.Url + " publishes no registrations (RegistrationsBaseUrl); deprecations were not checked there.", true);
            return null;
        }
        var resource = await feed.Repository.GetResourceAsync<PackageMetadataResource>(cancellationToken).ConfigureAwait(false);
        if (resource == null) return null;
        var versions = await resource.GetMetadataAsync(id, includePrerelease: true, includeUnlisted: true, _cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        var answered = new List<PackageKey>();
        foreach (var key in pending)
        {
            if (!NuGetVersion.TryParse(key.Version, out var wanted)) continue;
            var metadata = versions.FirstOrDefault(m => m.Identity.Version == wanted);
            if (metadata == null) continue;
            answered.Add(key);
            var deprecation = await metadata.GetDeprecationMetadataAsync().ConfigureAwait(false);
            if (deprecation == null) continue;
            found[key] = new PackageDeprecation
            {
                Reasons = (deprecation.Reasons ?? Enumerable.Empty<string>()).Where(r => !string.IsNullOrWhiteSpace(r)).OrderBy(r => r, StringComparer.Ordinal).ToArray(),
                Message = string.IsNullOrWhiteSpace(deprecation.Message) ? null : deprecation.Message.Trim(),
                AlternatePackage = deprecation.AlternatePackage is { PackageId: { Length: > 0 } alt } a
                    ? alt + (IsAnyVersion(a.Range) ? string.Empty : " " + a.Range.PrettyPrint())
                    : null,
                Source = feed.Url,
            };
        }
        return answered.Count == 0 ? null : answered;
    }

    // NuGet.org writes "*" when the owner recommends no particular version.
    private static bool IsAnyVersion([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] VersionRange? range)
        => range == null || range.Equals(VersionRange.All) || (range.IsFloating && range.Float.FloatBehavior == NuGetVersionFloatBehavior.Major && range.Float.MinVersion == new NuGetVersion(0, 0, 0))
            || (!range.HasLowerBound && !range.HasUpperBound);

    private static async Task<byte[]?> ReadCappedAsync(Stream? stream, CancellationToken cancellationToken)
    {
        if (stream == null) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            // One byte over the limit is enough to refuse; the rest is not read.
            if (buffer.Length > NuGetFeedOptions.MaxNuspecBytes) break;
        }
        return buffer.ToArray();
    }

    private sealed record FeedResources(HttpSource Http, string? FlatContainer, bool HasRegistrations);

    private sealed class Feed
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private volatile FeedResources? _resources;
        private string? _failure;

        public Feed(PackageSource source)
        {
            Url = source.Source;
            Repository = NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(source);
        }

        public string Url { get; }

        public SourceRepository Repository { get; }

        public string? Failure => Volatile.Read(ref _failure);

        public void Fail(string message) => Interlocked.CompareExchange(ref _failure, message, null);

        // The service index is read once; a feed without one is not a V3 feed and fails as a whole.
        public async Task<FeedResources> ResourcesAsync(CancellationToken cancellationToken)
        {
            if (_resources is { } ready) return ready;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_resources is { } done) return done;
                if (Failure != null) throw new InvalidOperationException(Failure);
                var index = await Repository.GetResourceAsync<ServiceIndexResourceV3>(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException("it is not a NuGet V3 feed (no service index); online mode reads V3 feeds only.");
                var http = (await Repository.GetResourceAsync<HttpSourceResource>(cancellationToken).ConfigureAwait(false))?.HttpSource
                    ?? throw new InvalidDataException("NuGet offers no HTTP access to it.");
                var flat = index.GetServiceEntryUri(ServiceTypes.PackageBaseAddress)?.AbsoluteUri;
                var registrations = index.GetServiceEntryUri(ServiceTypes.RegistrationsBaseUrl) != null;
                var resources = new FeedResources(http, flat, registrations);
                _resources = resources;
                return resources;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
