// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Cli.Metadata;

namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// The in-process evaluation and its cache (issue 11) must give exactly what a real <c>dotnet msbuild -getProperty</c>
/// prints, on the samples and on generated shapes (conditions, imports, Directory.Build.props, CPM), and must never
/// serve a value an edit made stale.
/// </summary>
[Collection(RestoredSamplesCollection.Name)]
public sealed class ProjectMetadataTests
{
    // What sbom, report and yml read, plus properties that only come out right when imports and conditions are followed.
    private static readonly string[] s_names =
    {
        "Version", "PackageLicenseExpression", "RepositoryUrl", "PackageProjectUrl", "Company", "AssemblyName", "Description",
        "OutputType", "PackageId", "IsPackable", "TargetFramework", "TargetFrameworks", "ManagePackageVersionsCentrally",
        "MSBuildProjectExtensionsPath", "PublicCodeNameFr", "Shape", "FromImport", "FromCondition", "CentralFlag", "NotDefinedAnywhere",
    };

    private readonly RestoredSamples _samples;

    public ProjectMetadataTests(RestoredSamples samples) => _samples = samples;

    [Fact]
    public void Samples_InProcessAndCached_EqualDotnetMsbuild()
    {
        var projects = Directory.EnumerateFiles(_samples.Valmont, "*.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(_samples.Cpm, "Multi", "Multi.csproj"))
            .Append(Path.Combine(_samples.NotRestored, "Fresh.csproj"))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(projects.Length >= 5, string.Join(", ", projects));
        AssertEqualToMsbuild(projects);
    }

    [Fact]
    public void GeneratedShapes_InProcessAndCached_EqualDotnetMsbuild()
    {
        using var temp = new TempDirectory("metadata-shapes");
        WriteShapes(temp);
        var projects = Directory.EnumerateFiles(temp.Path, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, projects.Length);
        var values = AssertEqualToMsbuild(projects);
        // The shapes are what they claim to be (the comparison above would pass on shapes that test nothing).
        var app = values[projects.Single(p => p.EndsWith("App.csproj", StringComparison.Ordinal))]!;
        Assert.Equal("3.1.4-app", app["Version"]);
        Assert.Equal("imported", app["FromImport"]);
        Assert.Equal("Exe", app["OutputType"]);
        Assert.Equal("true", app["CentralFlag"]);
        var lib = values[projects.Single(p => p.EndsWith("Lib.csproj", StringComparison.Ordinal))]!;
        Assert.Equal("net8.0;net10.0", lib["TargetFrameworks"]);
        Assert.Equal("multi", lib["FromCondition"]);
        Assert.Equal("nested", values[projects.Single(p => p.EndsWith("Nested.csproj", StringComparison.Ordinal))]!["Shape"]);
    }

    [Fact]
    public void Broken_Project_IsNull_LikeDotnetMsbuild()
    {
        using var temp = new TempDirectory("metadata-broken");
        var broken = temp.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><Version>1.0</Version>");
        var reference = Dotnet.Run(Path.GetDirectoryName(broken)!, null, TimeSpan.FromMinutes(2), "msbuild", broken, "-getProperty:Version", "-nologo");
        Assert.NotEqual(0, reference.ExitCode);
        Assert.Null(ProjectMetadata.Read(new[] { broken }, new[] { "Version" }, "inprocess")[broken]);
    }

    [Fact]
    public void Edits_ToProject_ImportedProps_AndNewDirectoryBuildProps_AreSeenOnTheNextRun()
    {
        using var temp = new TempDirectory("metadata-edits");
        WriteShapes(temp);
        var app = Directory.EnumerateFiles(temp.Path, "App.csproj", SearchOption.AllDirectories).Single();
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(app)!, "obj"));
        string[] names = { "Version", "FromImport", "Description" };

        var first = Read(app, names);
        Assert.Equal(MetadataSource.InProcess, first.Source);
        var second = Read(app, names);
        Assert.Equal(MetadataSource.Cache, second.Source);
        Assert.Equal(first.Values, second.Values);

        // An imported file (not the project, not a Directory.* file) changes.
        var imported = Path.Combine(temp.Path, "build", "Shared.props");
        File.WriteAllText(imported, File.ReadAllText(imported).Replace(">imported<", ">edited import<", StringComparison.Ordinal));
        var afterImport = Read(app, names);
        Assert.Equal(MetadataSource.InProcess, afterImport.Source);
        Assert.Equal("edited import", afterImport.Values["FromImport"]);

        // The project file itself changes, with the same length (a size or time stamp check would not be enough).
        var text = File.ReadAllText(app);
        File.WriteAllText(app, text.Replace("<VersionSuffix>app<", "<VersionSuffix>apq<", StringComparison.Ordinal));
        Assert.Equal(text.Length, File.ReadAllText(app).Length);
        var afterProject = Read(app, names);
        Assert.Equal(MetadataSource.InProcess, afterProject.Source);
        Assert.Equal("3.1.4-apq", afterProject.Values["Version"]);

        // A Directory.Build.props appears nearer to the project: MSBuild now imports it instead of the root one.
        temp.Write("src/app/Directory.Build.props", "<Project><PropertyGroup><Description>nearer</Description></PropertyGroup></Project>");
        var afterNewFile = Read(app, names);
        Assert.Equal(MetadataSource.InProcess, afterNewFile.Source);
        Assert.Equal("nearer", afterNewFile.Values["Description"]);
        Assert.Equal(MetadataSource.Cache, Read(app, names).Source);

