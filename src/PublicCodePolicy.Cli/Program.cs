// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli;

internal static class Program
{
    private static int Main(string[] args) => CommandLineApp.Run(args, Console.Out, Console.Error, ConsoleEnvironment.Detect());
}
