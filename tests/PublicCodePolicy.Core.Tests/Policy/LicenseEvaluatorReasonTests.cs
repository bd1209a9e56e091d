// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests.FrenchPreset;

/// <summary>
/// Issue 15 (mutation testing): each branch of the evaluator gives the verdict, the reason the user reads and the
/// branch it chose, written out here. The reasons are user-facing text: an emptied or swapped reason must fail.
/// </summary>
public sealed class LicenseEvaluatorReasonTests
{
    private static LicenseVerdict Eval(string expression, PolicyPreset preset = PolicyPreset.Osi, string allow = "", string deny = "")
    {
        var policy = new PolicyDocument
        {
            Preset = preset,
            Allow = new HashSet<string>(allow.Split('|', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase),
            Deny = new HashSet<string>(deny.Split('|', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase),
        };
        Assert.True(LicenseList.Default.TryParse(expression, out var e, out _), expression);
        return new LicenseEvaluator(policy).Evaluate(e!);
    }

    [Theory]
    [InlineData("NONE", PolicyPreset.Osi, "", "", Verdict.Unknown, "The package states it has no licence (NONE).", null)]
    [InlineData("NOASSERTION", PolicyPreset.Osi, "", "", Verdict.Unknown, "No licence could be determined (NOASSERTION).", null)]
    [InlineData("LicenseRef-Ours", PolicyPreset.Osi, "LicenseRef-Ours", "", Verdict.Allowed, "LicenseRef-Ours is allowed by the policy's allow list.", "LicenseRef-Ours")]
    [InlineData("LicenseRef-Ours", PolicyPreset.Osi, "", "LicenseRef-Ours", Verdict.Denied, "LicenseRef-Ours is not a free licence.", null)]
    [InlineData("LicenseRef-MICROSOFT-NET-LIBRARY", PolicyPreset.Osi, "", "", Verdict.Denied, "LicenseRef-MICROSOFT-NET-LIBRARY is not a free licence.", null)]
    [InlineData("LicenseRef-microsoft-x", PolicyPreset.Osi, "", "", Verdict.Denied, "LicenseRef-microsoft-x is not a free licence.", null)]
    [InlineData("LicenseRef-Acme-Proprietary-Terms", PolicyPreset.Osi, "", "", Verdict.Denied, "LicenseRef-Acme-Proprietary-Terms is not a free licence.", null)]
    [InlineData("LicenseRef-Ours", PolicyPreset.Osi, "", "", Verdict.Denied, "LicenseRef-Ours is a custom licence, allowed only when the policy names it.", null)]
    [InlineData("LicenseRef-MICROSOFTISH", PolicyPreset.Osi, "", "", Verdict.Denied, "LicenseRef-MICROSOFTISH is a custom licence, allowed only when the policy names it.", null)]
    [InlineData("MIT", PolicyPreset.Osi, "", "MIT", Verdict.Denied, "MIT is denied by the policy.", null)]
    [InlineData("GPL-3.0+", PolicyPreset.Osi, "", "GPL-3.0+", Verdict.Denied, "GPL-3.0+ is denied by the policy.", null)]
    [InlineData("CC-BY-4.0", PolicyPreset.Osi, "CC-BY-4.0", "", Verdict.Allowed, "CC-BY-4.0 is allowed by the policy's allow list.", "CC-BY-4.0")]
    [InlineData("GPL-2.0+", PolicyPreset.FrAdministration, "GPL-2.0+", "", Verdict.Allowed, "GPL-2.0+ is allowed by the policy's allow list.", "GPL-2.0+")]
    [InlineData("Foo-1.0", PolicyPreset.Osi, "", "", Verdict.Unknown, "'Foo-1.0' is not on the SPDX licence list 3.28.0.", null)]
    [InlineData("MIT", PolicyPreset.Osi, "", "", Verdict.Allowed, "MIT is OSI-approved.", "MIT")]
    [InlineData("CECILL-B", PolicyPreset.Osi, "", "", Verdict.Denied, "CECILL-B is not OSI-approved.", null)]
    [InlineData("CECILL-B", PolicyPreset.Fsf, "", "", Verdict.Allowed, "CECILL-B is free according to the FSF.", "CECILL-B")]
    [InlineData("CC-BY-NC-4.0", PolicyPreset.Fsf, "", "", Verdict.Denied, "CC-BY-NC-4.0 is not free according to the FSF.", null)]
    [InlineData("AAL", PolicyPreset.OsiOrFsf, "", "", Verdict.Allowed, "AAL is OSI-approved or FSF-free.", "AAL")]
    [InlineData("ISC", PolicyPreset.FrAdministration, "", "", Verdict.Denied, "ISC is not on the French administration list (CRPA D323-2-1).", null)]
    [InlineData("EUPL-1.2", PolicyPreset.FrAdministration, "", "", Verdict.Allowed, "EUPL-1.2 is on the French administration list (CRPA D323-2-1).", "EUPL-1.2")]
    // WITH: the licence decides first, then the exception.
    [InlineData("CECILL-B WITH Classpath-exception-2.0", PolicyPreset.Osi, "", "", Verdict.Denied, "CECILL-B is not OSI-approved.", null)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", PolicyPreset.Osi, "", "Classpath-exception-2.0", Verdict.Denied, "Exception Classpath-exception-2.0 is denied by the policy.", null)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", PolicyPreset.Osi, "", "", Verdict.Allowed, "GPL-2.0-only WITH Classpath-exception-2.0 is allowed (GPL-2.0-only is OSI-approved.)", "GPL-2.0-only WITH Classpath-exception-2.0")]
    // OR: the first allowed branch; else the first unknown; else all the denials.
    [InlineData("CECILL-B OR MIT", PolicyPreset.Osi, "", "", Verdict.Allowed, "Choice of MIT: MIT is OSI-approved.", "MIT")]
    [InlineData("CECILL-B OR Foo-1.0 OR Bar-2.0", PolicyPreset.Osi, "", "", Verdict.Unknown, "'Foo-1.0' is not on the SPDX licence list 3.28.0.", null)]
    [InlineData("CECILL-B OR CC-BY-4.0", PolicyPreset.Osi, "", "", Verdict.Denied, "No branch of the choice is allowed: CECILL-B is not OSI-approved. CC-BY-4.0 is not OSI-approved.", null)]
    // AND: any denial denies; else the first unknown; else all reasons, and the chosen branches.
    [InlineData("MIT AND CECILL-B", PolicyPreset.Osi, "", "", Verdict.Denied, "All of MIT AND CECILL-B apply, and CECILL-B is not OSI-approved.", null)]
    [InlineData("Foo-1.0 AND CECILL-B", PolicyPreset.Osi, "", "", Verdict.Denied, "All of Foo-1.0 AND CECILL-B apply, and CECILL-B is not OSI-approved.", null)]
    [InlineData("MIT AND Foo-1.0 AND Bar-2.0", PolicyPreset.Osi, "", "", Verdict.Unknown, "'Foo-1.0' is not on the SPDX licence list 3.28.0.", null)]
    [InlineData("MIT AND Apache-2.0", PolicyPreset.Osi, "", "", Verdict.Allowed, "MIT is OSI-approved. Apache-2.0 is OSI-approved.", "MIT AND Apache-2.0")]
    [InlineData("MIT AND (CECILL-B OR Apache-2.0)", PolicyPreset.Osi, "", "", Verdict.Allowed, "MIT is OSI-approved. Choice of Apache-2.0: Apache-2.0 is OSI-approved.", "MIT AND Apache-2.0")]
    public void Branch_GivesVerdictReasonAndChoice(string expression, PolicyPreset preset, string allow, string deny, Verdict verdict, string reason, string? chosen)
    {
        var v = Eval(expression, preset, allow, deny);
        Assert.Equal(verdict, v.Verdict);
        Assert.Equal(reason, v.Reason);
        Assert.Equal(chosen, v.ChosenBranch?.ToString());
    }

    [Fact]
    public void UnlistedException_IsUnknown_UnlessAllowed()
    {
        var with = new SpdxWith(new SpdxLicense("GPL-2.0-only", isListed: true, orLater: false), "My-exception", exceptionIsListed: false);
        var unknown = new LicenseEvaluator(new PolicyDocument()).Evaluate(with);
        Assert.Equal((Verdict.Unknown, "Exception My-exception is not on the SPDX exception list.", (SpdxExpression?)null), (unknown.Verdict, unknown.Reason, unknown.ChosenBranch));
        var allowed = new LicenseEvaluator(new PolicyDocument { Allow = new HashSet<string>(new[] { "My-exception" }, StringComparer.OrdinalIgnoreCase) }).Evaluate(with);
        Assert.Equal(Verdict.Allowed, allowed.Verdict);
        Assert.Same(with, allowed.ChosenBranch);
    }
}
