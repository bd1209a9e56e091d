// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Xml;

namespace PublicCodePolicy.Graph;

/// <summary>
/// Reads the few nuspec fields the policy needs. The XML reader refuses DTDs, resolves nothing and caps the
/// document size, because a nuspec is input from a third party.
/// </summary>
public static class NuspecReader
{
    /// <summary>Largest nuspec read, in characters. Real nuspecs are a few kilobytes.</summary>
    public const long MaxCharacters = 4 * 1024 * 1024;

    /// <summary>Reads a nuspec file.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed nuspec (the message says why).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PackageMetadata Read(string path)
    {
        // A regular file only (a FIFO would block), capped on the bytes read.
        using var stream = IO.InputFile.OpenRead(path, MaxCharacters * 4);
        return Read(stream, path);
    }

    /// <summary>Reads a nuspec from a stream; <paramref name="path"/> is recorded as its location.</summary>
    /// <exception cref="InvalidDataException">The stream is not a well-formed nuspec.</exception>
    public static PackageMetadata Read(Stream stream, string path) => Read(stream, path, origin: null);

    /// <summary>
    /// Reads a nuspec fetched from a package source (online mode): <paramref name="path"/> is the URL it was read
    /// from and <paramref name="origin"/> the source, recorded in <see cref="PackageMetadata.Origin"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a well-formed nuspec.</exception>
    public static PackageMetadata Read(Stream stream, string path, string? origin)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        string? id = null, version = null, license = null, licenseType = null, licenseUrl = null, authors = null, owners = null;
        string? copyright = null, projectUrl = null, description = null;
        RepositoryInfo? repository = null;
        bool devDependency = false;
        bool sawPackage = false;
        bool sawMetadata = false;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            bool inMetadata = false;
            // ReadElementContentAsString moves to the next node itself; then the loop must not Read() again.
            bool advanced = false;
            while (advanced || reader.Read())
            {
                advanced = false;
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Depth == 0)
                {
                    if (reader.LocalName != "package") throw new InvalidDataException("The root element is <" + reader.LocalName + ">, not <package>.");
                    sawPackage = true;
                    continue;
                }
                if (reader.Depth == 1)
                {
                    inMetadata = reader.LocalName == "metadata";
                    // NuGet reads the first <metadata>; a second one could make this tool and NuGet see different licences.
                    if (inMetadata && sawMetadata) throw new InvalidDataException("The nuspec has more than one <metadata> element.");
                    sawMetadata |= inMetadata;
                    continue;
                }
                if (reader.Depth != 2 || !inMetadata) continue;
                switch (reader.LocalName)
                {
                    case "id": id = ReadText(reader, ref advanced); break;
                    case "version": version = ReadText(reader, ref advanced); break;
                    case "authors": authors = ReadText(reader, ref advanced); break;
                    case "owners": owners = ReadText(reader, ref advanced); break;
                    case "copyright": copyright = ReadText(reader, ref advanced); break;
                    case "projectUrl": projectUrl = ReadText(reader, ref advanced); break;
                    case "description": description = ReadText(reader, ref advanced); break;
                    case "licenseUrl": licenseUrl = ReadText(reader, ref advanced); break;
                    case "developmentDependency": devDependency = string.Equals(ReadText(reader, ref advanced), "true", StringComparison.OrdinalIgnoreCase); break;
                    case "license":
                        licenseType = reader.GetAttribute("type");
                        license = ReadText(reader, ref advanced);
                        break;
                    case "repository":
                        repository = new RepositoryInfo(Blank(reader.GetAttribute("type")), Blank(reader.GetAttribute("url")), Blank(reader.GetAttribute("branch")), Blank(reader.GetAttribute("commit")));
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException("The nuspec is not well-formed XML (line " + ex.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + ex.Message, ex);
        }
        if (!sawPackage) throw new InvalidDataException("The nuspec is empty.");
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidDataException("The nuspec has no <id>.");
        if (string.IsNullOrWhiteSpace(version)) throw new InvalidDataException("The nuspec has no <version>.");
        var kind = DeclaredLicenseKind.None;
        if (license != null)
        {
            kind = string.Equals(licenseType, "file", StringComparison.OrdinalIgnoreCase) ? DeclaredLicenseKind.File : DeclaredLicenseKind.Expression;
        }
        return new PackageMetadata
        {
            Id = id!,
            Version = version!,
            NuspecPath = path,
            Origin = origin,
            LicenseKind = kind,
            License = license,
            LicenseUrl = licenseUrl,
            Authors = authors,
            Owners = owners,
            Copyright = copyright,
            ProjectUrl = projectUrl,
            Description = description,
            Repository = repository,
            DevelopmentDependency = devDependency,
        };
    }

    private static string? ReadText(XmlReader reader, ref bool advanced)
    {
        if (reader.IsEmptyElement) return null;
        advanced = true;
        return Blank(reader.ReadElementContentAsString());
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
