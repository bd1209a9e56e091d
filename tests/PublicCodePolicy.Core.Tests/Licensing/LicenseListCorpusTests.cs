// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Licensing.Text;
using Xunit.Abstractions;

namespace PublicCodePolicy.Tests.Licensing;

/// <summary>Issue 3 "done when": the licence list's own texts, as published and altered, identify as themselves.</summary>
public sealed class LicenseListCorpusTests
{
    private readonly ITestOutputHelper _output;

    public LicenseListCorpusTests(ITestOutputHelper output) => _output = output;

    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    public static IEnumerable<object[]> OsiIds() => SpdxTemplateText.Licenses.Where(l => l.IsOsiApproved && !l.IsDeprecated).Select(l => new object[] { l.Id });

    /// <summary>True when the analysis names <paramref name="id"/> as the (only) licence of the text, or as a listed duplicate text of it.</summary>
    /// <remarks>An exception text alone concludes nothing (it needs its licence) but must still be found as itself.</remarks>
    internal static bool IdentifiesAs(LicenseTextAnalysis a, string id)
        => (a.Kind == LicenseTextMatchKind.Exact || (a.Regions.Count == 1 && a.Regions[0].IsException))
            && a.Regions.Count == 1 && (a.Regions[0].Id == id || a.Regions[0].Alternatives.Contains(id));

    [Fact]
    public void AllListTexts_ShareIdentifiedAsThemselves()
    {
        var failures = new List<string>();
        int osi = 0, osiOk = 0, all = 0, allOk = 0, exactId = 0;
        foreach (var entry in SpdxTemplateText.Licenses.Where(l => !l.IsDeprecated))
        {
            var a = Matcher.Analyze(SpdxTemplateText.Render(entry.Id));
            bool ok = IdentifiesAs(a, entry.Id);
            all++;
            if (ok) allOk++;
            if (ok && a.Regions[0].Id == entry.Id) exactId++;
            if (entry.IsOsiApproved)
            {
                osi++;
                if (ok) osiOk++;
            }
            if (!ok) failures.Add(entry.Id + (entry.IsOsiApproved ? " (OSI)" : string.Empty) + ": " + a.Kind + " " + a.Expression + " " + a.Note);
        }
        _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "OSI: {0}/{1} ({2:P1}); all list texts: {3}/{4} ({5:P1}); named first: {6}", osiOk, osi, (double)osiOk / osi, allOk, all, (double)allOk / all, exactId));
        foreach (var f in failures) _output.WriteLine(f);
        Assert.Equal(osi, osiOk);
        Assert.True(allOk >= all * 0.97, allOk + "/" + all);
    }
}
