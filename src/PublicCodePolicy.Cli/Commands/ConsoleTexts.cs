// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Cli.Commands;

/// <summary>
/// What 'report' and 'merge' print on the console, in the language asked with --lang: an agent who asked for the
/// French dossier reads French on the console too.
/// </summary>
internal sealed class ConsoleTexts
{
    public required string Wrote { get; init; }
    public required string SummaryFormat { get; init; }
    public required string Passed { get; init; }
    public required string Failed { get; init; }
    public required string MergePassed { get; init; }
    public required string MergeFailed { get; init; }
    public required string MergeRepositoryLine { get; init; }
    public required string MergeTotals { get; init; }
    public required string MergeSkipped { get; init; }
    public required IReadOnlyDictionary<string, string> Verdicts { get; init; }

    public static ConsoleTexts For(ReportLanguage language) => language == ReportLanguage.English ? English : French;

    public static ConsoleTexts For(bool french) => french ? French : English;

    public string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    public string Summary(CheckSummary s)
        => F(SummaryFormat, s.Projects, s.Packages, s.Allowed, s.Denied, s.Unknown, s.Excepted);

    public string Verdict(string verdict) => Verdicts.TryGetValue(verdict, out var v) ? v : verdict;

    public static ConsoleTexts French { get; } = new()
    {
        Wrote = "Écrit : {0}",
        SummaryFormat = "Bilan : {0} projet(s), {1} paquet(s) distinct(s) : {2} autorisé(s), {3} refusé(s), {4} de licence inconnue, {5} sous dérogation.",
        Passed = "Résultat : conforme, aucun constat bloquant.",
        Failed = "Résultat : non conforme, {0} constat(s) bloquant(s) ; le rapport les détaille. « publiccode check » les explique.",
        MergePassed = "conforme    ",
        MergeFailed = "NON CONFORME",
        MergeRepositoryLine = "{0}  {1}  ({2} paquet(s) : {3} autorisé(s), {4} refusé(s), {5} de licence inconnue, {6} sous dérogation)",
        MergeTotals = "{0}/{1} dépôt(s) conforme(s) ; {2} dépendance(s) distincte(s), dont {3} commune(s) à plusieurs dépôts ; {4} à traiter.",
        MergeSkipped = "Ignoré : {0} (résultat de « publiccode merge », pas de « publiccode check »).",
        Verdicts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["allowed"] = "autorisé", ["excepted"] = "dérogation", ["unknown"] = "inconnu", ["denied"] = "refusé",
        },
    };

    public static ConsoleTexts English { get; } = new()
    {
        Wrote = "Wrote {0}",
        SummaryFormat = "Summary: {0} projects, {1} distinct packages: {2} allowed, {3} denied, {4} unknown, {5} excepted.",
        Passed = "Result: PASSED — no enforced finding.",
        Failed = "Result: FAILED — {0} enforced findings; the report lists them. Run 'publiccode check' for details.",
        MergePassed = "passed      ",
        MergeFailed = "FAILED      ",
        MergeRepositoryLine = "{0}  {1}  ({2} packages: {3} allowed, {4} denied, {5} unknown, {6} excepted)",
        MergeTotals = "{0}/{1} repositories passed; {2} distinct dependencies, {3} common to several repositories; {4} to act on.",
        MergeSkipped = "Skipped {0} (a 'publiccode merge' output, not a 'publiccode check' result).",
        Verdicts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["allowed"] = "allowed", ["excepted"] = "excepted", ["unknown"] = "unknown", ["denied"] = "denied",
        },
    };
}
