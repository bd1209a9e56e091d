// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.TestUtilities;

/// <summary>Validators and browsers that tests run. .ci/run installs them; locally, run eng/install-test-tools.sh.</summary>
public static class ExternalTools
{
    /// <summary>True in CI, where .ci/run installs the tools: tests that need them must run there, never skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the SARIF validator is installed.</summary>
    public static bool HasSarifMultitool => TryFindSarifMultitool() != null;

    /// <summary>The official SARIF validator (npm @microsoft/sarif-multitool-linux 5.7.0).</summary>
    public static string SarifMultitool => TryFindSarifMultitool()
        ?? throw new InvalidOperationException("The SARIF validator is not installed: run eng/install-test-tools.sh (npm install of @microsoft/sarif-multitool-linux@5.7.0 into .tools/).");

    private static string? TryFindSarifMultitool()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SARIF_MULTITOOL");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var local = Path.Combine(TestPaths.RepositoryRoot, ".tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        return File.Exists(local) ? local : null;
    }
}
