// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Sbom.Tests;

/// <summary>The validation the SBOM tests rely on behaves as the CycloneDX test vectors say: it rejects nothing valid.</summary>
public sealed class SchemaValidatorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "cyclonedx", "test-vectors-1.6"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TestVector_ValidatesAsItsNameSays(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "cyclonedx", "test-vectors-1.6", name));
        var errors = SchemaValidator.Errors(SchemaValidator.CycloneDx16, bytes);
        if (name.StartsWith("valid-", StringComparison.Ordinal)) Assert.True(errors.Count == 0, name + ": " + string.Join("\n", errors));
        else Assert.True(errors.Count > 0, name + " should be rejected");
    }

    [Fact]
    public void CycloneDxDotnetOutput_IsValid17()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "cyclonedx", "examples", "cyclonedx-dotnet-6.3.1-output.bom.json"));
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx17, bytes, "cyclonedx-dotnet output");
    }
}
