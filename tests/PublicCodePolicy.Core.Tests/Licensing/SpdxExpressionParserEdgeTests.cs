// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// SPDX 2.3 Annex D parser: the exact diagnostic (severity, position, message) of every refusal and warning, the
/// tree of each accepted form, parsing without a catalogue, and the expression tree's own rules (text, equality).
/// </summary>
public sealed class SpdxExpressionParserEdgeTests
{
    private static string Diagnostics(string? text, ISpdxIdentifierCatalog? catalog, out SpdxExpression? expression, out bool valid)
    {
        valid = SpdxExpressionParser.TryParse(text, catalog, out expression, out var d);
        return string.Join(" | ", d.Select(x => x.ToString()));
    }

    private static (bool Valid, string? Tree, string Diagnostics) Run(string? text, bool withCatalog = true)
    {
        var diags = Diagnostics(text, withCatalog ? LicenseList.Default : null, out var e, out var valid);
        if (!valid) Assert.Null(e);
        return (valid, e?.ToString(), diags);
    }

    [Theory]
    [InlineData(null, "Error at 0: The licence expression is empty.")]
    [InlineData("", "Error at 0: The licence expression is empty.")]
    [InlineData(" \t\r\n", "Error at 0: The licence expression is empty.")]
    [InlineData("MIT OR", "Error at 6: The expression ends where a licence was expected.")]
    [InlineData("MIT OR   ", "Error at 6: The expression ends where a licence was expected.")]
    [InlineData("  MIT AND", "Error at 9: The expression ends where a licence was expected.")]
    [InlineData("OR MIT", "Error at 0: Unexpected 'OR': a licence identifier was expected.")]
    [InlineData("or MIT", "Warning at 0: Operator 'or' should be written in upper case. | Error at 0: Unexpected 'OR': a licence identifier was expected.")]
    [InlineData("MIT AND )", "Error at 8: Unexpected ')': a licence identifier was expected.")]
    [InlineData("MIT)", "Error at 3: Unexpected ')': an operator (AND, OR, WITH) or the end of the expression was expected.")]
    [InlineData("MIT Or ISC", "Error at 4: Unexpected 'Or': an operator (AND, OR, WITH) or the end of the expression was expected.")]
    [InlineData("MIT ISC", "Error at 4: Unexpected 'ISC': an operator (AND, OR, WITH) or the end of the expression was expected.")]
    [InlineData("(MIT", "Error at 4: A closing parenthesis is missing.")]
    [InlineData("(MIT ISC", "Error at 5: A closing parenthesis is missing.")]
    [InlineData("(MIT OR", "Error at 7: The expression ends where a licence was expected.")]
    [InlineData("MIT/Apache-2.0", "Error at 3: Character '/' is not allowed in a licence expression.")]
    [InlineData("MIT `", "Error at 4: Character '`' is not allowed in a licence expression.")]
    [InlineData("MIT {", "Error at 4: Character '{' is not allowed in a licence expression.")]
    [InlineData("MIT @", "Error at 4: Character '@' is not allowed in a licence expression.")]
    [InlineData("MIT [", "Error at 4: Character '[' is not allowed in a licence expression.")]
    [InlineData("MIT /", "Error at 4: Character '/' is not allowed in a licence expression.")]
    [InlineData("MIT,", "Error at 3: Character ',' is not allowed in a licence expression.")]
    [InlineData("(MIT OR ISC) WITH Classpath-exception-2.0", "Error at 13: WITH must follow a single licence, not a compound expression or special value.")]
    [InlineData("NONE WITH Classpath-exception-2.0", "Error at 5: WITH must follow a single licence, not a compound expression or special value.")]
    [InlineData("MIT WITH", "Error at 8: An exception identifier was expected after WITH.")]
    [InlineData("MIT WITH (", "Error at 9: An exception identifier was expected after WITH.")]
    [InlineData("MIT WITH apache-2.0", "Error at 9: 'apache-2.0' is a licence, not an exception: WITH takes an exception identifier.")]
    [InlineData("ISC OR MIT WITH Apache-2.0", "Error at 16: 'Apache-2.0' is a licence, not an exception: WITH takes an exception identifier.")]
    [InlineData("DocumentRef-x", "Error at 13: DocumentRef- must be followed by ':LicenseRef-…'.")]
    [InlineData("MIT OR DocumentRef-x", "Error at 20: DocumentRef- must be followed by ':LicenseRef-…'.")]
    [InlineData("DocumentRef-x:", "Error at 14: A LicenseRef- was expected after 'DocumentRef-…:'.")]
    [InlineData("DocumentRef-x:MIT", "Error at 14: A LicenseRef- was expected after 'DocumentRef-…:'.")]
    [InlineData("DocumentRef-x:(", "Error at 14: A LicenseRef- was expected after 'DocumentRef-…:'.")]
    [InlineData("DocumentRef-:LicenseRef-a", "Error at 0: DocumentRef- needs an identifier after the dash.")]
    [InlineData("MIT OR DocumentRef-:LicenseRef-a", "Error at 7: DocumentRef- needs an identifier after the dash.")]
    [InlineData("LicenseRef-", "Error at 0: LicenseRef- needs an identifier after the dash.")]
    [InlineData("MIT OR LicenseRef-", "Error at 7: LicenseRef- needs an identifier after the dash.")]
    [InlineData("GPL-2.0 +", "Error at 8: '+' must follow the licence identifier without a space.")]
    [InlineData("MIT OR GPL-2.0 +", "Error at 15: '+' must follow the licence identifier without a space.")]
    [InlineData("+", "Error at 0: Unexpected '+': a licence identifier was expected.")]
    [InlineData(":", "Error at 0: Unexpected ':': a licence identifier was expected.")]
    public void Invalid_GivesTheExactDiagnostics(string? text, string expected)
    {
        var (valid, tree, diagnostics) = Run(text);
        Assert.False(valid);
        Assert.Null(tree);
        Assert.Equal(expected, diagnostics);
    }

