// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// A small solution written to a temp folder and restored once with an isolated package folder, so that the SBOMs
/// rest on real <c>project.assets.json</c> files and real packages rather than on the machine's cache:
/// <list type="bullet">
/// <item><c>src/Guichet</c>: net10.0 application; Serilog, Newtonsoft.Json, SourceLink (PrivateAssets=all), references Data.</item>
/// <item><c>src/Data</c>: multi-targeted net8.0;net10.0 library; Dapper, CsvHelper (MS-PL OR Apache-2.0), System.Net.Http 4.3.4 (proprietary licence URL).</item>
/// <item><c>cpm/Rapports</c>: Central Package Management; Newtonsoft.Json and Serilog versions come from its Directory.Packages.props.</item>
/// </list>
/// </summary>
public sealed class RestoredSolutionFixture : IDisposable
{
    public RestoredSolutionFixture()
    {
        Root = new TempDirectory("sbom");
        // nuget.config, packages folder and HTTP cache of its own (IsolatedNuGet): nothing from the user's setup.
        NuGet = new IsolatedNuGet(Root.Path);
        PackagesFolder = NuGet.PackagesFolder;
        SolutionDir = Path.Combine(Root.Path, "Commune");
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        Write("src/Guichet/Guichet.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Version>2.1.0</Version>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\Data\Data.csproj" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" Version="4.4.0" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageReference Include="Microsoft.SourceLink.GitHub" Version="10.0.403" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Data/Data.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Version>2.1.0</Version>
                <NoWarn>$(NoWarn);NU1510</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dapper" Version="2.1.86" />
                <PackageReference Include="CsvHelper" Version="34.0.0" />
                <PackageReference Include="System.Net.Http" Version="4.3.4" />
              </ItemGroup>
            </Project>
            """);
        Write("cpm/Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageVersion Include="Serilog" Version="4.4.0" />
              </ItemGroup>
            </Project>
            """);
        Write("cpm/Rapports/Rapports.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" />
                <PackageReference Include="Serilog" />
              </ItemGroup>
            </Project>
            """);
        Write("Commune.slnx", """
            <Solution>
              <Folder Name="/cpm/">
                <Project Path="cpm/Rapports/Rapports.csproj" />
              </Folder>
              <Folder Name="/src/">
                <Project Path="src/Data/Data.csproj" />
                <Project Path="src/Guichet/Guichet.csproj" />
              </Folder>
            </Solution>
            """);
        SolutionPath = Path.Combine(SolutionDir, "Commune.slnx");
        Restore();
        Result = new PolicyEngine().Check(Workspace.Load(SolutionPath));
        if (Result.Projects.Count != 3 || Result.Projects.Any(p => !p.Loaded))
        {
            throw new InvalidOperationException("The restored solution did not load: " + string.Join("\n", Result.Findings.Select(f => f.RuleId + " " + f.Message)));
        }
    }

    /// <summary>The temp folder (deleted at the end).</summary>
    public TempDirectory Root { get; }

    /// <summary>The isolated NuGet setup of the restore.</summary>
    public IsolatedNuGet NuGet { get; }

    /// <summary>The isolated NuGet package folder.</summary>
    public string PackagesFolder { get; }

    /// <summary>Where the solution is.</summary>
    public string SolutionDir { get; }

    /// <summary>The solution file.</summary>
    public string SolutionPath { get; }

    /// <summary>The engine's result for the whole solution.</summary>
    public CheckResult Result { get; }

    /// <summary>A project of the result by name.</summary>
    public ProjectResult Project(string name) => Result.Projects.Single(p => p.Name == name);

    /// <summary>Checks again from scratch (a new engine), for reproducibility tests.</summary>
    public CheckResult CheckAgain() => new PolicyEngine().Check(Workspace.Load(SolutionPath));

    private void Write(string relative, string content) => Root.Write(Path.Combine("Commune", relative), content.Replace("\r\n", "\n", StringComparison.Ordinal) + (content.EndsWith('\n') ? string.Empty : "\n"));

    private void Restore()
    {
        var r = Dotnet.Run(SolutionDir, NuGet.Environment, TimeSpan.FromMinutes(5), "restore", SolutionPath, "-nodeReuse:false", "-p:NuGetAudit=false", NuGet.RestoreConfigProperty);
        if (r.ExitCode != 0) throw new InvalidOperationException("dotnet restore failed (" + r.ExitCode + "):\n" + r.All);
    }

    public void Dispose() => Root.Dispose();
}
