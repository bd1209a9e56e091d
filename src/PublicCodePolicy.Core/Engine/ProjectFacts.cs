// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Text.Json;

namespace PublicCodePolicy.Engine;

/// <summary>
/// What a project says about itself in MSBuild properties and what the assets file does not hold: its own licence,
/// version, repository, product name, description and publisher. Used by the report, and by anything that describes
/// the software itself (SBOM subject, publiccode.yml generation).
/// </summary>
public sealed class ProjectFacts
{
    /// <summary>The MSBuild properties read, in the order they are asked for.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = new[]
    {
        "PackageLicenseExpression", "Version", "RepositoryUrl", "PackageProjectUrl", "Product", "Description", "Company", "Authors", "OutputType",
    };

    /// <summary>Project name (file name without extension).</summary>
    public required string ProjectName { get; init; }

    /// <summary><c>PackageLicenseExpression</c>: the software's own licence as an SPDX expression; null when not set.</summary>
    public string? License { get; init; }

    /// <summary><c>Version</c>.</summary>
    public string? Version { get; init; }

    /// <summary><c>RepositoryUrl</c>.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary><c>PackageProjectUrl</c>.</summary>
    public string? ProjectUrl { get; init; }

    /// <summary><c>Product</c> (the SDK defaults it to the assembly name).</summary>
    public string? Product { get; init; }

    /// <summary><c>Description</c>; null when it is the SDK's default "Package Description".</summary>
    public string? Description { get; init; }

    /// <summary><c>Company</c> (the SDK defaults it to the assembly name).</summary>
    public string? Company { get; init; }

    /// <summary><c>Authors</c>.</summary>
    public string? Authors { get; init; }

    /// <summary><c>OutputType</c> (<c>Exe</c>, <c>WinExe</c>, <c>Library</c>…).</summary>
    public string? OutputType { get; init; }

    /// <summary>True for executables (<c>Exe</c>, <c>WinExe</c>).</summary>
    public bool IsApplication => string.Equals(OutputType, "Exe", StringComparison.OrdinalIgnoreCase) || string.Equals(OutputType, "WinExe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds facts from the JSON that <c>dotnet msbuild -getProperty:A -getProperty:B …</c> prints
    /// (<c>{"Properties":{"A":"…","B":"…"}}</c>). Empty values become null.
    /// </summary>
    /// <exception cref="JsonException">The text is not that JSON.</exception>
    public static ProjectFacts FromMsBuildJson(string projectName, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("Properties", out var props) || props.ValueKind != JsonValueKind.Object)
            throw new JsonException("The MSBuild output has no \"Properties\" object.");
        string? Get(string name)
        {
            if (!props.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return null;
            var s = v.GetString()!.Trim();
            return s.Length == 0 ? null : s;
        }
        var description = Get("Description");
        // The SDK fills Description with this placeholder when a project sets none: it says nothing about the software.
        if (string.Equals(description, "Package Description", StringComparison.Ordinal)) description = null;
        return new ProjectFacts
        {
            ProjectName = projectName,
            License = Get("PackageLicenseExpression"),
            Version = Get("Version"),
            RepositoryUrl = Get("RepositoryUrl"),
            ProjectUrl = Get("PackageProjectUrl"),
            Product = Get("Product"),
            Description = description,
            Company = Get("Company"),
            Authors = Get("Authors"),
            OutputType = Get("OutputType"),
        };
    }
}

/// <summary>Reads <see cref="ProjectFacts"/> by asking MSBuild (one <c>dotnet msbuild -getProperty</c> call per project).</summary>
public static class ProjectFactsReader
{
    /// <summary>
    /// Evaluates the project with the .NET SDK and returns its facts; null when the SDK cannot evaluate it (the error
    /// output is in <paramref name="error"/>). Evaluation only: nothing is built or restored.
    /// </summary>
    public static ProjectFacts? Read(string projectPath, out string? error)
    {
        ArgumentNullException.ThrowIfNull(projectPath);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? ".",
        };
        psi.ArgumentList.Add("msbuild");
        psi.ArgumentList.Add(Path.GetFullPath(projectPath));
        psi.ArgumentList.Add("-nologo");
        foreach (var name in ProjectFacts.PropertyNames) psi.ArgumentList.Add("-getProperty:" + name);
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        try
        {
            using var process = Process.Start(psi);
            if (process == null)
            {
                error = "dotnet could not be started.";
                return null;
            }
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var output = stdout.Result.Trim();
            if (process.ExitCode != 0 || !output.StartsWith('{'))
            {
                error = (output + "\n" + stderr.Result).Trim();
                return null;
            }
            error = null;
            return ProjectFacts.FromMsBuildJson(Path.GetFileNameWithoutExtension(projectPath), output);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            error = ex.Message;
            return null;
        }
    }
}
