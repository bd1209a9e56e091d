// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.TestUtilities;

/// <summary>Validators and browsers that tests run. .ci/run installs them; locally, run eng/install-test-tools.sh.</summary>
public static class ExternalTools
{
    /// <summary>
    /// True in CI, where .ci/run installs the tools: tests that need them must run there, never skip. Recognises the
    /// usual CI variables: <c>CI</c> (any value but false/0), Azure DevOps <c>TF_BUILD</c>, GitLab <c>GITLAB_CI</c>,
    /// GitHub <c>GITHUB_ACTIONS</c>, Jenkins <c>JENKINS_URL</c>, TeamCity <c>TEAMCITY_VERSION</c>, Buildkite, AppVeyor.
    /// </summary>
    public static bool InCi => IsCi(Environment.GetEnvironmentVariable);

    /// <summary>The CI detection on a given environment (testable).</summary>
    public static bool IsCi(Func<string, string?> env)
    {
        var ci = env("CI");
        if (!string.IsNullOrWhiteSpace(ci) && !ci.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && ci.Trim() != "0") return true;
        foreach (var name in s_ciVariables)
        {
            var value = env(name);
            if (!string.IsNullOrWhiteSpace(value) && !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly string[] s_ciVariables = { "TF_BUILD", "GITLAB_CI", "GITHUB_ACTIONS", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "APPVEYOR", "CONTINUOUS_INTEGRATION" };

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
