// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Tests;

/// <summary>
/// Where a finding's package is declared, read from the project's files without MSBuild: PackageReference,
/// central PackageVersion / GlobalPackageReference, VersionOverride, ProjectReference, Directory.Build.props/targets
/// and literal imports (with a depth limit).
/// </summary>
public sealed class ReferenceLocatorTests : IDisposable
{
    private readonly TempDirectory _temp = new("locator");

    public void Dispose() => _temp.Dispose();

    private string Write(string relativePath, string text) => _temp.Write(relativePath, text.ReplaceLineEndings("\n"));

    private static ReferenceLocator Locator(string project) => new(project, new ConcurrentDictionary<string, IReadOnlyList<ReferenceLocator.Entry>>());

    private static ProjectGraph.Node Node(string id, string version, bool direct, params string[] introducedBy)
        => new(new AssetsLibrary { Id = id, Version = version, Type = "package" }) { IsDirect = direct, IntroducedBy = introducedBy };

    [Fact]
    public void NullNode_IsRejected()
    {
        var project = Write("App/App.csproj", "<Project />");

        Assert.Equal("node", Assert.Throws<ArgumentNullException>(() => Locator(project).Locate(null!)).ParamName);
    }

    [Fact]
    public void DirectPackage_ItsOwnReferenceWins_ATransitiveOneIsFoundThroughWhatBringsItIn()
    {
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Alpha" Version="1.0.0" />
                <PackageReference Include="Bad" Version="1.0.0" />
                <PackageReference Include="Wrapper" Version="3.0.0" />
              </ItemGroup>
            </Project>
            """);
        var locator = Locator(project);

        // Bad is direct and also comes in through Alpha, which sorts first.
        Assert.Equal(new SourceLocation(project, 4, 5), locator.Locate(Node("Bad", "1.0.0", direct: true, "Alpha 1.0.0", "Bad 1.0.0")));
        // Bad 2.0.0 is transitive (brought in by Wrapper): its own line is not where it comes from.
        Assert.Equal(new SourceLocation(project, 5, 5), locator.Locate(Node("Bad", "2.0.0", direct: false, "Wrapper 3.0.0")));
        Assert.Null(locator.Locate(Node("Lost", "1.0.0", direct: true)));
    }

    [Theory]
    [InlineData("3.0.0")]
    [InlineData("[3.0.0]")]
    [InlineData(" 3.0.0 ")]
    public void TheReferenceWithTheRestoredVersionOfWhatBringsThePackageIn_Wins(string version)
    {
        var project = Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
                <PackageReference Include="Contoso.Wrapper" Version="2.0.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Contoso.Wrapper" Version="{version}" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(new SourceLocation(project, 6, 5), Locator(project).Locate(Node("Dep", "1.0.0", direct: false, "Contoso.Wrapper 3.0.0")));
    }

    [Fact]
    public void PackageBroughtInByAProject_PointsAtThatProjectReference()
    {
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Lib" Version="1.0.0" />
                <ProjectReference Include="..\Other\Other.csproj" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        var locator = Locator(project);

        Assert.Equal(new SourceLocation(project, 5, 5), locator.Locate(Node("P", "1.0.0", direct: false, "Lib (project)")));
        Assert.Null(locator.Locate(Node("Q", "1.0.0", direct: false, "Missing (project)")));
    }

    [Fact]
    public void CentralManagement_VersionLineGlobalReferenceVersionOverrideAndUnmanagedReference()
    {
        var props = Write("Directory.Packages.props", """
            <Project>
              <ItemGroup>
                <PackageVersion Include="Both" Version="1.0.0" />
                <PackageVersion Include="Child" Version="3.0.0" />
                <PackageVersion Include="Tool" Version="2.0.0" />
                <GlobalPackageReference Include="Both" Version="1.0.0" />
                <GlobalPackageReference Include="Analyzers" Version="5.0.0" />
              </ItemGroup>
            </Project>
            """);
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Both" />
                <PackageReference Include="Child">
                  <VersionOverride>4.0.0</VersionOverride>
                </PackageReference>
                <PackageReference Include="Tool">
                  <PrivateAssets>all</PrivateAssets>
                </PackageReference>
                <PackageReference Include="Unmanaged" />
                <PackageReference Update="Tool" ExcludeAssets="runtime" />
              </ItemGroup>
            </Project>
            """);
        var locator = Locator(project);

