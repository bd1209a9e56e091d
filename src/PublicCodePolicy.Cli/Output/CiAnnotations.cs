// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Output;

namespace PublicCodePolicy.Cli.Output;

/// <summary>
/// Annotation lines for the CI service running the check, so that a plain <c>publiccode check</c> step marks the
/// project files of a pull request: errors for enforced findings, warnings for the other warnings and errors.
/// Paths are relative to the repository root (where both services check the code out), with the line of the
/// reference that brings the package in.
/// </summary>
internal static class CiAnnotations
{
    /// <summary>Writes one line per finding for <paramref name="host"/> (nothing for <see cref="CiHost.None"/>).</summary>
    public static void Write(CheckResult result, CiHost host, TextWriter writer)
    {
        if (host == CiHost.None) return;
        var srcRoot = SarifWriter.SourceRoot(result.RootPath);
        foreach (var f in result.Findings.Where(f => f.IsEnforced || f.Severity != FindingSeverity.Info))
        {
            var file = f.Location?.Path ?? f.ProjectPath ?? result.Policy.SourcePath;
            var path = file == null ? null : CheckResultJsonWriter.Relative(srcRoot, file);
            var line = f.Location?.Line ?? (file != null ? 1 : (int?)null);
            writer.WriteLine(host == CiHost.GitHubActions ? GitHub(f, path, line, f.Location?.Column) : Azure(f, path, line, f.Location?.Column));
        }
    }

    /// <summary>A GitHub Actions workflow command: <c>::error file=…,line=…,col=…,title=…::message</c>.</summary>
    internal static string GitHub(Finding f, string? path, int? line, int? column)
    {
        var text = new StringBuilder(f.IsEnforced ? "::error " : "::warning ");
        var properties = new List<string>();
        if (path != null) properties.Add("file=" + GitHubProperty(path));
        if (line != null) properties.Add("line=" + line.Value.ToString(CultureInfo.InvariantCulture));
        if (column != null) properties.Add("col=" + column.Value.ToString(CultureInfo.InvariantCulture));
        properties.Add("title=" + GitHubProperty(Title(f)));
        text.Append(string.Join(",", properties)).Append("::").Append(GitHubData(Text(f)));
        return text.ToString();
    }

    /// <summary>An Azure Pipelines logging command: <c>##vso[task.logissue type=error;sourcepath=…;linenumber=…;code=…]message</c>.</summary>
    internal static string Azure(Finding f, string? path, int? line, int? column)
    {
        var text = new StringBuilder("##vso[task.logissue type=").Append(f.IsEnforced ? "error" : "warning").Append(';');
        if (path != null) text.Append("sourcepath=").Append(AzureProperty(path)).Append(';');
        if (line != null) text.Append("linenumber=").Append(line.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        if (column != null) text.Append("columnnumber=").Append(column.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        text.Append("code=").Append(AzureProperty(f.RuleId)).Append(']').Append(AzureData(Text(f)));
        return text.ToString();
    }

    // The same text as the Code Quality report's description: message, first dependency path, fix.
    private static string Text(Finding f)
    {
        var text = f.RuleId + ": " + f.Message;
        if (f.Paths.Count > 0) text += " Path: " + f.Paths[0] + ".";
        if (f.Remedy != null) text += " Fix: " + f.Remedy;
        return text;
    }

    private static string Title(Finding f)
        => f.RuleId + (RuleCatalog.Find(f.RuleId) is { } d ? " " + d.Title : string.Empty) + (f.PackageId != null ? " (" + f.PackageId + " " + f.PackageVersion + ")" : string.Empty);

    // GitHub's rules (actions/toolkit, command.ts): % CR LF in the message; also : and , in property values.
    internal static string GitHubData(string s)
        => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string GitHubProperty(string s)
        => GitHubData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    // Azure Pipelines' rules (azure-pipelines-task-lib, taskcommand): % as %AZP25, CR LF in the message; also ; and ] in property values.
    internal static string AzureData(string s)
        => s.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string AzureProperty(string s)
        => AzureData(s).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
}
