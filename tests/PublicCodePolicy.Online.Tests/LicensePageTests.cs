// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Cli;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Online.Tests;

/// <summary>
/// Issue 12, online licence pages: a package whose only evidence is a licence URL has that page read (opt-in), from
/// pages served on 127.0.0.1; github.com, raw.githubusercontent.com and gitlab.com are mapped to the local server.
/// </summary>
public sealed class LicensePageTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly byte[] s_mit = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "LICENSES", "MIT.txt"));
    private static readonly byte[] s_apache = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "LICENSES", "Apache-2.0.txt"));
    private readonly TempDirectory _temp = new("licence-pages");
    private readonly LicensePageServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private LicensePageClient Client(TimeSpan? timeout = null, int maxBytes = LicensePageOptions.DefaultMaxBytes, string? cache = null, TimeProvider? clock = null)
        => new(new LicensePageOptions
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
            MaxBytes = maxBytes,
            CacheDirectory = cache,
            Clock = clock ?? TimeProvider.System,
            // The three forges go to distinct folders of the local server: a request that was not rewritten shows up under /gh/.
            HostMap = new Dictionary<string, Uri>
            {
                ["github.com"] = new Uri(_server.BaseUrl + "gh/"),
                ["raw.githubusercontent.com"] = new Uri(_server.BaseUrl + "raw/"),
                ["gitlab.com"] = new Uri(_server.BaseUrl + "gitlab/"),
            },
        });

    private string Project(string licenseUrl, string? repository = null, string? root = null)
        => new FakeRestore("App")
            .Package("Lib", "1.0.0", "<licenseUrl>" + licenseUrl + "</licenseUrl>", extraNuspec: repository == null ? null : "    " + repository + "\n")
            .Direct("Lib")
            .WriteTo(root ?? _temp.Path);

    private static (PackageResult Package, CheckResult Result) Check(string project, ILicensePageSource? pages)
    {
        var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 12, 1), LicensePageSource = pages }).Check(Workspace.Load(project));
        return (Assert.Single(Assert.Single(result.Projects).Packages), result);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    [Fact]
    public void RawMitText_IsIdentified_WithUrlDateHashAndMutableFlag()
    {
        _server.Add("/licence/mit.txt", s_mit);
        var url = _server.BaseUrl + "licence/mit.txt";
        using var client = Client();

        var (package, result) = Check(Project(url), client);

        Assert.Equal("MIT", package.License.Concluded.ToString());
        Assert.Equal(LicenseSource.Url, package.License.Source);
        Assert.Equal(Verdict.Allowed, package.Verdict);
        Assert.Equal(url, package.License.Declared);
        Assert.Equal(url, package.License.Evidence);
        var page = package.License.Page!;
        Assert.Equal(url, page.Url);
        Assert.Equal(Sha256(s_mit), page.Sha256);
        Assert.Equal(LicensePageServer.ServedAt, page.RetrievedAt);
        Assert.Equal("2026-11-29T10:00:00Z", page.RetrievedAtText);
        Assert.False(page.IsImmutable);
        Assert.Equal("text/plain", page.MediaType);
        Assert.True(package.License.Confidence <= 0.9);
        Assert.Contains("mutable", package.License.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
        Assert.Equal(new[] { "/licence/mit.txt" }, _server.Requests);
    }

    [Fact]
    public void GitHubBlobLinkAtATag_IsReadAsRawContent_AndIsImmutable()
    {
        _server.Add("/raw/acme/lib/v1.2.3/LICENSE", s_apache);
        using var client = Client();

        var (package, _) = Check(Project("https://github.com/acme/lib/blob/v1.2.3/LICENSE"), client);

        Assert.Equal("Apache-2.0", package.License.Concluded.ToString());
        Assert.Equal(Verdict.Allowed, package.Verdict);
        Assert.Equal("https://raw.githubusercontent.com/acme/lib/v1.2.3/LICENSE", package.License.Page!.Url);
        Assert.Equal("https://github.com/acme/lib/blob/v1.2.3/LICENSE", package.License.Page.RequestedUrl);
        Assert.Equal("https://raw.githubusercontent.com/acme/lib/v1.2.3/LICENSE", package.License.Evidence);
        Assert.True(package.License.Page.IsImmutable);
        Assert.Equal(Sha256(s_apache), package.License.Page.Sha256);
        Assert.DoesNotContain("The address is mutable", package.License.Note, StringComparison.Ordinal);
        // The blob page itself (an HTML page on github.com) is never asked for.
        Assert.Equal(new[] { "/raw/acme/lib/v1.2.3/LICENSE" }, _server.Requests);
    }

    [Fact]
    public void PageEvidence_GoesIntoBothSboms()
    {
        _server.Add("/raw/acme/lib/v1.2.3/LICENSE", s_apache);
        using var client = Client();
        var project = Project("https://github.com/acme/lib/blob/v1.2.3/LICENSE");
        var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 12, 1), LicensePageSource = client }).Check(Workspace.Load(project));
        var subject = new Sbom.SbomSubject { Name = "App" };
        var raw = "https://raw.githubusercontent.com/acme/lib/v1.2.3/LICENSE";

        using var cdx = JsonDocument.Parse(new Sbom.CycloneDxWriter().WriteSolution(result, subject).Content);
        var component = cdx.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Lib");
        var properties = component.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString());
        Assert.Equal("url", properties["publiccodepolicy:license:source"]);
        Assert.Equal(raw, properties["publiccodepolicy:license:evidence"]);
        Assert.Equal(raw, properties["publiccodepolicy:license:page-url"]);
        Assert.Equal("2026-11-29T10:00:00Z", properties["publiccodepolicy:license:page-retrieved"]);
        Assert.Equal(Sha256(s_apache), properties["publiccodepolicy:license:page-sha256"]);
        Assert.Equal("true", properties["publiccodepolicy:license:page-immutable"]);

        using var spdx = JsonDocument.Parse(new Sbom.SpdxWriter().WriteSolution(result, subject).Content);
        var package = spdx.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Lib");
        Assert.Equal("Apache-2.0", package.GetProperty("licenseConcluded").GetString());
        var comment = package.GetProperty("licenseComments").GetString()!;
        Assert.Contains("Read online from " + raw + " (for https://github.com/acme/lib/blob/v1.2.3/LICENSE) on 2026-11-29T10:00:00Z, SHA-256 " + Sha256(s_apache) + ", immutable", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void GitLabBlobLinkOnABranch_IsReadAsRawContent_AndIsMutable()
    {
        _server.Add("/gitlab/group/sub/lib/-/raw/main/LICENSE", s_mit);
        using var client = Client();

        var (package, _) = Check(Project("https://gitlab.com/group/sub/lib/-/blob/main/LICENSE"), client);

        Assert.Equal("MIT", package.License.Concluded.ToString());
        Assert.Equal("https://gitlab.com/group/sub/lib/-/raw/main/LICENSE", package.License.Page!.Url);
        Assert.False(package.License.Page.IsImmutable);
        Assert.Equal(new[] { "/gitlab/group/sub/lib/-/raw/main/LICENSE" }, _server.Requests);
    }

    [Fact]
    public void RepositoryCommit_IsPreferredOverTheLicenceUrl()
    {
        // The licence URL says MIT (a moving branch); the commit the package was built from has an Apache-2.0 LICENSE.md.
        _server.Add("/raw/acme/lib/master/LICENSE", s_mit);
        _server.Add("/raw/acme/lib/" + Commit + "/LICENSE.md", s_apache);
        using var client = Client();

        var (package, result) = Check(Project("https://github.com/acme/lib/blob/master/LICENSE", "<repository type=\"git\" url=\"https://github.com/acme/lib.git\" commit=\"" + Commit + "\" />"), client);

        Assert.Equal("Apache-2.0", package.License.Concluded.ToString());
        Assert.Equal("https://raw.githubusercontent.com/acme/lib/" + Commit + "/LICENSE.md", package.License.Page!.Url);
        Assert.True(package.License.Page.IsImmutable);
        Assert.Equal("https://github.com/acme/lib/blob/master/LICENSE", package.License.Declared);
        Assert.Equal(new[] { "/raw/acme/lib/" + Commit + "/LICENSE", "/raw/acme/lib/" + Commit + "/LICENSE.md" }, _server.Requests);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
    }

    [Fact]
    public void RepositoryCommitWithoutLicenceFile_FallsBackToTheLicenceUrl()
    {
        _server.Add("/raw/acme/lib/master/LICENSE", s_mit);
        using var client = Client();

        var (package, result) = Check(Project("https://github.com/acme/lib/blob/master/LICENSE", "<repository type=\"git\" url=\"https://github.com/acme/lib\" commit=\"" + Commit + "\" />"), client);

        Assert.Equal("MIT", package.License.Concluded.ToString());
        Assert.False(package.License.Page!.IsImmutable);
        Assert.Equal(5, _server.Requests.Count);
        Assert.Equal("/raw/acme/lib/master/LICENSE", _server.Requests[^1]);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
    }

    public static TheoryData<string> Failures => new() { "missing", "stall", "oversize" };

    [Theory]
    [MemberData(nameof(Failures))]
    public void FailingPage_IsPCP1005_AndTheOfflineResultIsUnchanged(string failure)
    {
        var url = _server.BaseUrl + "licence/" + failure + ".txt";
        if (failure == "stall") _server.Stall("/licence/stall.txt");
        if (failure == "oversize") _server.Add("/licence/oversize.txt", s_mit.Concat(new byte[4096]).ToArray());
        var project = Project(url);
        var (offline, _) = Check(project, pages: null);
        using var client = Client(timeout: TimeSpan.FromSeconds(1), maxBytes: s_mit.Length + 100);

        var (online, result) = Check(project, client);

        Assert.True(online.License.IsNoAssertion);
        Assert.Equal(offline.License.Concluded, online.License.Concluded);
        Assert.Equal(offline.License.Source, online.License.Source);
        Assert.Equal(offline.License.Note, online.License.Note);
        Assert.Null(online.License.Page);
        Assert.Equal(offline.Verdict, online.Verdict);
        var warning = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("Lib", warning.PackageId);
        Assert.Contains(url, warning.Message, StringComparison.Ordinal);
        Assert.Contains(failure switch { "missing" => "was not found (HTTP 404)", "stall" => "did not answer within 1 s", _ => "is larger than " }, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkLocalAddress_IsNeverAsked_AndIsPCP1005()
    {
        var url = "http://169.254.169.254/latest/meta-data/licence";
        using var client = Client(timeout: TimeSpan.FromSeconds(30));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (package, result) = Check(Project(url), client);

        Assert.True(package.License.IsNoAssertion);
        var warning = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
        Assert.Contains("169.254.169.254 is a link-local address", warning.Message, StringComparison.Ordinal);
        // Refused before any connection attempt, not after a timeout.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
    }

    [Fact]
    public void Redirect_IsFollowed_AndTheUrlReadIsRecorded_WithItsOwnMutability()
    {
        // A pinned tag link that the forge redirects to a branch is no longer pinned.
        _server.Add("/raw/acme/lib/main/LICENSE", s_mit);
        _server.Redirect("/raw/acme/lib/v1.0/LICENSE", "https://raw.githubusercontent.com/acme/lib/main/LICENSE");
        using var client = Client();

        var (package, _) = Check(Project("https://github.com/acme/lib/blob/v1.0/LICENSE"), client);

        Assert.Equal("MIT", package.License.Concluded.ToString());
        Assert.Equal("https://raw.githubusercontent.com/acme/lib/main/LICENSE", package.License.Page!.Url);
        Assert.False(package.License.Page.IsImmutable);
        Assert.Equal(new[] { "/raw/acme/lib/v1.0/LICENSE", "/raw/acme/lib/main/LICENSE" }, _server.Requests);
    }

    [Fact]
    public void PackageMissingLocally_ItsFetchedNuspecsLicenceUrl_IsReadToo()
    {
        _server.Add("/licence/mit.txt", s_mit);
        var url = _server.BaseUrl + "licence/mit.txt";
        using var feed = new LocalFeed().Add("Lib", "1.0.0", "<licenseUrl>" + url + "</licenseUrl>");
        var project = Project(url);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "lib"), recursive: true);
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"), "<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"" + feed.IndexUrl + "\" />\n  </packageSources>\n</configuration>\n");
        using var nuget = NuGetFeedClient.FromNuGetConfig(_temp.Path);
        Assert.Equal(new[] { feed.IndexUrl }, nuget.Sources);
        using var client = Client();

        var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 12, 1), MetadataSource = nuget, LicensePageSource = client }).Check(Workspace.Load(project));

        var package = Assert.Single(Assert.Single(result.Projects).Packages);
        Assert.Equal("MIT", package.License.Concluded.ToString());
        Assert.Equal(Sha256(s_mit), package.License.Page!.Sha256);
        Assert.StartsWith("Metadata fetched from " + feed.BaseUrl, package.License.Note, StringComparison.Ordinal);
        Assert.Contains("Read online from " + url, package.License.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LicenceUrlThatIsNotAnAddress_IsNotAFailure()
    {
        using var client = Client();
        var (package, result) = Check(Project("see LICENSE in the repository"), client);
        Assert.True(package.License.IsNoAssertion);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void WithoutAPageSource_NothingIsAsked()
    {
        _server.Add("/licence/mit.txt", s_mit);
        var (package, _) = Check(Project(_server.BaseUrl + "licence/mit.txt"), pages: null);
        Assert.True(package.License.IsNoAssertion);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Cli_WithoutOnline_SendsNoRequest_AndWithOnline_RecordsThePageInTheResult()
    {
        _server.Add("/licence/mit.txt", s_mit);
        var project = Project(_server.BaseUrl + "licence/mit.txt");
        // <clear/>: no package source at all, so --online asks nothing but the licence page.
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"), "<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");

        var offline = Run("check", project, "--format", "json");
        Assert.Equal(1, offline.Code);
        Assert.Empty(_server.Requests);

        var online = Run("check", project, "--format", "json", "--online");
        Assert.Equal(0, online.Code);
        Assert.Equal(new[] { "/licence/mit.txt" }, _server.Requests);
        using var json = JsonDocument.Parse(online.StdOut);
        var judgement = json.RootElement.GetProperty("packages")[0];
        Assert.Equal("MIT", judgement.GetProperty("license").GetString());
        var page = judgement.GetProperty("licensePage");
        Assert.Equal(_server.BaseUrl + "licence/mit.txt", page.GetProperty("url").GetString());
        Assert.Equal("2026-11-29T10:00:00Z", page.GetProperty("retrieved").GetString());
        Assert.Equal(Sha256(s_mit), page.GetProperty("sha256").GetString());
        Assert.False(page.GetProperty("immutable").GetBoolean());
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "check-result.schema.json"));
        var eval = schema.Evaluate(json.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(eval.IsValid, string.Join("\n", (eval.Details ?? new List<Json.Schema.EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    private static (int Code, string StdOut, string StdErr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr, ConsoleEnvironment.Plain);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void CachedImmutablePage_IsNotAskedAgain_WithTheSameEvidence()
    {
        _server.Add("/raw/acme/lib/" + Commit + "/LICENSE", s_mit);
        var cache = Path.Combine(_temp.Path, "cache");
        var url = "https://github.com/acme/lib/blob/" + Commit + "/LICENSE";
        var clock = new FixedClock();
        PackageResult first, second;
        using (var client = Client(cache: cache, clock: clock)) first = Check(Project(url, root: Path.Combine(_temp.Path, "one")), client).Package;
        clock.Now = clock.Now.AddDays(400);
        using (var client = Client(cache: cache, clock: clock)) second = Check(Project(url, root: Path.Combine(_temp.Path, "two")), client).Package;

        Assert.Single(_server.Requests);
        Assert.Equal("MIT", second.License.Concluded.ToString());
        Assert.True(second.License.Page!.IsImmutable);
        Assert.Equal(first.License.Page!.Sha256, second.License.Page.Sha256);
        Assert.Equal(first.License.Page.RetrievedAt, second.License.Page.RetrievedAt);
    }

    [Fact]
    public void CachedMutablePage_IsReusedForADay_ThenAskedAgain()
    {
        _server.Add("/raw/acme/lib/main/LICENSE", s_mit);
        var cache = Path.Combine(_temp.Path, "cache");
        var url = "https://github.com/acme/lib/blob/main/LICENSE";
        var clock = new FixedClock();
        for (int run = 0; run < 3; run++)
        {
            // Run 0 reads, run 1 (an hour later) reuses, run 2 (two days later) reads again.
            clock.Now = clock.Now.AddHours(run == 2 ? 48 : 1);
            using var client = Client(cache: cache, clock: clock);
            var package = Check(Project(url, root: Path.Combine(_temp.Path, "run" + run.ToString(System.Globalization.CultureInfo.InvariantCulture))), client).Package;
            Assert.Equal("MIT", package.License.Concluded.ToString());
            Assert.Equal(run == 2 ? 2 : 1, _server.Requests.Count);
        }
    }

    [Fact]
    public void DamagedCacheEntry_IsAMiss_NotAConclusion()
    {
        _server.Add("/raw/acme/lib/" + Commit + "/LICENSE", s_mit);
        var cache = Path.Combine(_temp.Path, "cache");
        var url = "https://github.com/acme/lib/blob/" + Commit + "/LICENSE";
        using (var client = Client(cache: cache)) Check(Project(url, root: Path.Combine(_temp.Path, "one")), client);
        // Someone rewrites the stored bytes: their hash no longer matches, so the page is read again.
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(cache, "licence-pages"), "*.page"));
        File.WriteAllText(stored, "Proprietary. All rights reserved.");
        using (var client = Client(cache: cache))
        {
            var package = Check(Project(url, root: Path.Combine(_temp.Path, "two")), client).Package;
            Assert.Equal("MIT", package.License.Concluded.ToString());
        }
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public void HtmlPageWithTheMitTextAndProprietaryTerms_IsNeverConcludedFree()
    {
        var mitText = Encoding.UTF8.GetString(s_mit).Replace("\n\n", "</p><p>", StringComparison.Ordinal);
        var html = "<!DOCTYPE html><html><head><title>Licence</title><style>p{margin:0}</style></head><body><h1>Licence</h1><p>" + mitText
            + "</p><p>This software may not be used for commercial purposes. Commercial use requires a paid licence from Acme SAS.</p></body></html>";
        _server.Add("/licence/terms.html", html, "text/html; charset=utf-8");
        using var client = Client();

        var (package, _) = Check(Project(_server.BaseUrl + "licence/terms.html"), client);

        Assert.NotEqual(Verdict.Allowed, package.Verdict);
        Assert.DoesNotContain("MIT", package.License.Concluded.ToString(), StringComparison.Ordinal);
        Assert.Equal("text/html", package.License.Page!.MediaType);
        Assert.Contains("HTML page", package.License.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlPageWithOnlyTheMitText_IsIdentified()
    {
        var html = "<!DOCTYPE html><html><head><title>MIT</title><script>var x = 'not a licence';</script></head><body><pre>"
            + System.Net.WebUtility.HtmlEncode(Encoding.UTF8.GetString(s_mit)) + "</pre></body></html>";
        _server.Add("/licence/mit.html", html, "text/html");
        using var client = Client();

        var (package, _) = Check(Project(_server.BaseUrl + "licence/mit.html"), client);

        Assert.Equal("MIT", package.License.Concluded.ToString());
    }

    [Fact]
    public void PackageShippingALicenceFile_IsNotFetched()
    {
        _server.Add("/licence/mit.txt", s_mit);
        var project = Project(_server.BaseUrl + "licence/mit.txt");
        File.WriteAllBytes(Path.Combine(_temp.Path, "packages", "lib", "1.0.0", "LICENSE.txt"), s_apache);
        using var client = Client();

        var (package, _) = Check(project, client);

        Assert.Equal("Apache-2.0", package.License.Concluded.ToString());
        Assert.Null(package.License.Page);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("https://github.com/o/r/blob/master/LICENSE", "https://raw.githubusercontent.com/o/r/master/LICENSE", false)]
    [InlineData("https://github.com/o/r/blob/develop/docs/LICENSE.md", "https://raw.githubusercontent.com/o/r/develop/docs/LICENSE.md", false)]
    [InlineData("https://github.com/o/r/blob/v1.2.3/LICENSE", "https://raw.githubusercontent.com/o/r/v1.2.3/LICENSE", true)]
    [InlineData("https://github.com/o/r/blob/2.0/LICENSE", "https://raw.githubusercontent.com/o/r/2.0/LICENSE", true)]
    [InlineData("https://github.com/o/r/blob/v2.0.0-beta.1/LICENSE", "https://raw.githubusercontent.com/o/r/v2.0.0-beta.1/LICENSE", true)]
    [InlineData("https://github.com/o/r/blob/release-2/LICENSE", "https://raw.githubusercontent.com/o/r/release-2/LICENSE", false)]
    [InlineData("https://github.com/o/r/blob/" + Commit + "/LICENSE", "https://raw.githubusercontent.com/o/r/" + Commit + "/LICENSE", true)]
    [InlineData("https://raw.githubusercontent.com/o/r/main/LICENSE", "https://raw.githubusercontent.com/o/r/main/LICENSE", false)]
    [InlineData("https://gitlab.com/g/p/-/blob/v3.1/COPYING", "https://gitlab.com/g/p/-/raw/v3.1/COPYING", true)]
    [InlineData("https://gitlab.com/g/p/-/blob/master/COPYING", "https://gitlab.com/g/p/-/raw/master/COPYING", false)]
    [InlineData("https://example.org/" + Commit + "/v1.0/LICENSE", "https://example.org/" + Commit + "/v1.0/LICENSE", false)]
    public void Locate_RewritesBlobLinks_AndPinsOnlyCommitsAndTags(string url, string raw, bool immutable)
    {
        var location = LicensePageUrls.Locate(url)!;
        Assert.Equal(raw, location.Url);
        Assert.Equal(immutable, location.IsImmutable);
    }

    [Theory]
    [InlineData("git", "https://github.com/o/r", Commit, "https://raw.githubusercontent.com/o/r/" + Commit + "/LICENSE")]
    [InlineData(null, "https://github.com/o/r.git", Commit, "https://raw.githubusercontent.com/o/r/" + Commit + "/LICENSE")]
    [InlineData("git", "https://gitlab.com/g/p", Commit, "https://gitlab.com/g/p/-/raw/" + Commit + "/LICENSE")]
    [InlineData("git", "https://github.com/o/r", "0123456", null)]
    [InlineData("git", "https://example.org/o/r", Commit, null)]
    [InlineData("svn", "https://github.com/o/r", Commit, null)]
    public void AtCommit_NamesTheLicenceFilesOfFullCommitsOnKnownForges(string? type, string url, string commit, string? first)
    {
        var urls = LicensePageUrls.AtCommit(new Graph.RepositoryInfo(type, url, null, commit));
        if (first == null)
        {
            Assert.Empty(urls);
            return;
        }
        Assert.Equal(first, urls[0]);
        Assert.Equal(new[] { "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING" }, urls.Select(u => u[(u.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public void HostMap_RefusesNonLoopbackTargets()
    {
        var options = new LicensePageOptions { HostMap = new Dictionary<string, Uri> { ["github.com"] = new Uri("http://example.org/") } };
        Assert.Throws<ArgumentException>(() => new LicensePageClient(options));
    }
}
