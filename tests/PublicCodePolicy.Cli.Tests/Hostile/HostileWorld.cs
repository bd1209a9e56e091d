// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Runtime.InteropServices;
using System.Text;

namespace PublicCodePolicy.Cli.Tests.Hostile;

/// <summary>
/// One hostile case's folder: a restored project (written by <see cref="FakeRestore"/>, no real restore) with a good
/// package <c>Good</c> (MIT) and a package <c>Target</c> whose nuspec, licence file or folder the case replaces; a
/// folder <c>outside</c> beside the package folder holding files a package must never be judged by; and the files
/// whose previous content must survive the run.
/// </summary>
internal sealed class HostileWorld : IDisposable
{
    /// <summary>The MIT licence text (the control: identified as MIT when it is read from inside the package).</summary>
    public const string MitText = """
        MIT License

        Copyright (c) 2024 Example

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction, including without limitation the rights
        to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
        copies of the Software, and to permit persons to whom the Software is
        furnished to do so, subject to the following conditions:

        The above copyright notice and this permission notice shall be included in all
        copies or substantial portions of the Software.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
        OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
        SOFTWARE.

        """;

    private static int s_counter;
    private readonly string _root = NewRoot();
    private readonly List<(string Path, byte[]? Content)> _guarded = new();
    private readonly List<string> _fifos = new();
    private string? _project;

    public string Root => _root;

    // Memory-backed when the machine has /dev/shm: cases create and delete thousands of files, which costs minutes on
    // a busy disk and milliseconds in memory.
    private static string NewRoot()
    {
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var root = Path.Combine(parent, "pcp-hostile-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>The package folder of the fake restore.</summary>
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>A folder outside every package folder.</summary>
    public string Outside => Directory.CreateDirectory(Path.Combine(Root, "outside")).FullName;

    /// <summary>The folder of package Target 1.0.0.</summary>
    public string TargetDir => Path.Combine(Packages, "target", "1.0.0");

    public string TargetNuspec => Path.Combine(TargetDir, "target.nuspec");

    /// <summary>The restored project (written on first use).</summary>
    public string Project => _project ??= WriteProject("<license type=\"expression\">MIT</license>");

    public string AssetsFile => Path.Combine(Path.GetDirectoryName(Project)!, "obj", "project.assets.json");

    /// <summary>Writes the project with Target declaring <paramref name="targetLicenseXml"/>.</summary>
    public string WriteProject(string targetLicenseXml, string? extraNuspec = null)
    {
        _project = new FakeRestore("App")
            .Package("Good", "1.0.0", "<license type=\"expression\">MIT</license>")
            .Package("Target", "1.0.0", targetLicenseXml, extraNuspec: extraNuspec)
            .Direct("Good").Direct("Target")
            .WriteTo(Root);
        return _project;
    }

    public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = Path.IsPathRooted(relative) ? relative : Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full) || new FileInfo(full).LinkTarget != null) File.Delete(full);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>A sparse file of <paramref name="length"/> bytes (zeros, no disk used).</summary>
    public string Sparse(string relative, long length)
    {
        var full = Path.IsPathRooted(relative) ? relative : Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
        return full;
    }

    /// <summary>A FIFO: opening it for reading blocks until a writer comes.</summary>
    public string Fifo(string relative)
    {
        var full = Path.IsPathRooted(relative) ? relative : Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        if (NativeMethods.MkFifo(full, Convert.ToUInt32("644", 8)) != 0) throw new InvalidOperationException("mkfifo failed: " + full);
        _fifos.Add(full);
        return full;
    }

    /// <summary>A symbolic link at <paramref name="relative"/> to <paramref name="target"/>.</summary>
    public string Link(string relative, string target)
    {
        var full = Path.IsPathRooted(relative) ? relative : Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full) || new FileInfo(full).LinkTarget != null) File.Delete(full);
        else if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        File.CreateSymbolicLink(full, target);
        return full;
    }

    /// <summary>Records a file (or its absence) that the run must leave exactly as it is.</summary>
    public string Guard(string path)
    {
        // Only regular files are compared (a FIFO or device target stays what it is; reading it would block).
        if (PublicCodePolicy.IO.InputFile.IsRegularFile(path) || !File.Exists(path)) _guarded.Add((path, File.Exists(path) ? File.ReadAllBytes(path) : null));
        return path;
    }

    /// <summary>Writes <paramref name="content"/> and guards it.</summary>
    public string Previous(string relative, string content) => Guard(Write(relative, content));

    /// <summary>Paths whose content changed, and leftover temporary files beside them.</summary>
    public IEnumerable<string> Damaged()
    {
        foreach (var (path, content) in _guarded)
        {
            if (File.Exists(path) && !PublicCodePolicy.IO.InputFile.IsRegularFile(path))
            {
                yield return path + " is no longer a regular file";
                continue;
            }
            var now = File.Exists(path) ? File.ReadAllBytes(path) : null;
            if (content == null ? now != null : now == null || !now.AsSpan().SequenceEqual(content)) yield return path + " changed";
            var dir = Path.GetDirectoryName(path);
            if (dir != null && Directory.Exists(dir))
            {
                foreach (var tmp in Directory.EnumerateFiles(dir, "." + Path.GetFileName(path) + ".*.tmp")) yield return tmp + " left behind";
            }
        }
    }

    public void Dispose()
    {
        // A reader stuck on a FIFO (a failed case) gets end-of-file, so that its thread ends.
        foreach (var fifo in _fifos)
        {
            var unblock = Task.Run(() =>
            {
                try
                {
                    using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                }
                catch (IOException)
                {
                }
            });
            unblock.Wait(TimeSpan.FromMilliseconds(200));
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A reader still stuck on a FIFO must not fail the run.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        public static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    }
}
