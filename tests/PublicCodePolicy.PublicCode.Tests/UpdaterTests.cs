// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>Regeneration keeps people's work: only the owned values change, every other byte survives.</summary>
public sealed class UpdaterTests
{
    // A file edited by hand: comments everywhere, keys in a personal order, three languages, mixed quoting.
    private const string HandEdited = """
        # Fichier maintenu par la DSI — ne pas supprimer les commentaires !
        publiccodeYmlVersion: "0"

        name: PublicCodePolicy   # nom court
        url: 'https://github.com/publiccodepolicy/publiccodepolicy'
        softwareVersion: "1.2.0"   # mis à jour par l'outil
        releaseDate: 2026-01-15
        developmentStatus: beta
        softwareType: library
        platforms: [windows, linux]
        # Langues : fr d'abord, puis en et it (ajoutée par un partenaire italien)
        description:
          fr:
            shortDescription: Vérifie les licences des dépendances NuGet.
            longDescription: >
              Outil de vérification des licences des dépendances NuGet pour les collectivités
              territoriales. Il produit une nomenclature logicielle, un fichier publiccode.yml
              et un rapport de conformité.
            features:
              - Licences OSI   # et décret D323-2-1
          en:
            shortDescription: Checks NuGet dependency licences.
            longDescription: |
              Checks the licences of NuGet dependencies for French local authorities. It writes
              a software bill of materials, a publiccode.yml file and a compliance report.
            features: [OSI licences]
          it:
            shortDescription: Verifica le licenze delle dipendenze NuGet.
            longDescription: "Verifica le licenze delle dipendenze NuGet per gli enti locali francesi. Produce una distinta base del software, un file publiccode.yml e un rapporto di conformità."
            features:
              - Licenze OSI
        maintenance:
          contacts:
            - name: Jeanne Martin
              email: jeanne.martin@example.org
          type: internal
        legal:
          # choisie par délibération du conseil municipal
          license: EUPL-1.2
          mainCopyrightOwner: Ville de Lyon
        localisation:
          availableLanguages: [fr, en, it]
          localisationReady: true
        """;

    private static PublicCodeFacts Bump(string? version = "1.3.0", string? date = "2026-11-29", string? license = "EUPL-1.2", string? url = "https://github.com/publiccodepolicy/publiccodepolicy")
        => new() { SoftwareVersion = version, ReleaseDate = date, License = license, Url = url, Name = "Ignored: not an owned key" };

    [Fact]
    public void HandEditedFile_IsValidBeforeTheUpdate()
    {
        Assert.Empty(PublicCodeValidator.Validate(Lf(HandEdited), new PublicCodeValidationOptions { CheckFiles = false }).Diagnostics);
    }

