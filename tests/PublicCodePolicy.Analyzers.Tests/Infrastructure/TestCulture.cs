// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PublicCodePolicy.Analyzers.Tests.Infrastructure;

internal static class TestCulture
{
    // Expected messages are written in English; a French machine must not make them fail.
    [ModuleInitializer]
    internal static void UseEnglish()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }
}
