// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Tests;

/// <summary>
/// What Workspace.Load finds in a folder, a solution or a file, the problems it reports (with their texts), its folder
/// limits, the folders it skips, and when it asks the caller (MSBuild) for an assets file.
/// </summary>
public sealed class WorkspaceDiscoveryTests : IDisposable
{
    private const string SlnHeader = "\nMicrosoft Visual Studio Solution File, Format Version 12.00\n";
    private readonly TempDirectory _temp = new("discovery");

    public void Dispose() => _temp.Dispose();

    private string Project(string relativePath) => _temp.Write(relativePath, "<Project Sdk=\"Microsoft.NET.Sdk\" />");

    private static string[] Names(Workspace ws) => ws.Projects.Select(p => Path.GetFileName(p.ProjectPath)).ToArray();

    private static void AssertProblem(Workspace ws, string ruleId, string path, string english, string french)
    {
        var problem = Assert.Single(ws.Problems);
        Assert.Equal(ruleId, problem.RuleId);
        Assert.Equal(FindingSeverity.Error, problem.Severity);
        Assert.True(problem.IsEnforced);
        Assert.Equal(path, problem.ProjectPath);
        Assert.Equal(english, problem.Message);
        Assert.Equal(english, problem.Text!.ToString());
        Assert.Equal(french, problem.Text.ToString(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void Folder_WithOneSolutionAmongOtherFiles_IsThatSolution()
    {
        Project("A/A.csproj");
        Project("B/B.csproj");
        _temp.Write("Directory.Build.props", "<Project />");
        _temp.Write("README.md", "# Repository");
        _temp.Write("Only.slnx", "<Solution><Project Path=\"B/B.csproj\" /></Solution>");

        var ws = Workspace.Load(_temp.Path);

        Assert.Equal(new[] { "B.csproj" }, Names(ws));
        Assert.Equal(Path.Combine(_temp.Path, "Only.slnx"), ws.RootPath);
        Assert.Empty(ws.Problems);
    }

    [Fact]
    public void Folder_WithSeveralSolutionsAndNoProject_AsksForTheSolution()
    {
        _temp.Write("X.sln", SlnHeader);
        _temp.Write("Y.slnx", "<Solution />");

        var ws = Workspace.Load(_temp.Path);

        Assert.Empty(ws.Projects);
        AssertProblem(ws, "PCP9004", _temp.Path,
            "The folder holds several solutions; name the one to check.",
            "Le dossier contient plusieurs solutions ; indiquez celle à vérifier.");
    }

    [Fact]
    public void Folder_WithSeveralSolutionsAndProjects_ChecksEveryProject()
    {
        _temp.Write("X.sln", SlnHeader);
        _temp.Write("Y.slnx", "<Solution />");
        Project("src/B/B.fsproj");
        Project("src/A/A.csproj");
        Project("src/C/C.vbproj");
        _temp.Write("src/D/D.proj", "<Project />");

        var ws = Workspace.Load(_temp.Path);

        Assert.Equal(new[] { "A.csproj", "B.fsproj", "C.vbproj" }, Names(ws));
        Assert.Empty(ws.Problems);
    }

    [Fact]
    public void EmptyFolder_HasNoProject()
    {
        var ws = Workspace.Load(_temp.Path);

        Assert.Empty(ws.Projects);
        AssertProblem(ws, "PCP9004", _temp.Path,
            "No project was found in '" + _temp.Path + "'.",
            "Aucun projet n'a été trouvé dans « " + _temp.Path + " ».");
    }

    [Fact]
    public void SolutionWithoutProjects_HasNoProject()
    {
        var sln = _temp.Write("Empty.sln", SlnHeader);

        AssertProblem(Workspace.Load(sln), "PCP9004", sln,
            "No project was found in '" + sln + "'.",
            "Aucun projet n'a été trouvé dans « " + sln + " ».");
    }

    [Fact]
    public void MissingPath_DoesNotExist()
    {
        var missing = Path.Combine(_temp.Path, "nope.sln");

        AssertProblem(Workspace.Load(missing), "PCP9004", missing,
            "'" + missing + "' does not exist.",
            "« " + missing + " » n'existe pas.");
    }

    [Fact]
    public void FileThatIsNeitherSolutionNorProject_IsNotAProject()
    {
        var text = _temp.Write("notes.txt", "Project(\"{x}\")");

        var ws = Workspace.Load(text);

        Assert.Empty(ws.Projects);
        AssertProblem(ws, "PCP9004", text,
            "'" + text + "' is not a solution (.sln, .slnx) or project file.",
            "« " + text + " » n'est ni une solution (.sln, .slnx) ni un fichier de projet.");
    }

    [Fact]
    public void SlnWithoutTheVisualStudioHeader_IsUnreadable()
    {
        Project("A/A.csproj");
        var sln = _temp.Write("X.sln", "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"A\", \"A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n");

        var ws = Workspace.Load(sln);

        Assert.Empty(ws.Projects);
        AssertProblem(ws, "PCP9005", sln,
            "The solution '" + sln + "' cannot be read: The file does not start with the Visual Studio solution header.",
            "La solution « " + sln + " » est illisible : The file does not start with the Visual Studio solution header.");
    }

    [Fact]
    public void Slnx_ListsItsProjects_NotItsSolutionItems()
    {
        Project("A/A.csproj");
        Project("templates/Template.csproj");
        var slnx = _temp.Write("X.slnx", """
            <Solution>
              <Folder Name="/Solution Items/">
                <File Path="templates/Template.csproj" />
                <File Path="Directory.Build.props" />
              </Folder>
              <Project Path="A/A.csproj" />
              <Project Path=" " />
            </Solution>
            """);

        var ws = Workspace.Load(slnx);

        Assert.Equal(new[] { Path.Combine(_temp.Path, "A", "A.csproj") }, ws.Projects.Select(p => p.ProjectPath));
        Assert.Empty(ws.Problems);
    }

    [Fact]
    public void Folder_SkipsBuildOutputToolFoldersAndHiddenFolders()
    {
        Project("src/A/A.csproj");
        Project("bins/B.csproj");
        foreach (var skipped in new[] { "bin", "obj", "artifacts", "node_modules", "TestResults", ".git" })
            Project(Path.Combine(skipped, "Skipped.csproj"));
        Project("src/A/bin/Debug/Nested.csproj");

        Assert.Equal(new[] { "B.csproj", "A.csproj" }, Names(Workspace.Load(_temp.Path)));
    }

    [Fact]
    public void Folder_DoesNotFollowSymbolicLinks()
    {
        using var outside = new TempDirectory("discovery-outside");
        outside.Write("Outside/Outside.csproj", "<Project />");
        Project("A/A.csproj");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "linked"), Path.Combine(outside.Path, "Outside"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Windows without the right to create links: nothing to follow.
        }

        Assert.Equal(new[] { "A.csproj" }, Names(Workspace.Load(_temp.Path)));
    }

    [Fact]
    public void Folder_IsSearchedThirtyTwoLevelsDeep_ADeeperOneIsNotARepository()
    {
        Assert.Equal(32, Workspace.MaxFolderDepth);
        var deepest = Path.Combine(Enumerable.Range(1, 32).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
        Project(Path.Combine(deepest, "Deep.csproj"));

        Assert.Equal(new[] { "Deep.csproj" }, Names(Workspace.Load(_temp.Path)));

        Directory.CreateDirectory(Path.Combine(_temp.Path, deepest, "33"));
        var ws = Workspace.Load(_temp.Path);

        Assert.Empty(ws.Projects);
        AssertProblem(ws, "PCP9004", _temp.Path,
            "The folder '" + _temp.Path + "' holds more than 10000 folders or is deeper than 32 levels: it is not one repository. Name the solution or project to check.",
            "Le dossier « " + _temp.Path + " » contient plus de 10000 dossiers ou plus de 32 niveaux : ce n'est pas un dépôt. Indiquez la solution ou le projet à vérifier.");
    }

    [Fact]
    public void AssetsFile_TheConventionalPlaceWins_ElseTheCallerIsAsked()
    {
        var restored = Project("Restored/Restored.csproj");
        var assets = _temp.Write("Restored/obj/project.assets.json", "{}");
        var notRestored = Project("Other/Other.csproj");
        var asked = new List<string>();

        var ws = Workspace.Load(_temp.Path, p => { asked.Add(p); return "/elsewhere/" + Path.GetFileNameWithoutExtension(p) + ".assets.json"; });

        Assert.Equal(new[] { notRestored }, asked);
        Assert.Equal(
            new[] { new WorkspaceProject(notRestored, "/elsewhere/Other.assets.json"), new WorkspaceProject(restored, assets) },
            ws.Projects);
    }

    [Fact]
    public void AssetsFile_IsAskedOnlyForProjectsThatExist()
    {
        var existing = Project("A/A.csproj");
        var missing = Path.Combine(_temp.Path, "B", "B.csproj");
        var sln = _temp.Write("X.sln", SlnHeader +
            "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"A\", \"A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n" +
            "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"B\", \"B\\B.csproj\", \"{33333333-3333-3333-3333-333333333333}\"\nEndProject\n");
        var asked = new List<string>();

        var ws = Workspace.Load(sln, p => { asked.Add(p); return p + ".assets.json"; });

        Assert.Equal(new[] { existing }, asked);
        Assert.Equal(new[] { new WorkspaceProject(existing, existing + ".assets.json"), new WorkspaceProject(missing, null) }, ws.Projects);
    }

    [Fact]
    public void AssetsFile_IsAskedForThirtyTwoProjectsAtMost()
    {
        Assert.Equal(32, Workspace.MaxMsBuildQueries);
        var projects = Enumerable.Range(0, 33).Select(i => Project("P" + i.ToString("00", CultureInfo.InvariantCulture) + "/P.csproj")).ToArray();
        var asked = new List<string>();

        var ws = Workspace.Load(_temp.Path, p => { asked.Add(p); return p + ".assets.json"; });

        Assert.Equal(projects.Take(32), asked);
        Assert.Equal(projects.Take(32).Select(p => p + ".assets.json").Append(null), ws.Projects.Select(p => p.AssetsFilePath));
    }
}
