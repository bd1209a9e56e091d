// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using System.Xml.Linq;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Renders the licence texts of the SPDX licence list source files (tests/data) as plain text, the way a
/// licence file would hold them, for tests. It reads the XML itself, independently of the product's generator.
/// </summary>
internal static class SpdxTemplateText
{
    private static readonly XNamespace s_ns = "http://www.spdx.org/license";

    public static string Folder => Path.Combine(TestPaths.TestData, "spdx", "license-list-XML-3.28.0");

    public sealed record Entry(string Id, bool IsOsiApproved, bool IsDeprecated, bool IsException, string Path);

    public static IReadOnlyList<Entry> Licenses { get; } = Load();

    private static IReadOnlyList<Entry> Load()
    {
        var list = new List<Entry>();
        foreach (var file in Directory.GetFiles(Folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var lic = XDocument.Load(file).Root!.Element(s_ns + "license")!;
            list.Add(new Entry(lic.Attribute("licenseId")!.Value, lic.Attribute("isOsiApproved")?.Value == "true", lic.Attribute("deprecatedVersion") != null, false, file));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "exceptions"), "*.xml").Order(StringComparer.Ordinal))
        {
            var exc = XDocument.Load(file).Root!.Element(s_ns + "exception")!;
            list.Add(new Entry(exc.Attribute("licenseId")!.Value, false, exc.Attribute("deprecatedVersion") != null, true, file));
        }
        return list;
    }

    public static Entry Get(string id) => Licenses.Single(l => l.Id == id);

    /// <summary>The text of a licence: optional parts kept or dropped, copyright lines kept or replaced.</summary>
    public static string Render(string id, bool optional = true, string? copyright = null)
    {
        var entry = Get(id);
        var item = XDocument.Load(entry.Path).Root!.Element(s_ns + (entry.IsException ? "exception" : "license"))!;
        var sb = new StringBuilder();
        Walk(item.Element(s_ns + "text")!, sb, optional, copyright);
        return Tidy(sb.ToString());
    }

    /// <summary>The standard header of a licence (its notice for source files), optional parts kept.</summary>
    public static string RenderHeader(string id)
    {
        var item = XDocument.Load(Get(id).Path).Root!.Element(s_ns + "license")!;
        var sb = new StringBuilder();
        Walk(item.Descendants(s_ns + "standardLicenseHeader").First(), sb, optional: true, copyright: null);
        return Tidy(sb.ToString());
    }

    /// <summary>Rewraps a text to a given width, as editors and packagers do.</summary>
    public static string Reflow(string text, int width)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            int column = 0;
            foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (column > 0 && column + word.Length + 1 > width)
                {
                    sb.Append('\n');
                    column = 0;
                }
                else if (column > 0)
                {
                    sb.Append(' ');
                    column++;
                }
                sb.Append(word);
                column += word.Length;
            }
            sb.Append("\n\n");
        }
        return sb.ToString();
    }

    private static void Walk(XElement element, StringBuilder sb, bool optional, string? copyright)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText t)
            {
                sb.Append(t.Value);
                continue;
            }
            if (node is not XElement e) continue;
            switch (e.Name.LocalName)
            {
                case "optional":
                    if (optional)
                    {
                        // As for alternatives: the markup separates words ("<optional>Lesser</optional>General").
                        bool tightOptional = e.Attribute("spacing")?.Value == "none";
                        if (!tightOptional) sb.Append(' ');
                        Walk(e, sb, optional, copyright);
                        if (!tightOptional) sb.Append(' ');
                    }
                    break;
                case "alt":
                    // The list separates words with the markup itself ("ANY<alt>EXPRESS</alt>"); real texts use a space.
                    bool tight = e.Attribute("spacing")?.Value == "none";
                    if (!tight) sb.Append(' ');
                    Walk(e, sb, optional, copyright);
                    if (!tight) sb.Append(' ');
                    break;
                case "copyrightText":
                    if (copyright != null) sb.Append("\n\n").Append(copyright).Append("\n\n");
                    else if (optional) Walk(e, sb, optional, copyright);
                    break;
                case "titleText":
                    if (optional) Walk(e, sb, optional, copyright);
                    break;
                case "p":
                    sb.Append("\n\n");
                    Walk(e, sb, optional, copyright);
                    sb.Append("\n\n");
                    break;
                case "br":
                    sb.Append('\n');
                    break;
                case "item":
                    sb.Append('\n');
                    Walk(e, sb, optional, copyright);
                    sb.Append('\n');
                    break;
                case "bullet":
                    sb.Append(e.Value.Trim()).Append(' ');
                    break;
                case "notes":
                case "crossRefs":
                    break;
                default:
                    Walk(e, sb, optional, copyright);
                    break;
            }
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var sb = new StringBuilder();
        int blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (sb.Length > 0) sb.Append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            sb.Append(line);
        }
        return sb.Append('\n').ToString();
    }
}
