// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using System.Globalization;
using PublicCodePolicy.Cli.Commands;

namespace PublicCodePolicy.Cli;

/// <summary>Builds the command tree and runs it. Tests call <see cref="Run"/> in process.</summary>
public static class CommandLineApp
{
    /// <summary>Runs <c>publiccode</c> with the given arguments and writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="console">What the terminal supports.</param>
    /// <param name="uiCulture">The console's language; null: from <c>DOTNET_CLI_UI_LANGUAGE</c>, else the user's culture (<see cref="CliLanguage"/>).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConsoleEnvironment console, CultureInfo? uiCulture = null)
    {
        var culture = uiCulture ?? CliLanguage.Resolve(Environment.GetEnvironmentVariable, CultureInfo.CurrentUICulture);
        // System.CommandLine words its own help and parse errors in the current UI culture: the same language as ours.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return RunIn(args, stdout, stderr, new CliContext(stdout, stderr, console) { UiCulture = culture });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static int RunIn(string[] args, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var t = context.Texts;
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine("error " + Diagnostics.RuleCatalog.InvalidUsage.Id + ": " + IO.SafeText.ForTerminal(error.Message) + " (" + Diagnostics.RuleCatalog.InvalidUsage.HelpUri + ")");
            }
            stderr.WriteLine(t.S("App.UsageHint"));
            return (int)ExitCode.InputError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IO.OutputWriteException ex)
        {
            // Every writer goes through OutputFile; a failure there is the user's disk or path, not a bug.
            stderr.WriteLine("error " + Diagnostics.RuleCatalog.OutputNotWritten.Id + ": " + IO.SafeText.ForTerminal(ex.Message) + " " + t.S("App.PreviousUnchanged") + " (" + Diagnostics.RuleCatalog.OutputNotWritten.HelpUri + ")");
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
            stderr.WriteLine(t.F("App.InternalError", ex.GetType().Name, ex.Message));
            stderr.WriteLine(t.S("App.ReportBug"));
            return (int)ExitCode.InternalError;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(context.Texts.S("Help.Root"));
        root.Add(CheckCommand.Create(context));
        root.Add(SbomCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(MergeCommand.Create(context));
        root.Add(InitCommand.Create(context));
        root.Add(YmlCommand.Create(context));
        root.Add(ReportCommand.Create(context));
        // System.CommandLine's own options, worded like ours (its resources have no French for them).
        foreach (var option in root.Options)
        {
            if (option is System.CommandLine.Help.HelpOption) option.Description = context.Texts.S("Help.HelpOption");
            else if (option is VersionOption) option.Description = context.Texts.S("Help.VersionOption");
        }
        return root;
    }
}

/// <summary>Writers and console facts shared by the commands.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, ConsoleEnvironment Console)
{
    /// <summary>The console's language (English: the invariant culture).</summary>
    public CultureInfo UiCulture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>The console texts in <see cref="UiCulture"/>.</summary>
    internal CliTexts Texts => CliTexts.For(UiCulture);
}
