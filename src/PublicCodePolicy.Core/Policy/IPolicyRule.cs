// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Graph;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Policy;

/// <summary>What a custom rule decides about a package.</summary>
public enum PolicyRuleAction
{
    /// <summary>Nothing to say.</summary>
    None,
    /// <summary>Report a warning; the verdict does not change.</summary>
    Warn,
    /// <summary>Deny the package (a policy exception can still accept it).</summary>
    Deny,
}

/// <summary>Outcome of a custom rule for one package.</summary>
public readonly record struct PolicyRuleOutcome(PolicyRuleAction Action, string? Message)
{
    /// <summary>Nothing to report.</summary>
    public static PolicyRuleOutcome None => default;

    /// <summary>Deny with a reason.</summary>
    public static PolicyRuleOutcome Deny(string reason) => new(PolicyRuleAction.Deny, reason);

    /// <summary>Warn with a message.</summary>
    public static PolicyRuleOutcome Warn(string message) => new(PolicyRuleAction.Warn, message);
}

/// <summary>What a custom rule sees of a package.</summary>
public sealed class PackageRuleContext
{
    /// <summary>Project name.</summary>
    public required string ProjectName { get; init; }

    /// <summary>Package id.</summary>
    public required string PackageId { get; init; }

    /// <summary>Resolved version.</summary>
    public required string Version { get; init; }

    /// <summary>Scope in this project.</summary>
    public required DependencyScope Scope { get; init; }

    /// <summary>Whether the project references it directly.</summary>
    public required bool IsDirect { get; init; }

    /// <summary>Nuspec metadata, when the package was found.</summary>
    public PackageMetadata? Metadata { get; init; }

    /// <summary>The licence resolution.</summary>
    public required LicenseResolution License { get; init; }

    /// <summary>The verdict of the licence policy before custom rules.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The package's deprecation (online mode only); null when it is not deprecated or the check is offline.</summary>
    public PackageDeprecation? Deprecation { get; init; }
}

/// <summary>
/// A custom policy rule, implemented in your own assembly and passed to <see cref="Engine.PolicyEngine"/>
/// (e.g. forbid a vendor, or ask for an approval before any AGPL dependency). Implementations must be thread-safe.
/// </summary>
public interface IPolicyRule
{
    /// <summary>Your rule's identifier (use your own prefix, not PCP).</summary>
    string Id { get; }

    /// <summary>Evaluates one package of one project.</summary>
    PolicyRuleOutcome Evaluate(PackageRuleContext context);
}
