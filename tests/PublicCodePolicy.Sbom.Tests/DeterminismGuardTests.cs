// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using Xunit.Sdk;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>Guards of the reproducibility contract that no single output can show.</summary>
public sealed class DeterminismGuardTests
{
    private static readonly string[] s_forbidden =
    {
        "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Guid.NewGuid", "Random",
        "Environment.GetEnvironmentVariable", "CurrentCulture", "Environment.MachineName", "Environment.UserName",
    };

    [Fact]
    public void SbomWriters_ReadNoClockNoRandomNoEnvironment()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Sbom");
        var files = Directory.EnumerateFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var api in s_forbidden)
            {
                // SOURCE_DATE_EPOCH is read in one documented place, never by a writer.
                if (api == "Environment.GetEnvironmentVariable" && Path.GetFileName(file) == "SbomOptions.cs") continue;
                Assert.False(text.Contains(api, StringComparison.Ordinal), Path.GetFileName(file) + " uses " + api);
            }
        }
    }

    [Fact]
    public void Snapshot_MissingExpectedFile_Fails_AndCreatesNoExpectedFile()
    {
        var name = "does-not-exist." + nameof(Snapshot_MissingExpectedFile_Fails_AndCreatesNoExpectedFile) + ".json";
        var expected = Path.Combine(Snapshot.Folder, name);
        var received = Path.Combine(Snapshot.Folder, Path.GetFileNameWithoutExtension(name) + ".received.json");
        try
        {
            var failure = Assert.ThrowsAny<XunitException>(() => Snapshot.AssertMatches(name, Encoding.UTF8.GetBytes("{}\n")));
            Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(expected));
            Assert.True(File.Exists(received));
        }
        finally
        {
            File.Delete(received);
        }
    }

    [Fact]
    public void Snapshot_DifferentBytes_Fail()
    {
        var name = Directory.EnumerateFiles(Snapshot.Folder, "*.json").Select(Path.GetFileName).First(n => !n!.Contains(".received.", StringComparison.Ordinal))!;
        var bytes = File.ReadAllBytes(Path.Combine(Snapshot.Folder, name));
        bytes[^2] = (byte)' ';
        try
        {
            Assert.ThrowsAny<XunitException>(() => Snapshot.AssertMatches(name, bytes));
        }
        finally
        {
            File.Delete(Path.Combine(Snapshot.Folder, Path.GetFileNameWithoutExtension(name) + ".received.json"));
        }
    }
}
