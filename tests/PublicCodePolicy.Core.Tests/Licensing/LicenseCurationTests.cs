// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Issue 3 item 4: the shipped curations are few, cite evidence, and the policy file adds its own.</summary>
public sealed class LicenseCurationTests
{
    [Fact]
    public void Shipped_EveryRowCitesEvidenceAndAVersionRange()
    {
        Assert.NotEmpty(LicenseCuration.Shipped);
        Assert.True(LicenseCuration.Shipped.Count <= 20, "Keep the shipped set small: users curate in their policy file.");
        foreach (var c in LicenseCuration.Shipped)
        {
            Assert.NotNull(c.Versions);
            Assert.True(c.Source.Length >= 40, c.Package + ": the source must say where a reviewer can check the evidence.");
            Assert.True(c.Reason.Length >= 40, c.Package + ": the reason must say why the correction is right.");
            Assert.True(LicenseList.Default.TryParse(c.License, out var e, out _) && e is not null, c.License);
        }
    }

    [Fact]
    public void Shipped_VisualStudioSetupInterop_IsProprietaryForTheCitedVersionOnly()
    {
        var c = Assert.Single(LicenseCuration.Shipped, x => x.Package == "Microsoft.VisualStudio.Setup.Configuration.Interop");
        Assert.True(c.Matches("microsoft.visualstudio.setup.configuration.interop", "3.2.2146"));
        Assert.False(c.Matches("Microsoft.VisualStudio.Setup.Configuration.Interop", "3.3.0"));
        Assert.True(LicenseList.Default.TryParse(c.License, out var e, out _));
        Assert.Equal(Verdict.Denied, new LicenseEvaluator(PolicyDocument.Default).Evaluate(e!).Verdict);
    }

    [Fact]
    public void PolicyFile_AddsCurations()
    {
        using var dir = new TempDirectory("curation");
        var path = dir.Write(PolicyDocument.FileName, """
            {
              "preset": "fr-administration",
              "curations": [
                { "package": "Contoso.Widgets", "versions": "[1.0,2.0)", "license": "MIT",
                  "source": "https://github.com/contoso/widgets/blob/v1.4.0/LICENSE", "reason": "The 1.x packages ship no licence metadata; the tagged repository is MIT." }
              ]
            }
            """);
        var policy = PolicyDocument.Load(path);
        var c = Assert.Single(policy.Curations);
        Assert.True(c.Matches("Contoso.Widgets", "1.4.0"));
        Assert.False(c.Matches("Contoso.Widgets", "2.0.0"));
    }

    [Theory]
    [InlineData("""{ "package": "X", "license": "MIT", "reason": "why it is right" }""")]
    [InlineData("""{ "package": "X", "license": "MIT", "source": "https://example.org" }""")]
    [InlineData("""{ "package": "X", "license": "not a licence (", "source": "https://example.org", "reason": "r" }""")]
    [InlineData("""{ "package": "X", "versions": "[1.0", "license": "MIT", "source": "https://example.org", "reason": "r" }""")]
    public void Curation_WithoutEvidenceOrValidLicence_IsRejected(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Throws<PolicyFormatException>(() => LicenseCuration.Read(doc.RootElement, "test.json", "$"));
    }
}
