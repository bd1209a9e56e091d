// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Build.Tests;

/// <summary>Sets the UI culture for the duration of a test, so message texts can be compared exactly.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}

/// <summary>
/// A restored project made by hand: an assets file naming two packages, and a package folder with their nuspecs.
/// Bad.Package declares the proprietary .NET Library terms (non-free, PCP0001); Good.Package is MIT.
/// </summary>
internal sealed class RestoredProject : IDisposable
{
    public const string HelpPcp0001 = "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP0001.md";

    private readonly TempDirectory _dir = new("build");

    public RestoredProject()
    {
        ProjectPath = Path.Combine(_dir.Path, "App", "App.csproj");
        _dir.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var packages = Path.Combine(_dir.Path, "packages") + Path.DirectorySeparatorChar;
        _dir.Write("packages/bad.package/1.0.0/bad.package.nuspec", Nuspec("Bad.Package", "1.0.0", "<licenseUrl>https://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>"));
        _dir.Write("packages/good.package/2.0.0/good.package.nuspec", Nuspec("Good.Package", "2.0.0", "<license type=\"expression\">MIT</license>"));
        AssetsFile = _dir.Write("App/obj/project.assets.json", $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Bad.Package/1.0.0": { "type": "package", "compile": { "lib/net8.0/Bad.dll": {} }, "runtime": { "lib/net8.0/Bad.dll": {} } },
                  "Good.Package/2.0.0": { "type": "package", "compile": { "lib/net8.0/Good.dll": {} }, "runtime": { "lib/net8.0/Good.dll": {} } }
                }
              },
              "libraries": {
                "Bad.Package/1.0.0": { "type": "package", "path": "bad.package/1.0.0", "files": [ "bad.package.nuspec", "lib/net8.0/Bad.dll" ] },
                "Good.Package/2.0.0": { "type": "package", "path": "good.package/2.0.0", "files": [ "good.package.nuspec", "lib/net8.0/Good.dll" ] }
              },
              "projectFileDependencyGroups": { "net10.0": [ "Bad.Package >= 1.0.0", "Good.Package >= 2.0.0" ] },
              "packageFolders": { {{Json(packages)}}: {} },
              "project": {
                "version": "1.0.0",
                "restore": { "projectName": "App", "projectPath": {{Json(ProjectPath)}}, "frameworks": { "net10.0": { "projectReferences": {} } } },
                "frameworks": {
                  "net10.0": {
                    "dependencies": {
                      "Bad.Package": { "target": "Package", "version": "[1.0.0, )" },
                      "Good.Package": { "target": "Package", "version": "[2.0.0, )" }
                    }
                  }
                }
              }
            }
            """);
        ObjDir = Path.Combine(_dir.Path, "App", "obj", "Debug", "net10.0", "PublicCodePolicy");
    }

    public string ProjectPath { get; }

    public string AssetsFile { get; }

    public string ObjDir { get; }

    public string FindingsFile => Path.Combine(ObjDir, "PublicCodePolicy.findings.json");

    public string CacheFile => Path.Combine(ObjDir, "PublicCodePolicy.cache.json");

    public string Root => _dir.Path;

    public string Write(string relativePath, string content) => _dir.Write(relativePath, content);

    public CheckDependencies NewCheck(MockEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectPath = ProjectPath,
        AssetsFile = AssetsFile,
        FindingsFile = FindingsFile,
        CacheFile = CacheFile,
    };

    public void Dispose() => _dir.Dispose();

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static string Nuspec(string id, string version, string license) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata>
            <id>{id}</id>
            <version>{version}</version>
            <authors>Test</authors>
            <description>Test package.</description>
            {license}
          </metadata>
        </package>
        """;
}

/// <summary>Writes a findings cache as the check would.</summary>
internal static class Caches
{
    public const string Project = "/src/App/App.csproj";

    public static CachedFinding Denied(string package = "Bad.Package") => new("PCP0001", FindingSeverity.Error, true, package + " 1.0.0 (runtime) has licence X: not free.", Project, package, "1.0.0", RestoredProject.HelpPcp0001);

    public static CachedFinding Unused() => new("PCP0004", FindingSeverity.Warning, false, "The exception for 'Old' matches no dependency.", Project, null, null, "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP0004.md");

    public static CachedFinding Excepted() => new("PCP0007", FindingSeverity.Info, false, "Bad.Package 1.0.0 (X) is accepted by an exception: needed.", Project, "Bad.Package", "1.0.0", "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP0007.md");

    public static CachedFinding InvalidPolicy() => new("PCP9003", FindingSeverity.Error, true, "/src/publiccode-policy.json: $.preset: Unknown preset.", "/src/publiccode-policy.json", null, null, "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/rules/PCP9003.md");

    public static string Write(TempDirectory dir, params CachedFinding[] findings)
    {
        var path = Path.Combine(dir.Path, "PublicCodePolicy.cache.json");
        File.WriteAllBytes(path, FindingsFiles.SerializeCache(FindingsFiles.Sort(findings), 3));
        return path;
    }
}
