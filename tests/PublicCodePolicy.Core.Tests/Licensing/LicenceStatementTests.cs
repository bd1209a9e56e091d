// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Licensing.Text;
using PublicCodePolicy.TestUtilities;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Issue 12: the named-licence statement grammar, the notice rules around it, and the rows of its alias file.</summary>
public sealed class LicenceStatementTests
{
    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    private static string Concluded(string text) => Matcher.Identify(text)?.Expression.ToString() ?? "NOASSERTION";

    [Theory]
    [InlineData("This library is licensed under the MIT license.", "MIT")]
    [InlineData("Licensed under the Apache License, Version 2.0.", "Apache-2.0")]
    [InlineData("Released under the Apache 2.0 License.", "Apache-2.0")]
    [InlineData("This project is licensed under the terms of the LGPLv3 license.", "LGPL-3.0-only")]
    [InlineData("This program is free software: you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.", "LGPL-3.0-or-later")]
    [InlineData("Distributed under the GNU General Public License v2.0 only.", "GPL-2.0-only")]
    [InlineData("This work is licensed under a Creative Commons Attribution 4.0 International License.", "CC-BY-4.0")]
    [InlineData("Licensed under the Mozilla Public License 2.0.", "MPL-2.0")]
    [InlineData("Ce logiciel est publié sous licence CeCILL-B.", "CECILL-B")]
    [InlineData("Le code est distribué sous la licence EUPL 1.2.", "EUPL-1.2")]
    [InlineData("Les données sont diffusées sous Licence Ouverte 2.0.", "etalab-2.0")]
    [InlineData("Le code du projet est sous licence Etalab 2.0.", "etalab-2.0")]
    [InlineData("SPDX-License-Identifier: Apache-2.0 OR MIT", "Apache-2.0 OR MIT")]
    // An "-or-later" identifier says it itself; an "-only" one too; a plus right after a version means "or later".
    [InlineData("Licensed under AGPL-3.0-or-later.", "AGPL-3.0-or-later")]
    [InlineData("Released under LGPL-2.1-or-later.", "LGPL-2.1-or-later")]
    [InlineData("Ce programme est distribué sous licence GPL-3.0-or-later.", "GPL-3.0-or-later")]
    [InlineData("Ce programme est distribué sous licence AGPL-3.0-only.", "AGPL-3.0-only")]
    [InlineData("Licensed under GPL-3.0+.", "GPL-3.0-or-later")]
    [InlineData("Licensed under GPLv3+.", "GPL-3.0-or-later")]
    [InlineData("Licensed under the GPL v2+.", "GPL-2.0-or-later")]
    [InlineData("Licensed under the LGPL 2.1+ license.", "LGPL-2.1-or-later")]
    [InlineData("Licensed under GPLv3.", "GPL-3.0-only")]
    [InlineData("Licensed under GPL-3.0+x.", "GPL-3.0-only")]
    // The CeCILL header, in French ("régi par", "sous les conditions de", under French law) and in English.
    [InlineData("Ce logiciel est régi par la licence CeCILL-B soumise au droit français et respectant les principes de diffusion des logiciels libres. Vous pouvez utiliser, modifier et/ou redistribuer ce programme sous les conditions de la licence CeCILL-B telle que diffusée par le CEA, le CNRS et l'INRIA sur le site \"http://www.cecill.info\".", "CECILL-B")]
    [InlineData("This software is governed by the CeCILL-C license under French law and abiding by the rules of distribution of free software. You can use, modify and/ or redistribute the software under the terms of the CeCILL-C license as circulated by CEA, CNRS and INRIA at the following URL \"http://www.cecill.info\".", "CECILL-C")]
    [InlineData("Ce logiciel est régi par la licence CeCILL-C soumise au droit français.", "CECILL-C")]
    [InlineData("Cette bibliothèque est régie par la licence CeCILL-B.", "CECILL-B")]
    [InlineData("Ces programmes sont régis par la licence CeCILL-C.", "CECILL-C")]
    [InlineData("Ces bibliothèques sont régies par la licence CeCILL-B.", "CECILL-B")]
    [InlineData("Vous pouvez redistribuer ce programme sous les conditions de la licence CeCILL-B.", "CECILL-B")]
    [InlineData("Licensed under the MIT License, soumis au droit français.", "MIT")]
    // The file headers of the .NET Foundation and of the ASF.
    [InlineData("Licensed to the .NET Foundation under one or more agreements.\nThe .NET Foundation licenses this file to you under the MIT license.", "MIT")]
    [InlineData("Licensed to the Acme Foundation under one or more agreements. The Acme Foundation licenses this software to you under the Apache License, Version 2.0.", "Apache-2.0")]
    // A file holding one SPDX expression and nothing else.
    [InlineData("MIT", "MIT")]
    [InlineData("  Apache-2.0 OR MIT\n", "Apache-2.0 OR MIT")]
    [InlineData("gpl-3.0-or-later", "GPL-3.0-or-later")]
    public void Statement_IsRead(string text, string expected)
    {
        Assert.Equal(expected, Concluded(text));
    }

