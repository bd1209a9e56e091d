// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli.Tests;

/// <summary>The policy SDK sample (samples/CustomRules) runs its own rules through the engine on a real restore.</summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class CustomRulesSampleTests
{
    private readonly RestoredSamples _samples;

    public CustomRulesSampleTests(RestoredSamples samples) => _samples = samples;

    [Fact]
    public void VendorRule_DeniesTheVendorsPackages()
    {
        var output = new StringWriter();
        int code = SampleRunner.Run(new[] { Path.Combine(_samples.Valmont, "Valmont.sln"), "Serilog" }, output);
        Assert.Equal(1, code);
        Assert.Contains("VAL001 error: Serilog 4.4.0 (runtime) has licence Apache-2.0: VAL001: packages of this vendor are not allowed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMatchingVendor_OnlyTheLicenceFindingsRemain()
    {
        var output = new StringWriter();
        SampleRunner.Run(new[] { Path.Combine(_samples.Valmont, "Valmont.sln"), "Contoso." }, output);
        Assert.DoesNotContain("VAL001", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PCP0001 error: System.Net.Http 4.3.4", output.ToString(), StringComparison.Ordinal);
    }
}
