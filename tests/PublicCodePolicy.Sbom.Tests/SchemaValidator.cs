// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using Json.Schema;

namespace PublicCodePolicy.Sbom.Tests;

/// <summary>Validates documents offline against the official schemas vendored in tests/data.</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<(JsonSchema Cdx16, JsonSchema Cdx17, JsonSchema Spdx23)> s_schemas = new(Load);

    public static JsonSchema CycloneDx16 => s_schemas.Value.Cdx16;

    public static JsonSchema CycloneDx17 => s_schemas.Value.Cdx17;

    public static JsonSchema Spdx23 => s_schemas.Value.Spdx23;

    /// <summary>The errors of a document (empty when valid), each "location: message".</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var result = schema.Evaluate(document.RootElement, options);
        if (result.IsValid) return Array.Empty<string>();
        var errors = new List<string>();
        foreach (var detail in (IEnumerable<EvaluationResults>?)result.Details ?? Array.Empty<EvaluationResults>())
        {
            if (detail.Errors == null) continue;
            foreach (var error in detail.Errors) errors.Add(detail.InstanceLocation + " (" + error.Key + "): " + error.Value);
        }
        return errors.Count == 0 ? new[] { "invalid (no detail)" } : errors;
    }

    /// <summary>Fails with the schema errors when the document is not valid.</summary>
    public static void AssertValid(JsonSchema schema, ReadOnlyMemory<byte> json, string what)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, what + " is not schema-valid:\n" + string.Join("\n", errors.Take(20)));
    }

    private static (JsonSchema, JsonSchema, JsonSchema) Load()
    {
        string Ref(params string[] parts) => Path.Combine(new[] { TestPaths.TestData }.Concat(parts).ToArray());
        // The bom schemas $ref these by their $id; register them once, offline.
        foreach (var dependency in new[] { "spdx.schema.json", "jsf-0.82.schema.json", "cryptography-defs.schema.json" })
        {
            var schema = JsonSchema.FromText(File.ReadAllText(Ref("cyclonedx", dependency)));
            if (SchemaRegistry.Global.Get(schema.BaseUri) == null) SchemaRegistry.Global.Register(schema);
        }
        var cdx16 = JsonSchema.FromText(File.ReadAllText(Ref("cyclonedx", "bom-1.6.schema.json")));
        var cdx17 = JsonSchema.FromText(File.ReadAllText(Ref("cyclonedx", "bom-1.7.schema.json")));
        var spdx = JsonSchema.FromText(File.ReadAllText(Ref("spdx", "spdx-2.3-schema.json")));
        return (cdx16, cdx17, spdx);
    }
}