    [Theory]
    [InlineData("MIT or Apache-2.0", "MIT OR Apache-2.0", "Warning at 4: Operator 'or' should be written in upper case.")]
    [InlineData("MIT and ISC", "MIT AND ISC", "Warning at 4: Operator 'and' should be written in upper case.")]
    [InlineData("GPL-2.0-only with Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", "Warning at 13: Operator 'with' should be written in upper case.")]
    [InlineData("Foo-1.0 OR MIT", "Foo-1.0 OR MIT", "Warning at 0: 'Foo-1.0' is not on the SPDX licence list.")]
    [InlineData("MIT OR foo-1.0", "MIT OR foo-1.0", "Warning at 7: 'foo-1.0' is not on the SPDX licence list.")]
    [InlineData("noassertion", "noassertion", "Warning at 0: 'noassertion' is not on the SPDX licence list.")]
    [InlineData("MIT WITH Foo-exception", "MIT WITH Foo-exception", "Warning at 9: 'Foo-exception' is not on the SPDX exception list.")]
    [InlineData("MIT WITH AdditionRef-Foo", "MIT WITH AdditionRef-Foo", "")]
    [InlineData("MIT WITH classpath-exception-2.0", "MIT WITH Classpath-exception-2.0", "")]
    [InlineData("gpl-2.0+", "GPL-2.0+", "")]
    [InlineData("LicenseRef-a WITH Classpath-exception-2.0", "LicenseRef-a WITH Classpath-exception-2.0", "")]
    [InlineData("DocumentRef-d:LicenseRef-a", "DocumentRef-d:LicenseRef-a", "")]
    [InlineData("MIT\r\nOR\tISC", "MIT OR ISC", "")]
    [InlineData("(MIT OR ISC) OR Zlib", "MIT OR ISC OR Zlib", "")]
    [InlineData("(MIT AND ISC) AND Zlib", "MIT AND ISC AND Zlib", "")]
    [InlineData("(MIT OR ISC) AND Zlib", "(MIT OR ISC) AND Zlib", "")]
    [InlineData("Zlib AND (MIT OR ISC)", "Zlib AND (MIT OR ISC)", "")]
    [InlineData("(MIT AND ISC) OR Zlib", "MIT AND ISC OR Zlib", "")]
    [InlineData("(MIT)", "MIT", "")]
    public void Valid_GivesTheTreeAndTheWarnings(string text, string tree, string warnings)
    {
        var (valid, actual, diagnostics) = Run(text);
        Assert.True(valid);
        Assert.Equal(tree, actual);
        Assert.Equal(warnings, diagnostics);
    }

