// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Policy;

namespace PublicCodePolicy.Tests;

/// <summary>Issue 14: findings point at the line of the reference that brings the package in.</summary>
public sealed class ReferenceLocationTests : IDisposable
{
    private const string Mit = "<license type=\"expression\">MIT</license>";
    private const string NetLibrary = "<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>";
    private readonly TempDirectory _temp = new("locations");

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyList<Finding> Check(string projectPath)
    {
        var engine = new PolicyEngine(new CheckOptions { Policy = PolicyDocument.Default, Today = new DateOnly(2026, 12, 1) });
        return engine.Check(Workspace.Load(projectPath)).Findings;
    }

    private string Restore(FakeRestore restore, string projectText)
    {
        var project = restore.WriteTo(_temp.Path);
        File.WriteAllText(project, projectText.ReplaceLineEndings("\n"));
        return project;
    }

    [Fact]
    public void DirectPackage_PointsAtItsPackageReference()
    {
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Package("Good", "2.0.0", Mit).Direct("Good").Direct("Bad"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Good" Version="2.0.0" />
                  <PackageReference Include="Bad" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Equal(new SourceLocation(project, 4, 7), finding.Location);
        Assert.Equal(project, finding.ProjectPath);
    }

    [Fact]
    public void TransitivePackage_PointsAtTheDirectReferenceThatBringsIt()
    {
        var project = Restore(new FakeRestore("App").Package("Wrapper", "3.0.0", Mit, dependsOn: new[] { "Bad" }).Package("Bad", "1.0.0", NetLibrary).Direct("Wrapper"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>

                <PackageReference Include="Wrapper">
                  <Version>3.0.0</Version>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Equal("Bad", finding.PackageId);
        Assert.Equal(new SourceLocation(project, 4, 5), finding.Location);
    }

    [Fact]
    public void ConditionedReferences_TheOneWithTheRestoredVersionWins()
    {
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
                <PackageReference Include="Bad" Version="0.9.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Other;Bad" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Equal(6, finding.Location!.Line);
    }

    [Fact]
    public void CentralPackageManagement_PointsAtThePackageVersionLine()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Good" Version="2.0.0" />
                <PackageVersion Include="Bad" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """.ReplaceLineEndings("\n"));
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Package("Good", "2.0.0", Mit).Direct("Good").Direct("Bad"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Good" />
                <PackageReference Include="Bad" />
              </ItemGroup>
            </Project>
            """);

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Equal(new SourceLocation(Path.Combine(_temp.Path, "Directory.Packages.props"), 7, 5), finding.Location);
    }

    [Fact]
    public void VersionOverride_UnderCentralManagement_PointsAtTheReference()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "Directory.Packages.props"), """
            <Project>
              <ItemGroup>
                <PackageVersion Include="Bad" Version="0.5.0" />
              </ItemGroup>
            </Project>
            """);
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Bad" VersionOverride="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Equal(new SourceLocation(project, 3, 5), finding.Location);
    }

    [Fact]
    public void ReferenceInDirectoryBuildPropsOrAnImport_IsFoundThere()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "Directory.Build.props"), """
            <Project>
              <ItemGroup>
                <PackageReference Include="Bad" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var shared = Path.Combine(_temp.Path, "App", "shared.props");
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Package("Odd", "1.0.0", NetLibrary).Direct("Bad").Direct("Odd"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="$(MSBuildThisFileDirectory)shared.props" />
            </Project>
            """);
        File.WriteAllText(shared, "<Project>\n  <ItemGroup>\n\n    <PackageReference Include=\"Odd\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n");

        var findings = Check(project).Where(f => f.RuleId == "PCP0001").ToDictionary(f => f.PackageId!);

        Assert.Equal(new SourceLocation(Path.Combine(_temp.Path, "Directory.Build.props"), 3, 5), findings["Bad"].Location);
        Assert.Equal(new SourceLocation(shared, 4, 5), findings["Odd"].Location);
    }

    [Fact]
    public void ReferenceFoundNowhere_HasNoLocation_AndAProjectFileThatIsNotXml_CostsOnlyTheLine()
    {
        var project = Restore(new FakeRestore("App").Package("Bad", "1.0.0", NetLibrary).Direct("Bad"), "<Project><oops></Project>");

        var finding = Assert.Single(Check(project), f => f.RuleId == "PCP0001");

        Assert.Null(finding.Location);
    }
}
