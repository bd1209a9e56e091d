// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.PublicCode;

/// <summary>The PCP3xxx rules: publiccode.yml validation, generation and update.</summary>
public static class PublicCodeRules
{
    /// <summary>PCP3001: publiccode.yml has an error (the official validator would reject it).</summary>
    public static readonly RuleDescriptor ValidationError = new("PCP3001", RuleCategory.PublicCode, FindingSeverity.Error, "publiccode.yml is not valid", "Le fichier publiccode.yml n'est pas valide");

    /// <summary>PCP3002: publiccode.yml uses something deprecated (the official validator warns).</summary>
    public static readonly RuleDescriptor ValidationWarning = new("PCP3002", RuleCategory.PublicCode, FindingSeverity.Warning, "publiccode.yml uses a deprecated key or value", "Le fichier publiccode.yml utilise une clé ou une valeur obsolète");

    /// <summary>PCP3003: a fact needed to generate publiccode.yml is missing.</summary>
    public static readonly RuleDescriptor MissingFact = new("PCP3003", RuleCategory.PublicCode, FindingSeverity.Error, "Information needed for publiccode.yml is missing", "Information manquante pour générer publiccode.yml");

    /// <summary>PCP3004: the existing publiccode.yml cannot be updated in place.</summary>
    public static readonly RuleDescriptor UpdateRefused = new("PCP3004", RuleCategory.PublicCode, FindingSeverity.Error, "Existing publiccode.yml cannot be updated in place", "Le fichier publiccode.yml existant ne peut pas être mis à jour sur place");

    /// <summary>Every PCP3xxx rule, sorted by identifier.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[] { ValidationError, ValidationWarning, MissingFact, UpdateRefused };
}
