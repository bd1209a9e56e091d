// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Cli.Commands;

namespace PublicCodePolicy.Cli;

/// <summary>Builds the command tree and runs it. Tests call <see cref="Run"/> in process.</summary>
public static class CommandLineApp
{
    /// <summary>Runs <c>publiccode</c> with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConsoleEnvironment console)
    {
        var context = new CliContext(stdout, stderr, console);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine("error " + Diagnostics.RuleCatalog.InvalidUsage.Id + ": " + IO.SafeText.ForTerminal(error.Message) + " (" + Diagnostics.RuleCatalog.InvalidUsage.HelpUri + ")");
            }
            stderr.WriteLine("Run 'publiccode --help' (or 'publiccode <command> --help') for usage.");
            return (int)ExitCode.InputError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IO.OutputWriteException ex)
        {
            // Every writer goes through OutputFile; a failure there is the user's disk or path, not a bug.
            stderr.WriteLine("error " + Diagnostics.RuleCatalog.OutputNotWritten.Id + ": " + IO.SafeText.ForTerminal(ex.Message) + " The previous file, if any, is unchanged. (" + Diagnostics.RuleCatalog.OutputNotWritten.HelpUri + ")");
            return (int)ExitCode.InputError;
        }
        catch (IO.InputFileException ex)
        {
            // Readers map refusals to their own codes; one that reaches here is still an input problem, never exit 3.
            stderr.WriteLine("error " + Diagnostics.RuleCatalog.InputNotFound.Id + ": " + IO.SafeText.ForTerminal(ex.Message) + " (" + Diagnostics.RuleCatalog.InputNotFound.HelpUri + ")");
            return (int)ExitCode.InputError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine("error: internal error: " + ex.GetType().Name + ": " + ex.Message);
            stderr.WriteLine("This is a bug in PublicCodePolicy; please report it with the command line you ran.");
            return (int)ExitCode.InternalError;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "publiccode — free-licence policy, SBOMs, publiccode.yml and compliance report for .NET solutions.\n" +
            "Checks that every NuGet dependency is under a licence your policy allows (OSI-approved by default),\n" +
            "offline, from what 'dotnet restore' produced.\n\n" +
            "Examples:\n" +
            "  publiccode check                         # check the solution in the current folder\n" +
            "  publiccode check MySolution.sln --format json -o result.json\n" +
            "  publiccode check src/App/App.csproj --preset fr-administration\n" +
            "  publiccode sbom MySolution.sln --format spdx -o sbom.spdx.json\n\n" +
            "Exit codes: 0 passed, 1 policy failed, 2 usage or input error, 3 internal error.");
        root.Add(CheckCommand.Create(context));
        root.Add(SbomCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(MergeCommand.Create(context));
        root.Add(InitCommand.Create(context));
        root.Add(YmlCommand.Create(context));
        root.Add(ReportCommand.Create(context));
        return root;
    }
}

/// <summary>Writers and console facts shared by the commands.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, ConsoleEnvironment Console);
