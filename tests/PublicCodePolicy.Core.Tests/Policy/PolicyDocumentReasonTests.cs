// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests.FrenchPreset;

/// <summary>Issue 15 (mutation testing): every refusal of the policy loader says where and why, in the words written here.</summary>
public sealed class PolicyDocumentReasonTests
{
    private static PolicyDocument Load(string json) => PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "p.json");

    [Theory]
    [InlineData("[]", "$", "The policy must be a JSON object.")]
    [InlineData("{\"preset\": 1}", "$.preset", "Unknown preset; use one of: osi, fsf, osi-or-fsf, fr-administration.")]
    [InlineData("{\"allow\": \"MIT\"}", "$.allow", "Must be an array of strings.")]
    [InlineData("{\"deny\": [\"\"]}", "$.deny", "Must be an array of non-empty strings.")]
    [InlineData("{\"deny\": [\" \"]}", "$.deny", "Must be an array of non-empty strings.")]
    [InlineData("{\"deny\": [1]}", "$.deny", "Must be an array of non-empty strings.")]
    [InlineData("{\"enforceScopes\": [\"shipping\"]}", "$.enforceScopes", "Unknown scope 'shipping'; use runtime, development or test.")]
    [InlineData("{\"unknownLicenses\": true}", "$.unknownLicenses", "Use \"fail\" or \"warn\".")]
    [InlineData("{\"exceptions\": {}}", "$.exceptions", "Must be an array.")]
    [InlineData("{\"exceptions\": [1]}", "$.exceptions[0]", "An exception must be an object.")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\"}, {\"package\": 1}]}", "$.exceptions[1].package", "Must be a string.")]
    [InlineData("{\"exceptions\": [{\"package\": \" \", \"justification\": \"j\"}]}", "$.exceptions[0].package", "The package id is required.")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"\"}]}", "$.exceptions[0].justification", "A justification is required: say why this package is accepted.")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"versions\": \"[1.0\"}]}", "$.exceptions[0].versions", "'[1.0' is not a NuGet version range (e.g. [1.0.0,2.0.0) or 4.3.0).")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"expires\": \"2027-1-1\"}]}", "$.exceptions[0].expires", "Use a date of the form YYYY-MM-DD.")]
    [InlineData("{\"exceptions\": [{\"package\": \"A\", \"justification\": \"j\", \"owner\": \"x\"}]}", "$.exceptions[0].owner", "Unknown property 'owner'.")]
    [InlineData("{\"curations\": 1}", "$.curations", "Must be an array.")]
    [InlineData("{\"publicCode\": []}", "$.publicCode", "Must be an object (see docs/publiccode.md).")]
    [InlineData("{\"prest\": \"osi\"}", "$.prest", "Unknown property 'prest'.")]
    public void Refusal_NamesThePlaceAndTheReason(string json, string at, string reason)
    {
        var e = Assert.Throws<PolicyFormatException>(() => Load(json));
        Assert.Equal(("p.json", at, reason), (e.FilePath, e.JsonPath, e.Reason));
        Assert.Equal("p.json: " + at + ": " + reason, e.Message);
    }

    [Fact]
    public void BadJson_And_BadUtf8_AreRefusedAtTheRoot()
    {
        var json = Assert.Throws<PolicyFormatException>(() => Load("{\n\"preset\": }"));
        Assert.Equal("$", json.JsonPath);
        Assert.StartsWith("Not valid JSON (line 2): ", json.Reason, StringComparison.Ordinal);
        var utf8 = Assert.Throws<PolicyFormatException>(() => PolicyDocument.Load(new MemoryStream(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }), "p.json"));
        Assert.Equal(("$", "Not valid UTF-8."), (utf8.JsonPath, utf8.Reason));
        var surrogate = Assert.Throws<PolicyFormatException>(() => Load("{\"allow\": [\"\\ud800\"]}"));
        Assert.StartsWith("A string is not valid Unicode (a lone surrogate escape?): ", surrogate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsAPolicyFormatError()
    {
        var path = Path.Combine(Path.GetTempPath(), "pcp-tests", "no-such-policy-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json");
        var e = Assert.Throws<PolicyFormatException>(() => PolicyDocument.Load(path));
        Assert.Equal("$", e.JsonPath);
        Assert.StartsWith("The policy file ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedValues_AreKept()
    {
        var p = Load("""
            // comments and trailing commas are accepted
            { "$schema": "x", "$comment": "y", "preset": "fr-administration", "allow": [" LicenseRef-Ours "], "deny": ["GPL-3.0-only"],
              "enforceScopes": ["runtime", "development", "test"], "unknownLicenses": "warn",
              "exceptions": [ { "package": "A*", "versions": "[1.0,2.0)", "license": "LicenseRef-X", "justification": "j", "approvedBy": "DSI", "expires": "2027-06-30" } ], }
            """);
        Assert.Equal(PolicyPreset.FrAdministration, p.Preset);
        Assert.Equal(new[] { "LicenseRef-Ours" }, p.Allow);
        Assert.Contains("licenseref-ours", p.Allow);
        Assert.Equal(new[] { "GPL-3.0-only" }, p.Deny);
        Assert.Equal(new[] { DependencyScope.Runtime, DependencyScope.Development, DependencyScope.Test }, p.EnforcedScopes.Order());
        Assert.False(p.FailOnUnknown);
        Assert.Equal("p.json", p.SourcePath);
        var e = Assert.Single(p.Exceptions);
        Assert.Equal(("A*", "LicenseRef-X", "j", "DSI", new DateOnly(2027, 6, 30)), (e.Package, e.License, e.Justification, e.ApprovedBy, e.Expires!.Value));
        Assert.Equal("[1.0.0, 2.0.0)", e.Versions!.ToString());
        Assert.True(Load("{\"unknownLicenses\": \"fail\"}").FailOnUnknown);
        Assert.Equal(new[] { DependencyScope.Runtime }, Load("{}").EnforcedScopes);
        Assert.Empty(Load("{\"enforceScopes\": []}").EnforcedScopes);
    }
}
