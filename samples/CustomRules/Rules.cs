// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace Valmont.PolicyRules;

/// <summary>VAL001: the commune's procurement rules forbid packages of a vendor it has no contract with.</summary>
public sealed class ForbiddenVendorRule : IPolicyRule
{
    private readonly string[] _prefixes;

    public ForbiddenVendorRule(params string[] packagePrefixes) => _prefixes = packagePrefixes;

    public string Id => "VAL001";

    public PolicyRuleOutcome Evaluate(PackageRuleContext context)
        => _prefixes.Any(p => context.PackageId.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? PolicyRuleOutcome.Deny("packages of this vendor are not allowed by the commune's procurement rules.")
            : PolicyRuleOutcome.None;
}

/// <summary>VAL002: any AGPL dependency that ships needs the data protection officer's written approval.</summary>
public sealed class AgplNeedsApprovalRule : IPolicyRule
{
    public string Id => "VAL002";

    public PolicyRuleOutcome Evaluate(PackageRuleContext context)
    {
        if (context.Scope != DependencyScope.Runtime) return PolicyRuleOutcome.None;
        bool agpl = context.License.Concluded.Leaves().Any(l => l.ToString().StartsWith("AGPL-", StringComparison.Ordinal));
        return agpl ? PolicyRuleOutcome.Warn("AGPL in a shipped component: ask the DPO for a written approval, then record it as an exception.") : PolicyRuleOutcome.None;
    }
}
