// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy.Output;

/// <summary>The small writing patterns the JSON outputs (check result, report, merge) share.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes the property with the value, or with <c>null</c>: the property is always present.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value == null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    /// <summary>Writes an array of strings, in the given order.</summary>
    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
