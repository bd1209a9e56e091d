// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli.Output;

/// <summary>
/// The one way <c>publiccode check</c> writes its result files, so that how a file is written (all at once, never
/// half) is decided in one place.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> produces, creating its folder.</summary>
    public static void Write(string path, Action<Stream> write) => PublicCodePolicy.IO.OutputFile.Write(path, write);
}
