// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Policy;

/// <summary>The policy's verdict on one package.</summary>
public enum Verdict
{
    /// <summary>The licence is allowed.</summary>
    Allowed,
    /// <summary>The licence is not allowed.</summary>
    Denied,
    /// <summary>The licence could not be determined, or is not a known SPDX licence.</summary>
    Unknown,
    /// <summary>Not allowed, but covered by a justified, unexpired exception in the policy file.</summary>
    Excepted,
}

/// <summary>Names used in JSON and reports.</summary>
public static class VerdictNames
{
    /// <summary>Lower-case name (<c>allowed</c>, <c>denied</c>, <c>unknown</c>, <c>excepted</c>).</summary>
    public static string ToName(this Verdict verdict) => verdict switch
    {
        Verdict.Allowed => "allowed",
        Verdict.Denied => "denied",
        Verdict.Unknown => "unknown",
        Verdict.Excepted => "excepted",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
