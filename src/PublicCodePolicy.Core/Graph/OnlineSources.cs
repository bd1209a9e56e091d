// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Graph;

/// <summary>A package as the assets file names it: id and version, spelled as restore wrote them.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">Package version.</param>
public readonly record struct PackageKey(string Id, string Version)
{
    /// <summary><c>Id Version</c>, for messages.</summary>
    public override string ToString() => Id + " " + Version;
}

/// <summary>A nuspec fetched from a package source, kept as raw bytes so the engine parses it with its own hardened reader.</summary>
public sealed class RemoteNuspec
{
    /// <summary>The nuspec's bytes, exactly as the source sent them.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The package source that served it (its service index URL), recorded as evidence.</summary>
    public required string Source { get; init; }

    /// <summary>The URL the nuspec was read from.</summary>
    public required string Location { get; init; }
}

/// <summary>A package's deprecation, as its source publishes it (NuGet registration <c>deprecation</c> object).</summary>
public sealed class PackageDeprecation
{
    /// <summary>The reasons given by the owner (NuGet uses <c>Legacy</c>, <c>CriticalBugs</c>, <c>Other</c>), sorted.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>The owner's message, if any.</summary>
    public string? Message { get; init; }

    /// <summary>The package recommended instead (<c>Id</c> or <c>Id range</c>), if any.</summary>
    public string? AlternatePackage { get; init; }

    /// <summary>The package source that published the deprecation (its service index URL).</summary>
    public required string Source { get; init; }
}

/// <summary>What a source answered for a batch of packages.</summary>
/// <typeparam name="T">The kind of answer.</typeparam>
public sealed class PackageLookupResult<T>
    where T : class
{
    /// <summary>An answer with nothing found and no problem.</summary>
    public static PackageLookupResult<T> Empty { get; } = new();

    /// <summary>The answers, keyed by the requested keys. A package the sources do not know is absent.</summary>
    public IReadOnlyDictionary<PackageKey, T> Found { get; init; } = new Dictionary<PackageKey, T>();

    /// <summary>
    /// Why answers may be missing: each entry is one sentence naming the failing source (unreachable, timed out,
    /// refused the credentials…). The engine reports each as a warning and keeps the offline result.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Supplies the nuspec of packages that are in no package folder of the assets file (online mode). The engine calls it
/// once per check, before evaluating, with every missing package. Implementations must not throw for an
/// unreachable or failing source: they report it in <see cref="PackageLookupResult{T}.Problems"/>.
/// </summary>
public interface IPackageMetadataSource
{
    /// <summary>Fetches the nuspecs of <paramref name="packages"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PackageLookupResult<RemoteNuspec>> GetNuspecsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken);
}

/// <summary>
/// Supplies the deprecation status of packages (online mode). The engine calls it once per check, before
/// evaluating, with every package of the workspace; packages that are not deprecated are absent from the answer.
/// Implementations must not throw for an unreachable or failing source (see <see cref="IPackageMetadataSource"/>).
/// </summary>
public interface IPackageStatusSource
{
    /// <summary>Fetches the deprecation status of <paramref name="packages"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PackageLookupResult<PackageDeprecation>> GetDeprecationsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken);
}

/// <summary>The versions a package source lists for one package id.</summary>
public sealed class PackageVersionList
{
    /// <summary>The versions, as the source spells them.</summary>
    public required IReadOnlyList<string> Versions { get; init; }

    /// <summary>The package source that listed them (its service index URL).</summary>
    public required string Source { get; init; }
}

/// <summary>
/// Lists the versions of packages on the sources (online mode), so that the fix of a denied package can name the
/// newest version whose licence is allowed. The engine asks it only for packages whose licence the policy denies,
/// and reads the candidates' nuspecs through <see cref="IPackageMetadataSource"/>. Implementations must not throw
/// for an unreachable or failing source (see <see cref="IPackageMetadataSource"/>).
/// </summary>
public interface IPackageVersionSource
{
    /// <summary>Lists the versions of each package id in <paramref name="ids"/>, keyed by <see cref="PackageKey"/> with an empty version.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PackageLookupResult<PackageVersionList>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
