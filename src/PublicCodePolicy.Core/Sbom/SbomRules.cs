// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Licensing;

namespace PublicCodePolicy.Sbom;

/// <summary>The SBOM rules (PCP2xxx): what an SBOM could not carry.</summary>
public static class SbomRules
{
    /// <summary>PCP2001: a package has no SHA-512 in the restore output, so the SBOM cannot pin its content.</summary>
    public static readonly RuleDescriptor PackageWithoutHash = new("PCP2001", RuleCategory.Sbom, FindingSeverity.Warning, "Package without a content hash in the SBOM", "Paquet sans empreinte dans le SBOM");

    /// <summary>PCP2002: the described software's own licence is missing or is not a valid SPDX expression.</summary>
    public static readonly RuleDescriptor SubjectLicenseMissing = new("PCP2002", RuleCategory.Sbom, FindingSeverity.Warning, "The SBOM's described software has no valid licence expression", "Le logiciel décrit par le SBOM n'a pas d'expression de licence valide");

    /// <summary>PCP2003: an SBOM given to the report is not an SBOM, or describes other software than the checked one.</summary>
    public static readonly RuleDescriptor AttachedSbomRejected = new("PCP2003", RuleCategory.Sbom, FindingSeverity.Error, "Attached SBOM rejected", "SBOM joint refusé");

    /// <summary>Every SBOM rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[] { PackageWithoutHash, SubjectLicenseMissing, AttachedSbomRejected };

    internal static IReadOnlyList<Finding> Check(SbomGraph graph)
    {
        var findings = new List<Finding>();
        foreach (var subjectNode in new[] { graph.Root }.Concat(graph.Components.Where(c => c.Subject != null)))
        {
            var text = subjectNode.Subject?.License;
            if (SbomLicenses.IsSpecial(SbomLicenses.Parse(text)))
            {
                findings.Add(new Finding
                {
                    RuleId = SubjectLicenseMissing.Id,
                    Severity = SubjectLicenseMissing.DefaultSeverity,
                    ProjectPath = subjectNode.Project?.ProjectPath,
                    Message = string.IsNullOrWhiteSpace(text)
                        ? "The SBOM describes '" + subjectNode.Name + "' without a licence: set PackageLicenseExpression (or pass the licence) so that recipients know the terms of the software itself."
                        : "The licence '" + text + "' of '" + subjectNode.Name + "' is not a valid SPDX expression; the SBOM says NOASSERTION instead.",
                    Remedy = "<PackageLicenseExpression>EUPL-1.2</PackageLicenseExpression>",
                });
            }
        }
        foreach (var node in graph.Components.Where(n => n.Package != null && HexSha512(n.Package.Sha512) == null))
        {
            findings.Add(new Finding
            {
                RuleId = PackageWithoutHash.Id,
                Severity = PackageWithoutHash.DefaultSeverity,
                PackageId = node.Package!.Id,
                PackageVersion = node.Package.Version,
                Message = node.Package.Id + " " + node.Package.Version + " has no SHA-512 in project.assets.json; the SBOM lists it without a hash, so recipients cannot check they got the same package.",
                Remedy = "dotnet restore --force",
            });
        }
        return findings
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.PackageId ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.PackageVersion ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The hash when it is 128 hex digits (lower-cased); null otherwise.</summary>
    internal static string? HexSha512(string? value)
        => value is { Length: 128 } && value.All(Uri.IsHexDigit) ? value.ToLowerInvariant() : null;
}
