// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Buffers.Binary;
using System.IO.Compression;

namespace PublicCodePolicy.PublicCode;

/// <summary>
/// Checks that a file is a decodable PNG: signature, chunk order and checksums, and a complete zlib stream
/// in the IDAT chunks. Messages follow Go's image decoder, which the official parser uses.
/// </summary>
internal static class PngCheck
{
    private static readonly byte[] s_signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>Null when the PNG decodes; otherwise the reason.</summary>
    public static string? Problem(string path, long maxBytes)
    {
        byte[] data;
        try
        {
            data = IO.InputFile.ReadAllBytes(path, maxBytes);
        }
        catch (IO.InputFileException)
        {
            return "image too large to check: " + path;
        }
        if (data.Length < 8 || !data.AsSpan(0, 8).SequenceEqual(s_signature)) return "image: unknown format";
        int pos = 8;
        bool first = true;
        bool sawIdat = false;
        using var idat = new MemoryStream();
        while (true)
        {
            if (pos + 8 > data.Length) return "unexpected EOF";
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
            if (length > int.MaxValue || pos + 12L + length > data.Length) return "unexpected EOF";
            var type = data.AsSpan(pos + 4, 4);
            var body = data.AsSpan(pos + 8, (int)length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 8 + (int)length));
            if (Crc(data.AsSpan(pos + 4, 4 + (int)length)) != crc) return "png: invalid format: invalid checksum";
            string name = System.Text.Encoding.ASCII.GetString(type);
            if (first)
            {
                if (name != "IHDR" || length != 13) return "png: invalid format: chunk out of order";
                uint width = BinaryPrimitives.ReadUInt32BigEndian(body);
                uint height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue) return "png: invalid format: invalid dimensions";
                first = false;
            }
            else if (name == "IDAT")
            {
                sawIdat = true;
                idat.Write(body);
            }
            else if (name == "IEND")
            {
                break;
            }
            pos += 12 + (int)length;
        }
        if (!sawIdat) return "png: invalid format: no image data";
        idat.Position = 0;
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = z.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > maxBytes * 64) return "image too large to check: " + path;
            }
            if (total == 0) return "unexpected EOF";
        }
        catch (InvalidDataException)
        {
            return "zlib: invalid header";
        }
        return null;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in bytes) c = s_crcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
