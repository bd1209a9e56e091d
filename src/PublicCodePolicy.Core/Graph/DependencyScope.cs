// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Graph;

/// <summary>Whether a package ships with the software.</summary>
public enum DependencyScope
{
    /// <summary>Shipped: reached through at least one path that is not development-only, from a non-test project.</summary>
    Runtime,
    /// <summary>Build-time only: <c>PrivateAssets="all"</c>, <c>developmentDependency</c>, analyzer or build-only packages and what only they bring.</summary>
    Development,
    /// <summary>Reached only from test projects.</summary>
    Test,
}

/// <summary>Names used in JSON, policies and reports.</summary>
public static class DependencyScopes
{
    /// <summary>Lower-case name.</summary>
    public static string ToName(this DependencyScope scope) => scope switch
    {
        DependencyScope.Runtime => "runtime",
        DependencyScope.Development => "development",
        DependencyScope.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>Parses a scope name (case-insensitive).</summary>
    public static bool TryParse(string? name, out DependencyScope scope)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "runtime": scope = DependencyScope.Runtime; return true;
            case "development": scope = DependencyScope.Development; return true;
            case "test": scope = DependencyScope.Test; return true;
            default: scope = DependencyScope.Runtime; return false;
        }
    }
}
