// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 12: sentences around a licence text that hold a restriction word yet restrict nothing of the work — a
/// statement of fact about its origin, a paragraph about third-party code under its own terms, a heading naming the
/// exception whose text follows — and, in both directions, real restrictions phrased as close to them as possible,
/// which must still conclude nothing. The texts are the real corpus files (SpecFlow's BSD-3-Clause, the LLVM
/// licence) with one sentence or paragraph replaced.
/// </summary>
public sealed class LicenceExtraSentenceTests
{
    private static readonly string s_files = Path.Combine(TestPaths.RepositoryRoot, "tests", "PublicCodePolicy.Core.Tests", "Licensing", "Corpus", "files");

    private const string SpecFlowFact = "No code of customer projects was used to create this project.";

    private const string LlvmThirdParty = "The LLVM Project contains third party software which is under different license\nterms. All such code will be identified clearly using at least one of two\nmechanisms:\n1) It will be in a separate directory tree with its own `LICENSE.txt` or\n   `LICENSE` file at the top containing the specific license and restrictions\n   which apply to that software, or\n2) It will contain specific license and restriction terms at the top of every\n   file.";

    private static string Concluded(string text) => LicenseTextMatcher.Shared.Identify(text)?.Expression.ToString() ?? "NOASSERTION";

    private static string SpecFlow(string disclaimer)
    {
        var text = File.ReadAllText(Path.Combine(s_files, "specflow", "3.9.74", "LICENSE.txt")).ReplaceLineEndings("\n");
        Assert.Contains(SpecFlowFact, text, StringComparison.Ordinal);
        return text.Replace(SpecFlowFact, disclaimer, StringComparison.Ordinal);
    }

    private static string Llvm(string paragraph, string? heading = null)
    {
        var text = File.ReadAllText(Path.Combine(s_files, "libclang", "23.1.5", "LICENSE.TXT")).ReplaceLineEndings("\n");
        Assert.Contains(LlvmThirdParty, text, StringComparison.Ordinal);
        text = text.Replace(LlvmThirdParty, paragraph, StringComparison.Ordinal);
        return heading == null ? text : text.Replace("The LLVM Project is under the Apache License v2.0 with LLVM Exceptions:", heading, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpecFlowFact)]
    [InlineData("No generated code was included in this release.")]
    [InlineData("The initial code base was written from scratch; no code was copied from other projects.")]
    public void StatementOfFact_AboutTheWorksOrigin_DoesNotRestrict(string disclaimer)
    {
        Assert.Equal("BSD-3-Clause", Concluded(SpecFlow(disclaimer)));
    }

    [Theory]
    [InlineData("No commercial use is permitted.")]
    [InlineData("You may not use this software for military purposes.")]
    [InlineData("Not for military use.")]
    [InlineData("No code of this project was licensed for commercial use.")]
    [InlineData("This software was not intended for use in production systems.")]
    [InlineData("No permission was granted to sell copies of this project.")]
    [InlineData("No part of this software may be used by government agencies.")]
    [InlineData("Redistribution was never allowed without a fee.")]
    [InlineData("No code of customer projects was used; no fee is due unless you sell it.")]
    [InlineData("No code will be provided without a paid subscription.")]
    [InlineData("Restrictions apply to this software.")]
    // Elided and contracted forms of restriction words.
    [InlineData("Le code est libre, à l'exception des icônes.")]
    [InlineData("Réservé à l'administration, l'usage commercial n'est pas permis.")]
    [InlineData("You can't sell copies of this software.")]
    [InlineData("Customers mustn't redistribute the binaries.")]
    public void Restriction_PhrasedLikeAFact_StillConcludesNothing(string disclaimer)
    {
        Assert.Equal("NOASSERTION", Concluded(SpecFlow(disclaimer)));
    }

    [Fact]
    public void ThirdPartyParagraph_UnderItsOwnTerms_DoesNotRestrictTheWorksLicence()
    {
        Assert.Equal("Apache-2.0 WITH LLVM-exception AND NCSA", Concluded(Llvm(LlvmThirdParty)));
        Assert.Equal("Apache-2.0 WITH LLVM-exception AND NCSA", Concluded(Llvm("Bundled third-party components are separately licensed: the restrictions and conditions which apply to that software are in its own license file.")));
    }

    [Theory]
    // The restriction speaks of this work, not of the other code.
    [InlineData("The LLVM Project contains third party software which is under different license terms. Restrictions apply to this software.")]
    [InlineData("The LLVM Project contains third party software which is under different license terms. The restrictions which apply to that software also apply to this software.")]
    [InlineData("The LLVM Project contains third party software which is under different license terms. The restrictions which apply to that software also apply to the Software.")]
    [InlineData("The LLVM Project contains third party software which is under different license terms. The restrictions which apply to that software apply to the LLVM Project.")]
    // Addressed to the licensee, or naming what is restricted.
    [InlineData("The LLVM Project contains third party software which is under different license terms. You may not use that software for commercial purposes.")]
    [InlineData("The LLVM Project contains third party software which is under different license terms. No commercial use is permitted.")]
    [InlineData("The LLVM Project contains third party software which is under different license terms. Use of that software is restricted to non-commercial purposes.")]
    [InlineData("Third party software is under different license terms, and that software must not be redistributed.")]
    // Third-party code that is not said to be under its own terms.
    [InlineData("The LLVM Project contains third party software. There are restrictions which apply to that software.")]
    public void Restriction_InAThirdPartyParagraph_StillConcludesNothing(string paragraph)
    {
        Assert.Equal("NOASSERTION", Concluded(Llvm(paragraph)));
    }

