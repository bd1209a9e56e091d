// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Policy;

/// <summary>The verdict on a licence expression, with the reason and, for a choice, the branch that satisfied the policy.</summary>
public sealed record LicenseVerdict(Verdict Verdict, string Reason, SpdxExpression? ChosenBranch);

/// <summary>
/// Applies a policy to an SPDX expression: OR is satisfied by any branch, AND needs all, WITH needs a listed
/// exception, <c>LicenseRef-</c> is allowed only when named in the allow list, NOASSERTION is unknown.
/// </summary>
public sealed class LicenseEvaluator
{
    private readonly PolicyDocument _policy;
    private readonly LicenseList _list;

    /// <summary>Creates an evaluator.</summary>
    public LicenseEvaluator(PolicyDocument policy, LicenseList? list = null)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _list = list ?? LicenseList.Default;
    }

    /// <summary>Evaluates an expression.</summary>
    public LicenseVerdict Evaluate(SpdxExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        switch (expression)
        {
            case SpdxSpecial s:
                return new LicenseVerdict(Verdict.Unknown, s.Value == "NONE" ? "The package states it has no licence (NONE)." : "No licence could be determined (NOASSERTION).", null);
            case SpdxLicenseRef r:
                return _policy.Allow.Contains(r.LicenseRef)
                    ? new LicenseVerdict(Verdict.Allowed, r.LicenseRef + " is allowed by the policy's allow list.", r)
                    : _policy.Deny.Contains(r.LicenseRef) || IsKnownProprietary(r.LicenseRef)
                        ? new LicenseVerdict(Verdict.Denied, r.LicenseRef + " is not a free licence.", null)
                        : new LicenseVerdict(Verdict.Denied, r.LicenseRef + " is a custom licence, allowed only when the policy names it.", null);
            case SpdxLicense l:
                return EvaluateLicense(l);
            case SpdxWith w:
                {
                    var inner = Evaluate(w.License);
                    if (inner.Verdict != Verdict.Allowed) return inner;
                    if (_policy.Deny.Contains(w.ExceptionId)) return new LicenseVerdict(Verdict.Denied, "Exception " + w.ExceptionId + " is denied by the policy.", null);
                    if (!w.ExceptionIsListed && !_policy.Allow.Contains(w.ExceptionId))
                        return new LicenseVerdict(Verdict.Unknown, "Exception " + w.ExceptionId + " is not on the SPDX exception list.", null);
                    return new LicenseVerdict(Verdict.Allowed, w + " is allowed (" + inner.Reason + ")", w);
                }
            case SpdxCompound c when c.Kind == SpdxNodeKind.Or:
                {
                    LicenseVerdict? firstUnknown = null;
                    var denied = new List<LicenseVerdict>();
                    foreach (var op in c.Operands)
                    {
                        var v = Evaluate(op);
                        if (v.Verdict == Verdict.Allowed) return new LicenseVerdict(Verdict.Allowed, "Choice of " + v.ChosenBranch + ": " + v.Reason, v.ChosenBranch);
                        if (v.Verdict == Verdict.Unknown) firstUnknown ??= v;
                        else denied.Add(v);
                    }
                    return firstUnknown ?? new LicenseVerdict(Verdict.Denied, "No branch of the choice is allowed: " + string.Join(" ", denied.Select(d => d.Reason)), null);
                }
            case SpdxCompound c:
                {
                    var chosen = new List<SpdxExpression>();
                    var reasons = new List<string>();
                    LicenseVerdict? firstUnknown = null;
                    foreach (var op in c.Operands)
                    {
                        var v = Evaluate(op);
                        if (v.Verdict == Verdict.Denied) return new LicenseVerdict(Verdict.Denied, "All of " + c + " apply, and " + v.Reason, null);
                        if (v.Verdict == Verdict.Unknown) firstUnknown ??= v;
                        else { chosen.Add(v.ChosenBranch ?? op); reasons.Add(v.Reason); }
                    }
                    if (firstUnknown != null) return firstUnknown;
                    return new LicenseVerdict(Verdict.Allowed, string.Join(" ", reasons), chosen.Count == 1 ? chosen[0] : new SpdxCompound(SpdxNodeKind.And, chosen));
                }
            default:
                return new LicenseVerdict(Verdict.Unknown, "Unsupported expression.", null);
        }
    }

    private LicenseVerdict EvaluateLicense(SpdxLicense l)
    {
        string name = l.ToString();
        if (_policy.Deny.Contains(l.Id) || _policy.Deny.Contains(name)) return new LicenseVerdict(Verdict.Denied, name + " is denied by the policy.", null);
        if (_policy.Allow.Contains(l.Id) || _policy.Allow.Contains(name)) return new LicenseVerdict(Verdict.Allowed, name + " is allowed by the policy's allow list.", l);
        if (!l.IsListed || !_list.TryGetLicense(l.Id, out var info))
            return new LicenseVerdict(Verdict.Unknown, "'" + l.Id + "' is not on the SPDX licence list " + _list.Version + ".", null);
        if (PolicyPresets.Allows(_policy.Preset, info, l.OrLater))
            return new LicenseVerdict(Verdict.Allowed, name + " is " + PresetAdjective(_policy.Preset) + ".", l);
        return new LicenseVerdict(Verdict.Denied, name + " is not " + PresetAdjective(_policy.Preset) + ".", null);
    }

    private static bool IsKnownProprietary(string licenseRef) => licenseRef.StartsWith("LicenseRef-MICROSOFT-", StringComparison.OrdinalIgnoreCase) || licenseRef.Contains("proprietary", StringComparison.OrdinalIgnoreCase);

    private static string PresetAdjective(PolicyPreset preset) => preset switch
    {
        PolicyPreset.Osi => "OSI-approved",
        PolicyPreset.Fsf => "free according to the FSF",
        PolicyPreset.OsiOrFsf => "OSI-approved or FSF-free",
        PolicyPreset.FrAdministration => "on the French administration list (CRPA D323-2-1)",
        _ => "allowed",
    };
}
