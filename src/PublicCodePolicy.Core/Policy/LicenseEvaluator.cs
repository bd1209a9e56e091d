// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Policy;

/// <summary>The verdict on a licence expression, with the reason and, for a choice, the branch that satisfied the policy.</summary>
public sealed record LicenseVerdict(Verdict Verdict, string Reason, SpdxExpression? ChosenBranch)
{
    /// <summary>A verdict whose reason is an engine text; <see cref="Reason"/> is its English rendering.</summary>
    public LicenseVerdict(Verdict verdict, EngineText reason, SpdxExpression? chosenBranch)
        : this(verdict, (reason ?? throw new ArgumentNullException(nameof(reason))).ToString(), chosenBranch)
        => ReasonText = reason;

    /// <summary>The reason in any language the engine ships; null when the verdict was made with a plain string.</summary>
    public EngineText? ReasonText { get; init; }

    /// <summary>The reason as an engine text (a plain string reason is kept as it is).</summary>
    public EngineText LocalizableReason => ReasonText ?? EngineText.Verbatim(Reason);
}

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
                return new LicenseVerdict(Verdict.Unknown, EngineText.Of(s.Value == "NONE" ? "Reason.None" : "Reason.NoAssertion"), null);
            case SpdxLicenseRef r:
                return _policy.Allow.Contains(r.LicenseRef)
                    ? new LicenseVerdict(Verdict.Allowed, EngineText.Of("Reason.AllowList", r.LicenseRef), r)
                    : _policy.Deny.Contains(r.LicenseRef) || IsKnownProprietary(r.LicenseRef)
                        ? new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.NotFree", r.LicenseRef), null)
                        : new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.CustomLicence", r.LicenseRef), null);
            case SpdxLicense l:
                return EvaluateLicense(l);
            case SpdxWith w:
                {
                    var inner = Evaluate(w.License);
                    if (inner.Verdict != Verdict.Allowed) return inner;
                    if (_policy.Deny.Contains(w.ExceptionId)) return new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.ExceptionDenied", w.ExceptionId), null);
                    if (!w.ExceptionIsListed && !_policy.Allow.Contains(w.ExceptionId))
                        return new LicenseVerdict(Verdict.Unknown, EngineText.Of("Reason.ExceptionNotListed", w.ExceptionId), null);
                    return new LicenseVerdict(Verdict.Allowed, EngineText.Of("Reason.WithAllowed", w.ToString(), inner.LocalizableReason), w);
                }
            case SpdxCompound c when c.Kind == SpdxNodeKind.Or:
                {
                    LicenseVerdict? firstUnknown = null;
                    var denied = new List<LicenseVerdict>();
                    foreach (var op in c.Operands)
                    {
                        var v = Evaluate(op);
                        if (v.Verdict == Verdict.Allowed) return new LicenseVerdict(Verdict.Allowed, EngineText.Of("Reason.Choice", v.ChosenBranch?.ToString(), v.LocalizableReason), v.ChosenBranch);
                        if (v.Verdict == Verdict.Unknown) firstUnknown ??= v;
                        else denied.Add(v);
                    }
                    return firstUnknown ?? new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.NoBranchAllowed", EngineText.Join(" ", denied.Select(d => d.LocalizableReason))), null);
                }
            case SpdxCompound c:
                {
                    var chosen = new List<SpdxExpression>();
                    var reasons = new List<EngineText>();
                    LicenseVerdict? firstUnknown = null;
                    foreach (var op in c.Operands)
                    {
                        var v = Evaluate(op);
                        if (v.Verdict == Verdict.Denied) return new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.AllApply", c.ToString(), v.LocalizableReason), null);
                        if (v.Verdict == Verdict.Unknown) firstUnknown ??= v;
                        else { chosen.Add(v.ChosenBranch ?? op); reasons.Add(v.LocalizableReason); }
                    }
                    if (firstUnknown != null) return firstUnknown;
                    return new LicenseVerdict(Verdict.Allowed, EngineText.Join(" ", reasons), chosen.Count == 1 ? chosen[0] : new SpdxCompound(SpdxNodeKind.And, chosen));
                }
            default:
                return new LicenseVerdict(Verdict.Unknown, EngineText.Of("Reason.Unsupported"), null);
        }
    }

    private LicenseVerdict EvaluateLicense(SpdxLicense l)
    {
        string name = l.ToString();
        if (_policy.Deny.Contains(l.Id) || _policy.Deny.Contains(name)) return new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.DeniedByPolicy", name), null);
        if (_policy.Allow.Contains(l.Id) || _policy.Allow.Contains(name)) return new LicenseVerdict(Verdict.Allowed, EngineText.Of("Reason.AllowList", name), l);
        if (!l.IsListed || !_list.TryGetLicense(l.Id, out var info))
            return new LicenseVerdict(Verdict.Unknown, EngineText.Of("Reason.NotOnSpdxList", l.Id, _list.Version), null);
        if (PolicyPresets.Allows(_policy.Preset, info, l.OrLater))
            return new LicenseVerdict(Verdict.Allowed, EngineText.Of("Reason.Allowed." + PresetKey(_policy.Preset), name), l);
        return new LicenseVerdict(Verdict.Denied, EngineText.Of("Reason.Denied." + PresetKey(_policy.Preset), name), null);
    }

    private static bool IsKnownProprietary(string licenseRef) => licenseRef.StartsWith("LicenseRef-MICROSOFT-", StringComparison.OrdinalIgnoreCase) || licenseRef.Contains("proprietary", StringComparison.OrdinalIgnoreCase);

    // The key suffix of the preset's "is (not) allowed" sentences in EngineResources: each language words them its own way.
    private static string PresetKey(PolicyPreset preset) => preset switch
    {
        PolicyPreset.Osi => "osi",
        PolicyPreset.Fsf => "fsf",
        PolicyPreset.OsiOrFsf => "osi-or-fsf",
        PolicyPreset.FrAdministration => "fr-administration",
        _ => "other",
    };
}
