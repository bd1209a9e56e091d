// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Cli.Commands;

/// <summary><c>publiccode explain PCPxxxx</c>: prints a rule's documentation page (shipped inside the tool).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("rule")
        {
            Description = "Rule identifier, e.g. PCP0001. Without it, lists every rule.",
            DefaultValueFactory = _ => null,
        };
        var command = new Command("explain",
            "Print the documentation of a rule: cause, how to fix it, how to record a justified exception, configuration.\n\n" +
            "Examples:\n" +
            "  publiccode explain PCP0001\n" +
            "  publiccode explain            # list every rule\n\n" +
            "Exit codes: 0 printed, 2 unknown rule.")
        {
            id,
        };
        command.SetAction(parse =>
        {
            var value = parse.GetValue(id);
            if (string.IsNullOrWhiteSpace(value))
            {
                context.Out.Write(Read("README") ?? string.Empty);
                return (int)ExitCode.Success;
            }
            var normalized = value.Trim().ToUpperInvariant();
            var page = Read(normalized);
            if (page == null)
            {
                EngineRunner.WriteError(context, RuleCatalog.InputNotFound.Id, "There is no rule '" + value + "'. Run 'publiccode explain' for the list.");
                return (int)ExitCode.InputError;
            }
            context.Out.Write(page);
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>Identifiers that have a page in the tool.</summary>
    public static IEnumerable<string> Pages()
        => typeof(ExplainCommand).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("PublicCodePolicy.Cli.Rules.PCP", StringComparison.Ordinal))
            .Select(n => n["PublicCodePolicy.Cli.Rules.".Length..^".md".Length])
            .OrderBy(n => n, StringComparer.Ordinal);

    private static string? Read(string name)
    {
        using var stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream("PublicCodePolicy.Cli.Rules." + name + ".md");
        if (stream == null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
