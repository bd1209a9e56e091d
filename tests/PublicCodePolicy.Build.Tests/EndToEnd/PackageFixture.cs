// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// Packs PublicCodePolicy once per test run into a folder feed, under a version no earlier run used, so no NuGet
/// cache can serve a stale copy. The throwaway projects share one package folder of this run's own, so that two
/// test runs at once never see (or delete) each other's packages.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Packages every throwaway project uses.</summary>
    public const string NewtonsoftJson = """<PackageReference Include="Newtonsoft.Json" Version="13.0.4" />""";

    /// <summary>Apache-2.0.</summary>
    public const string Serilog = """<PackageReference Include="Serilog" Version="4.4.0" />""";

    /// <summary>Declares the proprietary .NET Library terms by licence URL: non-free (PCP0001), with five non-free dependencies.</summary>
    public const string SystemNetHttp = """<PackageReference Include="System.Net.Http" Version="4.3.4" />""";

    private readonly TempDirectory _root = new("e2e");

    public PackageFixture()
    {
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Feed = Path.Combine(_root.Path, "feed");
        Projects = Path.Combine(_root.Path, "projects");
        PackagesFolder = Path.Combine(_root.Path, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Projects);

        var packageProject = Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Package", "PublicCodePolicy.Package.csproj");
        // Its own artifacts folder: the pack never shares bin/ and obj/ with the builds of the test run or of a developer.
        // The repository's own packages are in the user's packages folder already (the test project was restored).
        PackResult = DotNetCli.Run(TestPaths.RepositoryRoot, null, "pack", packageProject, "-c", "Release", "-o", Feed,
            "--artifacts-path", Path.Combine(_root.Path, "artifacts"),
            "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off");
        if (PackResult.ExitCode != 0) throw new InvalidOperationException("Packing PublicCodePolicy failed:\n" + PackResult);
        Package = Path.Combine(Feed, "PublicCodePolicy." + Version + ".nupkg");

        File.WriteAllText(Path.Combine(Projects, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // Fences the throwaway projects off from any Directory.Build.* above the temp folder.
        File.WriteAllText(Path.Combine(Projects, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <!-- NU1510: System.Net.Http is part of net10.0 and referenced on purpose, to have a real non-free package. -->
                <NoWarn>$(NoWarn);NU1510</NoWarn>
                <!-- What a compliant project declares, so that the package's analyzers have nothing to say about it. -->
                <PackageLicenseExpression>EUPL-1.2</PackageLicenseExpression>
                <PublicCodeCopyrightHolder>Commune de Valmont</PublicCodeCopyrightHolder>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Projects, "Directory.Build.targets"), "<Project />");

        NonFree = CreateProject("nonfree", NewtonsoftJson + SystemNetHttp);
        NonFreeFirstBuild = Build(NonFree);
    }

    /// <summary>The unique version packed for this run.</summary>
    public string Version { get; }

    /// <summary>The folder feed.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg.</summary>
    public string Package { get; }

    /// <summary>Where the throwaway projects live.</summary>
    public string Projects { get; }

    /// <summary>NUGET_PACKAGES of every throwaway build.</summary>
    public string PackagesFolder { get; }

    /// <summary>Output of the pack.</summary>
    public DotNetResult PackResult { get; }

    /// <summary>A restored and built project with System.Net.Http 4.3.4 (see <see cref="SystemNetHttp"/>).</summary>
    public string NonFree { get; }

    /// <summary>Its first build (restore included).</summary>
    public DotNetResult NonFreeFirstBuild { get; }

    /// <summary>The reference to the package under test, as <c>dotnet add package</c> writes it for a development dependency.</summary>
    public string PublicCodePolicyReference(bool withVersion = true)
        => "<PackageReference Include=\"PublicCodePolicy\"" + (withVersion ? " Version=\"" + Version + "\"" : string.Empty) + " PrivateAssets=\"all\" />";

    /// <summary>Writes <c>name/name.csproj</c> (under <paramref name="parent"/>, relative to <see cref="Projects"/>) and a source file; returns the project path.</summary>
    public string CreateProject(string name, string references, string targetFrameworks = "net10.0", string parent = "", string properties = "", bool versionInReference = true)
    {
        var dir = Path.Combine(Projects, parent, name);
        Directory.CreateDirectory(dir);
        var tfm = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "<TargetFrameworks>" + targetFrameworks + "</TargetFrameworks>" : "<TargetFramework>" + targetFrameworks + "</TargetFramework>";
        var path = Path.Combine(dir, name + ".csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {PublicCodePolicyReference(versionInReference)}
                {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Library.cs"), "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: Commune de Valmont\nnamespace Sample;\n\npublic static class Library\n{\n    public static int Answer => 42;\n}\n");
        return path;
    }

    /// <summary>Builds a project (restoring unless told not to) with the console logger (see <see cref="DotNetResult.BuildLines"/> to count diagnostics once).</summary>
    public DotNetResult Build(string project, bool restore = true, params string[] extra) => Build(project, null, restore, extra);

    /// <summary>Same, with extra environment variables (see <see cref="DotNetCli.Run(string, string?, IReadOnlyDictionary{string, string?}?, string[])"/>).</summary>
    public DotNetResult Build(string project, IReadOnlyDictionary<string, string?>? environment, bool restore = true, params string[] extra)
    {
        // RestoreConfigFile: the restore reads the throwaway projects' nuget.config only, never the user's or the machine's.
        var args = new List<string> { "build", project, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-p:RestoreConfigFile=" + ConfigFile };
        if (!restore) args.Add("--no-restore");
        args.AddRange(extra);
        return DotNetCli.Run(Path.GetDirectoryName(project)!, PackagesFolder, environment, args.ToArray());
    }

    /// <summary>The nuget.config of the throwaway projects (this run's feed, then the registry).</summary>
    public string ConfigFile => Path.Combine(Projects, "nuget.config");

    /// <summary>Runs any dotnet command in the project's folder.</summary>
    public DotNetResult Run(string project, params string[] args) => DotNetCli.Run(Path.GetDirectoryName(project)!, PackagesFolder, args);

    public void Dispose() => _root.Dispose();
}

/// <summary>All end-to-end classes share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "End to end";
}
