// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Resources;

namespace PublicCodePolicy.CodeFixes;

/// <summary>The titles of the code fixes (CodeFixResources.resx, French in CodeFixResources.fr.resx).</summary>
internal static class CodeFixResources
{
    private static readonly ResourceManager s_manager = new ResourceManager("PublicCodePolicy.CodeFixes.CodeFixResources", typeof(CodeFixResources).Assembly);

    /// <summary>The text in the IDE's UI culture (the IDE sets it on the thread that asks for fixes).</summary>
    public static string Get(string name) => s_manager.GetString(name) ?? name;

    public static string Format(string name, params object[] args) => string.Format(CultureInfo.InvariantCulture, Get(name), args);
}
