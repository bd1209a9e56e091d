// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Analyzers;

/// <summary>Diagnostic categories of the analyzer rules.</summary>
public static class RuleCategories
{
    /// <summary>Licences of the project, of its files and of its dependencies.</summary>
    public const string Licensing = "Licensing";
}
