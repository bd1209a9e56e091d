// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.Graph;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

public sealed class PolicyDocumentTests
{
    private static PolicyDocument Load(string json) => PolicyDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "publiccode-policy.json");

    [Fact]
    public void FullPolicy_Loads()
    {
        var p = Load("""
            {
              // comments are allowed
              "$schema": "https://example.invalid/schema.json",
              "preset": "fr-administration",
              "allow": ["LicenseRef-Valmont-Internal"],
              "deny": ["AGPL-3.0-only"],
              "enforceScopes": ["runtime", "test"],
              "unknownLicenses": "warn",
              "exceptions": [
                { "package": "System.Net.Http", "versions": "[4.3.0,4.4)", "license": "LicenseRef-MICROSOFT-NET-LIBRARY",
                  "justification": "Legacy", "approvedBy": "DSI", "expires": "2027-06-30" }
              ],
              "curations": [
                { "package": "Foo", "versions": "1.0.0", "license": "MIT", "source": "https://example.invalid/LICENSE", "reason": "The licence file is MIT." }
              ],
            }
            """);
        Assert.Equal(PolicyPreset.FrAdministration, p.Preset);
        Assert.Contains("LicenseRef-Valmont-Internal", p.Allow);
        Assert.Contains("agpl-3.0-only", p.Deny);
        Assert.Equal(new[] { DependencyScope.Runtime, DependencyScope.Test }, p.EnforcedScopes.OrderBy(x => x));
        Assert.False(p.FailOnUnknown);
        var ex = Assert.Single(p.Exceptions);
        Assert.Equal(new DateOnly(2027, 6, 30), ex.Expires);
        Assert.True(ex.Matches("system.net.http", "4.3.4"));
        Assert.False(ex.Matches("System.Net.Http", "4.4.0"));
        Assert.Single(p.Curations);
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("{", "$")]
    [InlineData("{\"preset\": \"gpl-only\"}", "$.preset")]
    [InlineData("{\"unknown\": 1}", "$.unknown")]
    [InlineData("{\"allow\": \"MIT\"}", "$.allow")]
    [InlineData("{\"enforceScopes\": [\"shipping\"]}", "$.enforceScopes")]
    [InlineData("{\"unknownLicenses\": \"ignore\"}", "$.unknownLicenses")]
    [InlineData("{\"exceptions\": [{\"package\": \"X\"}]}", "$.exceptions[0].justification")]
    [InlineData("{\"exceptions\": [{\"justification\": \"j\"}]}", "$.exceptions[0].package")]
    [InlineData("{\"exceptions\": [{\"package\": \"X\", \"justification\": \"j\", \"versions\": \"[1.0\"}]}", "$.exceptions[0].versions")]
    [InlineData("{\"exceptions\": [{\"package\": \"X\", \"justification\": \"j\", \"expires\": \"30/06/2027\"}]}", "$.exceptions[0].expires")]
    [InlineData("{\"exceptions\": [{\"package\": \"X\", \"justification\": \"j\", \"extra\": \"e\"}]}", "$.exceptions[0].extra")]
    [InlineData("{\"curations\": [{\"package\": \"X\", \"license\": \"MIT OR\", \"source\": \"s\", \"reason\": \"r\"}]}", "$.curations[0].license")]
    public void InvalidPolicy_SaysWhere(string json, string jsonPath)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Load(json));
        Assert.Equal(jsonPath, ex.JsonPath);
    }

    [Fact]
    public void Find_WalksUpTheFolderTree()
    {
        using var temp = new TempDirectory("policy");
        var file = temp.Write("publiccode-policy.json", "{}");
        Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b"));
        Assert.Equal(file, PolicyDocument.Find(Path.Combine(temp.Path, "a", "b")));
    }

    [Fact]
    public void SchemaFile_AcceptsTheSamplePolicyShape()
    {
        var schemaPath = Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "publiccode-policy.schema.json");
        var schema = TestSchemas.Load(schemaPath);
        var good = System.Text.Json.JsonDocument.Parse("""{"preset":"osi","exceptions":[{"package":"A","justification":"j","expires":"2027-01-01"}]}""").RootElement;
        var bad = System.Text.Json.JsonDocument.Parse("""{"preset":"osi","exceptions":[{"package":"A"}]}""").RootElement;
        Assert.True(schema.Evaluate(good).IsValid);
        Assert.False(schema.Evaluate(bad).IsValid);
    }
}
