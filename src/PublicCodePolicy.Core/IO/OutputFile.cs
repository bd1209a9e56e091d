// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;

namespace PublicCodePolicy.IO;

/// <summary>
/// The one way PublicCodePolicy writes an output file (check results, SBOMs, reports, merged reports, publiccode.yml,
/// the policy written by init, the build's files under obj/). The content goes to a new temporary file in the
/// target's own folder, is flushed to disk, then renamed over the target in one step: a reader, a concurrent writer
/// of the same path, a full disk, a file-size limit or a killed process never leave a partial file, and the previous
/// file stays as it was whenever the write fails.
/// </summary>
public static class OutputFile
{
    private static long s_counter;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">The bytes to write.</param>
    /// <param name="createDirectory">Create the target's folder when missing (the build's obj/ files); otherwise a missing folder is an error, since it is usually a mistyped path.</param>
    /// <exception cref="OutputWriteException">The file cannot be written; the message says why and what to do, and the previous file is intact.</exception>
    public static void Write(string path, ReadOnlyMemory<byte> content, bool createDirectory)
        => Write(path, stream => stream.Write(content.Span), createDirectory);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically; the folder must exist.</summary>
    /// <exception cref="OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    public static void Write(string path, ReadOnlyMemory<byte> content) => Write(path, content, createDirectory: false);