    [Fact]
    public void VersionBump_ChangesOnlyTheOwnedValues()
    {
        string before = Lf(HandEdited);
        var result = PublicCodeUpdater.Update(before, Bump());
        Assert.True(result.Succeeded, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Equal(new[] { "softwareVersion", "releaseDate" }, result.ChangedKeys);
        Assert.Equal(
            new[]
            {
                "-softwareVersion: \"1.2.0\"   # mis à jour par l'outil",
                "+softwareVersion: \"1.3.0\"   # mis à jour par l'outil",
                "-releaseDate: 2026-01-15",
                "+releaseDate: 2026-11-29",
            },
            Diff(before, result.Text!));
    }

    [Fact]
    public void LicenceAndUrlChange_KeepQuotingStyleAndComments()
    {
        string before = Lf(HandEdited);
        var result = PublicCodeUpdater.Update(before, Bump(version: "1.2.0", date: "2026-01-15", license: "EUPL-1.2 OR AGPL-3.0-or-later", url: "https://git.example.org/dsi/publiccodepolicy.git"));
        Assert.True(result.Succeeded, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Equal(
            new[]
            {
                "-url: 'https://github.com/publiccodepolicy/publiccodepolicy'",
                "+url: 'https://git.example.org/dsi/publiccodepolicy.git'",
                "-  license: EUPL-1.2",
                "+  license: \"EUPL-1.2 OR AGPL-3.0-or-later\"",
            },
            Diff(before, result.Text!));
    }

    [Fact]
    public void SameFacts_LeaveTheFileByteForByte()
    {
        string before = Lf(HandEdited);
        var result = PublicCodeUpdater.Update(before, Bump(version: "1.2.0", date: "2026-01-15"));
        Assert.Empty(result.ChangedKeys);
        Assert.Equal(before, result.Text);
    }

    [Fact]
    public void MissingOwnedKeys_AreInsertedNextToTheirNeighbours()
    {
        string before = "publiccodeYmlVersion: \"0\"\nname: X   # c\nurl: https://example.org/x.git\nlegal:\n  # note\n  mainCopyrightOwner: Y\n";
        var result = PublicCodeUpdater.Update(before, Bump(url: "https://example.org/x.git"));
        Assert.Equal(new[] { "softwareVersion", "releaseDate", "legal.license" }, result.ChangedKeys);
        Assert.Equal("publiccodeYmlVersion: \"0\"\nname: X   # c\nurl: https://example.org/x.git\nsoftwareVersion: \"1.3.0\"\nreleaseDate: \"2026-11-29\"\nlegal:\n  # note\n  license: EUPL-1.2\n  mainCopyrightOwner: Y\n", result.Text);
    }

    [Theory]
    [InlineData("softwareVersion: 1.2.0", "1.3.0", "softwareVersion: 1.3.0")]
    [InlineData("softwareVersion: 1.2.0", "1.3", "softwareVersion: \"1.3\"")]
    [InlineData("softwareVersion: 1.2.0", "true", "softwareVersion: \"true\"")]
    [InlineData("softwareVersion: '1.2'", "it's 2", "softwareVersion: 'it''s 2'")]
    [InlineData("softwareVersion: \"1.2\"  # c", "2.0 #x", "softwareVersion: \"2.0 #x\"  # c")]
    public void PlainValues_StayPlainOnlyWhenTheyReadBackAsText(string line, string version, string expected)
    {
        var result = PublicCodeUpdater.Update("publiccodeYmlVersion: \"0\"\n" + line + "\n", new PublicCodeFacts { SoftwareVersion = version });
        Assert.Equal("publiccodeYmlVersion: \"0\"\n" + expected + "\n", result.Text);
    }

    [Fact]
    public void EmptyValue_IsFilled()
    {
        var result = PublicCodeUpdater.Update("publiccodeYmlVersion: \"0\"\nsoftwareVersion:\nname: X\n", new PublicCodeFacts { SoftwareVersion = "2.0" });
        Assert.Equal("publiccodeYmlVersion: \"0\"\nsoftwareVersion: \"2.0\"\nname: X\n", result.Text);
    }

    [Fact]
    public void CrLfFile_KeepsItsLineEndings()
    {
        string before = Lf(HandEdited).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("legal:\r\n  # choisie par délibération du conseil municipal\r\n  license: EUPL-1.2\r\n  mainCopyrightOwner: Ville de Lyon\r\n", "legal:\r\n  mainCopyrightOwner: Z\r\n", StringComparison.Ordinal);
        var result = PublicCodeUpdater.Update(before, Bump());
        Assert.True(result.Text != null, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.DoesNotContain("\n", result.Text!.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("legal:\r\n  license: EUPL-1.2\r\n  mainCopyrightOwner: Z\r\n", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: [unclosed\n")]
    [InlineData("a: b\n---\nc: d\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("{publiccodeYmlVersion: \"0\"}\n")]
    public void UnusableExistingFile_IsRefusedWithAFinding(string text)
    {
        var result = PublicCodeUpdater.Update(text, Bump());
        Assert.Null(result.Text);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("PCP3004", finding.RuleId);
    }

    [Fact]
    public void OwnedKeyWithAStructuredValue_IsLeftAloneWithAFinding()
    {
        string before = "publiccodeYmlVersion: \"0\"\nsoftwareVersion: [1, 2]\nreleaseDate: 2020-01-01\n";
        var result = PublicCodeUpdater.Update(before, Bump(url: null, license: null));
        Assert.Contains(result.Findings, f => f.RuleId == "PCP3004" && f.Message.Contains("'softwareVersion'", StringComparison.Ordinal));
        Assert.Equal("publiccodeYmlVersion: \"0\"\nsoftwareVersion: [1, 2]\nreleaseDate: 2026-11-29\n", result.Text);
    }

    [Fact]
    public void FileRoundTrip_GenerateThenBump_WritesAtomicallyAndOnlyWhenChanged()
    {
        using var dir = new TempDirectory("pcyml");
        string path = Path.Combine(dir.Path, PublicCodeFile.FileName);
        var facts = GeneratorTests.FullFacts();
        var generated = PublicCodeFile.GenerateOrUpdate(path, facts);
        Assert.True(generated.Succeeded, string.Join("\n", generated.Findings.Select(f => f.Message)));
        Assert.Equal(generated.Text, File.ReadAllText(path));

        // A person edits the file: a comment and an extra language.
        string edited = File.ReadAllText(path).Replace("description:\n", "# relu par le service juridique\ndescription:\n  de:\n    shortDescription: Prüft Lizenzen.\n    longDescription: \"" + new string('x', 160) + "\"\n    features: [Lizenzen]\n", StringComparison.Ordinal)
            .Replace("localisationReady: true\n", "localisationReady: true\n  # de added by hand\n", StringComparison.Ordinal);
        File.WriteAllText(path, edited);
        var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        var same = PublicCodeFile.GenerateOrUpdate(path, facts);
        Assert.Empty(same.ChangedKeys);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

        var bumped = PublicCodeFile.GenerateOrUpdate(path, new PublicCodeFacts { SoftwareVersion = "1.3.0", ReleaseDate = "2026-12-01", License = facts.License, Url = facts.Url });
        Assert.True(bumped.Succeeded, string.Join("\n", bumped.Findings.Select(f => f.Message)));
        Assert.Equal(new[] { "-softwareVersion: \"1.2.0\"", "+softwareVersion: \"1.3.0\"", "-releaseDate: \"2026-11-29\"", "+releaseDate: \"2026-12-01\"" }, Diff(edited, File.ReadAllText(path)));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void ExistingFileThatDoesNotParse_IsNotTouched()
    {
        using var dir = new TempDirectory("pcyml");
        string path = dir.Write(PublicCodeFile.FileName, "name: [broken\n");
        var result = PublicCodeFile.GenerateOrUpdate(path, Bump());
        Assert.Null(result.Text);
        Assert.Equal("PCP3004", Assert.Single(result.Findings).RuleId);
        Assert.Equal("name: [broken\n", File.ReadAllText(path));
    }

    [Fact]
    public void AtomicWrite_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory("atomic");
        string path = dir.Write("f.yml", "old");
        AtomicFile.WriteAllText(path, "new é");
        Assert.Equal("new é", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
        Assert.Equal(0xC3, File.ReadAllBytes(path)[4]);
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>A minimal line diff: removed lines (-) and added lines (+), paired in order.</summary>
    internal static string[] Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var result = new List<string>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }
            // Look for the next resynchronisation point.
            int nextA = i, nextB = j;
            bool found = false;
            for (int k = 0; k < 50 && !found; k++)
            {
                for (int l = 0; l <= k && !found; l++)
                {
                    int ia = i + l, jb = j + (k - l);
                    if (ia < a.Length && jb < b.Length && a[ia] == b[jb])
                    {
                        nextA = ia;
                        nextB = jb;
                        found = true;
                    }
                }
            }
            if (!found)
            {
                nextA = a.Length;
                nextB = b.Length;
            }
            for (; i < nextA; i++) result.Add("-" + a[i]);
            for (; j < nextB; j++) result.Add("+" + b[j]);
        }
        // Pair each removed line with its replacement for readability.
        return Interleave(result);
    }

    private static string[] Interleave(List<string> lines)
    {
        var removed = lines.Where(l => l.StartsWith('-')).ToList();
        var added = lines.Where(l => l.StartsWith('+')).ToList();
        var output = new List<string>();
        for (int k = 0; k < Math.Max(removed.Count, added.Count); k++)
        {
            if (k < removed.Count) output.Add(removed[k]);
            if (k < added.Count) output.Add(added[k]);
        }
        return output.ToArray();
    }
}
