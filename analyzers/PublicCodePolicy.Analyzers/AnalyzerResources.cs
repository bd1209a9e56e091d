// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Resources;
using Microsoft.CodeAnalysis;

namespace PublicCodePolicy.Analyzers;

/// <summary>The user-facing strings of the analyzers (Resources.resx, French in Resources.fr.resx).</summary>
internal static class AnalyzerResources
{
    public static ResourceManager ResourceManager { get; } = new ResourceManager("PublicCodePolicy.Analyzers.Resources", typeof(AnalyzerResources).Assembly);

    /// <summary>A string the IDE renders in its own UI culture.</summary>
    public static LocalizableString Localizable(string name) => new LocalizableResourceString(name, ResourceManager, typeof(AnalyzerResources));

    /// <summary>
    /// A formatted string for a message argument: it stays localisable, because the compiler formats
    /// <see cref="LocalizableString"/> arguments (they are <see cref="IFormattable"/>) in the culture of the message.
    /// </summary>
    public static LocalizableString Localizable(string name, params string[] formatArguments) => new LocalizableResourceString(name, ResourceManager, typeof(AnalyzerResources), formatArguments);
}
