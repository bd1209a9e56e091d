// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Runtime.InteropServices;

namespace PublicCodePolicy.IO;

/// <summary>
/// The type of a file system entry. .NET reports FIFOs, devices and regular files alike (attributes Normal, length 0),
/// and opening a FIFO blocks until a writer comes: the type must be known before the file is opened.
/// </summary>
internal static class FileKind
{
    internal enum Kind
    {
        Missing,
        Regular,
        Directory,
        SymbolicLink,
        Other,
        Unknown,
    }

    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int TypeLink = 0xA000;
    private static bool s_nativeUnavailable;

    /// <summary>Type of the entry after following links (<paramref name="followLinks"/>) or of the entry itself.</summary>
    public static Kind Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsWindows() || s_nativeUnavailable) return Managed(path, followLinks);
        // The runtime's own native shim (the one File.Exists uses); its FileStatus starts with Flags then Mode.
        var buffer = new byte[512];
        int rc;
        try
        {
            rc = followLinks ? NativeMethods.Stat(path, buffer) : NativeMethods.LStat(path, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            s_nativeUnavailable = true;
            return Managed(path, followLinks);
        }
        if (rc != 0) return Kind.Missing;
        int mode = BitConverter.ToInt32(buffer, 4) & TypeMask;
        return mode switch
        {
            TypeRegular => Kind.Regular,
            TypeDirectory => Kind.Directory,
            TypeLink => Kind.SymbolicLink,
            _ => Kind.Other,
        };
    }

    private static Kind Managed(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget == null) return Kind.Missing;
        if (!followLinks && info.LinkTarget != null) return Kind.SymbolicLink;
        if (info is DirectoryInfo) return Kind.Directory;
        // Windows: device paths are refused by name; everything else that exists as a file is a file.
        return path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\", StringComparison.Ordinal) ? Kind.Other : Kind.Unknown;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
    }
}
