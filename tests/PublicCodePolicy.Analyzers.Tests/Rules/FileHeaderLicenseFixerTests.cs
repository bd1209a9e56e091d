// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis.Testing;
using PublicCodePolicy.Analyzers.Rules;
using PublicCodePolicy.Analyzers.Tests.Infrastructure;
using PublicCodePolicy.CodeFixes.Rules;

namespace PublicCodePolicy.Analyzers.Tests.Rules;

public sealed class FileHeaderLicenseFixerTests
{
    private const string License = "build_property.PackageLicenseExpression";

    [Fact]
    public async Task DifferentLicence_ReplacedByTheProjectsLicence()
    {
        await new PcpCodeFixTest<FileHeaderLicenseAnalyzer, FileHeaderLicenseFixer>("""
            // SPDX-License-Identifier: {|#0:MIT|}
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """, """
            // SPDX-License-Identifier: EUPL-1.2
            // SPDX-FileCopyrightText: Ville de Lyon
            class C { }
            """)
            .WithGlobalConfig((License, "eupl-1.2"))
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithArguments("MIT", "EUPL-1.2"))
            .RunAsync();
    }

    [Fact]
    public async Task InvalidLicence_NoFixOffered()
    {
        const string source = """
            // SPDX-License-Identifier: {|#0:MIT-ish|}
            class C { }
            """;
        await new PcpCodeFixTest<FileHeaderLicenseAnalyzer, FileHeaderLicenseFixer>(source, source)
            .WithGlobalConfig((License, "EUPL-1.2"))
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.InvalidRule).WithLocation(0).WithArguments("MIT-ish", "'MIT-ish' is not on the SPDX licence list " + PublicCodePolicy.Analyzers.Licensing.SpdxData.LicenseListVersion))
            .RunAsync();
    }

    [Fact]
    public async Task SeveralTags_NoFixOffered()
    {
        const string source = """
            // SPDX-License-Identifier: {|#0:MIT|}
            // SPDX-License-Identifier: {|#1:Apache-2.0|}
            class C { }
            """;
        await new PcpCodeFixTest<FileHeaderLicenseAnalyzer, FileHeaderLicenseFixer>(source, source)
            .WithGlobalConfig((License, "EUPL-1.2"))
            .Expect(new DiagnosticResult(FileHeaderLicenseAnalyzer.DifferentRule).WithLocation(0).WithLocation(1).WithArguments("MIT AND Apache-2.0", "EUPL-1.2"))
            .RunAsync();
    }
}
