// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Cli.Commands;

/// <summary>Options shared by the commands that run the engine (check, sbom, report).</summary>
internal sealed class CommonOptions
{
    public Argument<string> Path { get; } = new("path")
    {
        Description = "A solution (.sln, .slnx), a project file, or a folder (its only solution, else every project below it). Default: the current folder.",
        DefaultValueFactory = _ => ".",
    };

    public Option<string?> Policy { get; } = new("--policy", "-p")
    {
        Description = "Policy file (default: " + PolicyDocument.FileName + " in the path's folder or a parent folder; else the built-in OSI policy).",
        HelpName = "FILE",
    };

    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Licence preset, overriding the policy file's: " + string.Join(", ", PolicyPresets.Names) + ".",
        HelpName = "NAME",
    };

    public Option<bool> Restore { get; } = new("--restore")
    {
        Description = "Run 'dotnet restore' on the path first (by default nothing is restored: the check reads what restore produced).",
    };

    public Option<bool> Online { get; } = new("--online")
    {
        Description = "Online mode, never the default: uses your nuget.config sources (and their credentials) to fetch the metadata of packages missing from the package folders, and to report deprecated packages (PCP1004). Without it nothing is sent over the network.",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "An earlier 'check --format json' result: report packages whose licence changed since (PCP0020) and new packages (PCP0021).",
        HelpName = "FILE",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "Date (YYYY-MM-DD) to check exception expiry against; default: today (UTC).",
        HelpName = "DATE",
    };

    public CommonOptions()
    {
        Preset.AcceptOnlyFromAmong(PolicyPresets.Names.ToArray());
        // An unknown option would otherwise be taken as the path: say what it is.
        Path.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value != null && value.StartsWith('-') && !File.Exists(value) && !Directory.Exists(value))
                result.AddError("Unrecognized option '" + value + "'.");
        });
    }

    public void AddTo(Command command)
    {
        command.Add(Path);
        command.Add(Policy);
        command.Add(Preset);
        command.Add(Restore);
        command.Add(AsOf);
        command.Add(Online);
        command.Add(Baseline);
    }
}
