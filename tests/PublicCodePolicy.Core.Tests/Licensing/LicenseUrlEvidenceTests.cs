// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using System.Xml.Linq;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Issue 15: every row of the shipped URL table (src/PublicCodePolicy.Core/Data/license-urls.json) is checked against
/// evidence that does not come from the product: the SPDX list's own cross-references (the vendored XML sources and
/// JSON under tests/data/spdx), or the hand-written table below with the reason for each row, or a licence file a
/// real package ships for the address it declares (tests/data/licences/package-files), read by the text matcher.
/// A row with none of these fails; a row whose licence differs from its evidence fails.
/// </summary>
public sealed class LicenseUrlEvidenceTests
{
    private const string ApacheSteward = "apache.org is the licence steward; the path names the licence and its version (LICENSE-2.0 is the Apache License, Version 2.0)";
    private const string GnuPage = "gnu.org (FSF, the licence steward) page holding the text of that licence and version; a page gives the text, not an \"or any later version\" grant, so the -only identifier. Unversioned pages (gpl.html, lgpl.html, agpl.html) serve version 3 since 2007, before NuGet existed";
    private const string OsiOldPage = "opensource.org page under its pre-2012 name (apache2.0.php, mit-license.php, ms-pl); OSI redirects each to the page of that one licence";
    private const string Choosealicense = "choosealicense.com/licenses/<slug> renders github/choosealicense.com _licenses/";
    private const string MsNetLibraryPage = "Microsoft's page of the MICROSOFT .NET LIBRARY licence terms (proprietary), same terms as dotnet_library_license.txt shipped by the System.* 4.x packages: a LicenseRef";

