// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Diagnostics;

namespace PublicCodePolicy.PublicCode;

/// <summary>Severity of a publiccode.yml diagnostic, as the official parser names it.</summary>
public enum PublicCodeSeverity
{
    /// <summary>The file is not valid.</summary>
    Error,
    /// <summary>The file is valid but uses something deprecated.</summary>
    Warning,
}

/// <summary>
/// One error or warning about a publiccode.yml file. <see cref="Key"/> and <see cref="Message"/> are the
/// texts the official validator (publiccode-parser-go) prints; <see cref="Line"/> and <see cref="Column"/>
/// are 1-based, or 0 when the diagnostic is about the whole file.
/// </summary>
public sealed class PublicCodeDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public PublicCodeDiagnostic(PublicCodeSeverity severity, string key, string message, int line, int column)
    {
        Severity = severity;
        Key = key;
        Message = message;
        Line = line;
        Column = column;
    }

    /// <summary>Error or warning.</summary>
    public PublicCodeSeverity Severity { get; }

    /// <summary>Dotted key path (e.g. <c>description.en.features</c>, <c>fundedBy[0].uri</c>); empty for file-level problems.</summary>
    public string Key { get; }

    /// <summary>The message, worded as the official parser words it.</summary>
    public string Message { get; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The PCP rule: <c>PCP3001</c> for errors, <c>PCP3002</c> for warnings.</summary>
    public string RuleId => Severity == PublicCodeSeverity.Error ? PublicCodeRules.ValidationError.Id : PublicCodeRules.ValidationWarning.Id;

    /// <summary>The official parser's text form: <c>FILE:LINE:COL: error|warning: KEY: MESSAGE</c>.</summary>
    public string Format(string fileName)
    {
        string type = Severity == PublicCodeSeverity.Error ? "error" : "warning";
        string key = Key.Length == 0 ? string.Empty : Key + ": ";
        return string.Create(CultureInfo.InvariantCulture, $"{fileName}:{Line}:{Column}: {type}: {key}{Message}");
    }

    /// <summary>This diagnostic as an engine finding (rule PCP3001 or PCP3002).</summary>
    public Finding ToFinding(string? filePath = null) => new()
    {
        RuleId = RuleId,
        Severity = Severity == PublicCodeSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
        Message = Format(filePath ?? "publiccode.yml"),
        IsEnforced = Severity == PublicCodeSeverity.Error,
        Remedy = Key.Length == 0 ? "Fix the file so that it is one UTF-8 YAML document." : "Fix the value of '" + Key + "' (see the publiccode.yml standard).",
    };

    /// <inheritdoc />
    public override string ToString() => Format("publiccode.yml");
}

/// <summary>Options of <see cref="PublicCodeValidator"/>. The validator never uses the network.</summary>
public sealed class PublicCodeValidationOptions
{
    /// <summary>
    /// Folder that relative paths in the file (logo, screenshots, authorsFile) are resolved against, usually
    /// the folder of publiccode.yml (the repository root). When null, file checks are skipped.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>
    /// Whether local files named by logo, monochromeLogo, screenshots and authorsFile are checked (exist, right
    /// extension, PNG decodes). Default true; set false to judge a file apart from its repository.
    /// </summary>
    public bool CheckFiles { get; init; } = true;

    /// <summary>Largest accepted input, in characters (default 4 MiB; real files are a few KiB).</summary>
    public int MaxInputChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest accepted nesting of mappings and sequences (default 64; the standard needs 5).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most YAML nodes accepted (default 200 000).</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Most nodes visited while decoding, aliases expanded (default 1 000 000): stops alias bombs.</summary>
    public int MaxDecodedNodes { get; init; } = 1_000_000;

    /// <summary>Largest image read for the PNG check, in bytes (default 16 MiB).</summary>
    public long MaxImageBytes { get; init; } = 16L * 1024 * 1024;
}

/// <summary>The outcome of validating one publiccode.yml.</summary>
public sealed class PublicCodeValidationResult
{
    internal PublicCodeValidationResult(IReadOnlyList<PublicCodeDiagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every error and warning, in the official parser's order.</summary>
    public IReadOnlyList<PublicCodeDiagnostic> Diagnostics { get; }

    /// <summary>True when at least one error was found (the official CLI then exits with 1).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == PublicCodeSeverity.Error);

    /// <summary>
    /// Checks the official parser makes only with the network (URL reachability, repository detection,
    /// oEmbed video URLs, remote logo/screenshot files); this validator never makes them.
    /// </summary>
    public static IReadOnlyList<string> NetworkChecksNotPerformed { get; } = new[]
    {
        "url reachable and a code repository", "landingURL, roadmap, documentation, apiDocumentation reachable",
        "videos are oEmbed URLs", "logo, monochromeLogo, screenshots and authorsFile given as http(s) URLs exist",
    };

    /// <summary>The official parser's <c>--json</c> form: a list of <c>{type, key, description, line, column}</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var d in Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("type", d.Severity == PublicCodeSeverity.Error ? "error" : "warning");
                w.WriteString("key", d.Key);
                w.WriteString("description", d.Message);
                w.WriteNumber("line", d.Line);
                w.WriteNumber("column", d.Column);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The official parser's text output: one <c>FILE:LINE:COL: error|warning: KEY: MESSAGE</c> line per diagnostic.</summary>
    public string ToText(string fileName)
    {
        var sb = new StringBuilder();
        foreach (var d in Diagnostics) sb.Append(d.Format(fileName)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The diagnostics as engine findings.</summary>
    public IReadOnlyList<Finding> ToFindings(string? filePath = null) => Diagnostics.Select(d => d.ToFinding(filePath)).ToArray();
}
