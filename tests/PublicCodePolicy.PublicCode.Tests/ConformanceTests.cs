// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.PublicCode;

namespace PublicCodePolicy.PublicCode.Tests;

/// <summary>
/// The official validator's conformance suite (publiccode-parser-go testdata/v0 with expected-results-v0.json):
/// every file must give exactly the expected errors and warnings (type, key, message, line, column).
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string s_root = Path.Combine(TestPaths.TestData, "publiccode", "parser-go-testdata");

    /// <summary>
    /// Cases whose expected result depends on something this validator does not do, with the reason.
    /// Their results are still checked, minus the entries that need it (see <see cref="SkippedCase_MatchesExpectedWithoutTheUnavailableChecks"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["v0/invalid/url_invalid.yml"] = "network: the expected result includes URL reachability and code-repository detection",
        ["v0/invalid/landingURL_invalid.yml"] = "network: the expected result includes a URL reachability check",
        ["v0/invalid/description_en_videos_invalid.yml"] = "network: the expected result includes the oEmbed check of video URLs",
        ["v0/invalid/description_en_videos_invalid_oembed.yml"] = "network: the expected result includes the oEmbed check of video URLs",
        ["v0/invalid/fundedBy_uri_wrong_italian_pa2.yml"] = "needs the Italian iPA registry (list of public administration codes), which is not shipped: only the code's form is checked",
        ["v0/invalid/organisation_uri_wrong_italian_pa2.yml"] = "needs the Italian iPA registry (list of public administration codes), which is not shipped: only the code's form is checked",
    };

    private static readonly string[] s_unavailableMessages = { "not reachable", "is not a valid code repository", "is not a valid video URL supporting oEmbed", "with format 'urn:x-italian-pa:[codiceIPA]'" };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllCases())
        {
            if (!Skipped.ContainsKey(file)) data.Add(file);
        }
        return data;
    }

    public static TheoryData<string> SkippedCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Skipped.Keys.Order(StringComparer.Ordinal)) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_GivesExactlyTheExpectedResults(string relativePath)
    {
        var expected = Expected(relativePath);
        var actual = Run(relativePath);
        Assert.Equal(Format(expected), Format(actual));
    }

    [Theory]
    [MemberData(nameof(SkippedCases))]
    public void SkippedCase_MatchesExpectedWithoutTheUnavailableChecks(string relativePath)
    {
        var expected = Expected(relativePath).Where(e => !s_unavailableMessages.Any(m => e.Message.Contains(m, StringComparison.Ordinal))).ToList();
        var actual = Run(relativePath).Where(e => !s_unavailableMessages.Any(m => e.Message.Contains(m, StringComparison.Ordinal))).ToList();
        Assert.Equal(Format(expected), Format(actual));
    }

    [Fact]
    public void SkipList_NamesExactlyTheCasesThatNeedUnavailableChecks()
    {
        var needing = AllCases().Where(f => Expected(f).Any(e => s_unavailableMessages.Any(m => e.Message.Contains(m, StringComparison.Ordinal)))).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(needing, Skipped.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Suite_IsComplete()
    {
        // The suite saved here has 181 files under v0 (yml files plus assets); a missing folder must fail, not pass empty.
        // README: "114/120 files exact; the 6 others need the network or the Italian iPA registry".
        Assert.Equal(120, AllCases().Count());
        Assert.Equal(6, Skipped.Count);
        Assert.Equal(114, Cases().Count);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_root, "expected-results-v0.json")));
        foreach (var group in doc.RootElement.GetProperty("tests").EnumerateObject())
        {
            foreach (var file in group.Value.EnumerateObject())
            {
                Assert.Contains(AllCases(), c => c.EndsWith("/" + file.Name, StringComparison.Ordinal));
            }
        }
    }

    internal static IEnumerable<string> AllCases()
        => Directory.EnumerateFiles(Path.Combine(s_root, "v0"), "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(s_root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static List<Expectation> Run(string relativePath)
    {
        string full = Path.Combine(s_root, relativePath);
        var result = PublicCodeValidator.ValidateBytes(File.ReadAllBytes(full), new PublicCodeValidationOptions { RepositoryRoot = Path.GetDirectoryName(full) });
        return result.Diagnostics.Select(d => new Expectation(d.Severity == PublicCodeSeverity.Error ? "error" : "warning", d.Key, d.Message, d.Line, d.Column)).ToList();
    }

    private static List<Expectation> Expected(string relativePath)
    {
        bool noNetwork = relativePath.Contains("/no-network/", StringComparison.Ordinal);
        string kind = relativePath.Split('/')[1];
        string? group = (kind, noNetwork) switch
        {
            ("invalid", true) => "TestInvalidTestcasesV0_NoNetwork",
            ("invalid", false) => "TestInvalidTestcasesV0",
            ("valid_with_warnings", true) => "TestValidWithWarningTestcasesV0_NoNetwork",
            ("valid_with_warnings", false) => "TestValidWithWarningsTestcasesV0",
            _ => null,
        };
        var list = new List<Expectation>();
        if (group is null) return list;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_root, "expected-results-v0.json")));
        if (!doc.RootElement.GetProperty("tests").GetProperty(group).TryGetProperty(Path.GetFileName(relativePath), out var entries))
        {
            if (kind == "invalid") throw new InvalidOperationException("No expected result for invalid case " + relativePath);
            return list;
        }
        foreach (var e in entries.EnumerateArray())
        {
            string message = e.GetProperty("description").GetString()!.Replace("<CWD>/testdata", s_root, StringComparison.Ordinal);
            list.Add(new Expectation(e.GetProperty("type").GetString()!, e.GetProperty("key").GetString()!, message, e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32()));
        }
        return list;
    }

    private static string Format(IEnumerable<Expectation> items) => string.Join("\n", items.Select(i => $"{i.Type} {i.Key} @{i.Line}:{i.Column} {i.Message}"));

    private sealed record Expectation(string Type, string Key, string Message, int Line, int Column);
}
