// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli;

/// <summary>What the terminal can do: colours and live progress only for a person at an interactive terminal.</summary>
/// <param name="Interactive">Output goes to a terminal, not a file or pipe, and no CI variable is set.</param>
/// <param name="Color">Colours are wanted (interactive and NO_COLOR unset).</param>
public sealed record ConsoleEnvironment(bool Interactive, bool Color)
{
    /// <summary>Plain text: for tests, files, pipes and CI logs.</summary>
    public static ConsoleEnvironment Plain { get; } = new(false, false);

    /// <summary>The CI service whose log reads annotation lines (<see cref="CiHost.None"/> elsewhere).</summary>
    public CiHost Ci { get; init; }

    /// <summary>Detects the current console.</summary>
    public static ConsoleEnvironment Detect() => Detect(Environment.GetEnvironmentVariable, Console.IsOutputRedirected);

    /// <summary>Detects the console from <paramref name="variable"/> (an environment) and whether output is redirected.</summary>
    public static ConsoleEnvironment Detect(Func<string, string?> variable, bool outputRedirected)
    {
        ArgumentNullException.ThrowIfNull(variable);
        bool ci = !string.IsNullOrEmpty(variable("CI")) || !string.IsNullOrEmpty(variable("TF_BUILD"));
        bool interactive = !outputRedirected && !ci;
        bool color = interactive && string.IsNullOrEmpty(variable("NO_COLOR"));
        // The variables each service documents and sets itself: GitHub Actions GITHUB_ACTIONS=true, Azure Pipelines TF_BUILD=True.
        var host = IsTrue(variable("GITHUB_ACTIONS")) ? CiHost.GitHubActions : IsTrue(variable("TF_BUILD")) ? CiHost.AzurePipelines : CiHost.None;
        return new ConsoleEnvironment(interactive, color) { Ci = host };
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>CI services that turn specially formatted output lines into annotations.</summary>
public enum CiHost
{
    /// <summary>No annotations.</summary>
    None,

    /// <summary>GitHub Actions: <c>::error file=…,line=…::message</c> workflow commands.</summary>
    GitHubActions,

    /// <summary>Azure Pipelines: <c>##vso[task.logissue …]message</c> logging commands.</summary>
    AzurePipelines,
}
