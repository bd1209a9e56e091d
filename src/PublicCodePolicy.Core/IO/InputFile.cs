// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;

namespace PublicCodePolicy.IO;

/// <summary>
/// The one way PublicCodePolicy opens an input file (policy, assets file, nuspec, licence file, publiccode.yml, logo,
/// report configuration, check results given to merge, SBOMs attached to the report). Inputs often come from
/// strangers (packages) or from a repository anyone can commit to, so: only regular files are opened (a FIFO would
/// block, <c>/dev/zero</c> would never end), links are resolved before a path is confined to a folder, and the size
/// cap is enforced on the bytes actually read, not on the length the file system reports.
/// </summary>
public static class InputFile
{
    /// <summary>Symbolic links followed in one path before giving up (Linux's own limit).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>Opens a regular file for reading; the stream fails once more than <paramref name="maxBytes"/> are read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">Largest accepted size.</param>
    /// <param name="confineTo">When set, the file (after resolving every link) must be inside this folder (after resolving its links).</param>
    /// <exception cref="InputFileException">The file is missing, not a regular file, outside the folder, or (when read) too large.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Stream OpenRead(string path, long maxBytes, string? confineTo = null)
    {
        string full = Check(path, confineTo);
        // The reported length refuses a large file at once; the count of bytes read (CappedStream) holds for the rest.
        if (new FileInfo(full).Length > maxBytes) throw new InputFileException(path, "it is larger than the limit of " + Limits.Describe(maxBytes));
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        return new CappedStream(stream, maxBytes, path);
    }

    /// <summary>Reads a whole regular file, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="InputFileException">The file is missing, not a regular file, outside the folder or too large.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, string? confineTo = null)
    {
        using var stream = OpenRead(path, maxBytes, confineTo);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a whole regular text file (UTF-8 unless a byte-order mark says otherwise), at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="InputFileException">The file is missing, not a regular file, outside the folder or too large.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string ReadAllText(string path, long maxBytes, string? confineTo = null)
    {
        using var stream = OpenRead(path, maxBytes, confineTo);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>True when <paramref name="path"/> is (after following links) a regular file.</summary>
    public static bool IsRegularFile(string path)
        => !string.IsNullOrEmpty(path) && !path.Contains('\0', StringComparison.Ordinal) && FileKind.Of(path) is FileKind.Kind.Regular or FileKind.Kind.Unknown;

    /// <summary>
    /// The real path of <paramref name="path"/> (every symbolic link of every component resolved) when it lies inside
    /// the real path of <paramref name="folder"/>; otherwise null. The entry need not exist.
    /// </summary>
    public static string? ResolveWithin(string folder, string path)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(path);
        var root = RealPath(folder);
        var real = RealPath(path);
        if (root == null || real == null) return null;
        root = Path.TrimEndingDirectorySeparator(root);
        if (string.Equals(real, root, StringComparison.Ordinal)) return real;
        return real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? real : null;
    }

    /// <summary>The full path with every symbolic link resolved, component by component; null on a loop or an invalid path.</summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) return null;
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        int hops = 0;
        return Resolve(full, ref hops);
    }

    private static string? Resolve(string full, ref int hops)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        string current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target != null)
            {
                if (++hops > MaxLinkHops) return null;
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                var real = Resolve(resolved, ref hops);
                if (real == null) return null;
                next = real;
            }
            current = next;
        }
        return current;
    }

    private static string Check(string path, string? confineTo)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) throw new InputFileException(path, "it is not a valid path");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputFileException(path, "it is not a valid path");
        }
        if (confineTo != null)
        {
            full = ResolveWithin(confineTo, full) ?? throw new InputFileException(path, "it leads outside '" + confineTo + "' (through '..' or a symbolic link)");
        }
        switch (FileKind.Of(full))
        {
            case FileKind.Kind.Regular:
            case FileKind.Kind.Unknown:
                return full;
            case FileKind.Kind.Missing:
                throw new InputFileException(path, new FileInfo(full).LinkTarget != null ? "it is a broken or looping symbolic link" : "it does not exist");
            case FileKind.Kind.Directory:
                throw new InputFileException(path, "it is a folder, not a file");
            default:
                throw new InputFileException(path, "it is not a regular file (a FIFO, device or socket)");
        }
    }

    // Counts what is read: /dev/zero behind a link, a file growing while read, or a sparse file all stop at the cap.
    private sealed class CappedStream : Stream
    {
        private readonly FileStream _inner;
        private readonly long _max;
        private readonly string _path;
        private long _read;

        public CappedStream(FileStream inner, long max, string path)
        {
            _inner = inner;
            _max = max;
            _path = path;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // Ask for one byte more than allowed, so that a file of exactly the cap passes and one byte more fails.
            long room = _max - _read + 1;
            if (buffer.Length > room) buffer = buffer[..(int)room];
            int n = _inner.Read(buffer);
            _read += n;
            if (_read > _max) throw new InputFileException(_path, "it is larger than the limit of " + Limits.Describe(_max));
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>An input file was refused before or while it was read: missing, not a regular file, outside its folder, too large.</summary>
public sealed class InputFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public InputFileException(string path, string reason)
        : base("'" + path + "' was not read: " + reason + ".")
    {
        InputPath = path;
        Reason = reason;
    }

    /// <summary>The path as given.</summary>
    public string InputPath { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}

/// <summary>Helpers to write limits in messages.</summary>
internal static class Limits
{
    public static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 1024 && bytes % 1024 == 0 ? (bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
