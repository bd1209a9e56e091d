// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Graph;

/// <summary>How a nuspec declares its licence.</summary>
public enum DeclaredLicenseKind
{
    /// <summary>No <c>license</c> element (maybe a <c>licenseUrl</c>).</summary>
    None,
    /// <summary><c>&lt;license type="expression"&gt;</c>.</summary>
    Expression,
    /// <summary><c>&lt;license type="file"&gt;</c>: a file inside the package.</summary>
    File,
}

/// <summary>The source repository a nuspec names.</summary>
public sealed record RepositoryInfo(string? Type, string? Url, string? Branch, string? Commit);

/// <summary>Metadata read from a package's <c>.nuspec</c>.</summary>
public sealed class PackageMetadata
{
    /// <summary>Package id as the nuspec spells it.</summary>
    public required string Id { get; init; }

    /// <summary>Version as the nuspec spells it.</summary>
    public required string Version { get; init; }

    /// <summary>Full path of the nuspec file read; the URL it was fetched from when <see cref="Origin"/> is set.</summary>
    public required string NuspecPath { get; init; }

    /// <summary>
    /// Null when the nuspec was read from a package folder; otherwise the package source it was fetched from
    /// (online mode), and the package's files are not on this machine.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>Folder of the extracted package (the nuspec's folder); empty when the nuspec was fetched online.</summary>
    public string PackageDirectory => Origin != null ? string.Empty : Path.GetDirectoryName(NuspecPath) ?? string.Empty;

    /// <summary>Kind of <c>license</c> element.</summary>
    public DeclaredLicenseKind LicenseKind { get; init; }

    /// <summary>The expression or the file path of the <c>license</c> element.</summary>
    public string? License { get; init; }

    /// <summary>The <c>licenseUrl</c> element (deprecated by NuGet, still common).</summary>
    public string? LicenseUrl { get; init; }

    /// <summary>Authors (comma-separated in the nuspec).</summary>
    public string? Authors { get; init; }

    /// <summary>Owners (deprecated; some packages still use it as the supplier).</summary>
    public string? Owners { get; init; }

    /// <summary>Copyright statement.</summary>
    public string? Copyright { get; init; }

    /// <summary>Project URL.</summary>
    public string? ProjectUrl { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Repository element.</summary>
    public RepositoryInfo? Repository { get; init; }

    /// <summary><c>developmentDependency</c> is true: the package is a build-time tool.</summary>
    public bool DevelopmentDependency { get; init; }
}
