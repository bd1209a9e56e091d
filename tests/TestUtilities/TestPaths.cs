// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Reflection;

namespace PublicCodePolicy.TestUtilities;

/// <summary>Where the repository and its vendored reference data are.</summary>
public static class TestPaths
{
    /// <summary>The repository root (where PublicCodePolicy.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The vendored reference data (official schemas, licence list sources, conformance files): <c>tests/data</c>,
    /// with provenance and licences in its README. Tests never read anything outside the repository.
    /// </summary>
    public static string TestData => Path.Combine(RepositoryRoot, "tests", "data");

    private static string FindRoot()
    {
        var fromAttribute = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromAttribute != null && File.Exists(Path.Combine(fromAttribute, "PublicCodePolicy.sln"))) return fromAttribute;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicCodePolicy.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates a new empty folder under the system temp folder.</summary>
    public TempDirectory(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pcp-tests", (prefix ?? "t") + "-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(Path);
    }

    private static int s_counter;

    /// <summary>Full path.</summary>
    public string Path { get; }

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test process still holding a file must not fail the test run.
        }
    }
}
