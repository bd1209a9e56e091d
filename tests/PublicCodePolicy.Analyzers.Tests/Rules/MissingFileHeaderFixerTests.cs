// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis.Testing;
using PublicCodePolicy.Analyzers.Rules;
using PublicCodePolicy.Analyzers.Tests.Infrastructure;
using PublicCodePolicy.CodeFixes.Rules;

namespace PublicCodePolicy.Analyzers.Tests.Rules;

public sealed class MissingFileHeaderFixerTests
{
    private const string License = "build_property.PackageLicenseExpression";
    private const string HolderProperty = "build_property.PublicCodeCopyrightHolder";
    private const string Company = "build_property.Company";
    private const string Authors = "build_property.Authors";
    private const string HolderKey = "PCP0101.copyright_holder";

    private static PcpCodeFixTest<MissingFileHeaderAnalyzer, MissingFileHeaderFixer> Test(string source, string fixedSource)
        => new(source, fixedSource);

    [Fact]
    public async Task NoHeader_InsertsLicenceAndHolder()
    {
        await Test("""
            [|namespace N;|]
            class C { }
            """, """
            // SPDX-License-Identifier: EUPL-1.2
            // SPDX-FileCopyrightText: Ville de Lyon
            namespace N;
            class C { }
            """)
            .WithGlobalConfig((License, "EUPL-1.2"), (HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task ProjectLicence_WrittenInCanonicalForm()
    {
        await Test("""
            [|class C { }|]
            """, """
            // SPDX-License-Identifier: MIT OR Apache-2.0
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """)
            .WithGlobalConfig((License, "mit or apache-2.0"), (HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task ExistingComment_KeptBelowTheHeader()
    {
        await Test("""
            [|// Gestion des marchés publics.|]
            class C { }
            """, """
            // SPDX-License-Identifier: EUPL-1.2
            // SPDX-FileCopyrightText: Ville de Lyon
            // Gestion des marchés publics.
            class C { }
            """)
            .WithGlobalConfig((License, "EUPL-1.2"), (HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task OnlyLicence_InsertsHolderAfterIt()
    {
        await Test("""
            [|// SPDX-License-Identifier: EUPL-1.2|]
            class C { }
            """, """
            // SPDX-License-Identifier: EUPL-1.2
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """)
            .WithGlobalConfig((HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task OnlyHolder_InsertsLicenceBeforeIt()
    {
        await Test("""
            [|// Module des aides sociales.|]
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """, """
            // Module des aides sociales.
            // SPDX-License-Identifier: EUPL-1.2
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """)
            .WithGlobalConfig((License, "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task LicenceInBlockComment_HolderInsertedAtTop()
    {
        await Test("""
            [|/* SPDX-License-Identifier: EUPL-1.2 */|]
            class C { }
            """, """
            // SPDX-FileCopyrightText: Ville de Lyon
            /* SPDX-License-Identifier: EUPL-1.2 */
            class C { }
            """)
            .WithGlobalConfig((HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task CrLfFile_KeepsCrLf()
    {
        await Test("[|class C { }|]\r\nclass D { }\r\n", "// SPDX-License-Identifier: EUPL-1.2\r\n// SPDX-FileCopyrightText: Ville de Lyon\r\nclass C { }\r\nclass D { }\r\n")
            .WithGlobalConfig((License, "EUPL-1.2"), (HolderProperty, "Ville de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task EditorConfigHolder_WinsOverProperties()
    {
        await Test("[|class C { }|]", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: Métropole de Lyon\nclass C { }")
            .WithGlobalConfig((License, "EUPL-1.2"), (HolderProperty, "Ville de Lyon"), (Company, "DSI"), (Authors, "Alice"))
            .WithEditorConfig((HolderKey, "Métropole de Lyon"))
            .RunAsync();
    }

    [Fact]
    public async Task CompanyThenAuthors_UsedAsFallbacks()
    {
        await Test("[|class C { }|]", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: DSI de Nantes\nclass C { }")
            .WithGlobalConfig((License, "EUPL-1.2"), (Company, "DSI de Nantes"), (Authors, "Alice"))
            .RunAsync();
        // ';' starts a comment in analyzer config files: of several authors, the first one arrives.
        await Test("[|class C { }|]", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: Alice Martin\nclass C { }")
            .WithGlobalConfig((License, "EUPL-1.2"), (Authors, "Alice Martin; Bob Durand"))
            .RunAsync();
    }

    [Fact]
    public async Task NoProjectLicence_NoFixOffered()
    {
        const string source = "[|class C { }|]";
        await Test(source, source).WithGlobalConfig((HolderProperty, "Ville de Lyon")).RunAsync();
    }

    [Fact]
    public async Task NoHolder_NoFixOffered()
    {
        const string source = "[|class C { }|]";
        await Test(source, source).WithGlobalConfig((License, "EUPL-1.2")).RunAsync();
    }

    [Fact]
    public async Task FixAll_FixesEveryFile()
    {
        var test = Test(string.Empty, string.Empty).WithGlobalConfig((License, "EUPL-1.2"), (HolderProperty, "Ville de Lyon"));
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", "[|class A { }|]"));
        test.TestState.Sources.Add(("/0/B.cs", "[|class B { }|]"));
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(("/0/A.cs", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: Ville de Lyon\nclass A { }"));
        test.FixedState.Sources.Add(("/0/B.cs", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: Ville de Lyon\nclass B { }"));
        await test.RunAsync();
    }
}
