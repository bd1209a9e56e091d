// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Online.Tests;

/// <summary>Issue 3 item 6: the opt-in online mode, against feeds served on 127.0.0.1 by the tests themselves.</summary>
public sealed class OnlineModeTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string Apache = "<license type=\"expression\">Apache-2.0</license>";
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(2);
    private readonly TempDirectory _temp = new("online");

    public void Dispose() => _temp.Dispose();

    // App → Present 1.0.0 (in the packages folder) → Missing 2.0.0 (deleted from it, as after a cache clean).
    private string WriteProject(string missingLicense = Mit)
    {
        var project = new FakeRestore("App")
            .Package("Present", "1.0.0", Mit, dependsOn: new[] { "Missing" })
            .Package("Missing", "2.0.0", missingLicense)
            .Direct("Present")
            .WriteTo(_temp.Path);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "missing"), recursive: true);
        return project;
    }

    private void WriteNuGetConfig(string credentials = "", params string[] sources)
    {
        var adds = string.Concat(sources.Select((s, i) => "    <add key=\"feed" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" value=\"" + s + "\" />\n"));
        // <clear/> drops the user's and machine's sources: only the test's own 127.0.0.1 feeds may be asked.
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" + adds + "  </packageSources>\n" + credentials + "</configuration>\n");
    }

    private NuGetFeedClient OpenClient(TimeSpan? timeout = null, params string[] expectedSources)
    {
        var client = NuGetFeedClient.FromNuGetConfig(_temp.Path, new NuGetFeedOptions { Timeout = timeout ?? TimeSpan.FromSeconds(20), MaxParallelism = 4 });
        // Guard: never run a test whose configuration would reach anything but the local feeds.
        Assert.Equal(expectedSources, client.Sources);
        return client;
    }

    private static CheckResult Check(string project, NuGetFeedClient? client)
        => new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 11, 29), MetadataSource = client, StatusSource = client }).Check(Workspace.Load(project));

    [Fact]
    public void MissingPackage_IsResolvedOnline_WithItsLicenceAndEvidence()
    {
        using var feed = new LocalFeed().Add("Missing", "2.0.0", Apache).Add("Present", "1.0.0", Mit);
        var project = WriteProject(missingLicense: Apache);
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        var missing = Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing");
        Assert.Equal("Apache-2.0", missing.License.Concluded.ToString());
        Assert.Equal(LicenseSource.Expression, missing.License.Source);
        Assert.Equal(Verdict.Allowed, missing.Verdict);
        var nuspecUrl = feed.BaseUrl + "v3/flat/missing/2.0.0/missing.nuspec";
        Assert.StartsWith("Metadata fetched from " + nuspecUrl + " (source " + feed.IndexUrl + ")", missing.License.Note, StringComparison.Ordinal);
        Assert.Equal(feed.IndexUrl, missing.Metadata!.Origin);
        Assert.Equal("Feed Authors", missing.Metadata.Authors);
        Assert.Null(missing.PackageDirectory);
        var notFound = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.PackageNotFound.Id);
        Assert.Equal(FindingSeverity.Info, notFound.Severity);
        Assert.Contains("fetched online from " + nuspecUrl, notFound.Message, StringComparison.Ordinal);
        Assert.True(result.Passed);
        // Only the missing package's nuspec is fetched: the present one is read from disk.
        Assert.Contains("/v3/flat/missing/2.0.0/missing.nuspec", feed.Requests);
        Assert.DoesNotContain("/v3/flat/present/1.0.0/present.nuspec", feed.Requests);
    }

    [Fact]
    public void SameProject_Offline_KeepsNoAssertionAndWarns()
    {
        var project = WriteProject();
        var result = Check(project, client: null);
        var missing = Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing");
        Assert.True(missing.License.IsNoAssertion);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.PackageNotFound.Id).Severity);
    }

    [Fact]
    public void DeprecatedPackage_IsReportedAsPCP1004_WithReasonsMessageAndAlternative()
    {
        using var feed = new LocalFeed()
            .Add("Present", "1.0.0", Mit, deprecationReasons: new[] { "Legacy", "CriticalBugs" }, deprecationMessage: "No longer maintained", alternateId: "Present.Next")
            .Add("Missing", "2.0.0", Mit)
            .Add("Missing", "3.0.0", Mit)
            .Add("Other", "1.0.0", Mit);
        var project = WriteProject();
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PCP1004");
        Assert.Equal("Present", finding.PackageId);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.False(finding.IsEnforced);
        Assert.Equal("Present 1.0.0 is deprecated by its owner (CriticalBugs, Legacy) on " + feed.IndexUrl + ". The owner says: No longer maintained.", finding.Message);
        Assert.Equal("Replace it with Present.Next, the alternative its owner recommends.", finding.Remedy);
        Assert.EndsWith("docs/rules/PCP1004.md", finding.HelpUri, StringComparison.Ordinal);
        var present = Assert.Single(result.Projects).Packages.Single(p => p.Id == "Present");
        Assert.Equal(new[] { "CriticalBugs", "Legacy" }, present.Deprecation!.Reasons);
        Assert.Null(Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").Deprecation);
        Assert.True(result.Passed);
    }

    [Fact]
    public void DeprecatedTransitivePackage_NamesTheRecommendedRange_AndOnlyTheDeprecatedVersion()
    {
        using var feed = new LocalFeed()
            .Add("Present", "1.0.0", Mit)
            .Add("Missing", "1.0.0", Mit, deprecationReasons: new[] { "Other" }, alternateId: "Missing.Next", alternateRange: "[3.0.0, )")
            .Add("Missing", "2.0.0", Mit, deprecationReasons: new[] { "CriticalBugs" }, alternateId: "Missing", alternateRange: "[3.0.0, )")
            .Add("Missing", "3.0.0", Mit);
        var project = WriteProject();
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PCP1004");
        Assert.Equal("Missing 2.0.0 is deprecated by its owner (CriticalBugs) on " + feed.IndexUrl + ".", finding.Message);
        Assert.Equal("Replace it with Missing (>= 3.0.0), the alternative its owner recommends.", finding.Remedy);
        Assert.Equal(new[] { "App → Present 1.0.0 → Missing 2.0.0" }, finding.Paths);
        // One registration index per id, whatever the number of versions.
        Assert.Equal(1, feed.Requests.Count(r => r == "/v3/registration/missing/index.json"));
    }

    [Fact]
    public void DeprecatedPackage_IsVisibleToCustomRules()
    {
        using var feed = new LocalFeed().Add("Present", "1.0.0", Mit, deprecationReasons: new[] { "Other" }).Add("Missing", "2.0.0", Mit);
        var project = WriteProject();
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var engine = new PolicyEngine(new CheckOptions { StatusSource = client, Rules = new IPolicyRule[] { new DenyDeprecated() } });
        var result = engine.Check(Workspace.Load(project));

        var denied = Assert.Single(result.Findings, f => f.RuleId == "ACME001");
        Assert.Equal("Present", denied.PackageId);
        Assert.False(result.Passed);
        // Without a metadata source the missing package is not fetched.
        Assert.DoesNotContain(feed.Requests, r => r.EndsWith(".nuspec", StringComparison.Ordinal));
    }

    [Fact]
    public void ServerError_DegradesToTheOfflineResult_WithOneWarning()
    {
        using var feed = new LocalFeed(FeedFault.ServerError);
        var project = WriteProject();
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(ShortTimeout, feed.IndexUrl);

        var watch = Stopwatch.StartNew();
        var result = Check(project, client);
        watch.Stop();

        var offline = Check(project, client: null);
        Assert.Equal(Packages(offline), Packages(result));
        var warning = Assert.Single(result.Findings, f => f.RuleId == "PCP1005");
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.False(warning.IsEnforced);
        Assert.Contains(feed.IndexUrl, warning.Message, StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Findings, f => f.RuleId == "PCP1001").Severity);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PCP1004");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "took " + watch.Elapsed);
    }

    [Fact]
    public void StalledSource_TimesOut_AndIsAskedOnlyOnce()
    {
        using var feed = new LocalFeed(FeedFault.Stall);
        var builder = new FakeRestore("App");
        for (int i = 0; i < 6; i++) builder.Package("Lib" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1.0.0", Mit);
        builder.Direct("Lib0");
        var project = builder.WriteTo(_temp.Path);
        for (int i = 0; i < 6; i++) Directory.Delete(Path.Combine(_temp.Path, "packages", "lib" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), recursive: true);
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(TimeSpan.FromSeconds(1), feed.IndexUrl);

        var watch = Stopwatch.StartNew();
        var result = Check(project, client);
        watch.Stop();

        var warning = Assert.Single(result.Findings, f => f.RuleId == "PCP1005");
        Assert.Contains("did not answer within 1 s", warning.Message, StringComparison.Ordinal);
        Assert.Equal(6, result.Findings.Count(f => f.RuleId == "PCP1001" && f.Severity == FindingSeverity.Warning));
        // One timeout for the whole check, not one per package (6 packages, 2 kinds of lookup).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
        Assert.True(feed.Requests.Count <= 4, string.Join(", ", feed.Requests));
    }

    [Fact]
    public void UnreachableSource_DegradesToTheOfflineResult()
    {
        string url;
        using (var closed = new LocalFeed()) url = closed.IndexUrl;
        var project = WriteProject();
        WriteNuGetConfig(sources: url);
        using var client = OpenClient(ShortTimeout, url);

        var watch = Stopwatch.StartNew();
        var result = Check(project, client);
        watch.Stop();

        Assert.Contains(url, Assert.Single(result.Findings, f => f.RuleId == "PCP1005").Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.IsNoAssertion);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "took " + watch.Elapsed);
    }

    [Fact]
    public void FailingFirstSource_DoesNotHideTheSecond()
    {
        using var broken = new LocalFeed(FeedFault.ServerError);
        using var good = new LocalFeed().Add("Missing", "2.0.0", Apache).Add("Present", "1.0.0", Mit);
        var project = WriteProject(missingLicense: Apache);
        WriteNuGetConfig(sources: new[] { broken.IndexUrl, good.IndexUrl });
        using var client = OpenClient(ShortTimeout, broken.IndexUrl, good.IndexUrl);

        var result = Check(project, client);

        Assert.Equal("Apache-2.0", Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.Concluded.ToString());
        Assert.Contains(broken.IndexUrl, Assert.Single(result.Findings, f => f.RuleId == "PCP1005").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3cret")]
    [InlineData("%PCP_ONLINE_TESTS_FEED_PASSWORD%")]
    public void CredentialsFromNuGetConfig_AreUsed(string passwordInConfig)
    {
        // nuget.config may take the secret from the environment, as CI systems provide it; never from our arguments.
        Environment.SetEnvironmentVariable("PCP_ONLINE_TESTS_FEED_PASSWORD", "s3cret");
        using var feed = new LocalFeed(basicAuth: ("reader", "s3cret")).Add("Missing", "2.0.0", Apache).Add("Present", "1.0.0", Mit);
        var project = WriteProject(missingLicense: Apache);
        WriteNuGetConfig("  <packageSourceCredentials>\n    <feed0>\n      <add key=\"Username\" value=\"reader\" />\n      <add key=\"ClearTextPassword\" value=\"" + passwordInConfig + "\" />\n    </feed0>\n  </packageSourceCredentials>\n", feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        Assert.Equal("Apache-2.0", Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.Concluded.ToString());
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PCP1005");
        Assert.Contains(feed.Authorizations, a => a != null && a.StartsWith("Basic ", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingCredentials_AreReportedAsAFailingSource()
    {
        using var feed = new LocalFeed(basicAuth: ("reader", "s3cret")).Add("Missing", "2.0.0", Apache);
        var project = WriteProject(missingLicense: Apache);
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(TimeSpan.FromSeconds(25), feed.IndexUrl);

        var result = Check(project, client);

        var warning = Assert.Single(result.Findings, f => f.RuleId == "PCP1005").Message;
        Assert.True(warning.Contains("401", StringComparison.Ordinal), warning + string.Join(",", feed.Requests));
        Assert.True(Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.IsNoAssertion);
    }

    [Fact]
    public void LicenceFileOfAFetchedNuspec_IsNotReadFromDisk()
    {
        var licenseFile = "<license type=\"file\">LICENSE.txt</license>";
        using var feed = new LocalFeed().Add("Missing", "2.0.0", licenseFile).Add("Present", "1.0.0", Mit);
        var project = WriteProject(missingLicense: licenseFile);
        // A file at the path a careless resolver would compute from the URL must not be read.
        Directory.CreateDirectory(Path.Combine(_temp.Path, "http:"));
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        var missing = Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing");
        Assert.True(missing.License.IsNoAssertion);
        Assert.Equal(LicenseSource.File, missing.License.Source);
        Assert.Contains("inside the package, which is not on this machine", missing.License.Note, StringComparison.Ordinal);
        Assert.Contains("Metadata fetched from", missing.License.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void FetchedNuspecOfAnotherPackage_IsRefused()
    {
        using var feed = new LocalFeed().Add("Missing", "2.0.0", Mit, nuspecIdOverride: "Impostor").Add("Present", "1.0.0", Mit);
        var project = WriteProject();
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        Assert.Contains("describes Impostor 2.0.0", Assert.Single(result.Findings, f => f.RuleId == "PCP1002").Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.IsNoAssertion);
    }

    [Fact]
    public void FeedWithoutRegistrations_StillFetchesNuspecs_AndSaysDeprecationsWereNotChecked()
    {
        using var feed = new LocalFeed(withRegistrations: false).Add("Missing", "2.0.0", Apache);
        var project = WriteProject(missingLicense: Apache);
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        var result = Check(project, client);

        Assert.Equal("Apache-2.0", Assert.Single(result.Projects).Packages.Single(p => p.Id == "Missing").License.Concluded.ToString());
        Assert.Contains("no registrations", Assert.Single(result.Findings, f => f.RuleId == "PCP1005").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledAndLocalFolderSources_AreNotAsked()
    {
        using var feed = new LocalFeed();
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"),
            "<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"folder\" value=\"" + _temp.Path + "\" />\n    <add key=\"off\" value=\"" + feed.IndexUrl + "\" />\n  </packageSources>\n"
            + "  <disabledPackageSources>\n    <add key=\"off\" value=\"true\" />\n  </disabledPackageSources>\n</configuration>\n");
        using var client = NuGetFeedClient.FromNuGetConfig(_temp.Path);
        Assert.Empty(client.Sources);
        Assert.Equal(2, client.SkippedSources.Count);
    }

    private const string NetLibraryEula = "<licenseUrl>https://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>";

    // Issue 12: App → Mapper 8.0.0 (proprietary licence URL), restored; the feed has 6.x and 7.x under Apache-2.0,
    // a newer 9.0.0 still proprietary, an 8.1.0-beta pre-release under MIT and a 7.5.0 that lies about its version.
    private (string Project, LocalFeed Feed) DeniedMapper()
    {
        var feed = new LocalFeed()
            .Add("Mapper", "6.0.0", Apache)
            .Add("Mapper", "7.2.0", Apache)
            .Add("Mapper", "7.5.0", Mit, nuspecIdOverride: "Other")
            .Add("Mapper", "8.0.0", NetLibraryEula)
            .Add("Mapper", "8.1.0-beta", Mit)
            .Add("Mapper", "9.0.0", NetLibraryEula);
        var project = new FakeRestore("App").Package("Mapper", "8.0.0", NetLibraryEula).Direct("Mapper").WriteTo(_temp.Path);
        WriteNuGetConfig(sources: feed.IndexUrl);
        return (project, feed);
    }

    [Fact]
    public void DeniedPackage_Online_FixLineNamesTheNewestAllowedVersionOnTheFeed()
    {
        var (project, feed) = DeniedMapper();
        using (feed)
        {
            using var client = OpenClient(expectedSources: feed.IndexUrl);
            var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 11, 29), MetadataSource = client, VersionSource = client }).Check(Workspace.Load(project));

            var denied = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.DeniedLicense.Id);
            Assert.Equal("Mapper", denied.PackageId);
            Assert.EndsWith(" Version 7.2.0 on " + feed.IndexUrl + " has an allowed licence (Apache-2.0).", denied.Remedy, StringComparison.Ordinal);
            Assert.Contains("/v3/flat/mapper/index.json", feed.Requests);
            Assert.Contains("/v3/flat/mapper/9.0.0/mapper.nuspec", feed.Requests);
            // A pre-release is not proposed for a stable package, and the current version is not read again.
            Assert.DoesNotContain("/v3/flat/mapper/8.1.0-beta/mapper.nuspec", feed.Requests);
            Assert.DoesNotContain("/v3/flat/mapper/8.0.0/mapper.nuspec", feed.Requests);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleCatalog.OnlineSourceFailed.Id);
        }
    }

    [Fact]
    public void DeniedPackage_Offline_AsksNoFeedAndNamesNoFeedVersion()
    {
        var (project, feed) = DeniedMapper();
        using (feed)
        {
            using var client = OpenClient(expectedSources: feed.IndexUrl);
            // A metadata source alone (no version source) does not list versions either.
            var result = new PolicyEngine(new CheckOptions { Today = new DateOnly(2026, 11, 29), MetadataSource = client }).Check(Workspace.Load(project));

            var denied = Assert.Single(result.Findings, f => f.RuleId == RuleCatalog.DeniedLicense.Id);
            Assert.DoesNotContain(" on " + feed.IndexUrl, denied.Remedy, StringComparison.Ordinal);
            Assert.Empty(feed.Requests);
        }
    }

    [Fact]
    public void AllowedPackage_Online_ListsNoVersions()
    {
        using var feed = new LocalFeed().Add("Lib", "1.0.0", Mit).Add("Lib", "2.0.0", Mit);
        var project = new FakeRestore("App").Package("Lib", "1.0.0", Mit).Direct("Lib").WriteTo(_temp.Path);
        WriteNuGetConfig(sources: feed.IndexUrl);
        using var client = OpenClient(expectedSources: feed.IndexUrl);

        new PolicyEngine(new CheckOptions { MetadataSource = client, VersionSource = client }).Check(Workspace.Load(project));

        Assert.DoesNotContain(feed.Requests, r => r.EndsWith("/index.json", StringComparison.Ordinal) && r.StartsWith("/v3/flat/", StringComparison.Ordinal));
    }

    private static string[] Packages(CheckResult result)
        => result.Projects.SelectMany(p => p.Packages).Select(p => p.Id + " " + p.Version + " " + p.License.Concluded + " " + p.Verdict).ToArray();

    private sealed class DenyDeprecated : IPolicyRule
    {
        public string Id => "ACME001";

        public PolicyRuleOutcome Evaluate(PackageRuleContext context)
            => context.Deprecation != null ? PolicyRuleOutcome.Deny("deprecated packages are not accepted.") : PolicyRuleOutcome.None;
    }
}
