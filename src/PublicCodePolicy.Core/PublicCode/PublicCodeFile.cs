// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text;

namespace PublicCodePolicy.PublicCode;

/// <summary>Generates or updates publiccode.yml on disk: the entry point for the CLI and the MSBuild task.</summary>
public static class PublicCodeFile
{
    /// <summary>The conventional file name, at the repository root.</summary>
    public const string FileName = "publiccode.yml";

    /// <summary>Largest publiccode.yml read (docs/limits.md); real ones are a few kilobytes.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>
    /// When <paramref name="path"/> exists, updates its owned keys in place (<see cref="PublicCodeUpdater"/>);
    /// otherwise generates it (<see cref="PublicCodeGenerator"/>). The file is written atomically
    /// (<see cref="IO.OutputFile"/>): an update when its text parses, differs from what is on disk and the updated
    /// file has no validation error (an invalid file is left as it is, with its errors and a PCP3004 finding, so
    /// that a person fixes it first); a new file only when it passes the validator. File checks resolve against
    /// the file's folder.
    /// </summary>
    /// <exception cref="IO.InputFileException">The existing file is not a regular file or is too large.</exception>
    /// <exception cref="IO.OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static PublicCodeGenerationResult GenerateOrUpdate(string path, PublicCodeFacts facts) => GenerateOrUpdate(path, facts, null);

    /// <summary>
    /// Like <see cref="GenerateOrUpdate(string, PublicCodeFacts)"/>, but when <paramref name="path"/> does not exist yet and
    /// <paramref name="startFrom"/> names an existing publiccode.yml (the repository's own), the new file is that one,
    /// refreshed: writing elsewhere must not throw away the keys only the existing file knows.
    /// </summary>
    /// <exception cref="IO.InputFileException">The existing file is not a regular file or is too large.</exception>
    /// <exception cref="IO.OutputWriteException">The file cannot be written; the previous file is intact.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static PublicCodeGenerationResult GenerateOrUpdate(string path, PublicCodeFacts facts, string? startFrom)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(facts);
        string full = Path.GetFullPath(path);
        string? source = File.Exists(full) ? full : startFrom != null && File.Exists(startFrom) ? Path.GetFullPath(startFrom) : null;
        // Logo and screenshots are relative to the file the content comes from.
        var options = new PublicCodeValidationOptions { RepositoryRoot = Path.GetDirectoryName(source ?? full) };
        PublicCodeGenerationResult result;
        if (source != null)
        {
            byte[] bytes = IO.InputFile.ReadAllBytes(source, MaxBytes);
            string existing;
            try
            {
                existing = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return PublicCodeUpdaterRefusal("the existing publiccode.yml is not valid UTF-8");
            }
            bool bom = existing.Length > 0 && existing[0] == '\uFEFF';
            result = PublicCodeUpdater.Update(bom ? existing[1..] : existing, facts, options);
            if (result.Text != null && result.Findings.Any(f => f.Severity == Diagnostics.FindingSeverity.Error))
            {
                return new PublicCodeGenerationResult(null, result.Findings.Concat(PublicCodeUpdaterRefusal("it has validation errors; fix them, then run again").Findings).ToArray(), result.Validation, Array.Empty<string>());
            }
            if (result.Text != null && (source != full || !string.Equals(result.Text, bom ? existing[1..] : existing, StringComparison.Ordinal)))
            {
                AtomicFile.WriteAllText(full, bom ? "\uFEFF" + result.Text : result.Text);
            }
            return result;
        }
        result = PublicCodeGenerator.Generate(facts, options);

        // A new file is written only when it passes the validator: wrong facts are fixed in the project, not in the file.
        if (result.Succeeded) AtomicFile.WriteAllText(full, result.Text!);
        return result;
    }

    private static PublicCodeGenerationResult PublicCodeUpdaterRefusal(string message)
        => new(null, new[]
        {
            new Diagnostics.Finding
            {
                RuleId = PublicCodeRules.UpdateRefused.Id,
                Severity = Diagnostics.FindingSeverity.Error,
                IsEnforced = true,
                Message = "publiccode.yml was not updated: " + message,
            },
        }, null, Array.Empty<string>());
}

/// <summary>Writes files so that readers see either the old or the new content, never a partial one.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 (no byte-order mark added) to a temporary file in the same folder,
    /// flushes it to disk, then renames it over <paramref name="path"/>. The temporary file is removed on failure.
    /// </summary>
    /// <exception cref="IO.OutputWriteException">The file cannot be written or replaced; the previous file is intact.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        IO.OutputFile.WriteAllText(path, text, createDirectory: true);
    }
}
