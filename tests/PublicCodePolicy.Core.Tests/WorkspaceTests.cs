// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Tests;

public sealed class WorkspaceTests : IDisposable
{
    private readonly TempDirectory _temp = new("ws");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Sln_ListsItsProjects()
    {
        _temp.Write("src/A/A.csproj", "<Project />");
        _temp.Write("src/B/B.csproj", "<Project />");
        var sln = _temp.Write("X.sln", "\nMicrosoft Visual Studio Solution File, Format Version 12.00\n" +
            "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"A\", \"src\\A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n" +
            "Project(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"Folder\", \"Folder\", \"{22222222-2222-2222-2222-222222222222}\"\nEndProject\n" +
            "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"B\", \"src\\B\\B.csproj\", \"{33333333-3333-3333-3333-333333333333}\"\nEndProject\n");
        var ws = Workspace.Load(sln);
        Assert.Equal(new[] { "A.csproj", "B.csproj" }, ws.Projects.Select(p => Path.GetFileName(p.ProjectPath)));
        Assert.Empty(ws.Problems);
    }

    [Fact]
    public void Slnx_ListsItsProjects()
    {
        _temp.Write("A/A.csproj", "<Project />");
        var slnx = _temp.Write("X.slnx", "<Solution><Folder Name=\"/src/\"><Project Path=\"A/A.csproj\" /></Folder></Solution>");
        Assert.Equal("A.csproj", Path.GetFileName(Assert.Single(Workspace.Load(slnx).Projects).ProjectPath));
    }

    [Fact]
    public void Folder_WithOneSolution_UsesIt_ElseAllProjects()
    {
        _temp.Write("A/A.csproj", "<Project />");
        _temp.Write("A/obj/Nested.csproj", "<Project />");
        _temp.Write("B/B.csproj", "<Project />");
        Assert.Equal(2, Workspace.Load(_temp.Path).Projects.Count);
        _temp.Write("Only.slnx", "<Solution><Project Path=\"B/B.csproj\" /></Solution>");
        Assert.Equal("B.csproj", Path.GetFileName(Assert.Single(Workspace.Load(_temp.Path).Projects).ProjectPath));
    }

    [Fact]
    public void MissingPath_IsPCP9004()
    {
        var ws = Workspace.Load(Path.Combine(_temp.Path, "nope"));
        Assert.Equal("PCP9004", Assert.Single(ws.Problems).RuleId);
    }

    [Fact]
    public void MalformedSolution_IsPCP9005()
    {
        var ws = Workspace.Load(_temp.Write("Bad.slnx", "<Solution><Project"));
        Assert.Equal("PCP9005", Assert.Single(ws.Problems).RuleId);
    }

    [Fact]
    public void ArtifactsLayout_AssetsFileIsFound()
    {
        var proj = _temp.Write("src/App/App.csproj", "<Project />");
        var assets = _temp.Write("artifacts/obj/App/project.assets.json", "{}");
        Assert.Equal(assets, Workspace.FindAssetsFile(proj));
    }
}
