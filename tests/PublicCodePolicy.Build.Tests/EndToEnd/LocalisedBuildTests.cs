// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// Issue 13: the build of samples/Valmont speaks the user's language (DOTNET_CLI_UI_LANGUAGE), the task's messages and
/// the engine's reasons and remedies alike, and a build in the other language never replays the last one's messages.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LocalisedBuildTests
{
    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public LocalisedBuildTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private static IReadOnlyDictionary<string, string> Resx(string relativePath, string suffix)
        => XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, relativePath + suffix + ".resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    // The pieces of a language's texts between placeholders and sentence ends that are sentences (three words or more)
    // and not shared with the other language.
    private static string[] Sentences(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> other)
        => texts.SelectMany(kv => Regex.Split(kv.Value, @"\{\d+\}|\n|(?<=[.;])\s").Select(f => f.Trim(' ', ':', ',', ';', '.', '(', ')', '«', '»', '\'', '…', '—', '\u00a0'))
                .Where(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && !other[kv.Key].Contains(f, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static readonly string[] Resources = { "src/PublicCodePolicy.Build/Strings", "src/PublicCodePolicy.Core/Diagnostics/EngineResources" };

    [Fact]
    public void Valmont_BuildsInFrench_ThenInEnglish_ThenInFrench_WithoutReplayingTheOtherLanguage()
    {
        var english = Resources.SelectMany(r => Sentences(Resx(r, string.Empty), Resx(r, ".fr"))).ToArray();
        var french = Resources.SelectMany(r => Sentences(Resx(r, ".fr"), Resx(r, string.Empty))).ToArray();
        Assert.Contains("is not a free licence", english);
        Assert.Contains("n'est pas une licence libre", french);

        // A copy of the sample with the package under test added, as a commune would add it.
        var root = Path.Combine(_fixture.Projects, "l10n-valmont");
        Copy(Path.Combine(TestPaths.RepositoryRoot, "samples", "Valmont"), Path.Combine(root, "Valmont"));
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "samples", "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));
        File.WriteAllText(Path.Combine(root, "Valmont", "Directory.Build.targets"), "<Project><ItemGroup>" + _fixture.PublicCodePolicyReference() + "</ItemGroup></Project>");
        var sln = Path.Combine(root, "Valmont", "Valmont.sln");

        DotNetResult Build(string language, bool restore, string verbosity = "-v:n")
        {
            // Only the check and its report (the public target the package documents): the sample's code is not what is tested.
            var r = _fixture.Build(sln, new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = language }, restore, verbosity, "-t:PublicCodePolicyCheck");
            _output.WriteLine(language + ": " + string.Join("\n", r.Lines.Where(l => l.Contains("PCP", StringComparison.Ordinal) || l.Contains("PublicCodePolicy", StringComparison.Ordinal)).Take(40)));
            Assert.True(r.ExitCode == 0, string.Join("\n", r.Lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))) + "\n" + r);
            return r;
        }

        void AssertLanguage(DotNetResult r, string[] foreign, string expected)
        {
            var warnings = r.Lines.Where(l => l.Contains("warning PCP0001", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(warnings);
            Assert.All(warnings, w => Assert.Contains(expected, w, StringComparison.Ordinal));
            foreach (var sentence in foreign) Assert.False(r.Output.Contains(sentence, StringComparison.Ordinal), "the build output contains \"" + sentence + "\"");
        }

        var fr = Build("fr", restore: true);
        AssertLanguage(fr, english, "n'est pas une licence libre.");
        Assert.Contains(fr.Lines, l => l.Contains("warning PCP0001: System.Net.Http 4.3.4 (exécution) est sous licence LicenseRef-MICROSOFT-NET-LIBRARY : LicenseRef-MICROSOFT-NET-LIBRARY n'est pas une licence libre. Retirez ou remplacez la référence à System.Net.Http dans Valmont.Data.csproj.", StringComparison.Ordinal));
        Assert.Contains(fr.Lines, l => l.Contains("PublicCodePolicy a vérifié Valmont.Data.csproj : ", StringComparison.Ordinal));

        // Same settings, another language: the check runs again and nothing of the French build is replayed.
        var en = Build("en", restore: false);
        AssertLanguage(en, french, "is not a free licence.");
        Assert.Contains(en.Lines, l => l.Contains("PublicCodePolicy checked Valmont.Data.csproj: ", StringComparison.Ordinal));

        // Nothing changed: this build replays, in English.
        var again = Build("en", restore: false, "-v:d");
        AssertLanguage(again, french, "is not a free licence.");
        Assert.Contains("Target \"_PublicCodePolicyReplayEvents\" in file", again.Output, StringComparison.Ordinal);

        var back = Build("fr", restore: false);
        AssertLanguage(back, english, "n'est pas une licence libre.");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            if (Path.GetFileName(dir) is "bin" or "obj") continue;
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
