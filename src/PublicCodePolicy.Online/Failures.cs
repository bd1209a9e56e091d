// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Online;

/// <summary>How a failed source is described in PCP1005: its own words.</summary>
internal static class Failures
{
    /// <summary>The distinct messages of an exception and its inner exceptions, outermost first, on one line.</summary>
    public static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e != null; e = e.InnerException)
        {
            var m = e.Message.Trim();
            if (m.Length > 0 && !messages.Contains(m, StringComparer.Ordinal)) messages.Add(m);
        }
        return string.Join(" ", messages);
    }
}
