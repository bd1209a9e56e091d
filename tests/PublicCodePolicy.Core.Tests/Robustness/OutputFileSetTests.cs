// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;
using PublicCodePolicy.IO;

namespace PublicCodePolicy.Core.Tests.Robustness;

/// <summary>
/// <see cref="OutputFileSet"/>: no target replaced before every file of the set is written; committed, every target
/// holds its new bytes; whatever happens, no temporary file is left.
/// </summary>
public sealed class OutputFileSetTests : IDisposable
{
    private readonly TempDirectory _temp = new("outset");

    public void Dispose() => _temp.Dispose();

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private string[] Leftovers() => Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories).ToArray();

    [Fact]
    public void Commit_ReplacesEveryTarget_AndLeavesNoTemporaryFile()
    {
        var a = _temp.Write("a.json", "old a");
        var b = Path.Combine(_temp.Path, "b.json");
        using (var set = new OutputFileSet())
        {
            set.Add(a, Bytes("new a"));
            set.Add(b, Bytes("new b"));
            Assert.Equal(2, set.Count);
            // Staged, not yet in place.
            Assert.Equal("old a", File.ReadAllText(a));
            Assert.False(File.Exists(b));
            Assert.Equal(2, Leftovers().Length);
            set.Commit();
        }
        Assert.Equal("new a", File.ReadAllText(a));
        Assert.Equal("new b", File.ReadAllText(b));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void DisposedWithoutCommit_ReplacesNothing_AndRemovesItsTemporaryFiles()
    {
        var a = _temp.Write("a.json", "old a");
        using (var set = new OutputFileSet())
        {
            set.Add(a, Bytes("new a"));
            set.Add(Path.Combine(_temp.Path, "b.json"), Bytes("new b"));
        }
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "b.json")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void AFileThatCannotBeWritten_FailsTheAdd_AndTheFilesBeforeItStayAsTheyWere()
    {
        var a = _temp.Write("a.json", "old a");
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "b.json")).FullName;
        using (var set = new OutputFileSet())
        {
            set.Add(a, Bytes("new a"));
            var ex = Assert.Throws<OutputWriteException>(() => set.Add(folder, Bytes("new b")));
            Assert.Contains("folder", ex.Reason, StringComparison.Ordinal);
            Assert.Throws<OutputWriteException>(() => set.Add(Path.Combine(_temp.Path, "missing", "c.json"), Bytes("new c")));
            Assert.Equal(1, set.Count);
        }
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void TheSameFileTwice_IsRefused_AndTheFirstContentWins()
    {
        var a = Path.Combine(_temp.Path, "a.json");
        using (var set = new OutputFileSet())
        {
            set.Add(a, Bytes("first"));
            // The same file under another spelling is the same target.
            var twice = Assert.Throws<OutputWriteException>(() => set.Add(Path.Combine(_temp.Path, ".", "a.json"), Bytes("second")));
            Assert.Contains("same file", twice.Reason, StringComparison.Ordinal);
            // Through a link too.
            var link = Path.Combine(_temp.Path, "link.json");
            File.CreateSymbolicLink(link, a);
            Assert.Throws<OutputWriteException>(() => set.Add(link, Bytes("third")));
            set.Commit();
            Assert.Throws<InvalidOperationException>(() => set.Add(Path.Combine(_temp.Path, "c.json"), Bytes("late")));
            Assert.Throws<InvalidOperationException>(set.Commit);
        }
        Assert.Equal("first", File.ReadAllText(a));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "c.json")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void ManyThreadsAdding_GiveEveryFileItsOwnBytes()
    {
        const int N = 200;
        using (var set = new OutputFileSet())
        {
            Parallel.For(0, N, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => set.Add(Path.Combine(_temp.Path, "f" + i + ".json"), Bytes(new string('x', i) + i)));
            Assert.Equal(N, set.Count);
            set.Commit();
        }
        for (var i = 0; i < N; i++) Assert.Equal(new string('x', i) + i, File.ReadAllText(Path.Combine(_temp.Path, "f" + i + ".json")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void ATargetThatBecameAFolderBeforeCommit_FailsTheCommit_WithTheTargetsNamed()
    {
        var a = Path.Combine(_temp.Path, "a.json");
        var b = _temp.Write("b.json", "old b");
        using (var set = new OutputFileSet())
        {
            set.Add(b, Bytes("new b"));
            set.Add(a, Bytes("new a"));
            Directory.CreateDirectory(a);
            var ex = Assert.Throws<OutputWriteException>(set.Commit);
            Assert.Equal(a, ex.OutputPath);
        }
        // Renamed in the order added: b before the failure, a never.
        Assert.Equal("new b", File.ReadAllText(b));
        Assert.True(Directory.Exists(a));
        Assert.Empty(Leftovers());
    }
}
