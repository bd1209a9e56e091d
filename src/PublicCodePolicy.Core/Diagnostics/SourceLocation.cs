// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Diagnostics;

/// <summary>A place in a file: where a finding points (the line of a <c>PackageReference</c>, for example).</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column of the element's <c>&lt;</c>, from 1.</param>
public sealed record SourceLocation(string Path, int Line, int Column);