    [Theory]
    // "with …" names an exception whose text is not the one that follows, or something that is no exception.
    [InlineData("The LLVM Project is under the Apache License v2.0 with Classpath Exceptions:")]
    [InlineData("The LLVM Project is under the Apache License v2.0 with the Commons Clause:")]
    [InlineData("The LLVM Project is under the Apache License v2.0 with additional restrictions:")]
    public void Statement_ModifiedByAnythingButTheExceptionTextPresent_ConcludesNothing(string heading)
    {
        Assert.Equal("NOASSERTION", Concluded(Llvm(LlvmThirdParty, heading)));
    }

    [Theory]
    [InlineData("Ce logiciel est publié sous licence CeCILL-B, mais ne doit pas être utilisé hors de l'administration.", "CECILL-B", "doit")]
    [InlineData("Licensed under the MIT license, for evaluation purposes.", "MIT", "evaluation")]
    public void NamedLicence_NotConcluded_IsNamedInTheNote(string text, string named, string restriction)
    {
        var match = LicenseTextMatcher.Shared.Identify(text);
        Assert.NotNull(match);
        Assert.Equal("NOASSERTION", match!.Expression.ToString());
        Assert.Contains("names " + named, match.Note, StringComparison.Ordinal);
        Assert.Contains("'" + restriction + "'", match.Note, StringComparison.Ordinal);
        Assert.InRange(match.Score, 0.01, 0.99);
    }

    [Fact]
    public void DsfrLicenceOuverte_WithItsFieldOfUseNotice_IsNamedInTheNote()
    {
        // The DSFR's own edition of the Licence Ouverte 2.0, after "ne doit pas être utilisé par des entités
        // extérieures à l'administration": not concluded, and the note says which licence it names and why.
        var text = File.ReadAllText(Path.Combine(s_files, "npm", "@gouvfr", "dsfr", "1.15.3", "LICENSE.md"));
        var match = LicenseTextMatcher.Shared.Identify(text);
        Assert.NotNull(match);
        Assert.Equal("NOASSERTION", match!.Expression.ToString());
        Assert.Contains("names etalab-2.0 (\"sous licence Etalab 2.0\")", match.Note, StringComparison.Ordinal);
        // The first restricting word: the link to its terms of use ("modalités d'utilisation", cgu.md), before "ne doit pas".
        Assert.Contains("'cgu'", match.Note, StringComparison.Ordinal);
    }

    [Theory]
    // Another licence named among the extras, in no statement ("Icons: CC BY 4.0"): what it covers, the text does not
    // say, so nothing is concluded and the note names it.
    [InlineData("Icons from Font Awesome (CC BY 4.0).", "\"CC BY 4.0\", a second licence (CC-BY-4.0)")]
    [InlineData("The documentation is CC-BY-4.0.", "\"CC-BY-4.0\", a second licence (CC-BY-4.0)")]
    [InlineData("Fonts: OFL 1.1.", "a second licence (OFL-1.1)")]
    [InlineData("Compatible with GPLv3.", "\"GPLv3\", a second licence (GPL-3.0-only)")]
    // Or in two words or more, without a version.
    [InlineData("Parts are based on code from Foo (BSD-3-Clause).", "\"BSD-3-Clause\", a second licence (BSD-3-Clause)")]
    [InlineData("Parts are based on code from Foo (BSD 3-Clause License).", "\"BSD 3-Clause License\", a second licence (BSD-3-Clause)")]
    public void NameOfAnotherLicence_AmongTheExtras_ConcludesNothing(string sentence, string quoted)
    {
        var full = LicenseTextMatcher.Shared.Analyze(SpdxTemplateText.Render("MIT") + "\n\n" + sentence);
        Assert.Equal("NOASSERTION", full.Expression.ToString());
        Assert.Contains(quoted, full.Note, StringComparison.Ordinal);
        var notice = LicenseTextMatcher.Shared.Analyze("Licensed under the MIT License (see LICENSE.md). " + sentence);
        Assert.Equal("NOASSERTION", notice.Expression.ToString());
        Assert.Contains(quoted, notice.Note, StringComparison.Ordinal);
    }

    [Theory]
    // Versions that name no licence, the same licence named again, one-word names.
    [InlineData("Tested on Ubuntu 22.04 and Windows 11.", "MIT")]
    [InlineData("Built with .NET 8.0 and C# 12.", "MIT")]
    [InlineData("This is the MIT License.", "MIT")]
    // A one-word name without a version may be an ordinary word.
    [InlineData("Developed at MIT.", "MIT")]
    [InlineData("This product includes zlib.", "MIT")]
    public void WordsThatNameNoOtherLicence_StillConclude(string sentence, string expected)
    {
        Assert.Equal(expected, LicenseTextMatcher.Shared.Analyze(SpdxTemplateText.Render("MIT") + "\n\n" + sentence).Expression.ToString());
        Assert.Equal(expected, LicenseTextMatcher.Shared.Analyze("Licensed under the MIT License. " + sentence).Expression.ToString());
    }

    [Fact]
    public void VersionedName_OfTheStatedLicence_OrInAThirdPartyParagraph_StillConcludes()
    {
        Assert.Equal("GPL-3.0-only", LicenseTextMatcher.Shared.Analyze("Licensed under the GPL 3.0. This program is GPLv3.").Expression.ToString());
        Assert.Equal("Apache-2.0", LicenseTextMatcher.Shared.Analyze("Licensed under the Apache License, Version 2.0. Developed at MIT.").Expression.ToString());
        Assert.Equal("MIT", LicenseTextMatcher.Shared.Analyze(SpdxTemplateText.Render("MIT") + "\n\nThis package contains third party software which comes with different license terms (CC BY 4.0). The restrictions which apply to that software are listed.").Expression.ToString());
    }
}
