// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>The purl builder and parser against purl-spec's own NuGet test file (ref/purl/nuget-test.json).</summary>
public sealed class PackageUrlTests
{
    public static TheoryData<int> SpecTests()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Load().Count; i++) data.Add(i);
        return data;
    }

    private static IReadOnlyList<JsonElement> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "purl", "nuget-test.json")));
        return doc.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.Clone()).ToArray();
    }

    [Theory]
    [MemberData(nameof(SpecTests))]
    public void PurlSpecTest_Passes(int index)
    {
        var test = Load()[index];
        var type = test.GetProperty("test_type").GetString();
        bool failure = test.GetProperty("expected_failure").GetBoolean();
        switch (type)
        {
            case "parse":
                Assert.Equal(!failure, PackageUrl.TryParse(test.GetProperty("input").GetString(), out var parts));
                if (failure) return;
                var expected = test.GetProperty("expected_output");
                Assert.Equal(expected.GetProperty("type").GetString(), parts!.Type);
                Assert.Equal(expected.GetProperty("namespace").ValueKind == JsonValueKind.Null ? null : expected.GetProperty("namespace").GetString(), parts.Namespace);
                Assert.Equal(expected.GetProperty("name").GetString(), parts.Name);
                Assert.Equal(expected.GetProperty("version").GetString(), parts.Version);
                Assert.Empty(parts.Qualifiers);
                Assert.Null(parts.Subpath);
                break;
            case "validate":
                Assert.True(PackageUrl.TryParse(test.GetProperty("input").GetString(), out var roundTrip));
                Assert.Equal(test.GetProperty("expected_output").GetString(), PackageUrl.Build(roundTrip!));
                break;
            case "build":
                var input = test.GetProperty("input");
                Assert.Equal("nuget", input.GetProperty("type").GetString());
                Assert.Equal(test.GetProperty("expected_output").GetString(), PackageUrl.ForNuGet(input.GetProperty("name").GetString()!, input.GetProperty("version").GetString()));
                break;
            default:
                Assert.Fail("Unknown purl test type " + type);
                break;
        }
    }

    [Theory]
    [InlineData("Newtonsoft.Json", "13.0.4", "pkg:nuget/Newtonsoft.Json@13.0.4")]
    [InlineData("EnterpriseLibrary.Common", null, "pkg:nuget/EnterpriseLibrary.Common")]
    [InlineData("My_Package", "1.0.0-beta.1", "pkg:nuget/My_Package@1.0.0-beta.1")]
    [InlineData("Odd Name", "1.0.0+build.5", "pkg:nuget/Odd%20Name@1.0.0%2Bbuild.5")]
    public void ForNuGet_KeepsCase_AndEncodes(string id, string? version, string expected)
    {
        Assert.Equal(expected, PackageUrl.ForNuGet(id, version));
        Assert.True(PackageUrl.TryParse(expected, out var parts));
        Assert.Equal(id, parts!.Name);
        Assert.Equal(version, parts.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nuget/Foo@1.0")]
    [InlineData("pkg:nuget")]
    [InlineData("pkg:nuget/ns/Foo@1.0")]
    public void TryParse_RejectsMalformed(string purl) => Assert.False(PackageUrl.TryParse(purl, out _));
}
