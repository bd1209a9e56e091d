// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.TestUtilities;

/// <summary>
/// Writes what 'dotnet restore' leaves behind — a project file, obj/project.assets.json and a global packages
/// folder with nuspecs — without a restore, for fast unit tests of the graph and policy. The assets file follows
/// the real format (version 3); end-to-end tests use real restores.
/// </summary>
public sealed class FakeRestore
{
    private readonly List<Pkg> _packages = new();
    private readonly List<(string Id, string Range, string? SuppressParent, bool AutoReferenced)> _direct = new();
    private readonly List<string> _projectRefs = new();
    private readonly List<string> _runtimes = new();

    /// <summary>Creates a builder for a project named <paramref name="projectName"/>.</summary>
    public FakeRestore(string projectName, string framework = "net10.0")
    {
        ProjectName = projectName;
        Framework = framework;
    }

    /// <summary>Project name.</summary>
    public string ProjectName { get; }

    /// <summary>Target framework.</summary>
    public string Framework { get; }

    private sealed record Pkg(string Id, string Version, string NuspecLicenseXml, string[] Dependencies, bool BuildOnly, bool DevDependency, string? ExtraNuspec);

    /// <summary>Adds a package. <paramref name="licenseXml"/> is the nuspec fragment, e.g. <c>&lt;license type="expression"&gt;MIT&lt;/license&gt;</c>.</summary>
    public FakeRestore Package(string id, string version, string licenseXml, string[]? dependsOn = null, bool buildOnly = false, bool developmentDependency = false, string? extraNuspec = null)
    {
        _packages.Add(new Pkg(id, version, licenseXml, dependsOn ?? Array.Empty<string>(), buildOnly, developmentDependency, extraNuspec));
        return this;
    }

    /// <summary>Declares a direct reference (<paramref name="suppressParent"/> "All" for PrivateAssets=all; <paramref name="autoReferenced"/> for one the SDK adds itself).</summary>
    public FakeRestore Direct(string id, string? suppressParent = null, bool autoReferenced = false)
    {
        var v = _packages.First(p => p.Id == id).Version;
        _direct.Add((id, "[" + v + ", )", suppressParent, autoReferenced));
        return this;
    }

    /// <summary>Restores for runtime identifiers too: the assets file then also has targets "framework/rid" with the same packages.</summary>
    public FakeRestore RuntimeIdentifiers(params string[] runtimes)
    {
        _runtimes.AddRange(runtimes);
        return this;
    }

    /// <summary>Adds a project reference (by project name).</summary>
    public FakeRestore ProjectReference(string name)
    {
        _projectRefs.Add(name);
        return this;
    }

    /// <summary>Writes everything under <paramref name="root"/>: <c>root/ProjectName/ProjectName.csproj</c>, its obj/, and <c>root/packages</c>. Returns the project path.</summary>
    public string WriteTo(string root)
    {
        var projectDir = Path.Combine(root, ProjectName);
        Directory.CreateDirectory(Path.Combine(projectDir, "obj"));
        var projectPath = Path.Combine(projectDir, ProjectName + ".csproj");
        File.WriteAllText(projectPath, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var packagesDir = Path.Combine(root, "packages") + Path.DirectorySeparatorChar;
        foreach (var p in _packages)
        {
            var dir = Path.Combine(packagesDir, p.Id.ToLowerInvariant(), p.Version.ToLowerInvariant());
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, p.Id.ToLowerInvariant() + ".nuspec"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n" +
                "    <id>" + p.Id + "</id>\n    <version>" + p.Version + "</version>\n    <authors>Test Authors</authors>\n" +
                (p.DevDependency ? "    <developmentDependency>true</developmentDependency>\n" : string.Empty) +
                "    " + p.NuspecLicenseXml + "\n" + (p.ExtraNuspec ?? string.Empty) + "    <description>Test package.</description>\n  </metadata>\n</package>\n");
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 3);
            w.WriteStartObject("targets");
            foreach (var target in new[] { Framework }.Concat(_runtimes.Select(r => Framework + "/" + r)))
            {
            w.WriteStartObject(target);
            foreach (var p in _packages)
            {
                w.WriteStartObject(p.Id + "/" + p.Version);
                w.WriteString("type", "package");
                if (p.Dependencies.Length > 0)
                {
                    w.WriteStartObject("dependencies");
                    foreach (var d in p.Dependencies)
                    {
                        var dep = _packages.First(x => x.Id == d);
                        w.WriteString(dep.Id, dep.Version);
                    }
                    w.WriteEndObject();
                }
                if (p.BuildOnly)
                {
                    w.WriteStartObject("build");
                    w.WriteStartObject("build/" + p.Id + ".targets");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteStartObject("compile");
                    w.WriteStartObject("lib/net8.0/" + p.Id + ".dll");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteStartObject("runtime");
                    w.WriteStartObject("lib/net8.0/" + p.Id + ".dll");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            foreach (var r in _projectRefs)
            {
                w.WriteStartObject(r + "/1.0.0");
                w.WriteString("type", "project");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("libraries");
            foreach (var p in _packages)
            {
                w.WriteStartObject(p.Id + "/" + p.Version);
                w.WriteString("sha512", Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(p.Id + p.Version))));
                w.WriteString("type", "package");
                w.WriteString("path", p.Id.ToLowerInvariant() + "/" + p.Version.ToLowerInvariant());
                w.WriteStartArray("files");
                w.WriteStringValue(p.Id.ToLowerInvariant() + ".nuspec");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            foreach (var r in _projectRefs)
            {
                w.WriteStartObject(r + "/1.0.0");
                w.WriteString("type", "project");
                w.WriteString("path", "../" + r + "/" + r + ".csproj");
                w.WriteString("msbuildProject", "../" + r + "/" + r + ".csproj");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("projectFileDependencyGroups");
            w.WriteStartArray(Framework);
            foreach (var d in _direct) w.WriteStringValue(d.Id + " >= " + d.Range.Trim('[', ' ', ',', ')'));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("packageFolders");
            w.WriteStartObject(packagesDir);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("project");
            w.WriteString("version", "1.0.0");
            w.WriteStartObject("restore");
            w.WriteString("projectUniqueName", projectPath);
            w.WriteString("projectName", ProjectName);
            w.WriteString("projectPath", projectPath);
            w.WriteString("packagesPath", packagesDir);
            w.WriteString("outputPath", Path.Combine(projectDir, "obj") + Path.DirectorySeparatorChar);
            w.WriteString("projectStyle", "PackageReference");
            w.WriteStartObject("frameworks");
            w.WriteStartObject(Framework);
            w.WriteString("targetAlias", Framework);
            w.WriteStartObject("projectReferences");
            foreach (var r in _projectRefs)
            {
                var refPath = Path.Combine(root, r, r + ".csproj");
                w.WriteStartObject(refPath);
                w.WriteString("projectPath", refPath);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("frameworks");
            w.WriteStartObject(Framework);
            w.WriteString("targetAlias", Framework);
            w.WriteStartObject("dependencies");
            foreach (var d in _direct)
            {
                w.WriteStartObject(d.Id);
                if (d.SuppressParent != null) w.WriteString("suppressParent", d.SuppressParent);
                if (d.AutoReferenced) w.WriteBoolean("autoReferenced", true);
                w.WriteString("target", "Package");
                w.WriteString("version", d.Range);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        File.WriteAllBytes(Path.Combine(projectDir, "obj", "project.assets.json"), stream.ToArray());
        return projectPath;
    }
}
