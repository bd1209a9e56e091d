// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Assertions on what the licence reader concludes, shared by the reader's test classes.</summary>
internal static class ReaderAssert
{
    /// <summary>Nothing concluded, and the note quotes the words that restrict.</summary>
    public static void UnconcludedFor(string text, string quoted)
    {
        var a = LicenseTextMatcher.Shared.Analyze(text);
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Contains("among them '" + quoted + "', which may restrict the licence", a.Note, StringComparison.Ordinal);
    }
}