    /// <summary>Lets <paramref name="write"/> fill the file, then replaces <paramref name="path"/> atomically; the folder must exist.</summary>
    /// <exception cref="OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    public static void Write(string path, Action<Stream> write) => Write(path, write, createDirectory: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without byte-order mark to <paramref name="path"/> atomically.</summary>
    /// <exception cref="OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    public static void WriteAllText(string path, string text, bool createDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, new UTF8Encoding(false).GetBytes(text), createDirectory);
    }

    /// <summary>
    /// Lets <paramref name="write"/> fill the file through a stream, then replaces <paramref name="path"/> atomically.
    /// An exception from <paramref name="write"/> other than an I/O failure is passed on unchanged (the target is left
    /// intact and the temporary file removed).
    /// </summary>
    /// <exception cref="OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    public static void Write(string path, Action<Stream> write, bool createDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var (full, temp) = Stage(path, write, createDirectory, flushToDisk: true);
        try
        {
            Commit(path, temp, full);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Checks <paramref name="path"/>, lets <paramref name="write"/> fill a new temporary file beside it (flushed to disk
    /// when <paramref name="flushToDisk"/>), and returns the full path of the target and the temporary file's, for
    /// <see cref="Commit"/> (at once by <see cref="Write(string, Action{Stream}, bool)"/>, after the whole set by
    /// <see cref="OutputFileSet"/>). On failure the temporary file is removed.
    /// </summary>
    internal static (string Target, string Temporary) Stage(string path, Action<Stream> write, bool createDirectory, bool flushToDisk)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Target(path);
        string directory = Path.GetDirectoryName(full) ?? throw new OutputWriteException(path, "it names no file");
        if (createDirectory) CreateDirectory(path, directory);
        CheckDirectory(path, directory);
        string temp = string.Empty;
        var staged = false;
        try
        {
            using (var stream = CreateTemporary(directory, full, out temp))
            {
                write(stream);
                if (flushToDisk) stream.Flush(flushToDisk: true);
            }
            staged = true;
            return (full, temp);
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw new OutputWriteException(path, Describe(ex), ex);
        }
        finally
        {
            if (!staged && temp.Length > 0) TryDelete(temp);
        }
    }

    /// <summary>Flushes a staged temporary file to disk (its bytes were written, and closed, by <see cref="Stage"/>).</summary>
    internal static void FlushToDisk(string path, string temporary) => Guarded(path, () =>
    {
        // FileStream flushes to disk only a stream open for writing; opening does not truncate.
        using var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None, 1);
        stream.Flush(flushToDisk: true);
    });

    /// <summary>Renames a staged, flushed temporary file over its target.</summary>
    internal static void Commit(string path, string temporary, string target) => Guarded(path, () => Replace(temporary, target));

    // Runs an I/O step of the write of path, its failures turned into OutputWriteException.
    private static void Guarded(string path, Action step)
    {
        try
        {
            step();
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw new OutputWriteException(path, Describe(ex), ex);
        }
    }

    /// <summary>Removes a staged temporary file that will not be committed.</summary>
    internal static void Discard(string temporary) => TryDelete(temporary);

    private static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or NotSupportedException && ex is not OutputWriteException;

    // A new temporary file in the target's folder, named after the target, this process and a counter.
    private static FileStream CreateTemporary(string directory, string full, out string temp)
    {
        for (int attempt = 0; ; attempt++)
        {
            temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture) + ".tmp");
            try
            {
                return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            }
            catch (IOException) when (attempt < 16 && File.Exists(temp))
            {
                // A leftover of a killed process with the same id: take the next name.
            }
        }
    }

    /// <summary>
    /// Checks, before any work is done, that <paramref name="path"/> can name an output file: not empty, not a folder,
    /// not a device or FIFO, and in an existing folder. A long run then does not end on a mistyped path.
    /// </summary>
    /// <exception cref="OutputWriteException">The path cannot be an output file.</exception>
    public static void Validate(string path) => Validate(path, createDirectory: false);

    /// <summary>
    /// Like <see cref="Validate(string)"/>; with <paramref name="createDirectory"/>, a missing folder is accepted when the
    /// folder above it exists (a new dossier folder, created by the write), never a deeper missing path, which is
    /// more likely a typing mistake, nor a file standing where a folder is expected.
    /// </summary>
    /// <exception cref="OutputWriteException">The path cannot be an output file.</exception>
    public static void Validate(string path, bool createDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Target(path);
        string directory = Path.GetDirectoryName(full) ?? throw new OutputWriteException(path, "it names no file");
        if (createDirectory && !Directory.Exists(directory) && !File.Exists(directory)
            && Path.GetDirectoryName(directory) is { } parent && Directory.Exists(parent))
        {
            return;
        }
        CheckDirectory(path, directory);
    }

    /// <summary>
    /// The path a write would replace: the target of a symbolic link (so the link stays a link), refused when it is
    /// empty, a folder, or an existing file that is not a regular file (<c>/dev/full</c>, a FIFO, a device).
    /// </summary>
    private static string Target(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new OutputWriteException(path, "the output path is empty");
        string full;
        try
        {
            full = Path.GetFullPath(path);
            if (path.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException("NUL character");
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputWriteException(path, "it is not a valid path", ex);
        }
        if (Directory.Exists(full)) throw new OutputWriteException(path, "it is a folder; give a file name");
        var info = new FileInfo(full);
        if (info.LinkTarget != null)
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final == null) throw new OutputWriteException(path, "it is a symbolic link that cannot be followed (a loop?)");
            full = final.FullName;
            if (Directory.Exists(full)) throw new OutputWriteException(path, "it is a link to a folder; give a file name");
        }
        if (File.Exists(full) && FileKind.Of(full) is not (FileKind.Kind.Regular or FileKind.Kind.Unknown))
        {
            throw new OutputWriteException(path, "it is not a regular file (a device, FIFO or socket); give a file path, or leave out --output to write to standard output");
        }
        return full;
    }

    private static void CreateDirectory(string path, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException(path, "its folder cannot be created: " + Describe(ex), ex);
        }
    }

    private static void CheckDirectory(string path, string directory)
    {
        if (Directory.Exists(directory)) return;
        // Walk up to say whether a file stands where a folder is expected, or the folder is simply missing.
        for (var d = directory; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (File.Exists(d)) throw new OutputWriteException(path, "'" + d + "' is a file, not a folder");
            if (Directory.Exists(d)) break;
        }
        throw new OutputWriteException(path, "its folder '" + directory + "' does not exist; create it first or fix the path");
    }

    private static void Replace(string temp, string full)
    {
        // rename(2) is atomic on POSIX. On Windows a reader holding the target open makes the move fail for a moment.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                File.Move(temp, full, overwrite: true);
                return;
            }
            catch (UnauthorizedAccessException) when (OperatingSystem.IsWindows() && attempt < 20)
            {
                Thread.Sleep(25);
            }
            catch (IOException) when (OperatingSystem.IsWindows() && attempt < 20)
            {
                Thread.Sleep(25);
            }
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        catch (IOException)
        {
            // Nothing more can be done; the target is intact either way.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    // errno values (Linux) the runtime puts into IOException.HResult: say what the user can do about each.
    private static string Describe(Exception ex)
    {
        int errno = ex.HResult;
        return errno switch
        {
            28 => "the disk is full (" + ex.Message + ")",
            122 => "the disk quota is exceeded (" + ex.Message + ")",
            27 => "the file would exceed the size limit (ulimit -f?) (" + ex.Message + ")",
            30 => "the file system is read-only (" + ex.Message + ")",
            20 => "a file stands where a folder is expected (" + ex.Message + ")",
            _ when ex is UnauthorizedAccessException => "permission denied (" + ex.Message + ")",
            _ => ex.Message,
        };
    }
}

/// <summary>An output file cannot be written. The previous file, if any, is intact.</summary>
public sealed class OutputWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OutputWriteException(string path, string reason, Exception? inner = null)
        : base("'" + path + "' cannot be written: " + reason + ".", inner)
    {
        OutputPath = path;
        Reason = reason;
    }

    /// <summary>The path as the user gave it.</summary>
    public string OutputPath { get; }

    /// <summary>Why, in words the user can act on.</summary>
    public string Reason { get; }
}