        // And every value served, cached or not, is still what MSBuild says now.
        AssertEqualToMsbuild(new[] { app });
    }

    [Fact]
    public void Environment_ReadByTheProject_IsInTheKey_ButNotWhatTheShellChangesBetweenTwoRuns()
    {
        using var temp = new TempDirectory("metadata-env");
        var project = temp.Write("Env/Env.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>" +
            "<Description>$(PCP_METADATA_TEST_VALUE)</Description></PropertyGroup></Project>");
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(project)!, "obj"));
        string[] names = { "Description" };
        string[] variables = { "PCP_METADATA_TEST_VALUE", "OLDPWD", "SHLVL", "_" };
        var saved = variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("PCP_METADATA_TEST_VALUE", "first");
            var first = Read(project, names);
            Assert.Equal(MetadataSource.InProcess, first.Source);
            Assert.Equal("first", first.Values["Description"]);
            Assert.Equal(MetadataSource.Cache, Read(project, names).Source);

            // What a shell changes between two identical runs (previous folder, nesting level, last command) is not an input.
            Environment.SetEnvironmentVariable("OLDPWD", temp.Path);
            Environment.SetEnvironmentVariable("SHLVL", "7");
            Environment.SetEnvironmentVariable("_", "/usr/bin/env");
            Assert.Equal(MetadataSource.Cache, Read(project, names).Source);

            // A variable the project reads is: a new value is evaluated again, never served stale.
            Environment.SetEnvironmentVariable("PCP_METADATA_TEST_VALUE", "second");
            var second = Read(project, names);
            Assert.Equal(MetadataSource.InProcess, second.Source);
            Assert.Equal("second", second.Values["Description"]);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static ProjectProperties Read(string project, string[] names)
        => ProjectMetadata.Read(new[] { project }, names, "inprocess")[project] ?? throw new InvalidOperationException(project + " was not evaluated.");

    // Compares the in-process evaluation (without cache), then a cached read, with one real 'dotnet msbuild' per project.
    private static Dictionary<string, IReadOnlyDictionary<string, string>?> AssertEqualToMsbuild(string[] projects)
    {
        foreach (var p in projects) Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(p)!, "obj"));
        var fresh = ProjectMetadata.Read(projects, s_names, "nocache");
        ProjectMetadata.Read(projects, s_names, "inprocess");
        var cached = ProjectMetadata.Read(projects, s_names, "inprocess");
        var all = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var expected = DotnetMsbuild(project, s_names);
            Assert.True(fresh[project] is { Source: MetadataSource.InProcess }, project + ": " + fresh[project]?.Source);
            Assert.True(cached[project] is { Source: MetadataSource.Cache }, project + ": " + cached[project]?.Source);
            foreach (var name in s_names)
            {
                Assert.True(expected[name] == fresh[project]!.Values[name], project + " " + name + ": msbuild '" + expected[name] + "', in process '" + fresh[project]!.Values[name] + "'");
                Assert.True(expected[name] == cached[project]!.Values[name], project + " " + name + ": msbuild '" + expected[name] + "', cached '" + cached[project]!.Values[name] + "'");
            }
            all[project] = expected;
        }
        return all;
    }

    private static Dictionary<string, string> DotnetMsbuild(string project, string[] names)
    {
        var args = new List<string> { "msbuild", project, "-nologo" };
        args.AddRange(names.Select(n => "-getProperty:" + n));
        var r = Dotnet.Run(Path.GetDirectoryName(project)!, null, TimeSpan.FromMinutes(2), args.ToArray());
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(r.StdOut.Trim());
        return doc.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }

    // Conditions on properties set by imports, an explicit import from another folder, a nested Directory.Build.props
    // that imports its parent, CPM, multi-targeting, and a property function.
    private static void WriteShapes(TempDirectory temp)
    {
        temp.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <Company>Ville de Test</Company>
                <VersionPrefix>3.1.4</VersionPrefix>
                <RepositoryUrl>https://forge.example.fr/ville/$(MSBuildProjectName.ToLowerInvariant())</RepositoryUrl>
                <PackageLicenseExpression Condition="'$(IsTestProject)' != 'true'">EUPL-1.2</PackageLicenseExpression>
              </PropertyGroup>
              <Import Project="build/Shared.props" />
            </Project>
            """);
        temp.Write("build/Shared.props", """
            <Project>
              <PropertyGroup>
                <FromImport>imported</FromImport>
                <PublicCodeNameFr>Logiciel $(MSBuildProjectName)</PublicCodeNameFr>
              </PropertyGroup>
            </Project>
            """);
        temp.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralFlag>$(ManagePackageVersionsCentrally)</CentralFlag>
              </PropertyGroup>
              <ItemGroup><PackageVersion Include="Serilog" Version="4.4.0" /></ItemGroup>
            </Project>
            """);
        temp.Write("src/app/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <VersionSuffix>app</VersionSuffix>
                <Version>$(VersionPrefix)-$(VersionSuffix)</Version>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="Serilog" /></ItemGroup>
            </Project>
            """);
        temp.Write("src/lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <FromCondition Condition="'$(TargetFrameworks)' != '' and $(TargetFrameworks.Contains(';'))">multi</FromCondition>
                <Description>Bibliothèque partagée</Description>
                <PackageId>Ville.Lib</PackageId>
              </PropertyGroup>
            </Project>
            """);
        temp.Write("src/nested/Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup><Shape>nested</Shape><IsPackable>false</IsPackable></PropertyGroup>
            </Project>
            """);
        temp.Write("src/nested/Nested.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><AssemblyName>Ville.Nested</AssemblyName></PropertyGroup>
            </Project>
            """);
        temp.Write("tests/App.Tests/App.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsTestProject>true</IsTestProject></PropertyGroup>
            </Project>
            """);
    }
}
