// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>Runs the CLI in process, capturing both streams.</summary>
internal static class Cli
{
    /// <summary>Runs in English whatever the machine's language (DOTNET_CLI_UI_LANGUAGE, LANG), so that tests read the same text everywhere.</summary>
    public static ProcessResult Run(params string[] args) => RunIn(CultureInfo.InvariantCulture, args);

    /// <summary>Runs with the console in the language of <paramref name="culture"/>.</summary>
    public static ProcessResult RunIn(CultureInfo culture, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr, ConsoleEnvironment.Plain, culture);
        return new ProcessResult(code, stdout.ToString(), stderr.ToString());
    }
}
