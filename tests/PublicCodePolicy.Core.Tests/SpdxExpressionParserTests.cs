// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using NuGet.Packaging.Licenses;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Tests;

public sealed class SpdxExpressionParserTests
{
    private static SpdxExpression Parse(string text)
    {
        Assert.True(LicenseList.Default.TryParse(text, out var e, out var d), string.Join("; ", d));
        return e!;
    }

    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("mit", "MIT")]
    [InlineData("apache-2.0", "Apache-2.0")]
    [InlineData("  MIT  ", "MIT")]
    [InlineData("MIT OR Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("MIT AND Apache-2.0", "MIT AND Apache-2.0")]
    [InlineData("MIT OR Apache-2.0 AND BSD-3-Clause", "MIT OR Apache-2.0 AND BSD-3-Clause")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("((MIT))", "MIT")]
    [InlineData("MIT AND (Apache-2.0 AND BSD-3-Clause)", "MIT AND Apache-2.0 AND BSD-3-Clause")]
    [InlineData("(MIT OR Apache-2.0) OR ISC", "MIT OR Apache-2.0 OR ISC")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("gpl-2.0-only with classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("GPL-2.0+", "GPL-2.0+")]
    [InlineData("LGPL-2.1+ AND MIT", "LGPL-2.1+ AND MIT")]
    [InlineData("GPL-3.0-or-later WITH GCC-exception-3.1 OR MIT", "GPL-3.0-or-later WITH GCC-exception-3.1 OR MIT")]
    [InlineData("LicenseRef-Commercial", "LicenseRef-Commercial")]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")]
    [InlineData("LGPL-3.0-only OR LicenseRef-Commercial", "LGPL-3.0-only OR LicenseRef-Commercial")]
    [InlineData("NOASSERTION", "NOASSERTION")]
    [InlineData("NONE", "NONE")]
    [InlineData("MIT\tOR\nApache-2.0", "MIT OR Apache-2.0")]
    [InlineData("(MIT AND BSD-2-Clause) OR (Apache-2.0 AND ISC)", "MIT AND BSD-2-Clause OR Apache-2.0 AND ISC")]
    [InlineData("MIT AND (BSD-2-Clause OR Apache-2.0)", "MIT AND (BSD-2-Clause OR Apache-2.0)")]
    public void Valid_RoundTripsToCanonicalText(string input, string expected)
    {
        Assert.Equal(expected, Parse(input).ToString());
    }

    [Fact]
    public void Precedence_AndBindsTighterThanOr()
    {
        var e = Assert.IsType<SpdxCompound>(Parse("MIT OR Apache-2.0 AND BSD-3-Clause"));
        Assert.Equal(SpdxNodeKind.Or, e.Kind);
        Assert.IsType<SpdxLicense>(e.Operands[0]);
        var and = Assert.IsType<SpdxCompound>(e.Operands[1]);
        Assert.Equal(SpdxNodeKind.And, and.Kind);
    }

    [Fact]
    public void With_BindsTighterThanAnd()
    {
        var e = Assert.IsType<SpdxCompound>(Parse("MIT AND GPL-2.0-only WITH Classpath-exception-2.0"));
        Assert.Equal(SpdxNodeKind.And, e.Kind);
        var with = Assert.IsType<SpdxWith>(e.Operands[1]);
        Assert.Equal("Classpath-exception-2.0", with.ExceptionId);
        Assert.True(with.ExceptionIsListed);
    }

    [Fact]
    public void Plus_SetsOrLater()
    {
        var l = Assert.IsType<SpdxLicense>(Parse("GPL-2.0+"));
        Assert.True(l.OrLater);
        Assert.Equal("GPL-2.0", l.Id);
    }

    [Fact]
    public void UnknownIdentifier_IsAcceptedWithWarningAndMarkedUnlisted()
    {
        Assert.True(LicenseList.Default.TryParse("Foo-1.0", out var e, out var d));
        Assert.False(Assert.IsType<SpdxLicense>(e).IsListed);
        Assert.Contains(d, x => x.Severity == SpdxDiagnosticSeverity.Warning && x.Message.Contains("not on the SPDX licence list", StringComparison.Ordinal));
    }

    [Fact]
    public void LowerCaseOperator_IsAcceptedWithWarning()
    {
        Assert.True(LicenseList.Default.TryParse("MIT or Apache-2.0", out _, out var d));
        Assert.Contains(d, x => x.Severity == SpdxDiagnosticSeverity.Warning && x.Message.Contains("upper case", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("MIT OR", 6)]
    [InlineData("OR MIT", 0)]
    [InlineData("MIT AND AND Apache-2.0", 8)]
    [InlineData("(MIT", 4)]
    [InlineData("MIT)", 3)]
    [InlineData("MIT Apache-2.0", 4)]
    [InlineData("MIT WITH", 8)]
    [InlineData("(MIT OR ISC) WITH Classpath-exception-2.0", 13)]
    [InlineData("MIT WITH Apache-2.0", 9)]
    [InlineData("MIT/Apache", 3)]
    [InlineData("MIT, Apache-2.0", 3)]
    [InlineData("GPL-2.0 +", 8)]
    [InlineData("LicenseRef-", 0)]
    [InlineData("DocumentRef-x", 13)]
    [InlineData("DocumentRef-x:MIT", 14)]
    [InlineData("()", 1)]
    public void Invalid_ReturnsErrorWithPosition(string input, int position)
    {
        Assert.False(LicenseList.Default.TryParse(input, out var e, out var d));
        Assert.Null(e);
        var error = Assert.Single(d, x => x.Severity == SpdxDiagnosticSeverity.Error);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Null_IsAnErrorNotAnException()
    {
        Assert.False(SpdxExpressionParser.TryParse(null, LicenseList.Default, out _, out var d));
        Assert.Single(d);
    }

    [Fact]
    public void DeepNesting_IsRefusedWithoutStackOverflow()
    {
        var text = new string('(', 10_000) + "MIT" + new string(')', 10_000);
        Assert.False(LicenseList.Default.TryParse(text, out _, out var d));
        Assert.Contains(d, x => x.Severity == SpdxDiagnosticSeverity.Error);
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionWithReasons()
    {
        var ex = Assert.Throws<FormatException>(() => SpdxExpressionParser.Parse("MIT OR", LicenseList.Default));
        Assert.Contains("MIT OR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_ListsLicencesLeftToRight()
    {
        var leaves = Parse("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0").Leaves().Select(l => l.ToString()).ToArray();
        Assert.Equal(new[] { "MIT", "Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0" }, leaves);
    }

    // NuGet's own parser (the one 'nuget pack' uses) is the reference for the expressions it supports:
    // both must agree on validity and on the tree, shown through the canonical text. (NuGet also refuses
    // deprecated identifiers such as GPL-2.0; we accept them and report PCP0006, so they are not compared here.)
    [Theory]
    [InlineData("MIT")]
    [InlineData("MIT OR Apache-2.0")]
    [InlineData("MIT AND Apache-2.0 OR BSD-3-Clause")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("Apache-2.0+")]
    [InlineData("LGPL-2.1-only AND (MIT OR ISC)")]
    [InlineData("MIT OR")]
    [InlineData("(MIT")]
    [InlineData("MIT Apache-2.0")]
    [InlineData("MIT WITH Apache-2.0")]
    public void AgreesWithNuGetParser(string text)
    {
        bool nugetValid;
        string? nugetText = null;
        try
        {
            var n = NuGetLicenseExpression.Parse(text);
            nugetValid = true;
            nugetText = Canonical(n, 0);
        }
        catch (NuGetLicenseExpressionParsingException)
        {
            nugetValid = false;
        }
        bool ours = LicenseList.Default.TryParse(text, out var e, out _);
        Assert.Equal(nugetValid, ours);
        if (ours) Assert.Equal(nugetText, e!.ToString());
    }

    private static string Canonical(NuGetLicenseExpression e, int parent)
    {
        switch (e)
        {
            case NuGetLicense l:
                return l.Identifier + (l.Plus ? "+" : string.Empty);
            case WithOperator w:
                return w.License.Identifier + (w.License.Plus ? "+" : string.Empty) + " WITH " + w.Exception.Identifier;
            case LogicalOperator lo:
                int prec = lo.LogicalOperatorType == LogicalOperatorType.And ? 2 : 1;
                var parts = Flatten(lo).Select(x => Canonical(x, prec));
                var s = string.Join(prec == 2 ? " AND " : " OR ", parts);
                return parent > prec ? "(" + s + ")" : s;
            default:
                throw new InvalidOperationException();
        }
    }

    private static IEnumerable<NuGetLicenseExpression> Flatten(LogicalOperator lo)
    {
        foreach (var side in new[] { lo.Left, lo.Right })
        {
            if (side is LogicalOperator child && child.LogicalOperatorType == lo.LogicalOperatorType)
            {
                foreach (var x in Flatten(child)) yield return x;
            }
            else
            {
                yield return side;
            }
        }
    }
}
