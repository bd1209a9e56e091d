// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Cli;

namespace PublicCodePolicy.Online.Tests;

/// <summary>The switch as users meet it: offline unless <c>--online</c>, and then only the nuget.config sources.</summary>
public sealed class CliOnlineTests : IDisposable
{
    private const string Apache = "<license type=\"expression\">Apache-2.0</license>";
    private readonly TempDirectory _temp = new("cli-online");

    public void Dispose() => _temp.Dispose();

    private static (int Code, string StdOut, string StdErr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr, ConsoleEnvironment.Plain);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Setup(LocalFeed feed)
    {
        var project = new FakeRestore("App").Package("Missing", "2.0.0", Apache).Direct("Missing").WriteTo(_temp.Path);
        Directory.Delete(Path.Combine(_temp.Path, "packages", "missing"), recursive: true);
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"),
            "<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"" + feed.IndexUrl + "\" />\n  </packageSources>\n</configuration>\n");
        return project;
    }

    [Fact]
    public void WithoutOnline_NothingIsAsked_EvenWithASourceConfigured()
    {
        using var feed = new LocalFeed().Add("Missing", "2.0.0", Apache);
        var project = Setup(feed);

        var (code, stdout, stderr) = Run("check", project, "--format", "json");

        Assert.Empty(feed.Requests);
        Assert.Equal(1, code);
        Assert.DoesNotContain("Online mode", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        var package = json.RootElement.GetProperty("projects")[0].GetProperty("packages")[0];
        Assert.Equal("NOASSERTION", json.RootElement.GetProperty("packages")[package.GetProperty("package").GetInt32()].GetProperty("license").GetString());
    }

    [Fact]
    public void WithOnline_TheConfiguredSourceIsAnnouncedAndUsed()
    {
        using var feed = new LocalFeed().Add("Missing", "2.0.0", Apache);
        var project = Setup(feed);

        var (code, stdout, stderr) = Run("check", project, "--format", "json", "--online");

        Assert.Equal(0, code);
        Assert.Contains("Online mode: asking " + feed.IndexUrl + " (from nuget.config).", stderr, StringComparison.Ordinal);
        Assert.NotEmpty(feed.Requests);
        using var json = JsonDocument.Parse(stdout);
        var package = json.RootElement.GetProperty("projects")[0].GetProperty("packages")[0];
        // The licence and its evidence are in the package's judgement, which the project's entry refers to by index.
        var judgement = json.RootElement.GetProperty("packages")[package.GetProperty("package").GetInt32()];
        Assert.Equal("Apache-2.0", judgement.GetProperty("license").GetString());
        Assert.StartsWith("Metadata fetched from " + feed.BaseUrl + "v3/flat/missing/2.0.0/missing.nuspec", judgement.GetProperty("licenseNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithOnline_AnInvalidNuGetConfig_IsAnInputError()
    {
        using var feed = new LocalFeed();
        var project = Setup(feed);
        File.WriteAllText(Path.Combine(_temp.Path, "nuget.config"), "<configuration><packageSources>");

        var (code, _, stderr) = Run("check", project, "--online");

        Assert.Equal(2, code);
        Assert.Contains("error PCP9007: --online: the NuGet configuration cannot be read", stderr, StringComparison.Ordinal);
        Assert.Empty(feed.Requests);
    }

    [Fact]
    public void Help_SaysOnlineIsNeverTheDefault()
    {
        var (code, stdout, _) = Run("check", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--online", stdout, StringComparison.Ordinal);
        Assert.Contains("never the default", stdout, StringComparison.Ordinal);
        Assert.Contains("nuget.config", stdout, StringComparison.Ordinal);
        Assert.Contains("publiccode check App.sln --online", stdout, StringComparison.Ordinal);
    }
}
