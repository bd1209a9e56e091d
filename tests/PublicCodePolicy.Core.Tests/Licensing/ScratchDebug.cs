// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;
using Xunit.Abstractions;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

public sealed class ScratchDebug
{
    private readonly ITestOutputHelper _output;

    public ScratchDebug(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Explain()
    {
        foreach (var id in (Environment.GetEnvironmentVariable("PCP_IDS") ?? "Apache-2.0").Split(','))
        {
            _output.WriteLine(id + ": " + LicenseTextMatcher.Shared.Explain(id, SpdxTemplateText.Render(id, optional: Environment.GetEnvironmentVariable("PCP_OPT") != "0")));
        }
    }
}
