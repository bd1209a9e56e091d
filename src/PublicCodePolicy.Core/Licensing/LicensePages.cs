// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Licensing;

/// <summary>
/// What was read from a licence page (online mode): recorded with the licence it led to, in the check result and the
/// SBOMs, so that a reviewer can read the very same bytes again.
/// </summary>
public sealed class LicensePageEvidence
{
    /// <summary>The URL the package names (<c>licenseUrl</c>), or the repository licence file asked for.</summary>
    public required string RequestedUrl { get; init; }

    /// <summary>The URL actually read: raw content instead of a GitHub/GitLab <c>blob</c> page, after redirects.</summary>
    public required string Url { get; init; }

    /// <summary>When the bytes were read (UTC); a page read from the cache keeps the date it was first read.</summary>
    public required DateTimeOffset RetrievedAt { get; init; }

    /// <summary>SHA-256 of the bytes read, lower-case hexadecimal.</summary>
    public required string Sha256 { get; init; }

    /// <summary>
    /// True when the URL is pinned (see <see cref="LicensePageUrls.Locate"/>): a 40-hexadecimal commit, or on GitHub and
    /// GitLab a ref that looks like a version tag (<c>v1.2.3</c>, <c>1.2</c>). A branch, or any other address, is mutable:
    /// what it serves today may not be what this package version was published under.
    /// </summary>
    public required bool IsImmutable { get; init; }

    /// <summary>The media type the server gave (<c>text/plain</c>, <c>text/html</c>), without parameters; null when none.</summary>
    public string? MediaType { get; init; }

    /// <summary>The retrieval date as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public string RetrievedAtText => RetrievedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One sentence for notes and SBOM comments.</summary>
    public string Describe()
        => "Read online from " + Url + (string.Equals(Url, RequestedUrl, StringComparison.Ordinal) ? string.Empty : " (for " + RequestedUrl + ")")
            + " on " + RetrievedAtText + ", SHA-256 " + Sha256 + ", " + (IsImmutable ? "immutable (pinned to a commit or tag)" : "mutable (the address may serve another text later)") + ".";
}

/// <summary>A licence page to fetch.</summary>
/// <param name="Url">The URL to read (already rewritten to raw content).</param>
/// <param name="IsImmutable">Whether the URL is pinned; a source may keep an immutable page in its cache for ever, a mutable one only for a while.</param>
public sealed record LicensePageRequest(string Url, bool IsImmutable);

/// <summary>A licence page as a source served it.</summary>
public sealed class LicensePageResponse
{
    /// <summary>The URL read, after redirects (as the package names it, never a local mirror's address).</summary>
    public required string Url { get; init; }

    /// <summary>The bytes read, exactly as served.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The media type, without parameters; null when the server gave none.</summary>
    public string? MediaType { get; init; }

    /// <summary>When the bytes were read (UTC).</summary>
    public required DateTimeOffset RetrievedAt { get; init; }

    /// <summary>True when the answer came from the source's cache, with no request.</summary>
    public bool FromCache { get; init; }
}

/// <summary>The outcome of one fetch: a page, or why there is none.</summary>
public sealed class LicensePageResult
{
    /// <summary>The page, or null.</summary>
    public LicensePageResponse? Page { get; init; }

    /// <summary>True when the server said the page does not exist (HTTP 404 or 410).</summary>
    public bool NotFound { get; init; }

    /// <summary>Why there is no page (one sentence naming the URL), or null.</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// Reads licence pages (online mode only). The engine asks it for the licence URL of packages whose only evidence is
/// that URL; it never asks when this is null. Implementations must not throw for a failing page: they return a
/// <see cref="LicensePageResult"/> with the problem, and the offline result stands (PCP1005).
/// </summary>
public interface ILicensePageSource
{
    /// <summary>Reads one page.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<LicensePageResult> FetchAsync(LicensePageRequest request, CancellationToken cancellationToken);
}

/// <summary>Where a licence URL's text is read from, and whether it can change.</summary>
/// <param name="Url">The URL to read: raw content for GitHub and GitLab <c>blob</c> links, the URL itself otherwise.</param>
/// <param name="IsImmutable">True when pinned to a commit or a tag-looking ref.</param>
/// <param name="Ref">The branch, tag or commit of a GitHub/GitLab link; null otherwise.</param>
public sealed record LicensePageLocation(string Url, bool IsImmutable, string? Ref);

/// <summary>
/// URL rules of online licence pages. GitHub <c>https://github.com/o/r/blob/REF/path</c> is read as
/// <c>https://raw.githubusercontent.com/o/r/REF/path</c>, GitLab <c>https://gitlab.com/g/p/-/blob/REF/path</c> as
/// <c>…/-/raw/REF/path</c>. A URL is immutable when its ref is a 40-hexadecimal commit, or (GitHub, GitLab) a ref that
/// looks like a version tag: an optional <c>v</c>, then digits and dots with at least one dot (<c>v1.2.3</c>, <c>2.0</c>),
/// optionally followed by <c>-</c> and a pre-release label. Everything else — branches (<c>main</c>, <c>master</c>,
/// <c>develop</c>), other hosts — is mutable. A tag can be moved by its owner; the SHA-256 recorded with the
/// conclusion is what proves which text was read.
/// </summary>
public static partial class LicensePageUrls
{
    /// <summary>Licence files looked for at a repository's commit, in this order.</summary>
    public static IReadOnlyList<string> RepositoryLicenseFiles { get; } = new[] { "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING" };

