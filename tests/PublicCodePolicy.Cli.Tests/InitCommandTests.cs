// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Cli.Tests;

public sealed class InitCommandTests
{
    [Theory]
    [InlineData("osi", PolicyPreset.Osi)]
    [InlineData("fr-administration", PolicyPreset.FrAdministration)]
    public void WritesAPolicyThatLoadsAndValidates(string preset, PolicyPreset expected)
    {
        using var temp = new TempDirectory("init");
        var r = Cli.Run("init", temp.Path, "--preset", preset, "--no-yml");
        Assert.Equal(0, r.ExitCode);
        var path = Path.Combine(temp.Path, PolicyDocument.FileName);
        Assert.Equal(expected, PolicyDocument.Load(path).Preset);
        var schema = TestSchemas.Load(Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas", "publiccode-policy.schema.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path), new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        Assert.True(schema.Evaluate(doc.RootElement).IsValid);
    }

    [Fact]
    public void ExistingFile_IsNeverOverwrittenWithoutForce_AndIsKeptAsBak()
    {
        using var temp = new TempDirectory("init2");
        var path = temp.Write(PolicyDocument.FileName, "{ \"preset\": \"fsf\" } // mine");
        var r = Cli.Run("init", temp.Path, "--no-yml");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("{ \"preset\": \"fsf\" } // mine", File.ReadAllText(path));
        Assert.Equal(0, Cli.Run("init", temp.Path, "--force", "--no-yml").ExitCode);
        Assert.Equal("{ \"preset\": \"fsf\" } // mine", File.ReadAllText(path + ".bak"));
        Assert.Equal(PolicyPreset.Osi, PolicyDocument.Load(path).Preset);
    }
}
