// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.Build.Locator;

namespace PublicCodePolicy.Cli.Metadata;

/// <summary>
/// Loads the MSBuild of the .NET SDK that <c>dotnet</c> selects for a folder into this process (once per process).
/// No Microsoft.Build type may be touched before <see cref="TryRegister"/> succeeded: the tool carries no MSBuild of its
/// own, so that the user's SDK evaluates the projects exactly as <c>dotnet build</c> would.
/// </summary>
internal static class MsBuildHost
{
    private static readonly object s_gate = new();
    private static string? s_registered;
    private static bool s_failed;

    /// <summary>The MSBuild folder of the registered SDK, or null when no SDK can be loaded in this process.</summary>
    public static string? TryRegister(string workingDirectory)
    {
        lock (s_gate)
        {
            if (s_failed) return null;
            try
            {
                var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = workingDirectory,
                }).FirstOrDefault();
                if (s_registered != null)
                {
                    // One MSBuild per process: a folder whose global.json selects another SDK goes the process way.
                    return instance != null && string.Equals(Normalize(instance.MSBuildPath), s_registered, StringComparison.Ordinal) ? s_registered : null;
                }
                if (instance == null || !MSBuildLocator.CanRegister)
                {
                    s_failed = true;
                    return null;
                }
                MSBuildLocator.RegisterInstance(instance);
                s_registered = Normalize(instance.MSBuildPath);
                return s_registered;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or BadImageFormatException or DllNotFoundException or EntryPointNotFoundException or UnauthorizedAccessException)
            {
                s_failed = true;
                return null;
            }
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
