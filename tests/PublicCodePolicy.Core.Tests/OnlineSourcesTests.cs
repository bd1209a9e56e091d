// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Tests;

/// <summary>The engine's side of the online extension points, with in-memory sources (no network at all).</summary>
public sealed class OnlineSourcesTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private readonly TempDirectory _temp = new("online-sources");

    public void Dispose() => _temp.Dispose();

    private string WriteProject()
    {
        var project = new FakeRestore("App").Package("Here", "1.0.0", Mit).Package("Gone", "2.0.0-beta.1", Mit).Direct("Here").Direct("Gone").WriteTo(_temp.Path);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "gone"), recursive: true);
        return project;
    }

    [Fact]
    public void MetadataSource_IsAskedOnlyForMissingPackages_AndStatusSourceForAll()
    {
        var source = new RecordingSource();
        var result = new PolicyEngine(new CheckOptions { MetadataSource = source, StatusSource = source }).Check(Workspace.Load(WriteProject()));
        Assert.Equal(new[] { new PackageKey("Gone", "2.0.0-beta.1") }, source.NuspecRequests);
        Assert.Equal(new[] { "Gone 2.0.0-beta.1", "Here 1.0.0" }, source.StatusRequests.Select(k => k.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal("MIT", result.Projects[0].Packages.Single(p => p.Id == "Gone").License.Concluded.ToString());
    }

    [Fact]
    public void ThrowingSource_IsAWarning_NotACrash()
    {
        var source = new ThrowingSource();
        var result = new PolicyEngine(new CheckOptions { MetadataSource = source, StatusSource = source }).Check(Workspace.Load(WriteProject()));
        var warnings = result.Findings.Where(f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id).ToArray();
        // The same failure from both lookups is reported once.
        var warning = Assert.Single(warnings);
        Assert.Contains("HttpRequestException: no route", warning.Message, StringComparison.Ordinal);
        Assert.True(result.Projects[0].Packages.Single(p => p.Id == "Gone").License.IsNoAssertion);
    }

    [Fact]
    public async Task CallerCancellation_IsNotSwallowed()
    {
        var source = new ThrowingSource();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var engine = new PolicyEngine(new CheckOptions { MetadataSource = source });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.CheckAsync(Workspace.Load(WriteProject()), cancellationToken: cts.Token));
    }

    [Fact]
    public void Offline_AsksNoSource()
    {
        var result = new PolicyEngine(new CheckOptions()).Check(Workspace.Load(WriteProject()));
        Assert.False(new CheckOptions().IsOnline);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "PCP1004" or "PCP1005");
    }

    private sealed class RecordingSource : IPackageMetadataSource, IPackageStatusSource
    {
        public List<PackageKey> NuspecRequests { get; } = new();

        public List<PackageKey> StatusRequests { get; } = new();

        public Task<PackageLookupResult<RemoteNuspec>> GetNuspecsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
        {
            NuspecRequests.AddRange(packages);
            var found = packages.ToDictionary(k => k, k => new RemoteNuspec
            {
                Content = Encoding.UTF8.GetBytes("<package><metadata><id>" + k.Id + "</id><version>" + k.Version + "</version>" + Mit + "</metadata></package>"),
                Source = "memory:",
                Location = "memory:" + k,
            });
            return Task.FromResult(new PackageLookupResult<RemoteNuspec> { Found = found });
        }

        public Task<PackageLookupResult<PackageDeprecation>> GetDeprecationsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
        {
            StatusRequests.AddRange(packages);
            return Task.FromResult(PackageLookupResult<PackageDeprecation>.Empty);
        }
    }

    private sealed class ThrowingSource : IPackageMetadataSource, IPackageStatusSource
    {
        public Task<PackageLookupResult<RemoteNuspec>> GetNuspecsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new HttpRequestException("no route");
        }

        public Task<PackageLookupResult<PackageDeprecation>> GetDeprecationsAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
            => throw new HttpRequestException("no route");
    }
}