    /// <summary>Rows whose licence the SPDX cross-references do not settle: expected licence and why, written by hand.</summary>
    /// <remarks>
    /// Left out of the product on purpose (precision first): opensource.org/licenses/bsd-license.php. Until 2011 OSI's
    /// page of that name held the 3-clause "BSD license" template, later it redirected to BSD-2-Clause, so a package
    /// declaring it may mean either.
    /// </remarks>
    internal static readonly IReadOnlyDictionary<string, (string License, string Reason)> HandChecked = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["https://www.apache.org/licenses/LICENSE-1.0"] = ("Apache-1.0", ApacheSteward),
        ["https://www.apache.org/licenses/LICENSE-1.1"] = ("Apache-1.1", ApacheSteward),
        ["https://www.apache.org/licenses/LICENSE-2.0"] = ("Apache-2.0", ApacheSteward),
        ["https://www.apache.org/licenses/LICENSE-2.0.html"] = ("Apache-2.0", ApacheSteward),
        ["https://www.apache.org/licenses/LICENSE-2.0.txt"] = ("Apache-2.0", ApacheSteward),
        ["https://choosealicense.com/licenses/0bsd"] = ("0BSD", Choosealicense + "0bsd.txt, front matter spdx-id 0BSD"),
        ["https://choosealicense.com/licenses/afl-3.0"] = ("AFL-3.0", Choosealicense + "afl-3.0.txt, front matter spdx-id AFL-3.0"),
        ["https://choosealicense.com/licenses/agpl-3.0"] = ("AGPL-3.0-only", Choosealicense + "agpl-3.0.txt, front matter spdx-id AGPL-3.0, the deprecated form of AGPL-3.0-only"),
        ["https://choosealicense.com/licenses/apache-2.0"] = ("Apache-2.0", Choosealicense + "apache-2.0.txt, front matter spdx-id Apache-2.0"),
        ["https://choosealicense.com/licenses/artistic-2.0"] = ("Artistic-2.0", Choosealicense + "artistic-2.0.txt, front matter spdx-id Artistic-2.0"),
        ["https://choosealicense.com/licenses/bsd-2-clause"] = ("BSD-2-Clause", Choosealicense + "bsd-2-clause.txt, front matter spdx-id BSD-2-Clause"),
        ["https://choosealicense.com/licenses/bsd-3-clause"] = ("BSD-3-Clause", Choosealicense + "bsd-3-clause.txt, front matter spdx-id BSD-3-Clause"),
        ["https://choosealicense.com/licenses/bsl-1.0"] = ("BSL-1.0", Choosealicense + "bsl-1.0.txt, front matter spdx-id BSL-1.0"),
        ["https://choosealicense.com/licenses/cc-by-4.0"] = ("CC-BY-4.0", Choosealicense + "cc-by-4.0.txt, front matter spdx-id CC-BY-4.0"),
        ["https://choosealicense.com/licenses/cc-by-sa-4.0"] = ("CC-BY-SA-4.0", Choosealicense + "cc-by-sa-4.0.txt, front matter spdx-id CC-BY-SA-4.0"),
        ["https://choosealicense.com/licenses/cc0-1.0"] = ("CC0-1.0", Choosealicense + "cc0-1.0.txt, front matter spdx-id CC0-1.0"),
        ["https://choosealicense.com/licenses/ecl-2.0"] = ("ECL-2.0", Choosealicense + "ecl-2.0.txt, front matter spdx-id ECL-2.0"),
        ["https://choosealicense.com/licenses/epl-2.0"] = ("EPL-2.0", Choosealicense + "epl-2.0.txt, front matter spdx-id EPL-2.0"),
        ["https://choosealicense.com/licenses/eupl-1.1"] = ("EUPL-1.1", Choosealicense + "eupl-1.1.txt, front matter spdx-id EUPL-1.1"),
        ["https://choosealicense.com/licenses/eupl-1.2"] = ("EUPL-1.2", Choosealicense + "eupl-1.2.txt, front matter spdx-id EUPL-1.2"),
        ["https://choosealicense.com/licenses/gpl-2.0"] = ("GPL-2.0-only", Choosealicense + "gpl-2.0.txt, front matter spdx-id GPL-2.0, the deprecated form of GPL-2.0-only"),
        ["https://choosealicense.com/licenses/gpl-3.0"] = ("GPL-3.0-only", Choosealicense + "gpl-3.0.txt, front matter spdx-id GPL-3.0, the deprecated form of GPL-3.0-only"),
        ["https://choosealicense.com/licenses/isc"] = ("ISC", Choosealicense + "isc.txt, front matter spdx-id ISC"),
        ["https://choosealicense.com/licenses/lgpl-2.1"] = ("LGPL-2.1-only", Choosealicense + "lgpl-2.1.txt, front matter spdx-id LGPL-2.1, the deprecated form of LGPL-2.1-only"),
        ["https://choosealicense.com/licenses/lgpl-3.0"] = ("LGPL-3.0-only", Choosealicense + "lgpl-3.0.txt, front matter spdx-id LGPL-3.0, the deprecated form of LGPL-3.0-only"),
        ["https://choosealicense.com/licenses/mit"] = ("MIT", Choosealicense + "mit.txt, front matter spdx-id MIT"),
        ["https://choosealicense.com/licenses/mit-0"] = ("MIT-0", Choosealicense + "mit-0.txt, front matter spdx-id MIT-0"),
        ["https://choosealicense.com/licenses/mpl-2.0"] = ("MPL-2.0", Choosealicense + "mpl-2.0.txt, front matter spdx-id MPL-2.0"),
        ["https://choosealicense.com/licenses/ms-pl"] = ("MS-PL", Choosealicense + "ms-pl.txt, front matter spdx-id MS-PL"),
        ["https://choosealicense.com/licenses/ms-rl"] = ("MS-RL", Choosealicense + "ms-rl.txt, front matter spdx-id MS-RL"),
        ["https://choosealicense.com/licenses/mulanpsl-2.0"] = ("MulanPSL-2.0", Choosealicense + "mulanpsl-2.0.txt, front matter spdx-id MulanPSL-2.0"),
        ["https://choosealicense.com/licenses/ncsa"] = ("NCSA", Choosealicense + "ncsa.txt, front matter spdx-id NCSA"),
        ["https://choosealicense.com/licenses/ofl-1.1"] = ("OFL-1.1", Choosealicense + "ofl-1.1.txt, front matter spdx-id OFL-1.1"),
        ["https://choosealicense.com/licenses/osl-3.0"] = ("OSL-3.0", Choosealicense + "osl-3.0.txt, front matter spdx-id OSL-3.0"),
        ["https://choosealicense.com/licenses/postgresql"] = ("PostgreSQL", Choosealicense + "postgresql.txt, front matter spdx-id PostgreSQL"),
        ["https://choosealicense.com/licenses/unlicense"] = ("Unlicense", Choosealicense + "unlicense.txt, front matter spdx-id Unlicense"),
        ["https://choosealicense.com/licenses/upl-1.0"] = ("UPL-1.0", Choosealicense + "upl-1.0.txt, front matter spdx-id UPL-1.0"),
        ["https://choosealicense.com/licenses/wtfpl"] = ("WTFPL", Choosealicense + "wtfpl.txt, front matter spdx-id WTFPL"),
        ["https://choosealicense.com/licenses/zlib"] = ("Zlib", Choosealicense + "zlib.txt, front matter spdx-id Zlib"),
        ["https://dotnet.microsoft.com/en-us/dotnet_library_license.htm"] = ("LicenseRef-MICROSOFT-NET-LIBRARY", MsNetLibraryPage),
        ["https://github.com/dotnet/core-setup/blob/master/LICENSE.TXT"] = ("MIT", "dotnet/core-setup (archived, merged into dotnet/runtime): MIT from its first commit to its archiving"),
        ["https://github.com/dotnet/corefx/blob/master/LICENSE.TXT"] = ("MIT", "dotnet/corefx (archived): MIT throughout; System.Buffers 4.5.1 declares this URL and ships the file (stored copy below)"),
        ["https://github.com/dotnet/runtime/blob/main/LICENSE.TXT"] = ("MIT", "dotnet/runtime: MIT since the repository was created (2019) from corefx/coreclr/core-setup, all MIT"),
        ["https://github.com/dotnet/standard/blob/master/LICENSE.TXT"] = ("MIT", "dotnet/standard (archived): MIT throughout; NETStandard.Library 2.0.3 declares this URL and ships the file (stored copy below)"),
        ["https://github.com/Microsoft/dotnet/blob/master/LICENSE"] = ("MIT", "microsoft/dotnet: MIT since the repository was created"),
        ["https://github.com/protocolbuffers/protobuf/blob/main/LICENSE"] = ("BSD-3-Clause", "protocolbuffers/protobuf: Google's 3-clause BSD licence throughout its history (the third clause names Google Inc.)"),
        ["https://www.gnu.org/licenses/agpl-3.0.html"] = ("AGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/agpl-3.0.txt"] = ("AGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/agpl.html"] = ("AGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/gpl-2.0.html"] = ("GPL-2.0-only", GnuPage),
        ["https://www.gnu.org/licenses/gpl-3.0.en.html"] = ("GPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/gpl-3.0.html"] = ("GPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/gpl-3.0.txt"] = ("GPL-3.0-only", GnuPage),
        ["https://creativecommons.org/licenses/by/4.0"] = ("CC-BY-4.0", "creativecommons.org (the licence steward) deed of Attribution 4.0 International: the path names the licence and its version, and the SPDX list's own cross-reference for CC-BY-4.0 is the same address with /legalcode"),
        ["https://www.gnu.org/licenses/gpl.html"] = ("GPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/lgpl-2.1.html"] = ("LGPL-2.1-only", GnuPage),
        ["https://www.gnu.org/licenses/lgpl-3.0.en.html"] = ("LGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/lgpl-3.0.html"] = ("LGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/lgpl-3.0.txt"] = ("LGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/lgpl.html"] = ("LGPL-3.0-only", GnuPage),
        ["https://www.gnu.org/licenses/old-licenses/gpl-2.0.html"] = ("GPL-2.0-only", GnuPage),
        ["https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt"] = ("GPL-2.0-only", GnuPage),
        ["https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html"] = ("LGPL-2.1-only", GnuPage),
        ["https://www.gnu.org/licenses/old-licenses/lgpl-2.1.txt"] = ("LGPL-2.1-only", GnuPage),
        ["https://go.microsoft.com/fwlink/?LinkId=329770"] = ("LicenseRef-MICROSOFT-NET-LIBRARY", "Microsoft's short link used as licenseUrl by the .NET 4.x-era packages; Microsoft.NETCore.Platforms 1.1.0 declares it and ships its text (stored copy below)"),
        ["https://www.microsoft.com/net/dotnet_library_license.htm"] = ("LicenseRef-MICROSOFT-NET-LIBRARY", MsNetLibraryPage),
        ["http://www.microsoft.com/web/webpi/eula/net_library_eula_ENU.htm"] = ("LicenseRef-MICROSOFT-NET-LIBRARY", "Web Platform Installer copy of the MICROSOFT .NET LIBRARY licence terms: the file name says net_library_eula; proprietary, LicenseRef"),
        ["https://opensource.org/licenses/apache2.0.php"] = ("Apache-2.0", OsiOldPage),
        ["https://opensource.org/licenses/mit-license.php"] = ("MIT", OsiOldPage),
        ["https://opensource.org/licenses/ms-pl"] = ("MS-PL", OsiOldPage),
        ["https://raw.githubusercontent.com/aspnet/AspNetCore/2.0.0/LICENSE.txt"] = ("Apache-2.0", "tag 2.0.0 pins the file: ASP.NET Core 2.0 was released under Apache-2.0 (MIT only from 3.0)"),
        ["https://raw.githubusercontent.com/aspnet/Home/2.0.0/LICENSE.txt"] = ("Apache-2.0", "tag 2.0.0 pins the file: the aspnet/Home licence at ASP.NET Core 2.0 was Apache-2.0"),
        ["https://raw.githubusercontent.com/Microsoft/dotnet/master/LICENSE"] = ("MIT", "raw copy of the microsoft/dotnet licence file: MIT since the repository was created"),
        ["https://raw.githubusercontent.com/SignalR/SignalR/2.3.0/LICENSE.txt"] = ("Apache-2.0", "tag 2.3.0 pins the file: ASP.NET SignalR 2.x is Apache-2.0"),
        ["https://raw.githubusercontent.com/xunit/xunit/master/license.txt"] = ("Apache-2.0", "xunit/xunit: Apache-2.0 for v1, v2 and v3 (the file has never carried another licence)"),
    };

    /// <summary>Addresses whose text a real package ships next to its declaration (vendored, with provenance in tests/data/README.md).</summary>
    public static TheoryData<string, string, string> StoredTexts() => new()
    {
        { "http://go.microsoft.com/fwlink/?LinkId=329770", "microsoft.netcore.platforms.1.1.0/dotnet_library_license.txt", "LicenseRef-MICROSOFT-NET-LIBRARY" },
        { "https://github.com/dotnet/corefx/blob/master/LICENSE.TXT", "system.buffers.4.5.1/LICENSE.TXT", "MIT" },
        { "https://github.com/dotnet/standard/blob/master/LICENSE.TXT", "netstandard.library.2.0.3/LICENSE.TXT", "MIT" },
    };

    private static readonly XNamespace s_ns = "http://www.spdx.org/license";

    private static readonly Lazy<Dictionary<string, HashSet<string>>> s_crossRefs = new(LoadCrossRefs);

    /// <summary>Lower case, no scheme, no www., no fragment, no trailing slash: written here, not taken from the product.</summary>
    internal static string Key(string url)
    {
        var s = url.Trim().ToLowerInvariant();
        int hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) s = s[..hash];
        if (s.StartsWith("https://", StringComparison.Ordinal)) s = s["https://".Length..];
        else if (s.StartsWith("http://", StringComparison.Ordinal)) s = s["http://".Length..];
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s[4..];
        return s.TrimEnd('/');
    }

    /// <summary>URL key → the current (non-deprecated) licences whose SPDX cross-references list it, from the XML sources and the JSON list.</summary>
    private static Dictionary<string, HashSet<string>> LoadCrossRefs()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string url, string id) { if (!map.TryGetValue(Key(url), out var set)) map[Key(url)] = set = new(StringComparer.Ordinal); set.Add(id); }
        foreach (var file in Directory.GetFiles(SpdxTemplateText.Folder, "*.xml"))
        {
            var lic = XDocument.Load(file).Root!.Element(s_ns + "license")!;
            if (lic.Attribute("deprecatedVersion") != null) continue;
            foreach (var cr in lic.Descendants(s_ns + "crossRef")) Add(cr.Value, lic.Attribute("licenseId")!.Value);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "spdx", "licenses-3.28.0.json")));
        foreach (var l in doc.RootElement.GetProperty("licenses").EnumerateArray())
        {
            if (l.GetProperty("isDeprecatedLicenseId").GetBoolean()) continue;
            foreach (var u in l.GetProperty("seeAlso").EnumerateArray()) Add(u.GetString()!, l.GetProperty("licenseId").GetString()!);
        }
        return map;
    }

    /// <summary>
    /// The licence an address names by the SPDX list alone. Several licences may share a cross-reference (GPL-3.0-only
    /// and GPL-3.0-or-later share the FSF page, MPL-2.0 and MPL-2.0-no-copyleft-exception the Mozilla page): the
    /// address then proves only the plain licence, the one all the others extend (X-only, or the prefix of the others).
    /// </summary>
    internal static string? BySpdxCrossRefs(string url)
    {
        if (!s_crossRefs.Value.TryGetValue(Key(url), out var ids)) return null;
        if (ids.Count == 1) return ids.Single();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            string stem = id.EndsWith("-only", StringComparison.Ordinal) ? id[..^"-only".Length] : id;
            if (ids.All(other => other == id || other.StartsWith(stem + "-", StringComparison.Ordinal))) return id;
        }
        return null;
    }

    /// <summary>Every row as committed in the product's data file (url, licence, evidence label).</summary>
    public static TheoryData<string, string, string> ProductRows()
    {
        var data = new TheoryData<string, string, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "license-urls.json")));
        foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            data.Add(item.GetProperty("url").GetString()!, item.GetProperty("license").GetString()!, item.GetProperty("evidence").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ProductRows))]
    public void Row_HasIndependentEvidenceForItsLicence(string url, string license, string evidence)
    {
        string? bySpdx = BySpdxCrossRefs(url);
        bool byHand = HandChecked.TryGetValue(url, out var hand);
        Assert.True(bySpdx is not null || byHand, url + " (" + license + "): no SPDX cross-reference and no hand-checked reason: add the evidence or remove the row");
        if (bySpdx is not null) Assert.Equal(bySpdx, license);
        if (byHand) Assert.Equal(hand.License, license);
        if (evidence == "spdx-crossref") Assert.NotNull(bySpdx);
        // What the product resolves, for every spelling of the address, is that licence.
        Assert.Equal(license, LicenseUrlTable.Default.Find(url)?.License);
        Assert.Equal(license, LicenseUrlTable.Default.Find(url.ToUpperInvariant())?.License);
    }

    [Fact]
    public void HandTable_HasNoStaleOrRedundantRow()
    {
        var product = ProductRows().Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(HandChecked, kv => Assert.Contains(kv.Key, product));
        Assert.All(HandChecked, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value.Reason), kv.Key));
        // The split stays what was reviewed: 75 rows by hand, the rest (223) by the SPDX list's cross-references.
        Assert.Equal(75, HandChecked.Count);
        Assert.Equal(298, product.Count);
        Assert.Equal(298, LicenseUrlTable.Default.Entries.Count);
    }

    [Fact]
    public void AmbiguousAddress_IsNotInTheProduct()
    {
        Assert.Null(LicenseUrlTable.Default.Find("https://opensource.org/licenses/bsd-license.php"));
        Assert.Null(LicenseUrlTable.Default.Find("http://www.opensource.org/licenses/bsd-license.php"));
    }

    [Theory]
    [MemberData(nameof(StoredTexts))]
    public void StoredText_OfTheAddress_IsIdentifiedAsTheRowsLicence(string url, string file, string expected)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.TestData, "licences", "package-files", file));
        Assert.Equal(expected, LicenseTextMatcher.Shared.Analyze(text).Expression.ToString());
        Assert.Equal(expected, LicenseUrlTable.Default.Find(url)?.License);
        Assert.Equal(expected, HandChecked[HandChecked.Keys.Single(k => Key(k) == Key(url))].License);
    }

    [Theory]
    [InlineData("https://www.gnu.org/licenses/gpl-3.0-standalone.html", "GPL-3.0-only")]
    [InlineData("https://opensource.org/licenses/MPL-2.0", "MPL-2.0")]
    [InlineData("https://www.gnu.org/licenses/fdl-1.3.txt", "GFDL-1.3-only")]
    [InlineData("https://opensource.org/licenses/OFL-1.1", "OFL-1.1")]
    [InlineData("http://opensource.org/licenses/MIT", "MIT")]
    [InlineData("https://example.com/nothing", null)]
    public void CrossRefReading_PicksThePlainLicence(string url, string? expected)
    {
        Assert.Equal(expected, BySpdxCrossRefs(url));
    }
}
