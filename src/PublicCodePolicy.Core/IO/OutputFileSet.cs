// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.IO;

/// <summary>
/// Output files written as one set, with the guarantees of <see cref="OutputFile"/> and one more: no target is replaced
/// before every file of the set is written. <see cref="Add"/> writes each file to a temporary file beside its target as
/// it comes (from several threads at once if need be; the content need not be kept); <see cref="Commit"/> flushes them
/// all to disk, then renames each over its target. A failure while adding (a full disk at the 400th SBOM of a dossier)
/// leaves every previous file as it was, and disposing an uncommitted set removes its temporary files.
/// </summary>
/// <remarks>
/// The files are flushed together, several at once, rather than each as it is written; on the project's benchmark disk
/// this did not make the 600 SBOMs of a 300-project dossier measurably faster (bench/README.md), the guarantee above is
/// why the set exists.
/// </remarks>
public sealed class OutputFileSet : IDisposable
{
    private readonly List<Staged> _staged = new();
    private bool _committed;

    private sealed record Staged(string Path, string Target, string Temporary);

    /// <summary>How many files have been added.</summary>
    public int Count
    {
        get
        {
            lock (_staged) return _staged.Count;
        }
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, which is replaced on <see cref="Commit"/>. Thread-safe.</summary>
    /// <exception cref="OutputWriteException">The file cannot be written, or the set already has a file for the same target (two paths, or a path and a link, naming one file); nothing of the set has replaced anything yet.</exception>
    /// <exception cref="InvalidOperationException">The set is already committed or disposed.</exception>
    public void Add(string path, ReadOnlyMemory<byte> content)
    {
        ThrowIfCommitted();
        var (target, temporary) = OutputFile.Stage(path, stream => stream.Write(content.Span), createDirectory: false, flushToDisk: false);
        lock (_staged)
        {
            if (!_committed && !_staged.Exists(s => string.Equals(s.Target, target, StringComparison.Ordinal)))
            {
                _staged.Add(new Staged(path, target, temporary));
                return;
            }
        }
        OutputFile.Discard(temporary);
        ThrowIfCommitted();
        throw new OutputWriteException(path, "another file this run writes is the same file (two names, or a link, for '" + target + "')");
    }

    /// <summary>
    /// Flushes every added file to disk, then renames each over its target, in the order they were added. Call once.
    /// A rename fails only when a target changed since it was added (a folder created in its place, permissions
    /// withdrawn): the targets renamed before it are then replaced, the others intact.
    /// </summary>
    /// <exception cref="OutputWriteException">A file cannot be flushed (no target replaced) or renamed (the targets before it in the set are replaced, the others intact).</exception>
    public void Commit()
    {
        Staged[] staged;
        lock (_staged)
        {
            ThrowIfCommitted();
            _committed = true;
            staged = _staged.ToArray();
        }
        // Waiting on the disk, not computing: more flushes in flight than cores let the file system group them.
        var failures = new OutputWriteException?[staged.Length];
        Parallel.For(0, staged.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            try
            {
                OutputFile.FlushToDisk(staged[i].Path, staged[i].Temporary);
            }
            catch (OutputWriteException ex)
            {
                failures[i] = ex;
            }
        });
        if (Array.Find(failures, f => f != null) is { } failure) throw failure;
        foreach (var s in staged) OutputFile.Commit(s.Path, s.Temporary, s.Target);
        lock (_staged) _staged.Clear();
    }

    /// <summary>Removes the temporary files of files not committed.</summary>
    public void Dispose()
    {
        lock (_staged)
        {
            foreach (var s in _staged) OutputFile.Discard(s.Temporary);
            _staged.Clear();
            _committed = true;
        }
    }

    private void ThrowIfCommitted()
    {
        if (_committed) throw new InvalidOperationException("This set of output files is already committed or disposed.");
    }
}
