// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PublicCodePolicy.Sbom;

/// <summary>Byte-reproducible JSON output shared by the SBOM writers.</summary>
internal static partial class SbomJson
{
    // Relaxed escaping keeps French names readable (é, not \u00E9); SBOMs are not embedded in HTML.
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer per thread, reused from document to document: a solution's dossier writes hundreds of SBOMs of a few
    // hundred kilobytes, which would otherwise each grow and copy large arrays (and keep the collector busy).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    // The writer currently filling t_buffer (see WriteElementArray).
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes a document and returns UTF-8 bytes with LF line ends and a final newline, whatever the platform.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write) => WriteDraft(write).ToArray();

    /// <summary>
    /// As <see cref="Write"/>, into this thread's reusable buffer: the span is valid until the next call on this thread,
    /// and may be changed in place by the caller.
    /// </summary>
    public static Span<byte> WriteDraft(Action<Utf8JsonWriter> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var outer = t_writer;
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            t_writer = writer;
            try
            {
                write(writer);
            }
            finally
            {
                t_writer = outer;
            }
        }
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        // Writable: the buffer's own array (ArrayBufferWriter exposes only a read-only view of it).
        var written = MemoryMarshal.AsMemory(buffer.WrittenMemory).Span;
        return written[..RemoveCarriageReturns(written)];
    }

    // Before .NET 9 the writer indents with Environment.NewLine; string values never hold raw CR/LF (they are escaped).
    // Removes the CRs in place; returns the new length.
    private static int RemoveCarriageReturns(Span<byte> written)
    {
        if (written.IndexOf((byte)'\r') < 0) return written.Length;
        var n = 0;
        foreach (var b in written)
        {
            if (b != (byte)'\r') written[n++] = b;
        }
        return n;
    }

    /// <summary>
    /// The first string property named <paramref name="name"/> in <paramref name="document"/> (as <see cref="Write"/>
    /// writes it: <c>"name": "value"</c>): the offset just after its closing quote, or -1. Property names and values are
    /// escaped by the writer, so the quoted pattern cannot occur inside another value.
    /// </summary>
    public static int EndOfStringProperty(ReadOnlySpan<byte> document, string name, string value)
    {
        var pattern = System.Text.Encoding.UTF8.GetBytes("\"" + name + "\": \"" + value + "\"");
        var at = document.IndexOf(pattern);
        return at < 0 ? -1 : at + pattern.Length;
    }

    /// <summary>ISO 8601 UTC, second precision (<c>2024-01-01T00:00:00Z</c>): the form both specifications accept.</summary>
    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes a string property only when the value is not empty.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) writer.WriteString(name, value);
    }

    /// <summary>NuGet's comma-separated authors, trimmed, empty entries removed, in the package's order.</summary>
    public static IReadOnlyList<string> SplitAuthors(string? authors)
        => string.IsNullOrWhiteSpace(authors) ? Array.Empty<string>() : authors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
