// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PublicCodePolicy.Sbom;

/// <summary>Byte-reproducible JSON output shared by the SBOM writers.</summary>
internal static class SbomJson
{
    // Relaxed escaping keeps French names readable (é, not \u00E9); SBOMs are not embedded in HTML.
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a document and returns UTF-8 bytes with LF line ends and a final newline, whatever the platform.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }
        var bytes = stream.ToArray();
        // Before .NET 9 the writer indents with Environment.NewLine; string values never hold raw CR/LF (they are escaped).
        var lf = new List<byte>(bytes.Length + 1);
        foreach (var b in bytes)
        {
            if (b != (byte)'\r') lf.Add(b);
        }
        lf.Add((byte)'\n');
        return lf.ToArray();
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
