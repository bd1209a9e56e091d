// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using Microsoft.CodeAnalysis;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Analyzers.Licensing;

/// <summary>The outcome of checking a licence expression against the SPDX lists.</summary>
internal sealed class LicenseCheck
{
    private LicenseCheck(SpdxExpression? expression, LocalizableString? problem)
    {
        Expression = expression;
        Problem = problem;
    }

    /// <summary>The parsed expression, when it is valid.</summary>
    public SpdxExpression? Expression { get; }

    /// <summary>Why the expression is not valid, or null.</summary>
    public LocalizableString? Problem { get; }

    public bool IsValid => Expression != null;

    public static LicenseCheck Valid(SpdxExpression expression) => new LicenseCheck(expression, null);

    public static LicenseCheck Invalid(LocalizableString problem) => new LicenseCheck(null, problem);
}

/// <summary>Parsing through the engine's parser, and comparisons that ignore operand order.</summary>
internal static class LicenseExpressions
{
    /// <summary>
    /// Valid means: SPDX syntax, and every licence and exception on the SPDX lists (a <c>LicenseRef-</c> or an
    /// <c>AdditionRef-</c> is valid by definition). Lower-case operators are valid SPDX and accepted.
    /// </summary>
    public static LicenseCheck Check(string text)
    {
        if (!SpdxExpressionParser.TryParse(text, SpdxCatalog.Instance, out var expression, out var diagnostics) || expression == null)
        {
            var first = diagnostics.FirstOrDefault(d => d.Severity == SpdxDiagnosticSeverity.Error);
            // The parser's messages are English only; the explanation around them is localised.
            return LicenseCheck.Invalid(first == null ? AnalyzerResources.Localizable("Reason_Syntax") : new LocalizableStringValue(first.Message));
        }
        foreach (var leaf in expression.Leaves())
        {
            var license = leaf is SpdxWith w ? w.License : leaf;
            if (license is SpdxLicense l && !l.IsListed)
            {
                return LicenseCheck.Invalid(AnalyzerResources.Localizable("Reason_UnknownLicense", l.Id, SpdxCatalog.Version));
            }
            if (leaf is SpdxWith with && !with.ExceptionIsListed && !with.ExceptionId.StartsWith("AdditionRef-", StringComparison.Ordinal))
            {
                return LicenseCheck.Invalid(AnalyzerResources.Localizable("Reason_UnknownException", with.ExceptionId, SpdxCatalog.Version));
            }
        }
        return LicenseCheck.Valid(expression);
    }

    /// <summary>The conjunction of <paramref name="terms"/> (the term itself when there is one), flattened.</summary>
    public static SpdxExpression And(IReadOnlyList<SpdxExpression> terms)
    {
        if (terms.Count == 1) return terms[0];
        var operands = new List<SpdxExpression>();
        foreach (var term in terms)
        {
            if (term is SpdxCompound c && c.Kind == SpdxNodeKind.And) operands.AddRange(c.Operands);
            else operands.Add(term);
        }
        return new SpdxCompound(SpdxNodeKind.And, operands);
    }

    /// <summary>
    /// A canonical text where the operands of AND and OR are sorted, so that <c>MIT OR Apache-2.0</c> and
    /// <c>Apache-2.0 OR MIT</c> compare equal: both grant the same choice.
    /// </summary>
    public static string Normalize(SpdxExpression expression)
    {
        var sb = new StringBuilder();
        Write(expression, sb, 0);
        return sb.ToString();
    }

    private static void Write(SpdxExpression e, StringBuilder sb, int parentPrecedence)
    {
        if (e is SpdxCompound c)
        {
            int precedence = c.Kind == SpdxNodeKind.And ? 2 : 1;
            var parts = c.Operands.Select(o =>
            {
                var inner = new StringBuilder();
                Write(o, inner, precedence);
                return inner.ToString();
            }).OrderBy(s => s, StringComparer.Ordinal);
            var joined = string.Join(c.Kind == SpdxNodeKind.And ? " AND " : " OR ", parts);
            sb.Append(parentPrecedence > precedence ? "(" + joined + ")" : joined);
        }
        else
        {
            sb.Append(e.ToString());
        }
    }
}
