// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.Engine;

/// <summary>A project to check and where its restore output is.</summary>
/// <param name="ProjectPath">Full path of the project file.</param>
/// <param name="AssetsFilePath">Its <c>project.assets.json</c>; null when none was found (never restored).</param>
/// <param name="IsTestProject">Known test-project status (from MSBuild); null to infer it from the assets file.</param>
public sealed record WorkspaceProject(string ProjectPath, string? AssetsFilePath, bool? IsTestProject = null);

/// <summary>The projects of a solution, a project file or a folder.</summary>
public sealed class Workspace
{
    private static readonly Regex s_slnProject = new(
        "^Project\\(\"\\{[0-9A-Fa-f-]+\\}\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"(?<path>[^\"]+)\"",
        RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2));

    private static readonly string[] s_projectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    /// <summary>Creates a workspace from known projects.</summary>
    public Workspace(string rootPath, IReadOnlyList<WorkspaceProject> projects, IReadOnlyList<Finding>? problems = null)
    {
        RootPath = rootPath;
        Projects = projects.OrderBy(p => p.ProjectPath, StringComparer.Ordinal).ToArray();
        Problems = problems ?? Array.Empty<Finding>();
    }

    /// <summary>What was loaded: the solution, project or folder.</summary>
    public string RootPath { get; }

    /// <summary>Projects, sorted by path (ordinal).</summary>
    public IReadOnlyList<WorkspaceProject> Projects { get; }

    /// <summary>Problems met while loading (unreadable solution, nothing found).</summary>
    public IReadOnlyList<Finding> Problems { get; }

    /// <summary>
    /// Loads a workspace from a <c>.sln</c>, <c>.slnx</c>, project file, or folder (its only solution, else every
    /// project below it). <paramref name="locateAssets"/> finds a project's assets file when the conventional
    /// <c>obj/project.assets.json</c> and <c>artifacts/obj/&lt;name&gt;/</c> places are empty (e.g. by asking MSBuild).
    /// </summary>
    public static Workspace Load(string path, Func<string, string?>? locateAssets = null)
    {
        var full = Path.GetFullPath(path);
        var problems = new List<Finding>();
        IReadOnlyList<string> projectFiles;
        if (Directory.Exists(full))
        {
            var solutions = Directory.EnumerateFiles(full, "*.sln").Concat(Directory.EnumerateFiles(full, "*.slnx")).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            if (solutions.Length == 1)
            {
                return Load(solutions[0], locateAssets);
            }
            var projectsHere = EnumerateProjects(full, out bool truncated).ToArray();
            if (truncated)
            {
                problems.Add(Problem(RuleCatalog.InputNotFound, full, EngineText.Of("Workspace.TooLarge", full, MaxFolders, MaxFolderDepth)));
                projectsHere = Array.Empty<string>();
            }
            if (solutions.Length > 1 && projectsHere.Length == 0)
            {
                problems.Add(Problem(RuleCatalog.InputNotFound, full, EngineText.Of("Workspace.SeveralSolutions")));
            }
            projectFiles = projectsHere;
        }
        else if (File.Exists(full))
        {
            var ext = Path.GetExtension(full);
            if (ext.Equals(".sln", StringComparison.OrdinalIgnoreCase) || ext.Equals(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                projectFiles = ReadSolution(full, problems);
            }
            else if (s_projectExtensions.Contains(ext, StringComparer.OrdinalIgnoreCase))
            {
                projectFiles = new[] { full };
            }
            else
            {
                problems.Add(Problem(RuleCatalog.InputNotFound, full, EngineText.Of("Workspace.NotAProject", full)));
                projectFiles = Array.Empty<string>();
            }
        }
        else
        {
            problems.Add(Problem(RuleCatalog.InputNotFound, full, EngineText.Of("Workspace.NotFound", full)));
            projectFiles = Array.Empty<string>();
        }
        if (projectFiles.Count == 0 && problems.Count == 0)
        {
            problems.Add(Problem(RuleCatalog.InputNotFound, full, EngineText.Of("Workspace.NoProject", full)));
        }
        // Asking MSBuild costs a process per project: only for projects that exist, and only a few times per run
        // (a solution listing 10,000 missing projects must not start 10,000 processes).
        int queries = 0;
        string? Locate(string project)
        {
            if (locateAssets == null || !IO.InputFile.IsRegularFile(project) || queries >= MaxMsBuildQueries) return null;
            queries++;
            return locateAssets(project);
        }
        var projects = projectFiles.Distinct(StringComparer.Ordinal).Select(p => new WorkspaceProject(p, FindAssetsFile(p) ?? Locate(p))).ToArray();
        return new Workspace(full, projects, problems);
    }

    /// <summary>Finds a project's assets file in the conventional places; null when none exists.</summary>
    public static string? FindAssetsFile(string projectPath)
    {
        var dir = Path.GetDirectoryName(projectPath)!;
        var candidate = Path.Combine(dir, "obj", "project.assets.json");
        if (File.Exists(candidate)) return candidate;
        // UseArtifactsOutput puts obj under <ArtifactsPath>/obj/<ProjectName>/ (ArtifactsPath is usually next to Directory.Build.props).
        var name = Path.GetFileNameWithoutExtension(projectPath);
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            var artifacts = Path.Combine(d.FullName, "artifacts", "obj", name, "project.assets.json");
            if (File.Exists(artifacts)) return artifacts;
        }
        return null;
    }

    /// <summary>Largest solution file read (docs/limits.md).</summary>
    public const long MaxSolutionBytes = 64L * 1024 * 1024;

    /// <summary>Folders visited when a folder is given instead of a solution or project (docs/limits.md).</summary>
    public const int MaxFolders = 10_000;

    /// <summary>Depth of folders searched below a given folder (docs/limits.md).</summary>
    public const int MaxFolderDepth = 32;

    /// <summary>Projects whose assets file is asked of MSBuild (one process each) in one run (docs/limits.md).</summary>
    public const int MaxMsBuildQueries = 32;

    private static IEnumerable<string> EnumerateProjects(string folder, out bool truncated)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true };
        var stack = new Stack<(string Dir, int Depth)>();
        stack.Push((folder, 0));
        var found = new List<string>();
        int visited = 0;
        truncated = false;
        while (stack.Count > 0)
        {
            var (dir, depth) = stack.Pop();
            // 'check /' or a home folder is not a repository: stop early rather than walk the disk.
            if (++visited > MaxFolders || depth > MaxFolderDepth)
            {
                truncated = true;
                return Array.Empty<string>();
            }
            try
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*proj", options))
                {
                    if (s_projectExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) found.Add(Path.GetFullPath(file));
                }
                foreach (var sub in Directory.EnumerateDirectories(dir, "*", options))
                {
                    var name = Path.GetFileName(sub);
                    if (name is "bin" or "obj" or "artifacts" or "node_modules" or "TestResults" || name.StartsWith('.')) continue;
                    if ((File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0) continue;
                    stack.Push((sub, depth + 1));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder removed or made unreadable while it is walked (another build cleaning up): skip it.
            }
        }
        return found.OrderBy(f => f, StringComparer.Ordinal);
    }

