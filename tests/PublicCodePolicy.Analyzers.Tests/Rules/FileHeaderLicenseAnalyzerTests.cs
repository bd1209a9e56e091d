// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis.Testing;
using PublicCodePolicy.Analyzers.Rules;
using PublicCodePolicy.Analyzers.Tests.Infrastructure;

namespace PublicCodePolicy.Analyzers.Tests.Rules;

public sealed class FileHeaderLicenseAnalyzerTests
{
    private const string License = "build_property.PackageLicenseExpression";

    private static PcpAnalyzerTest<FileHeaderLicenseAnalyzer> Test(string source, string? projectLicense = "EUPL-1.2")
    {
        var test = new PcpAnalyzerTest<FileHeaderLicenseAnalyzer>(source).ForHeaderRule();
        return projectLicense == null ? test : test.WithGlobalConfig((License, projectLicense));
    }

    private static DiagnosticResult Invalid(int line, int column, int endColumn, string expression, string reason)
        => new DiagnosticResult(FileHeaderLicenseAnalyzer.InvalidRule).WithSpan(line, column, line, endColumn).WithArguments(expression, reason);

    [Fact]
    public async Task SameLicenseAsProject_NoDiagnostic()
    {
        await Test("""
            // SPDX-License-Identifier: EUPL-1.2
            class C { }
            """).RunAsync();
    }

    [Fact]
    public async Task SameChoiceInAnotherOrderAndCase_NoDiagnostic()
    {
        await Test("""
            // SPDX-License-Identifier: mit or apache-2.0
            class C { }
            """, "Apache-2.0 OR MIT").RunAsync();
    }

    [Fact]
    public async Task DifferentLicense_Reported()
    {
        await Test("""
            // SPDX-License-Identifier: {|#0:MIT|}
            class C { }
            """)
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithArguments("MIT", "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task DifferentLicense_MessageNamesBothLicences()
    {
        await Test("""
            // SPDX-License-Identifier: {|#0:GPL-3.0-or-later|}
            class C { }
            """, "EUPL-1.2 OR MIT")
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0)
                .WithMessage("The file header declares 'GPL-3.0-or-later' but the project is licensed under 'EUPL-1.2 OR MIT'"))
            .RunAsync();
    }

    [Fact]
    public async Task AllowDifferentLicenseOption_NoDiagnostic()
    {
        await Test("""
            // SPDX-License-Identifier: MIT
            class C { }
            """).WithEditorConfig(("PCP0102.allow_different_license", "true")).RunAsync();
    }

    [Fact]
    public async Task AllowDifferentLicenseForAFolderOnly_OtherFilesReported()
    {
        var test = Test(string.Empty);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/ThirdParty/Vendor.cs", "// SPDX-License-Identifier: MIT\nclass V { }\n"));
        test.TestState.Sources.Add(("/0/Own.cs", "// SPDX-License-Identifier: {|#0:MIT|}\nclass O { }\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/0/ThirdParty/**.cs]\nPCP0102.allow_different_license = true\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithArguments("MIT", "EUPL-1.2"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AllowDifferentLicenseFalse_Reported()
    {
        await Test("""
            // SPDX-License-Identifier: {|#0:MIT|}
            class C { }
            """)
            .WithEditorConfig(("PCP0102.allow_different_license", "false"))
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithArguments("MIT", "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task NoProjectLicense_OnlyValidityChecked()
    {
        await Test("""
            // SPDX-License-Identifier: MIT
            class C { }
            """, projectLicense: null).RunAsync();
    }

    [Fact]
    public async Task InvalidProjectLicense_HeaderNotCompared()
    {
        await Test("""
            // SPDX-License-Identifier: MIT
            class C { }
            """, "EUPL-1.2 AND").RunAsync();
    }

    [Fact]
    public async Task SyntaxError_ReportedAsInvalid()
    {
        await Test("""
            // SPDX-License-Identifier: EUPL-1.2 OR
            class C { }
            """)
            .Expect(Invalid(1, 29, 40, "EUPL-1.2 OR", "The expression ends where a licence was expected."))
            .RunAsync();
    }

    [Fact]
    public async Task UnknownIdentifier_ReportedAsInvalid()
    {
        await Test("""
            // SPDX-License-Identifier: Licence-Libre-1.0
            class C { }
            """)
            .Expect(Invalid(1, 29, 46, "Licence-Libre-1.0", "'Licence-Libre-1.0' is not on the SPDX licence list " + SpdxListVersion + ""))
            .RunAsync();
    }

    [Fact]
    public async Task UnknownException_ReportedAsInvalid()
    {
        await Test("""
            // SPDX-License-Identifier: GPL-2.0-or-later WITH Mairie-exception
            class C { }
            """, projectLicense: null)
            .Expect(Invalid(1, 29, 67, "GPL-2.0-or-later WITH Mairie-exception", "'Mairie-exception' is not on the SPDX exception list " + SpdxListVersion))
            .RunAsync();
    }

    [Fact]
    public async Task ListedExceptionAndLicenseRef_Valid()
    {
        await Test("""
            // SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0 OR LicenseRef-Ville-de-Paris
            class C { }
            """, projectLicense: null).RunAsync();
    }

    [Fact]
    public async Task EmptyExpression_ReportedAtTag()
    {
        await Test("""
            // SPDX-License-Identifier:
            class C { }
            """)
            .Expect(Invalid(1, 4, 28, string.Empty, "The licence expression is empty."))
            .RunAsync();
    }

    [Fact]
    public async Task BlockComment_SpanStopsBeforeCommentEnd()
    {
        await Test("""
            /* SPDX-License-Identifier: {|#0:MIT|} */
            class C { }
            """)
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithArguments("MIT", "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task SeveralTags_ComparedAsTheirConjunction()
    {
        await Test("""
            // SPDX-License-Identifier: MIT
            // SPDX-License-Identifier: CC-BY-4.0
            class C { }
            """, "CC-BY-4.0 AND MIT").RunAsync();
    }

    [Fact]
    public async Task SeveralTags_DifferenceReportedAtTheFirstWithTheOthersAsAdditionalLocations()
    {
        await Test("""
            /*
             * SPDX-License-Identifier: {|#0:MIT|}
             * SPDX-License-Identifier: {|#1:Apache-2.0|}
             */
            class C { }
            """)
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithLocation(1).WithArguments("MIT AND Apache-2.0", "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task SeveralTags_EachInvalidOneReported()
    {
        await Test("""
            // SPDX-License-Identifier: MIT
            // SPDX-License-Identifier: Apache-2
            class C { }
            """)
            .Expect(Invalid(2, 29, 37, "Apache-2", "'Apache-2' is not on the SPDX licence list " + SpdxListVersion))
            .RunAsync();
    }

    [Fact]
    public async Task NoLicenseTag_NothingToCheck()
    {
        await Test("class C { }").RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_Skipped()
    {
        await Test("""
            // <auto-generated/>
            // SPDX-License-Identifier: Not-A-Licence
            class C { }
            """).RunAsync();
    }

    private static string SpdxListVersion => PublicCodePolicy.Analyzers.Licensing.SpdxData.LicenseListVersion;
}
