// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>
/// Compares whole files byte for byte with committed expected files under <c>Snapshots/</c>. A missing or different
/// expected file fails the test; the actual output is left beside it as <c>*.received.json</c> for review, and is
/// never accepted silently.
/// </summary>
internal static class Snapshot
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "PublicCodePolicy.Sbom.Tests", "Snapshots");

    public static void AssertMatches(string name, ReadOnlyMemory<byte> actual)
    {
        var expectedPath = Path.Combine(Folder, name);
        var receivedPath = Path.Combine(Folder, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
        if (!File.Exists(expectedPath))
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(receivedPath, actual.ToArray());
            Assert.Fail("The expected file " + expectedPath + " does not exist. Review " + receivedPath + " and, if it is right, accept it with: mv '" + receivedPath + "' '" + expectedPath + "'");
        }
        var expected = File.ReadAllBytes(expectedPath);
        if (expected.AsSpan().SequenceEqual(actual.Span))
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllBytes(receivedPath, actual.ToArray());
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual.Span).Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line]) line++;
        Assert.Fail(name + " differs from the expected file at line " + (line + 1) + ":\n  expected: " + (line < expectedLines.Length ? expectedLines[line] : "<end>") + "\n  actual:   " + (line < actualLines.Length ? actualLines[line] : "<end>") +
            "\nReview " + receivedPath + " and, if the change is intended, accept it with: mv '" + receivedPath + "' '" + expectedPath + "'");
    }
}
