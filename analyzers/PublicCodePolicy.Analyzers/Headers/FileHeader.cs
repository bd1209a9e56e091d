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

    private readonly List<LicenseTagInfo> _licenses = new List<LicenseTagInfo>();

    private FileHeader()
    {
    }

    /// <summary>
    /// Every <c>SPDX-License-Identifier:</c> tag of the header, in order. REUSE reads several tags as all applying
    /// (the file is under their conjunction).
    /// </summary>
    public IReadOnlyList<LicenseTagInfo> Licenses => _licenses;

    /// <summary>Whether an <c>SPDX-License-Identifier:</c> tag is present.</summary>
    public bool HasLicense => _licenses.Count > 0;

    /// <summary>The span of the whole comment holding the first licence tag.</summary>
    public TextSpan LicenseCommentSpan => _licenses.Count > 0 ? _licenses[0].CommentSpan : default;

    /// <summary>Whether a copyright notice is present: an <c>SPDX-FileCopyrightText:</c> tag, or a REUSE notice starting with <c>Copyright</c> or <c>©</c>.</summary>
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
            for (int tag = text.IndexOf(LicenseTag, StringComparison.Ordinal); tag >= 0; tag = text.IndexOf(LicenseTag, tag + LicenseTag.Length, StringComparison.Ordinal))
            {
                int valueStart = tag + LicenseTag.Length;
                int valueEnd = EndOfValue(text, valueStart);
                string raw = text.Substring(valueStart, valueEnd - valueStart);
                string value = raw.Trim();
                var span = value.Length == 0
                    ? new TextSpan(start + tag, LicenseTag.Length)
                    : new TextSpan(start + valueStart + raw.IndexOf(value, StringComparison.Ordinal), value.Length);
                header._licenses.Add(new LicenseTagInfo(value, span, trivia.FullSpan));
            }
            if (!header.HasCopyright && (text.IndexOf(CopyrightTag, StringComparison.Ordinal) >= 0 || HasCopyrightNotice(text)))
            {
                header.HasCopyright = true;
                header.CopyrightCommentSpan = trivia.FullSpan;
            }
        }
        return header;
    }

    // REUSE 3.3, "Format of Copyright Notices": a notice may also start with "Copyright" or "©" (the tag is only
    // recommended), so a header such as "// Copyright (c) 2024 Ville de Lyon" is compliant.
    private static bool HasCopyrightNotice(string comment)
    {
        foreach (var rawLine in comment.Split('\n'))
        {
            var line = rawLine.TrimStart(' ', '\t', '/', '*').TrimEnd();
            if (line.StartsWith("\u00A9", StringComparison.Ordinal)) return true;
            if (line.Length > "Copyright".Length
                && line.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase)
                && (char.IsWhiteSpace(line["Copyright".Length]) || line["Copyright".Length] == '(' || line["Copyright".Length] == '\u00A9'))
            {
                return true;
            }
        }
        return false;
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

/// <summary>One <c>SPDX-License-Identifier:</c> tag.</summary>
internal sealed class LicenseTagInfo
{
    public LicenseTagInfo(string expression, TextSpan expressionSpan, TextSpan commentSpan)
    {
        Expression = expression;
        ExpressionSpan = expressionSpan;
        CommentSpan = commentSpan;
    }

    /// <summary>The text after the tag, trimmed (may be empty).</summary>
    public string Expression { get; }

    /// <summary>Where the expression is (or the tag, when the expression is empty).</summary>
    public TextSpan ExpressionSpan { get; }

    /// <summary>The whole comment holding the tag.</summary>
    public TextSpan CommentSpan { get; }
}
