// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing.Text;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Issue 3 item 1: combinations, notices, proprietary terms and the matcher's limits.</summary>
public sealed class LicenseTextMatcherTests
{
    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    private static string Text(string id) => SpdxTemplateText.Render(id);

    [Fact]
    public void GplTextPlusException_IsWith()
    {
        var a = Matcher.Analyze(Text("GPL-2.0-only") + "\n\n" + Text("Classpath-exception-2.0"));
        Assert.Equal(LicenseTextMatchKind.Exact, a.Kind);
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", a.Expression.ToString());
    }

    [Fact]
    public void CopyingPlusCopyingLesser_IsLgpl3()
    {
        var a = Matcher.Analyze(Text("GPL-3.0-only") + "\n\n" + Text("LGPL-3.0-only"));
        Assert.Equal("LGPL-3.0-only", a.Expression.ToString());
        Assert.Contains("incorporates", a.Note, StringComparison.Ordinal);
        Assert.Equal(2, a.Regions.Count);
    }

    [Fact]
    public void TwoLicencesWithoutStatedChoice_AreAnd()
    {
        var a = Matcher.Analyze("Parts of this package:\n\n" + Text("MIT") + "\n\n" + Text("BSD-2-Clause"));
        Assert.Equal("MIT AND BSD-2-Clause", a.Expression.ToString());
    }

    [Theory]
    [InlineData("Licensed under either of the following, at your option:")]
    [InlineData("This project is dual licensed.")]
    [InlineData("You may choose one of these licences.")]
    public void TwoLicencesWithStatedChoice_AreOr(string intro)
    {
        var a = Matcher.Analyze(intro + "\n\n" + Text("Apache-2.0") + "\n\n" + Text("MIT"));
        Assert.Equal("Apache-2.0 OR MIT", a.Expression.ToString());
    }

    [Fact]
    public void LgplOrCommercial_IsOrWithCommercialRef()
    {
        var a = Matcher.Analyze("You may use this library under the LGPL 3.0 below or, alternatively, under a commercial licence (contact sales).\n\n" + Text("LGPL-3.0-only"));
        Assert.Equal("LGPL-3.0-only OR LicenseRef-Commercial", a.Expression.ToString());
    }

