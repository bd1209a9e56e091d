// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
// This file is also compiled into the netstandard2.0 analyzers: keep it free of newer BCL APIs and of I/O.
#nullable enable
using System;
using System.Collections.Generic;

namespace PublicCodePolicy.Licensing;

/// <summary>Knows which licence and exception identifiers exist, and their canonical spelling.</summary>
public interface ISpdxIdentifierCatalog
{
    /// <summary>Finds a licence identifier, case-insensitively; returns the canonical spelling.</summary>
    bool TryGetLicenseId(string candidate, out string canonicalId);

    /// <summary>Finds an exception identifier, case-insensitively; returns the canonical spelling.</summary>
    bool TryGetExceptionId(string candidate, out string canonicalId);
}

/// <summary>Severity of a parse diagnostic.</summary>
public enum SpdxDiagnosticSeverity
{
    /// <summary>The expression is accepted, but it is not canonical (e.g. lower-case operator, unknown id).</summary>
    Warning,
    /// <summary>The expression is not valid SPDX syntax.</summary>
    Error,
}

/// <summary>A problem found while parsing an SPDX expression.</summary>
public sealed class SpdxParseDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public SpdxParseDiagnostic(SpdxDiagnosticSeverity severity, int position, string message)
    {
        Severity = severity;
        Position = position;
        Message = message;
    }

    /// <summary>Error or warning.</summary>
    public SpdxDiagnosticSeverity Severity { get; }

    /// <summary>Zero-based character offset in the input.</summary>
    public int Position { get; }

    /// <summary>English description.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Severity + " at " + Position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
}

