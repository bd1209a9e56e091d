// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli.Tests;

/// <summary>Runs the CLI in process, capturing both streams.</summary>
internal static class Cli
{
    public static ProcessResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLineApp.Run(args, stdout, stderr, ConsoleEnvironment.Plain);
        return new ProcessResult(code, stdout.ToString(), stderr.ToString());
    }
}
