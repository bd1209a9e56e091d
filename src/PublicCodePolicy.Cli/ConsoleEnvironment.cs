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

    /// <summary>Detects the current console.</summary>
    public static ConsoleEnvironment Detect()
    {
        bool ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"));
        bool interactive = !Console.IsOutputRedirected && !ci;
        bool color = interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new ConsoleEnvironment(interactive, color);
    }
}
