// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
// This file is also compiled into the netstandard2.0 analyzers: keep it free of newer BCL APIs and of I/O.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text;

namespace PublicCodePolicy.Licensing;

/// <summary>Kind of a node in an SPDX licence expression tree.</summary>
public enum SpdxNodeKind
{
    /// <summary>A licence identifier from the SPDX list, or an unknown identifier (see <see cref="SpdxLicense.IsListed"/>).</summary>
    License,
    /// <summary>A <c>LicenseRef-</c> (optionally <c>DocumentRef-…:LicenseRef-</c>) user-defined licence.</summary>
    LicenseRef,
    /// <summary>A licence with an exception (<c>WITH</c>).</summary>
    With,
    /// <summary>Conjunction (<c>AND</c>): all operands apply.</summary>
    And,
    /// <summary>Disjunction (<c>OR</c>): a choice between operands.</summary>
    Or,
    /// <summary>The special values <c>NOASSERTION</c> and <c>NONE</c>.</summary>
    Special,
}

/// <summary>An immutable SPDX licence expression tree (SPDX 2.3 Annex D).</summary>
public abstract class SpdxExpression : IEquatable<SpdxExpression>
{
    private protected SpdxExpression() { }

    /// <summary>Node kind.</summary>
    public abstract SpdxNodeKind Kind { get; }

    /// <summary>The expression as canonical text (minimal parentheses, upper-case operators).</summary>
    public sealed override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb, 0);
        return sb.ToString();
    }

    internal abstract void Write(StringBuilder sb, int parentPrecedence);

    /// <summary>All leaves (licences, licence references, special values), left to right.</summary>
    public IEnumerable<SpdxExpression> Leaves()
    {
        var stack = new Stack<SpdxExpression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case SpdxCompound c:
                    for (int i = c.Operands.Count - 1; i >= 0; i--) stack.Push(c.Operands[i]);
                    break;
                case SpdxWith w:
                    yield return w;
                    break;
                default:
                    yield return node;
                    break;
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(SpdxExpression? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SpdxExpression e && Equals(e);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>The <c>NOASSERTION</c> value: nothing could be concluded.</summary>
    public static SpdxExpression NoAssertion { get; } = new SpdxSpecial("NOASSERTION");

    /// <summary>The <c>NONE</c> value: no licence at all.</summary>
    public static SpdxExpression None { get; } = new SpdxSpecial("NONE");
}

/// <summary>A licence identifier, possibly with <c>+</c> ("or later").</summary>
public sealed class SpdxLicense : SpdxExpression
{
    /// <summary>Creates a licence leaf.</summary>
    public SpdxLicense(string id, bool orLater = false, bool isListed = true)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        OrLater = orLater;
        IsListed = isListed;
    }

    /// <inheritdoc />
    public override SpdxNodeKind Kind => SpdxNodeKind.License;

    /// <summary>The identifier, in the SPDX list's spelling when it is listed.</summary>
    public string Id { get; }

    /// <summary>True for <c>Id+</c>.</summary>
    public bool OrLater { get; }

    /// <summary>False when the identifier is not on the SPDX licence list the parser was given.</summary>
    public bool IsListed { get; }

    internal override void Write(StringBuilder sb, int parentPrecedence)
    {
        sb.Append(Id);
        if (OrLater) sb.Append('+');
    }
}

/// <summary>A user-defined licence: <c>LicenseRef-x</c> or <c>DocumentRef-y:LicenseRef-x</c>.</summary>
public sealed class SpdxLicenseRef : SpdxExpression
{
    /// <summary>Creates a licence reference leaf.</summary>
    public SpdxLicenseRef(string licenseRef, string? documentRef = null)
    {
        LicenseRef = licenseRef ?? throw new ArgumentNullException(nameof(licenseRef));
        DocumentRef = documentRef;
    }

    /// <inheritdoc />
    public override SpdxNodeKind Kind => SpdxNodeKind.LicenseRef;

    /// <summary>The full <c>LicenseRef-…</c> token.</summary>
    public string LicenseRef { get; }

    /// <summary>The <c>DocumentRef-…</c> token, when present.</summary>
    public string? DocumentRef { get; }

    internal override void Write(StringBuilder sb, int parentPrecedence)
    {
        if (DocumentRef != null) sb.Append(DocumentRef).Append(':');
        sb.Append(LicenseRef);
    }
}

/// <summary><c>NOASSERTION</c> or <c>NONE</c>.</summary>
public sealed class SpdxSpecial : SpdxExpression
{
    internal SpdxSpecial(string value) => Value = value;

    /// <inheritdoc />
    public override SpdxNodeKind Kind => SpdxNodeKind.Special;

    /// <summary><c>NOASSERTION</c> or <c>NONE</c>.</summary>
    public string Value { get; }

    internal override void Write(StringBuilder sb, int parentPrecedence) => sb.Append(Value);
}

/// <summary>A licence with an exception: <c>license WITH exception</c>.</summary>
public sealed class SpdxWith : SpdxExpression
{
    /// <summary>Creates a WITH node.</summary>
    public SpdxWith(SpdxExpression license, string exceptionId, bool exceptionIsListed = true)
    {
        License = license ?? throw new ArgumentNullException(nameof(license));
        ExceptionId = exceptionId ?? throw new ArgumentNullException(nameof(exceptionId));
        ExceptionIsListed = exceptionIsListed;
    }

    /// <inheritdoc />
    public override SpdxNodeKind Kind => SpdxNodeKind.With;

    /// <summary>The licence (a <see cref="SpdxLicense"/> or <see cref="SpdxLicenseRef"/>).</summary>
    public SpdxExpression License { get; }

    /// <summary>The exception identifier.</summary>
    public string ExceptionId { get; }

    /// <summary>False when the exception is not on the SPDX exception list (or is an <c>AdditionRef-</c>).</summary>
    public bool ExceptionIsListed { get; }

    internal override void Write(StringBuilder sb, int parentPrecedence)
    {
        License.Write(sb, 3);
        sb.Append(" WITH ").Append(ExceptionId);
    }
}

/// <summary>An <c>AND</c> or <c>OR</c> of two or more operands (flattened: <c>A AND B AND C</c> is one node).</summary>
public sealed class SpdxCompound : SpdxExpression
{
    /// <summary>Creates a compound node.</summary>
    public SpdxCompound(SpdxNodeKind kind, IReadOnlyList<SpdxExpression> operands)
    {
        if (kind != SpdxNodeKind.And && kind != SpdxNodeKind.Or) throw new ArgumentOutOfRangeException(nameof(kind));
        if (operands == null || operands.Count < 2) throw new ArgumentException("A compound needs two operands or more.", nameof(operands));
        Kind = kind;
        Operands = operands;
    }

    /// <inheritdoc />
    public override SpdxNodeKind Kind { get; }

    /// <summary>The operands, in source order.</summary>
    public IReadOnlyList<SpdxExpression> Operands { get; }

    internal override void Write(StringBuilder sb, int parentPrecedence)
    {
        int precedence = Kind == SpdxNodeKind.And ? 2 : 1;
        bool parens = parentPrecedence > precedence;
        if (parens) sb.Append('(');
        for (int i = 0; i < Operands.Count; i++)
        {
            if (i > 0) sb.Append(Kind == SpdxNodeKind.And ? " AND " : " OR ");
            Operands[i].Write(sb, precedence);
        }
        if (parens) sb.Append(')');
    }
}
