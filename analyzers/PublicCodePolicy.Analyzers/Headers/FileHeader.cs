// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PublicCodePolicy.Analyzers.Headers;

/// <summary>
/// The REUSE tags found in the comments before the first token of a C# file (the file's leading comments).
/// A tag later in the file does not count: REUSE tools read the header, and so do reviewers.
/// </summary>
internal sealed class FileHeader
{
    public const string LicenseTag = "SPDX-License-Identifier:";
    public const string CopyrightTag = "SPDX-FileCopyrightText:";

    private FileHeader()
    {
    }

    /// <summary>Whether an <c>SPDX-License-Identifier:</c> tag is present.</summary>
    public bool HasLicense { get; private set; }

    /// <summary>The text after the licence tag, trimmed (may be empty).</summary>
    public string LicenseExpression { get; private set; } = string.Empty;

    /// <summary>Where the licence expression is (or the tag, when the expression is empty).</summary>
    public TextSpan LicenseExpressionSpan { get; private set; }

    /// <summary>The span of the whole comment holding the licence tag.</summary>
    public TextSpan LicenseCommentSpan { get; private set; }

    /// <summary>Whether an <c>SPDX-FileCopyrightText:</c> tag is present.</summary>
    public bool HasCopyright { get; private set; }

    /// <summary>The span of the whole comment holding the copyright tag.</summary>
    public TextSpan CopyrightCommentSpan { get; private set; }

    public bool IsComplete => HasLicense && HasCopyright;

    /// <summary>Reads the header of <paramref name="root"/>.</summary>
    public static FileHeader Read(SyntaxNode root)
    {
        var header = new FileHeader();
        foreach (var trivia in root.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)) continue;
            var text = trivia.ToFullString();
            int start = trivia.FullSpan.Start;
            if (!header.HasLicense)
            {
                int tag = text.IndexOf(LicenseTag, StringComparison.Ordinal);
                if (tag >= 0)
                {
                    header.HasLicense = true;
                    header.LicenseCommentSpan = trivia.FullSpan;
                    int valueStart = tag + LicenseTag.Length;
                    int valueEnd = EndOfValue(text, valueStart);
                    string raw = text.Substring(valueStart, valueEnd - valueStart);
                    string value = raw.Trim();
                    header.LicenseExpression = value;
                    header.LicenseExpressionSpan = value.Length == 0
                        ? new TextSpan(start + tag, LicenseTag.Length)
                        : new TextSpan(start + valueStart + raw.IndexOf(value, StringComparison.Ordinal), value.Length);
                }
            }
            if (!header.HasCopyright && text.IndexOf(CopyrightTag, StringComparison.Ordinal) >= 0)
            {
                header.HasCopyright = true;
                header.CopyrightCommentSpan = trivia.FullSpan;
            }
        }
        return header;
    }

    // The value ends at the end of the line, or at the "*/" closing a block comment.
    private static int EndOfValue(string text, int from)
    {
        int end = from;
        while (end < text.Length && text[end] != '\r' && text[end] != '\n') end++;
        int close = text.IndexOf("*/", from, end - from, StringComparison.Ordinal);
        return close >= 0 ? close : end;
    }
}
