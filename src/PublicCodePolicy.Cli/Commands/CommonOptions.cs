// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.CommandLine;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Cli.Commands;

/// <summary>Options shared by the commands that run the engine (check, sbom, report).</summary>
internal sealed class CommonOptions
{
    public Argument<string> Path { get; } = new("path") { DefaultValueFactory = _ => "." };

    public Option<string?> Policy { get; } = new("--policy", "-p");

    public Option<string?> Preset { get; } = new("--preset");

    public Option<bool> Restore { get; } = new("--restore");

    public Option<bool> Online { get; } = new("--online");

    public Option<string?> Baseline { get; } = new("--baseline");

    public Option<string?> AsOf { get; } = new("--as-of") { HelpName = "DATE" };

    public CommonOptions(CliTexts t)
    {
        Path.Description = t.S("Help.Common.Path");
        Policy.Description = t.F("Help.Common.Policy", PolicyDocument.FileName);
        Policy.HelpName = t.S("HelpName.FILE");
        Preset.HelpName = t.S("HelpName.NAME");
        Baseline.HelpName = t.S("HelpName.FILE");
        Preset.Description = t.F("Help.Common.Preset", string.Join(", ", PolicyPresets.Names));
        Restore.Description = t.S("Help.Common.Restore");
        Online.Description = t.S("Help.Common.Online");
        Baseline.Description = t.S("Help.Common.Baseline");
        AsOf.Description = t.S("Help.Common.AsOf");
        Preset.AcceptOnlyFromAmong(PolicyPresets.Names.ToArray());
        // An unknown option would otherwise be taken as the path: say what it is.
        Path.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value != null && value.StartsWith('-') && !File.Exists(value) && !Directory.Exists(value))
                result.AddError(t.F("Help.Common.UnknownOption", value));
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