    [Fact]
    public void LongIntroduction_IsNotTolerated()
    {
        var intro = string.Join(' ', Enumerable.Repeat("The widget toolkit is great software written over many years by volunteers.", 6));
        var a = Matcher.Analyze(intro + "\n\n" + Text("MIT"));
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Contains("MIT", a.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionAlone_ConcludesNothingButIsFound()
    {
        var a = Matcher.Analyze(Text("LLVM-exception"));
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.Equal("LLVM-exception", Assert.Single(a.Regions).Id);
        // Nothing is concluded, but the evidence (which exception the text is) reaches the resolution's note.
        var m = Matcher.Identify(Text("LLVM-exception"))!;
        Assert.Equal("NOASSERTION", m.Expression.ToString());
        Assert.Contains("LLVM-exception", m.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void GplFullText_IsOnlyNotOrLater()
    {
        var a = Matcher.Analyze(Text("GPL-3.0-or-later"));
        Assert.Equal("GPL-3.0-only", a.Expression.ToString());
        Assert.Contains("GPL-3.0-or-later", a.Regions[0].Alternatives);
    }

    [Fact]
    public void ApacheHeaderNotice_IsApache()
    {
        var notice = "Copyright 2024 Région Bretagne\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n";
        var a = Matcher.Analyze(notice);
        Assert.Equal(LicenseTextMatchKind.Notice, a.Kind);
        Assert.Equal("Apache-2.0", a.Expression.ToString());
    }

    [Fact]
    public void GplOrLaterHeaderNotice_IsOrLater()
    {
        var notice = "MyLib - a library\nCopyright (C) 2024 Ville de Nantes\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\nThis program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License along with this program. If not, see <https://www.gnu.org/licenses/>.\n";
        var a = Matcher.Analyze(notice);
        Assert.Equal("GPL-3.0-or-later", a.Expression.ToString());
    }

    [Theory]
    [InlineData(Issue3PackageTests.CcByNotice, "CC-BY-4.0", LicenseTextMatchKind.Notice)]
    [InlineData(Issue3PackageTests.PublicDomainNotice, "LicenseRef-PublicDomain", LicenseTextMatchKind.Notice)]
    [InlineData(Issue3PackageTests.Eula, "LicenseRef-Proprietary", LicenseTextMatchKind.Proprietary)]
    [InlineData("MICROSOFT SOFTWARE LICENSE TERMS\n\nMICROSOFT .NET LIBRARY\n\nThese license terms are an agreement between Microsoft Corporation (or based on where you live, one of its affiliates) and you.", "LicenseRef-MICROSOFT-NET-LIBRARY", LicenseTextMatchKind.Proprietary)]
    [InlineData("MICROSOFT SOFTWARE LICENSE TERMS\nMICROSOFT VISUAL STUDIO SDK\nThese license terms are an agreement between Microsoft Corporation and you.", "LicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS", LicenseTextMatchKind.Proprietary)]
    [InlineData("Copyright (c) 2021 Contoso Ltd.\nAll rights reserved.\n", "LicenseRef-Proprietary", LicenseTextMatchKind.Proprietary)]
    [InlineData("To the extent possible under law, the Ville de Grenoble has waived all copyright and related or neighboring rights to this work.", "CC0-1.0", LicenseTextMatchKind.Notice)]
    public void Recognisers_NameTheLicence(string text, string expected, LicenseTextMatchKind kind)
    {
        var a = Matcher.Analyze(text);
        Assert.Equal(kind, a.Kind);
        Assert.Equal(expected, a.Expression.ToString());
        Assert.False(string.IsNullOrEmpty(a.Note));
    }

    private const string MitBody = "Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n";

    [Theory]
    [InlineData("The MIT License (MIT)\n\nCopyright (c) .NET Foundation and Contributors\n\nAll rights reserved.\n\n")]
    [InlineData("# MIT License\n\n**Copyright © 2016-2025 Ville de Paris**\n\n")]
    [InlineData("MIT License\r\n\r\nCopyright (c) 2019 Jean Dupont <jean@example.org>\r\n\r\n")]
    public void RealWorldMitFiles_AreMit(string head)
    {
        Assert.Equal("MIT", Matcher.Analyze(head + MitBody).Expression.ToString());
    }

    [Fact]
    public void BsdWithOrganisationName_IsBsd3Clause()
    {
        var text = SpdxTemplateText.Render("BSD-3-Clause", copyright: "Copyright (c) 2018, Métropole de Lyon")
            .Replace("Neither the name of the copyright holder nor the names of its contributors", "Neither the name of Métropole de Lyon nor the\nnames of its contributors", StringComparison.Ordinal);
        Assert.Contains("Métropole de Lyon nor", text, StringComparison.Ordinal);
        Assert.Equal("BSD-3-Clause", Matcher.Analyze(text).Expression.ToString());
    }

    [Fact]
    public void AllRightsReservedInAFreeLicence_IsNotProprietary()
    {
        var a = Matcher.Analyze(SpdxTemplateText.Render("BSD-3-Clause", copyright: "Copyright (c) 2020, Contoso. All rights reserved."));
        Assert.Equal("BSD-3-Clause", a.Expression.ToString());
    }

    [Fact]
    public void NoticeRows_EachPhraseIsRecognised()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "license-notices.json")));
        foreach (var row in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            string license = row.GetProperty("license").GetString()!;
            foreach (var phrase in row.GetProperty("phrases").EnumerateArray())
            {
                var a = Matcher.Analyze("Notice.\n" + phrase.GetString() + ".\n");
                Assert.True(a.Expression.ToString() == license, phrase.GetString() + " gave " + a.Expression + ": " + a.Note);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Copyright (c) 2024 Someone\n")]
    [InlineData("This is just a readme about the library and how to build it with dotnet build.")]
    public void Unrecognised_IsNull(string text)
    {
        Assert.Null(Matcher.Identify(text));
    }

    [Fact]
    public void HugeText_IsRefusedQuickly()
    {
        var text = new string('a', LicenseTextMatcher.MaxTextLength + 1);
        var a = Matcher.Analyze(text);
        Assert.Equal(LicenseTextMatchKind.None, a.Kind);
        Assert.Contains("longer", a.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeRepetitiveText_IsAnalysedInBoundedTime()
    {
        // Many repetitions of licence fragments: many candidate positions, but no backtracking blow-up.
        var text = string.Concat(Enumerable.Repeat(Text("MIT")[..300] + "\n", 600));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var a = Matcher.Analyze(text);
        watch.Stop();
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void Shared_IsBuiltOnceAndKnowsTheList()
    {
        Assert.Same(LicenseTextMatcher.Shared, LicenseTextMatcher.Shared);
        Assert.Equal("3.28.0", LicenseTextMatcher.Shared.LicenseListVersion);
        Assert.Contains("EUPL-1.2", Matcher.KnownIds);
        Assert.Contains("Classpath-exception-2.0", Matcher.KnownIds);
        Assert.DoesNotContain("GPL-2.0", Matcher.KnownIds);
    }

    [Theory]
    // A copyright line that goes on with the licence statement, as source headers and short LICENSE files write it.
    [InlineData("Copyright (c) Microsoft Corporation. All rights reserved. Licensed under the MIT License.", "MIT")]
    [InlineData("Copyright 2024 Acme Inc. Licensed under the Apache License, Version 2.0.", "Apache-2.0")]
    [InlineData("Copyright (c) 2020 J. Doe. This software is released under the MIT License.", "MIT")]
    [InlineData("Copyright (c) 2020 J. Doe; licensed under the MIT License.", "MIT")]
    [InlineData("Copyright © 2023 Commune de Valmont. Publié sous licence EUPL-1.2.", "EUPL-1.2")]
    // What follows the copyright on its line is read, restrictions included.
    [InlineData("Copyright 2024 Acme. Licensed under the MIT license. Commercial licenses are also available.", "NOASSERTION")]
    [InlineData("Copyright (c) 2020 Acme. Not for redistribution.\nLicensed under the MIT License.", "NOASSERTION")]
    [InlineData("Copyright (c) 2020 Acme Inc. All rights reserved.", "LicenseRef-Proprietary")]
    public void CopyrightLine_EndsWhereTheNextSentenceBegins(string text, string expected)
    {
        Assert.Equal(expected, LicenseTextMatcher.Shared.Analyze(text).Expression.ToString());
    }
}