        // The PackageVersion line is preferred to a GlobalPackageReference of the same package.
        Assert.Equal(new SourceLocation(props, 3, 5), locator.Locate(Node("Both", "1.0.0", direct: true, "Both 1.0.0")));
        // A global reference has no PackageReference: its own line.
        Assert.Equal(new SourceLocation(props, 7, 5), locator.Locate(Node("Analyzers", "5.0.0", direct: true, "Analyzers 5.0.0")));
        // VersionOverride as a child element: the reference sets the version.
        Assert.Equal(new SourceLocation(project, 4, 5), locator.Locate(Node("Child", "4.0.0", direct: true, "Child 4.0.0")));
        // Other metadata as a child element is no version: the PackageVersion line.
        Assert.Equal(new SourceLocation(props, 5, 5), locator.Locate(Node("Tool", "2.0.0", direct: true, "Tool 2.0.0")));
        // No version anywhere: the reference itself.
        Assert.Equal(new SourceLocation(project, 10, 5), locator.Locate(Node("Unmanaged", "1.0.0", direct: true, "Unmanaged 1.0.0")));
    }

    [Fact]
    public void WithoutCentralManagement_TheVersionAttributeIsReadBeforeVersionOverride()
    {
        // VersionOverride means something only under central package management, where Version is not allowed.
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
                <PackageReference Include="Lib" Version="1.0.0" VersionOverride="2.0.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Lib" Version="2.0.0" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(new SourceLocation(project, 6, 5), Locator(project).Locate(Node("Lib", "2.0.0", direct: true, "Lib 2.0.0")));
    }

    [Fact]
    public void SeveralIdsInOneInclude_AreTrimmed()
    {
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include=" Other ;  Bad ;" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(new SourceLocation(project, 3, 5), Locator(project).Locate(Node("Bad", "1.0.0", direct: true, "Bad 1.0.0")));
    }

    [Fact]
    public void DirectoryBuildTargets_IsRead()
    {
        var targets = Write("Directory.Build.targets", """
            <Project>
              <ItemGroup>

                <PackageReference Include="FromTargets" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var project = Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        Assert.Equal(new SourceLocation(targets, 4, 5), Locator(project).Locate(Node("FromTargets", "1.0.0", direct: true, "FromTargets 1.0.0")));
    }

    [Fact]
    public void ImportsAreFollowedEightLevelsDeep_NotNine()
    {
        // App.csproj (depth 0) imports i1.props (depth 1), which imports i2.props ... i9.props (depth 9).
        var project = Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"imports\\i1.props\" />\n</Project>\n");
        for (int i = 1; i <= 9; i++)
        {
            var next = i < 9 ? "  <Import Project=\"$(MSBuildThisFileDirectory)i" + (i + 1) + ".props\" />\n" : string.Empty;
            Write("App/imports/i" + i + ".props", "<Project>\n" + next + "  <ItemGroup>\n    <PackageReference Include=\"AtDepth" + i + "\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n");
        }
        var locator = Locator(project);

        Assert.Equal(new SourceLocation(Path.Combine(_temp.Path, "App", "imports", "i8.props"), 4, 5), locator.Locate(Node("AtDepth8", "1.0.0", direct: true)));
        Assert.Equal(new SourceLocation(Path.Combine(_temp.Path, "App", "imports", "i1.props"), 4, 5), locator.Locate(Node("AtDepth1", "1.0.0", direct: true)));
        Assert.Null(locator.Locate(Node("AtDepth9", "1.0.0", direct: true)));
    }

    [Fact]
    public void ImportsThatNeedEvaluation_AreNotFollowed()
    {
        // Files with these literal names exist (where the file system allows them): an import is left out because its
        // path needs MSBuild, not because the file is missing.
        var names = new List<(string Import, string Id)> { ("$(Configuration)/a.props", "ViaProperty"), ("@(Items).props", "ViaItem") };
        if (!OperatingSystem.IsWindows()) names.AddRange(new[] { ("wild*.props", "ViaStar"), ("wild?.props", "ViaQuestion") });
        foreach (var (import, id) in names)
            Write(Path.Combine("App", import), "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"" + id + "\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n");
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="$(Configuration)/a.props" />
              <Import Project="@(Items).props" />
              <Import Project="wild*.props" />
              <Import Project="wild?.props" />
              <Import Project="" />
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
            </Project>
            """);
        var locator = Locator(project);

        foreach (var id in new[] { "ViaProperty", "ViaItem", "ViaStar", "ViaQuestion" })
            Assert.Null(locator.Locate(Node(id, "1.0.0", direct: true)));
    }

    [Fact]
    public void AFileOverSixteenMillionCharacters_CostsOnlyItsLines()
    {
        var project = Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Small" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var big = Path.Combine(_temp.Path, "Directory.Build.props");
        using (var writer = new StreamWriter(big))
        {
            writer.Write("<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Big\" Version=\"1.0.0\" />\n  </ItemGroup>\n  <!-- ");
            writer.Write(new string('x', 16 * 1024 * 1024));
            writer.Write(" -->\n</Project>\n");
        }
        var locator = Locator(project);

        Assert.Null(locator.Locate(Node("Big", "1.0.0", direct: true)));
        Assert.Equal(new SourceLocation(project, 3, 5), locator.Locate(Node("Small", "1.0.0", direct: true)));
    }
}
