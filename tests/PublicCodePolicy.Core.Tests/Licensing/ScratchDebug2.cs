// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;
using Xunit.Abstractions;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

public sealed class ScratchDebug2
{
    private readonly ITestOutputHelper _output;

    public ScratchDebug2(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Tokens()
    {
        var text = SpdxTemplateText.Render(Environment.GetEnvironmentVariable("PCP_ID") ?? "APL-1.0");
        var at = text.IndexOf(Environment.GetEnvironmentVariable("PCP_AT") ?? "COPYRIGHT LICENSE FROM INITIAL", StringComparison.Ordinal);
        _output.WriteLine("RAW: " + text.Substring(Math.Max(0, at - 80), 120).Replace("\n", "\\n", StringComparison.Ordinal));
        var tok = new TextTokenizer(Array.Empty<IReadOnlyList<string>>()).Tokenize(text.Substring(Math.Max(0, at - 80), 120));
        for (int i = 0; i < tok.Count; i++) _output.WriteLine(tok.Words[i] + (tok.Skippable[i] ? " [skip]" : string.Empty));
    }
}