    private static Finding Problem(RuleDescriptor rule, string path, EngineText text)
        => new() { RuleId = rule.Id, Severity = FindingSeverity.Error, IsEnforced = true, ProjectPath = path, Message = text.ToString(), Text = text };

    private static IReadOnlyList<string> ReadSolution(string path, List<Finding> problems)
    {
        var dir = Path.GetDirectoryName(path)!;
        var result = new List<string>();
        try
        {
            if (path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64 * 1024 * 1024 };
                using var stream = IO.InputFile.OpenRead(path, MaxSolutionBytes);
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Project")
                    {
                        var p = reader.GetAttribute("Path");
                        if (!string.IsNullOrWhiteSpace(p)) result.Add(p);
                    }
                }
            }
            else
            {
                var text = IO.InputFile.ReadAllText(path, MaxSolutionBytes);
                if (!text.Contains("Microsoft Visual Studio Solution File", StringComparison.Ordinal))
                    throw new InvalidDataException("The file does not start with the Visual Studio solution header.");
                foreach (Match m in s_slnProject.Matches(text)) result.Add(m.Groups["path"].Value);
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException or RegexMatchTimeoutException)
        {
            problems.Add(Problem(RuleCatalog.InvalidSolution, path, EngineText.Of("Workspace.SolutionUnreadable", path, ex.Message)));
            return Array.Empty<string>();
        }
        return result
            .Select(p => p.Replace('\\', Path.DirectorySeparatorChar))
            .Where(p => s_projectExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(dir, p)))
            .ToArray();
    }
}
