// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.IO.Compression;
using System.Security;
using System.Text;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Builds small .nupkg files at test time (a zip with a nuspec and files, as <c>dotnet pack</c> lays them out) and
/// extracts them the way NuGet does into a global packages folder: <c>&lt;id-lower&gt;/&lt;version&gt;/&lt;id-lower&gt;.nuspec</c>.
/// </summary>
internal static class NupkgBuilder
{
    /// <summary>A nuspec licence declaration: <c>&lt;license type="…"&gt;value&lt;/license&gt;</c> and/or <c>licenseUrl</c>.</summary>
    public sealed record Declaration(string? LicenseType = null, string? License = null, string? LicenseUrl = null);

    /// <summary>Writes <c>feed/&lt;id&gt;.&lt;version&gt;.nupkg</c> and returns its path.</summary>
    public static string Pack(string feed, string id, string version, Declaration declaration, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(feed);
        var path = Path.Combine(feed, id + "." + version + ".nupkg");
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"nuspec\" ContentType=\"application/octet\" /><Default Extension=\"txt\" ContentType=\"application/octet\" /></Types>");
        Add(zip, id + ".nuspec", Nuspec(id, version, declaration));
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal)) Add(zip, name, content);
        return path;
    }

    /// <summary>Extracts a .nupkg into a global-packages-folder layout and returns the nuspec path.</summary>
    public static string Extract(string nupkg, string packagesFolder, string id, string version)
    {
        var dir = Path.Combine(packagesFolder, id.ToLowerInvariant(), version.ToLowerInvariant());
        Directory.CreateDirectory(dir);
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == "[Content_Types].xml") continue;
                var name = entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) ? id.ToLowerInvariant() + ".nuspec" : entry.FullName;
                var target = Path.GetFullPath(Path.Combine(dir, name));
                if (!target.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new InvalidDataException("Zip entry outside the package: " + entry.FullName);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }
        File.Copy(nupkg, Path.Combine(dir, Path.GetFileName(nupkg).ToLowerInvariant()), overwrite: true);
        return Path.Combine(dir, id.ToLowerInvariant() + ".nuspec");
    }

    private static string Nuspec(string id, string version, Declaration d)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n");
        sb.Append("    <id>").Append(SecurityElement.Escape(id)).Append("</id>\n    <version>").Append(SecurityElement.Escape(version)).Append("</version>\n");
        sb.Append("    <authors>Test</authors>\n    <description>Test package.</description>\n");
        if (d.License != null) sb.Append("    <license type=\"").Append(d.LicenseType ?? "expression").Append("\">").Append(SecurityElement.Escape(d.License)).Append("</license>\n");
        if (d.LicenseUrl != null) sb.Append("    <licenseUrl>").Append(SecurityElement.Escape(d.LicenseUrl)).Append("</licenseUrl>\n");
        sb.Append("  </metadata>\n</package>\n");
        return sb.ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        w.Write(content);
    }
}