/// <summary>
/// Parses SPDX licence expressions (SPDX 2.3 Annex D) into a tree. Precedence: <c>WITH</c> &gt; <c>AND</c> &gt; <c>OR</c>;
/// operators are case-sensitive in the spec, lower-case ones are accepted with a warning; identifiers are matched
/// case-insensitively against the catalogue and rewritten in their canonical spelling.
/// </summary>
public static class SpdxExpressionParser
{
    /// <summary>Inputs longer than this are refused (a licence expression is a few dozen characters).</summary>
    public const int MaxLength = 4096;

    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>. Never throws on bad input: problems are returned as diagnostics.</summary>
    /// <returns>True when the expression is valid (it may still carry warnings).</returns>
    public static bool TryParse(string? text, ISpdxIdentifierCatalog? catalog, out SpdxExpression? expression, out IReadOnlyList<SpdxParseDiagnostic> diagnostics)
    {
        var diags = new List<SpdxParseDiagnostic>();
        diagnostics = diags;
        expression = null;
        if (text == null || text.Trim().Length == 0)
        {
            diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Error, 0, "The licence expression is empty."));
            return false;
        }
        if (text.Length > MaxLength)
        {
            diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Error, 0, "The licence expression is longer than " + MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters."));
            return false;
        }
        var tokens = Tokenize(text, diags);
        if (tokens == null) return false;
        var state = new State(tokens, catalog, diags);
        var result = state.ParseOr(0);
        if (result == null) return false;
        if (state.Index < tokens.Count)
        {
            var t = tokens[state.Index];
            diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Error, t.Position, "Unexpected '" + t.Text + "': an operator (AND, OR, WITH) or the end of the expression was expected."));
            return false;
        }
        expression = result;
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid SPDX expression; the message lists the problems.</exception>
    public static SpdxExpression Parse(string text, ISpdxIdentifierCatalog? catalog)
    {
        if (TryParse(text, catalog, out var e, out var d)) return e!;
        var messages = new List<string>();
        foreach (var x in d) messages.Add(x.ToString());
        throw new FormatException("Invalid SPDX licence expression '" + text + "': " + string.Join("; ", messages));
    }

    private enum TokenKind { Id, And, Or, With, Open, Close, Plus, Colon }

    private sealed class Token
    {
        public Token(TokenKind kind, string text, int position) { Kind = kind; Text = text; Position = position; }
        public TokenKind Kind { get; }
        public string Text { get; }
        public int Position { get; }
    }

    private static List<Token>? Tokenize(string text, List<SpdxParseDiagnostic> diags)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { i++; continue; }
            if (c == '(') { tokens.Add(new Token(TokenKind.Open, "(", i)); i++; continue; }
            if (c == ')') { tokens.Add(new Token(TokenKind.Close, ")", i)); i++; continue; }
            if (c == '+') { tokens.Add(new Token(TokenKind.Plus, "+", i)); i++; continue; }
            if (c == ':') { tokens.Add(new Token(TokenKind.Colon, ":", i)); i++; continue; }
            if (IsIdChar(c))
            {
                int start = i;
                while (i < text.Length && IsIdChar(text[i])) i++;
                string word = text.Substring(start, i - start);
                switch (word)
                {
                    case "AND": tokens.Add(new Token(TokenKind.And, word, start)); break;
                    case "OR": tokens.Add(new Token(TokenKind.Or, word, start)); break;
                    case "WITH": tokens.Add(new Token(TokenKind.With, word, start)); break;
                    case "and":
                    case "or":
                    case "with":
                        diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Warning, start, "Operator '" + word + "' should be written in upper case."));
                        tokens.Add(new Token(word == "and" ? TokenKind.And : word == "or" ? TokenKind.Or : TokenKind.With, word.ToUpperInvariant(), start));
                        break;
                    default: tokens.Add(new Token(TokenKind.Id, word, start)); break;
                }
                continue;
            }
            diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Error, i, "Character '" + c + "' is not allowed in a licence expression."));
            return null;
        }
        return tokens;
    }

    private static bool IsIdChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';

    private sealed class State
    {
        private readonly List<Token> _tokens;
        private readonly ISpdxIdentifierCatalog? _catalog;
        private readonly List<SpdxParseDiagnostic> _diags;

        public State(List<Token> tokens, ISpdxIdentifierCatalog? catalog, List<SpdxParseDiagnostic> diags)
        {
            _tokens = tokens;
            _catalog = catalog;
            _diags = diags;
        }

        public int Index { get; private set; }

        private Token? Peek => Index < _tokens.Count ? _tokens[Index] : null;

        private int EndPosition => _tokens.Count == 0 ? 0 : _tokens[_tokens.Count - 1].Position + _tokens[_tokens.Count - 1].Text.Length;

        private void Error(int position, string message) => _diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Error, position, message));

        public SpdxExpression? ParseOr(int depth)
        {
            var operands = new List<SpdxExpression>();
            var first = ParseAnd(depth);
            if (first == null) return null;
            Add(operands, first, SpdxNodeKind.Or);
            while (Peek is { Kind: TokenKind.Or })
            {
                Index++;
                var next = ParseAnd(depth);
                if (next == null) return null;
                Add(operands, next, SpdxNodeKind.Or);
            }
            return operands.Count == 1 ? operands[0] : new SpdxCompound(SpdxNodeKind.Or, operands);
        }

        private SpdxExpression? ParseAnd(int depth)
        {
            var operands = new List<SpdxExpression>();
            var first = ParseWith(depth);
            if (first == null) return null;
            Add(operands, first, SpdxNodeKind.And);
            while (Peek is { Kind: TokenKind.And })
            {
                Index++;
                var next = ParseWith(depth);
                if (next == null) return null;
                Add(operands, next, SpdxNodeKind.And);
            }
            return operands.Count == 1 ? operands[0] : new SpdxCompound(SpdxNodeKind.And, operands);
        }

        // (A AND B) AND C is the same as A AND B AND C: flatten so that trees compare structurally.
        private static void Add(List<SpdxExpression> operands, SpdxExpression e, SpdxNodeKind kind)
        {
            if (e is SpdxCompound c && c.Kind == kind) operands.AddRange(c.Operands);
            else operands.Add(e);
        }

        private SpdxExpression? ParseWith(int depth)
        {
            var primary = ParsePrimary(depth);
            if (primary == null) return null;
            if (Peek is { Kind: TokenKind.With } withToken)
            {
                Index++;
                if (primary is not SpdxLicense && primary is not SpdxLicenseRef)
                {
                    Error(withToken.Position, "WITH must follow a single licence, not a compound expression or special value.");
                    return null;
                }
                var ex = Peek;
                if (ex == null || ex.Kind != TokenKind.Id)
                {
                    Error(ex?.Position ?? EndPosition, "An exception identifier was expected after WITH.");
                    return null;
                }
                Index++;
                string exceptionId = ex.Text;
                bool listed = false;
                if (exceptionId.StartsWith("AdditionRef-", StringComparison.Ordinal))
                {
                    listed = false;
                }
                else if (_catalog == null)
                {
                    listed = true;
                }
                else if (_catalog.TryGetExceptionId(exceptionId, out var canonical))
                {
                    exceptionId = canonical;
                    listed = true;
                }
                else if (_catalog.TryGetLicenseId(exceptionId, out _))
                {
                    Error(ex.Position, "'" + ex.Text + "' is a licence, not an exception: WITH takes an exception identifier.");
                    return null;
                }
                else
                {
                    _diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Warning, ex.Position, "'" + ex.Text + "' is not on the SPDX exception list."));
                }
                return new SpdxWith(primary, exceptionId, listed);
            }
            return primary;
        }

        private SpdxExpression? ParsePrimary(int depth)
        {
            var t = Peek;
            if (t == null)
            {
                Error(EndPosition, "The expression ends where a licence was expected.");
                return null;
            }
            if (t.Kind == TokenKind.Open)
            {
                if (depth >= MaxDepth)
                {
                    Error(t.Position, "Parentheses are nested too deeply.");
                    return null;
                }
                Index++;
                var inner = ParseOr(depth + 1);
                if (inner == null) return null;
                var close = Peek;
                if (close == null || close.Kind != TokenKind.Close)
                {
                    Error(close?.Position ?? EndPosition, "A closing parenthesis is missing.");
                    return null;
                }
                Index++;
                return inner;
            }
            if (t.Kind != TokenKind.Id)
            {
                Error(t.Position, "Unexpected '" + t.Text + "': a licence identifier was expected.");
                return null;
            }
            Index++;
            string id = t.Text;
            if (id.StartsWith("DocumentRef-", StringComparison.Ordinal))
            {
                if (Peek is not { Kind: TokenKind.Colon })
                {
                    Error(t.Position + id.Length, "DocumentRef- must be followed by ':LicenseRef-…'.");
                    return null;
                }
                Index++;
                var lr = Peek;
                if (lr == null || lr.Kind != TokenKind.Id || !IsLicenseRef(lr.Text))
                {
                    Error(lr?.Position ?? EndPosition, "A LicenseRef- was expected after 'DocumentRef-…:'.");
                    return null;
                }
                Index++;
                if (id.Length == "DocumentRef-".Length) { Error(t.Position, "DocumentRef- needs an identifier after the dash."); return null; }
                return new SpdxLicenseRef(lr.Text, id);
            }
            if (IsLicenseRef(id))
            {
                if (id.Length == "LicenseRef-".Length) { Error(t.Position, "LicenseRef- needs an identifier after the dash."); return null; }
                return new SpdxLicenseRef(id);
            }
            if (string.Equals(id, "NOASSERTION", StringComparison.Ordinal)) return SpdxExpression.NoAssertion;
            if (string.Equals(id, "NONE", StringComparison.Ordinal)) return SpdxExpression.None;
            bool plus = false;
            if (Peek is { Kind: TokenKind.Plus } p)
            {
                if (p.Position != t.Position + id.Length)
                {
                    Error(p.Position, "'+' must follow the licence identifier without a space.");
                    return null;
                }
                Index++;
                plus = true;
            }
            bool listed = true;
            if (_catalog != null)
            {
                if (_catalog.TryGetLicenseId(id, out var canonical))
                {
                    id = canonical;
                }
                else
                {
                    listed = false;
                    _diags.Add(new SpdxParseDiagnostic(SpdxDiagnosticSeverity.Warning, t.Position, "'" + t.Text + "' is not on the SPDX licence list."));
                }
            }
            return new SpdxLicense(id, plus, listed);
        }

        private static bool IsLicenseRef(string s) => s.StartsWith("LicenseRef-", StringComparison.Ordinal);
    }
}