    [Fact]
    public void LowerCaseOperators_MakeTheSameNodesAsUpperCase()
    {
        var or = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("MIT or ISC", LicenseList.Default));
        Assert.Equal(SpdxNodeKind.Or, or.Kind);
        var and = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("MIT and ISC", LicenseList.Default));
        Assert.Equal(SpdxNodeKind.And, and.Kind);
        var with = Assert.IsType<SpdxWith>(SpdxExpressionParser.Parse("GPL-2.0-only with Classpath-exception-2.0", LicenseList.Default));
        Assert.Equal(SpdxNodeKind.With, with.Kind);
    }

    [Fact]
    public void Flattening_KeepsOnlySameKindChildren()
    {
        var or = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("(MIT OR ISC) OR Zlib", LicenseList.Default));
        Assert.Equal(new[] { "MIT", "ISC", "Zlib" }, or.Operands.Select(o => o.ToString()));
        var mixed = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("(MIT AND ISC) OR Zlib", LicenseList.Default));
        Assert.Equal(SpdxNodeKind.Or, mixed.Kind);
        Assert.Equal(2, mixed.Operands.Count);
        Assert.Equal(SpdxNodeKind.And, mixed.Operands[0].Kind);
        var and = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("MIT AND (ISC AND Zlib) AND (0BSD OR BSD-2-Clause)", LicenseList.Default));
        Assert.Equal(SpdxNodeKind.And, and.Kind);
        Assert.Equal(new[] { SpdxNodeKind.License, SpdxNodeKind.License, SpdxNodeKind.License, SpdxNodeKind.Or }, and.Operands.Select(o => o.Kind));
    }

    [Fact]
    public void Leaves_OfEachKind()
    {
        var e = SpdxExpressionParser.Parse("DocumentRef-d:LicenseRef-a OR NONE OR GPL-2.0+ WITH Classpath-exception-2.0 AND LicenseRef-b", LicenseList.Default);
        var leaves = e.Leaves().ToArray();
        Assert.Equal(new[] { "DocumentRef-d:LicenseRef-a", "NONE", "GPL-2.0+ WITH Classpath-exception-2.0", "LicenseRef-b" }, leaves.Select(l => l.ToString()));
        Assert.Equal(new[] { SpdxNodeKind.LicenseRef, SpdxNodeKind.Special, SpdxNodeKind.With, SpdxNodeKind.LicenseRef }, leaves.Select(l => l.Kind));
        var docRef = Assert.IsType<SpdxLicenseRef>(leaves[0]);
        Assert.Equal("LicenseRef-a", docRef.LicenseRef);
        Assert.Equal("DocumentRef-d", docRef.DocumentRef);
        Assert.Same(SpdxExpression.None, leaves[1]);
        var with = Assert.IsType<SpdxWith>(leaves[2]);
        var gpl = Assert.IsType<SpdxLicense>(with.License);
        Assert.Equal("GPL-2.0", gpl.Id);
        Assert.True(gpl.OrLater);
        Assert.True(gpl.IsListed);
        Assert.Null(Assert.IsType<SpdxLicenseRef>(leaves[3]).DocumentRef);
        Assert.Equal(new[] { "MIT" }, SpdxExpressionParser.Parse("MIT", null).Leaves().Select(l => l.ToString()));
    }

    [Fact]
    public void SpecialValues_AreTheSharedInstances_AndCaseSensitive()
    {
        Assert.Same(SpdxExpression.NoAssertion, SpdxExpressionParser.Parse("NOASSERTION", LicenseList.Default));
        Assert.Same(SpdxExpression.None, SpdxExpressionParser.Parse("NONE", LicenseList.Default));
        Assert.Equal("NOASSERTION", ((SpdxSpecial)SpdxExpression.NoAssertion).Value);
        Assert.Equal("NONE", ((SpdxSpecial)SpdxExpression.None).Value);
        var lower = Assert.IsType<SpdxLicense>(SpdxExpressionParser.Parse("none", null));
        Assert.Equal("none", lower.Id);
    }

    [Fact]
    public void WithoutCatalogue_IdentifiersAreKeptAsWrittenAndCountAsListed()
    {
        var (valid, tree, diagnostics) = Run("mit OR aZ.z-A09 WITH foo-exception", withCatalog: false);
        Assert.True(valid);
        Assert.Equal("mit OR aZ.z-A09 WITH foo-exception", tree);
        Assert.Equal(string.Empty, diagnostics);
        var or = Assert.IsType<SpdxCompound>(SpdxExpressionParser.Parse("mit OR aZ.z-A09 WITH foo-exception", null));
        Assert.True(Assert.IsType<SpdxLicense>(or.Operands[0]).IsListed);
        var with = Assert.IsType<SpdxWith>(or.Operands[1]);
        Assert.True(with.ExceptionIsListed);
        Assert.Equal("foo-exception", with.ExceptionId);
        Assert.Equal("aZ.z-A09", Assert.IsType<SpdxLicense>(with.License).Id);
    }

    [Fact]
    public void AdditionRef_IsNeverListed_EvenWithoutCatalogue()
    {
        var w1 = Assert.IsType<SpdxWith>(SpdxExpressionParser.Parse("MIT WITH AdditionRef-x", null));
        Assert.False(w1.ExceptionIsListed);
        var w2 = Assert.IsType<SpdxWith>(SpdxExpressionParser.Parse("MIT WITH AdditionRef-x", LicenseList.Default));
        Assert.False(w2.ExceptionIsListed);
        Assert.Equal("AdditionRef-x", w2.ExceptionId);
    }

    [Fact]
    public void CatalogueSpellings_AreApplied()
    {
        var w = Assert.IsType<SpdxWith>(SpdxExpressionParser.Parse("gpl-2.0-only WITH classpath-exception-2.0", LicenseList.Default));
        Assert.True(w.ExceptionIsListed);
        Assert.Equal("Classpath-exception-2.0", w.ExceptionId);
        Assert.Equal("GPL-2.0-only", ((SpdxLicense)w.License).Id);
        var unknown = Assert.IsType<SpdxWith>(SpdxExpressionParser.Parse("MIT WITH Foo-exception", LicenseList.Default));
        Assert.False(unknown.ExceptionIsListed);
        var unlisted = Assert.IsType<SpdxLicense>(SpdxExpressionParser.Parse("Foo-1.0", LicenseList.Default));
        Assert.False(unlisted.IsListed);
    }

    [Fact]
    public void Length_IsCappedAtMaxLength()
    {
        Assert.Equal(4096, SpdxExpressionParser.MaxLength);
        var atLimit = "MIT" + new string(' ', 4093);
        Assert.Equal((true, (string?)"MIT", string.Empty), Run(atLimit));
        var over = atLimit + " ";
        Assert.Equal((false, (string?)null, "Error at 0: The licence expression is longer than 4096 characters."), Run(over));
    }

    [Fact]
    public void Nesting_IsCappedAt64Parentheses()
    {
        var ok = new string('(', 64) + "MIT" + new string(')', 64);
        Assert.Equal((true, (string?)"MIT", string.Empty), Run(ok));
        var deep = new string('(', 65) + "MIT" + new string(')', 65);
        Assert.Equal((false, (string?)null, "Error at 64: Parentheses are nested too deeply."), Run(deep));
    }

    [Fact]
    public void Parse_Throws_WithEveryDiagnostic()
    {
        var ex = Assert.Throws<FormatException>(() => SpdxExpressionParser.Parse("MIT or", LicenseList.Default));
        Assert.Equal("Invalid SPDX licence expression 'MIT or': Warning at 4: Operator 'or' should be written in upper case.; Error at 6: The expression ends where a licence was expected.", ex.Message);
    }

    [Fact]
    public void Diagnostic_KeepsItsParts()
    {
        var d = new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Warning, 12, "m");
        Assert.Equal(SpdxDiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(12, d.Position);
        Assert.Equal("m", d.Message);
        Assert.Equal("Warning at 12: m", d.ToString());
    }

    // ---- the tree itself ----

    private static SpdxLicense L(string id, bool orLater = false) => new(id, orLater);

    [Fact]
    public void Text_HasParenthesesOnlyWhereNeeded()
    {
        var or = new SpdxCompound(SpdxNodeKind.Or, new SpdxExpression[] { L("A"), L("B") });
        var and = new SpdxCompound(SpdxNodeKind.And, new SpdxExpression[] { L("C"), L("D") });
        Assert.Equal("(A OR B) AND C", new SpdxCompound(SpdxNodeKind.And, new SpdxExpression[] { or, L("C") }).ToString());
        Assert.Equal("C AND D OR A", new SpdxCompound(SpdxNodeKind.Or, new SpdxExpression[] { and, L("A") }).ToString());
        Assert.Equal("C AND D AND E", new SpdxCompound(SpdxNodeKind.And, new SpdxExpression[] { and, L("E") }).ToString());
        Assert.Equal("A OR B OR E", new SpdxCompound(SpdxNodeKind.Or, new SpdxExpression[] { or, L("E") }).ToString());
        Assert.Equal("X+ WITH Y", new SpdxWith(L("X", orLater: true), "Y").ToString());
        Assert.Equal("D:LicenseRef-r WITH Y", new SpdxWith(new SpdxLicenseRef("LicenseRef-r", "D"), "Y").ToString());
    }

    [Fact]
    public void Constructors_RefuseMissingParts()
    {
        Assert.Throws<ArgumentNullException>(() => new SpdxLicense(null!));
        Assert.Throws<ArgumentNullException>(() => new SpdxLicenseRef(null!));
        Assert.Throws<ArgumentNullException>(() => new SpdxWith(null!, "X"));
        Assert.Throws<ArgumentNullException>(() => new SpdxWith(L("A"), null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpdxCompound(SpdxNodeKind.License, new SpdxExpression[] { L("A"), L("B") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpdxCompound(SpdxNodeKind.With, new SpdxExpression[] { L("A"), L("B") }));
        Assert.Throws<ArgumentException>(() => new SpdxCompound(SpdxNodeKind.And, new SpdxExpression[] { L("A") }));
        Assert.Throws<ArgumentException>(() => new SpdxCompound(SpdxNodeKind.And, null!));
        var ok = new SpdxCompound(SpdxNodeKind.Or, new SpdxExpression[] { L("A"), L("B") });
        Assert.Equal(SpdxNodeKind.Or, ok.Kind);
    }

    [Fact]
    public void Constructors_KeepDefaults()
    {
        var l = new SpdxLicense("A");
        Assert.False(l.OrLater);
        Assert.True(l.IsListed);
        Assert.False(new SpdxLicense("A", isListed: false).IsListed);
        Assert.True(new SpdxWith(l, "X").ExceptionIsListed);
        Assert.False(new SpdxWith(l, "X", exceptionIsListed: false).ExceptionIsListed);
    }

    [Fact]
    public void Equality_IsByCanonicalText()
    {
        var a = SpdxExpressionParser.Parse("(MIT OR ISC)", LicenseList.Default);
        var b = SpdxExpressionParser.Parse("mit or isc", LicenseList.Default);
        var c = SpdxExpressionParser.Parse("ISC OR MIT", LicenseList.Default);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(c));
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals((SpdxExpression?)null));
        Assert.False(a.Equals((object?)null));
        Assert.False(a.Equals((object)"MIT OR ISC"));
        Assert.False(L("mit").Equals(L("MIT")));
        Assert.NotEqual(L("mit").GetHashCode(), L("MIT").GetHashCode());
    }
}
