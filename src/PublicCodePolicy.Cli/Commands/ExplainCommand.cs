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
            Description = context.Texts.S("Help.Explain.Id"),
            DefaultValueFactory = _ => null,
        };
        var command = new Command("explain", context.Texts.S("Help.Explain"))
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