    [Theory]
    // A licence name without a trigger is a mention, not a grant.
    [InlineData("See the MIT license for comparison with the terms below.")]
    [InlineData("We like the Apache License 2.0 and the MIT license.")]
    // A family without a version is ambiguous: never guessed.
    [InlineData("This library is licensed under the Apache License.")]
    [InlineData("Licensed under the GPL.")]
    // Words after the name change the licence.
    [InlineData("Licensed under the Apache License 2.0 with the Commons Clause.")]
    // Restrictions around a statement.
    [InlineData("Licensed under the MIT license, for non-commercial use only.")]
    [InlineData("Licensed under the MIT license if your revenue is below 1M USD; otherwise purchase a licence.")]
    [InlineData("Ce logiciel est publié sous licence CeCILL-B, mais ne doit pas être utilisé hors de l'administration.")]
    [InlineData("Ce logiciel est régi par la licence CeCILL-B, soumise à l'accord de la mairie.")]
    // Not one SPDX expression alone: a name, a word, a reference to terms not held, two lines.
    [InlineData("MIT License")]
    [InlineData("BSD")]
    [InlineData("Apache 2.0")]
    [InlineData("LicenseRef-PublicDomain")]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")]
    [InlineData("NOASSERTION")]
    [InlineData("MIT\nApache-2.0")]
    // The CeCILL header without a version: CeCILL 1.0, 1.1, 2.0 or 2.1?
    [InlineData("Ce logiciel est régi par la licence CeCILL soumise au droit français.")]
    // A URL of the table that contradicts the statement.
    [InlineData("Licensed under the MIT license, see https://www.apache.org/licenses/LICENSE-2.0")]
    public void Statement_IsNotConcluded(string text)
    {
        Assert.Equal("NOASSERTION", Concluded(text));
    }

    [Fact]
    public void Name_IsNeverReadAsASubstring()
    {
        // "submit" and "permitted" contain "mit"; "Apache" inside a word is no name either.
        Assert.Empty(Matcher.Statements("Contributors submit patches; redistribution is permitted under the terms of the project."));
        Assert.Empty(Matcher.Statements("The ApacheLicenseHelper class is licensed under nothing else."));
    }

    [Fact]
    public void UnreadableName_IsNamedByTheOneUrlOfTheTable()
    {
        Assert.Equal("CC-BY-4.0", Concluded("X by Y is licensed under a Creative Commons Attributeion 4.0 International License, http://creativecommons.org/licenses/by/4.0/."));
        // Without a statement trigger, a URL alone proves nothing.
        Assert.Equal("NOASSERTION", Concluded("More at http://creativecommons.org/licenses/by/4.0/."));
    }

    public static TheoryData<string, string, string?> AliasRows()
    {
        var data = new TheoryData<string, string, string?>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "PublicCodePolicy.Core", "Data", "license-name-aliases.json")));
        foreach (var row in doc.RootElement.GetProperty("items").EnumerateArray())
        {
            data.Add(row.GetProperty("alias").GetString()!, row.GetProperty("family").GetString()!, row.TryGetProperty("version", out var v) ? v.GetString() : null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AliasRows))]
    public void AliasRow_IsReadAfterATrigger(string alias, string family, string? version)
    {
        // Each alias, with its version when the alias has none, must read as a statement of its family.
        var text = "This work is released under the " + alias + (version == null ? " " + SampleVersion(family) : string.Empty) + " license.";
        var s = Assert.Single(Matcher.Statements(text));
        Assert.Equal(family, s.Family);
        Assert.NotNull(s.Id);
        Assert.StartsWith(family, s.Id, StringComparison.OrdinalIgnoreCase);
    }

    // A version the SPDX list has for each family of the alias file (families without versions take none).
    private static string SampleVersion(string family) => family switch
    {
        "GPL" or "LGPL" or "AGPL" => "3.0",
        "Apache" or "MPL" => "2.0",
        "EUPL" => "1.2",
        "CC-BY" or "CC-BY-SA" => "4.0",
        "CECILL" => "2.1",
        "etalab" => "2.0",
        "OFL" => "1.1",
        _ => string.Empty,
    };
}
