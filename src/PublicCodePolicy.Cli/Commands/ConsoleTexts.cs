// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Cli.Commands;

/// <summary>
/// What 'report' and 'merge' print on the console, in the language asked with --lang: an agent who asked for the
/// French dossier reads French on the console too. The texts are in CliResources(.fr).resx.
/// </summary>
internal sealed class ConsoleTexts
{
    private readonly CliTexts _t;

    private ConsoleTexts(CliTexts texts) => _t = texts;

    public string Wrote => _t.S("Report.Wrote");
    public string SummaryFormat => _t.S("Summary");
    public string Passed => _t.S("Passed");
    public string Failed => _t.S("Report.Failed");
    public string MergePassed => _t.S("Merge.Passed");
    public string MergeFailed => _t.S("Merge.Failed");
    public string MergeRepositoryLine => _t.S("Merge.RepositoryLine");
    public string MergeTotals => _t.S("Merge.Totals");
    public string MergeSkipped => _t.S("Merge.Skipped");

    public static ConsoleTexts For(ReportLanguage language) => language == ReportLanguage.English ? English : French;

    public static ConsoleTexts For(bool french) => french ? French : English;

    public static ConsoleTexts French { get; } = new(CliTexts.French);

    public static ConsoleTexts English { get; } = new(CliTexts.English);

    public string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    public string Summary(CheckSummary s)
        => F(SummaryFormat, s.Projects, s.Packages, s.Allowed, s.Denied, s.Unknown, s.Excepted);

    /// <summary>A verdict name (<c>allowed</c>, <c>denied</c>…) in this language; an unknown name is shown as it is.</summary>
    public string Verdict(string verdict)
        => verdict is "allowed" or "denied" or "unknown" or "excepted" ? _t.S("Verdict." + verdict) : verdict;
}