    [GeneratedRegex(@"^[0-9a-fA-F]{40}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"^v?[0-9]+(\.[0-9]+)+(-[0-9A-Za-z.]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TagPattern();

    /// <summary>Where to read <paramref name="url"/>; null when it is not an absolute http(s) URL.</summary>
    public static LicensePageLocation? Locate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if ((host is "github.com" or "www.github.com") && segments.Length >= 5 && (segments[2] is "blob" or "raw"))
        {
            var reference = Uri.UnescapeDataString(segments[3]);
            var raw = "https://raw.githubusercontent.com/" + segments[0] + "/" + segments[1] + "/" + string.Join("/", segments.Skip(3));
            return new LicensePageLocation(raw, IsPinned(reference, allowTags: true), reference);
        }
        if (host == "raw.githubusercontent.com" && segments.Length >= 4)
        {
            var reference = Uri.UnescapeDataString(segments[2]);
            return new LicensePageLocation("https://raw.githubusercontent.com" + uri.AbsolutePath, IsPinned(reference, allowTags: true), reference);
        }
        if (host is "gitlab.com" or "www.gitlab.com")
        {
            int dash = Array.IndexOf(segments, "-");
            if (dash >= 2 && segments.Length >= dash + 4 && (segments[dash + 1] is "blob" or "raw"))
            {
                var reference = Uri.UnescapeDataString(segments[dash + 2]);
                var raw = "https://gitlab.com/" + string.Join("/", segments.Take(dash)) + "/-/raw/" + string.Join("/", segments.Skip(dash + 2));
                return new LicensePageLocation(raw, IsPinned(reference, allowTags: true), reference);
            }
        }
        // Any other address: a commit in the path would not make it immutable, since the host may serve anything there.
        return new LicensePageLocation(uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped), false, null);
    }

    /// <summary>
    /// The raw URLs of the licence files of a GitHub or GitLab repository at the commit the nuspec names
    /// (<c>&lt;repository type="git" url="…" commit="SHA"/&gt;</c>), in the order of <see cref="RepositoryLicenseFiles"/>;
    /// empty when the repository is elsewhere or the commit is not a full 40-hexadecimal SHA-1.
    /// </summary>
    public static IReadOnlyList<string> AtCommit(RepositoryInfo? repository)
    {
        if (repository?.Url == null || repository.Commit == null || !CommitPattern().IsMatch(repository.Commit.Trim())) return Array.Empty<string>();
        if (repository.Type != null && !repository.Type.Trim().Equals("git", StringComparison.OrdinalIgnoreCase)) return Array.Empty<string>();
        if (!Uri.TryCreate(repository.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return Array.Empty<string>();
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) path = path[..^4];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var commit = repository.Commit.Trim().ToLowerInvariant();
        var host = uri.Host.ToLowerInvariant();
        if ((host is "github.com" or "www.github.com") && segments.Length == 2)
            return RepositoryLicenseFiles.Select(f => "https://raw.githubusercontent.com/" + segments[0] + "/" + segments[1] + "/" + commit + "/" + f).ToArray();
        if ((host is "gitlab.com" or "www.gitlab.com") && segments.Length >= 2 && !segments.Contains("-"))
            return RepositoryLicenseFiles.Select(f => "https://gitlab.com/" + string.Join("/", segments) + "/-/raw/" + commit + "/" + f).ToArray();
        return Array.Empty<string>();
    }

    private static bool IsPinned(string reference, bool allowTags)
        => CommitPattern().IsMatch(reference) || (allowTags && TagPattern().IsMatch(reference));
}

/// <summary>Turns the bytes of a licence page into the text the matcher reads.</summary>
internal static partial class LicensePageText
{
    [GeneratedRegex(@"<(script|style|noscript|template|head|nav|header|footer|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline, 2000)]
    private static partial Regex HiddenPattern();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|h[1-6]|pre|tr|table|section|article|blockquote|dd|dt)\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex TagPattern();

    /// <summary>
    /// The text of a page, or null when it is not text (a NUL byte, invalid UTF-8 in a page that declares no other
    /// encoding). An HTML page gives its visible text: scripts, styles, comments, head, navigation, headers and footers
    /// are dropped, block elements become line breaks and entities are decoded; whatever else the page says stays in the
    /// text, so the matcher sees it (extra words keep a licence from being concluded).
    /// </summary>
    public static (string? Text, bool IsHtml) Extract(ReadOnlySpan<byte> content, string? mediaType)
    {
        if (content.IndexOf((byte)0) >= 0) return (null, false);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // Old pages in Latin-1 without a declared charset: every byte is a character, nothing is invented.
            text = Encoding.Latin1.GetString(content);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        bool html = mediaType is "text/html" or "application/xhtml+xml"
            || (mediaType is null or "application/octet-stream" && LooksLikeHtml(text));
        if (!html) return (text, false);
        try
        {
            var visible = HiddenPattern().Replace(text, " ");
            visible = BlockPattern().Replace(visible, "\n");
            visible = TagPattern().Replace(visible, " ");
            return (WebUtility.HtmlDecode(visible), true);
        }
        catch (RegexMatchTimeoutException)
        {
            return (null, true);
        }
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
