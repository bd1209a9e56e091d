// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli.Tests;

/// <summary>
/// One real restore for the whole test collection: a copy of samples/Valmont plus a multi-targeted project with
/// Central Package Management, restored from the NuGet registry into an isolated packages folder.
/// </summary>
public sealed class RestoredSamples : IDisposable
{
    private readonly TempDirectory _temp = new("cli-e2e");

    public RestoredSamples()
    {
        Root = _temp.Path;
        NuGet = new IsolatedNuGet(Root);
        Valmont = Path.Combine(Root, "Valmont");
        CopyDirectory(Path.Combine(TestPaths.RepositoryRoot, "samples", "Valmont"), Valmont);
        // The sample inherits nothing from the repository: give the copy the samples' own root props.
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "samples", "Directory.Packages.props"), Path.Combine(Root, "Directory.Packages.props"));
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");

        Cpm = Path.Combine(Root, "Cpm");
        _temp.Write("Cpm/Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageVersion Include="Serilog" Version="4.4.0" />
                <PackageVersion Include="System.Net.Http" Version="4.3.4" />
              </ItemGroup>
            </Project>
            """);
        _temp.Write("Cpm/Multi/Multi.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" />
                <PackageReference Include="Serilog" Condition="'$(TargetFramework)' == 'net10.0'" />
              </ItemGroup>
            </Project>
            """);
        // Issue 14: a finding under central package management points at the PackageVersion line.
        _temp.Write("Cpm/NonFree/NonFree.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>$(NoWarn);NU1510</NoWarn></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="System.Net.Http" />
              </ItemGroup>
            </Project>
            """);
        // Runtime identifiers: the assets file then has targets keyed "net10.0" and "net10.0/linux-x64" (one per
        // framework and runtime), which are not frameworks. One project with a RuntimeIdentifier, one with several
        // RuntimeIdentifiers and two frameworks.
        Rid = Path.Combine(Root, "Rid");
        _temp.Write("Rid/Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        _temp.Write("Rid/Single/Single.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><RuntimeIdentifier>linux-x64</RuntimeIdentifier><SelfContained>false</SelfContained></PropertyGroup>
              <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.4" /></ItemGroup>
            </Project>
            """);
        _temp.Write("Rid/Several/Several.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks><RuntimeIdentifiers>linux-x64;win-x64</RuntimeIdentifiers></PropertyGroup>
              <ItemGroup><PackageReference Include="Serilog" Version="4.4.0" /></ItemGroup>
            </Project>
            """);
        NotRestored = Path.Combine(Root, "Fresh");
        _temp.Write("Fresh/Fresh.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");

        foreach (var target in new[] { Path.Combine(Valmont, "Valmont.sln"), Path.Combine(Cpm, "Multi", "Multi.csproj"), Path.Combine(Cpm, "NonFree", "NonFree.csproj"), Path.Combine(Rid, "Single", "Single.csproj"), Path.Combine(Rid, "Several", "Several.csproj") })
        {
            var r = Dotnet.Run(Root, NuGet.Environment, TimeSpan.FromMinutes(5), "restore", target, NuGet.RestoreConfigProperty);
            if (r.ExitCode != 0) throw new InvalidOperationException("Restore of " + target + " failed:\n" + r.All);
        }
    }

    public string Root { get; }

    public IsolatedNuGet NuGet { get; }

    public string Valmont { get; }

    public string Cpm { get; }

    public string NotRestored { get; }

    /// <summary>Projects restored with runtime identifiers: <c>Single</c> (one RID), <c>Several</c> (two RIDs, two frameworks).</summary>
    public string Rid { get; }

    public void Dispose() => _temp.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            CopyDirectory(dir, Path.Combine(to, name));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RestoredSamplesCollection : ICollectionFixture<RestoredSamples>
{
    public const string Name = "Restored samples";
}
