// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;

namespace PublicCodePolicy;

/// <summary>Reads the data files embedded in this assembly (licence list, URL table, curations, presets).</summary>
internal static class EmbeddedData
{
    public static Stream Open(string name)
    {
        var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream("PublicCodePolicy.Data." + name);
        return stream ?? throw new InvalidOperationException("Embedded data file '" + name + "' is missing from the assembly.");
    }

    public static JsonDocument ReadJson(string name)
    {
        using var stream = Open(name);
        return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }
}
