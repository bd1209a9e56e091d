// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Online;

/// <summary>Limits and cache of online licence pages.</summary>
public sealed class LicensePageOptions
{
    /// <summary>Default largest page read: 1 MiB (the longest SPDX licence texts are under 100 KiB).</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>Time limit of one page, redirects included. Default: 15 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest page read, in bytes; a larger one is not read (PCP1005). Default: <see cref="DefaultMaxBytes"/>.</summary>
    public int MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Most redirects followed. Default: 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Folder of the page cache (a <c>licence-pages</c> folder is made inside it); null disables it. The CLI uses the
    /// licence-text cache's folder (<see cref="LicenseTextCache.DefaultDirectory"/>, <c>PUBLICCODEPOLICY_CACHE</c>).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// How long a page read from a mutable address (a branch, any non-GitHub/GitLab page) is reused from the cache.
    /// Default: 24 hours. A page from an immutable address (a commit or a tag-looking ref) is reused as long as its
    /// bytes still have the SHA-256 recorded for it.
    /// </summary>
    public TimeSpan MutableMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The clock: the retrieval date when the server sends no <c>Date</c> header, and cache ages. Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Test hook: requests for a host (key, e.g. <c>raw.githubusercontent.com</c>) go to a loopback base address
    /// (value, e.g. <c>http://127.0.0.1:5000/raw/</c>) followed by the original path. The evidence keeps the original
    /// URL. Only loopback targets are accepted, so it can never send a request elsewhere.
    /// </summary>
    internal IReadOnlyDictionary<string, Uri>? HostMap { get; init; }
}

/// <summary>
/// Reads licence pages over HTTP(S) for online mode (<see cref="CheckOptions.LicensePageSource"/>): one GET per URL,
/// capped in size and time, redirects followed by hand (at most <see cref="LicensePageOptions.MaxRedirects"/>, http and
/// https only), the system proxy honoured. Pages are kept in a disk cache keyed by URL and content SHA-256. Never
/// throws for a failing page: the problem is returned and the engine keeps the offline result (PCP1005). Thread-safe.
/// </summary>
public sealed class LicensePageClient : ILicensePageSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly LicensePageOptions _options;
    private readonly string? _cacheFolder;

    /// <summary>Creates a client.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    /// <exception cref="ArgumentException">The host map sends a host to a non-loopback address.</exception>
    public LicensePageClient(LicensePageOptions? options = null)
    {
        _options = options ?? new LicensePageOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRedirects, nameof(options));
        foreach (var (host, target) in _options.HostMap ?? new Dictionary<string, Uri>())
        {
            bool loopback = target.IsAbsoluteUri && (target.IsLoopback || (IPAddress.TryParse(target.Host, out var ip) && IPAddress.IsLoopback(ip)));
            if (!loopback) throw new ArgumentException("The host map may only send " + host + " to a loopback address, not " + target + ".", nameof(options));
        }
        _cacheFolder = _options.CacheDirectory == null ? null : Path.Combine(_options.CacheDirectory, "licence-pages");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PublicCodePolicy", PolicyEngine.ToolVersion));
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/plain, text/*;q=0.9, */*;q=0.5");
    }

    /// <summary>A client with the default limits and the default cache folder.</summary>
    public static LicensePageClient CreateDefault() => new(new LicensePageOptions { CacheDirectory = LicenseTextCache.DefaultDirectory() });

    /// <inheritdoc />
    public async Task<LicensePageResult> FetchAsync(LicensePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return new LicensePageResult { Problem = request.Url + " is not an http(s) address; it was not read." };
        if (ReadCache(request) is { } cached) return new LicensePageResult { Page = cached };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            for (int hop = 0; ; hop++)
            {
                // Checked here too: through a proxy, the connection callback only sees the proxy's address.
                if (IPAddress.TryParse(url.IdnHost, out var literal) && IsLinkLocal(literal))
                    return Problem(url.Host + " is a link-local address (such as a cloud metadata service); licence pages are never read there.");
                using var message = new HttpRequestMessage(HttpMethod.Get, Map(url));
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects) return Problem(request.Url + " redirects more than " + _options.MaxRedirects.ToString(CultureInfo.InvariantCulture) + " times; it was not read.");
                    var next = new Uri(url, location);
                    if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp) return Problem(request.Url + " redirects to a non-http(s) address; it was not read.");
                    url = next;
                    continue;
                }
                if (status is 404 or 410) return new LicensePageResult { NotFound = true, Problem = Shown(url) + " was not found (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")." };
                if (!response.IsSuccessStatusCode) return Problem(Shown(url) + " answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + ".");
                if (response.Content.Headers.ContentLength > _options.MaxBytes) return TooLarge(url);
                var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var bytes = await ReadCappedAsync(stream, _options.MaxBytes, timeout.Token).ConfigureAwait(false);
                    if (bytes == null) return TooLarge(url);
                    var page = new LicensePageResponse
                    {
                        Url = url.AbsoluteUri,
                        Content = bytes,
                        MediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(),
                        // The server's own date of the answer; the local clock only when it gives none.
                        RetrievedAt = response.Headers.Date?.ToUniversalTime() ?? _options.Clock.GetUtcNow(),
                    };
                    WriteCache(request, page);
                    return new LicensePageResult { Page = page };
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problem(Shown(url) + " did not answer within " + _options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or UriFormatException)
        {
            return Problem(Shown(url) + " could not be read: " + Failures.Describe(ex));
        }
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => _http.Dispose();

    // A licence URL comes from a third party's package: it must not make the check runner call the link-local
    // addresses of its own machine (cloud metadata services such as 169.254.169.254). Private networks stay allowed:
    // an administration's own forge is often there.
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? new[] { literal } : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var usable = addresses.Where(a => !IsLinkLocal(a)).ToArray();
        if (usable.Length == 0) throw new HttpRequestException(host + " is a link-local address (such as a cloud metadata service); licence pages are never read there.");
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 169 && b[1] == 254;
        }
        return address.IsIPv6LinkLocal;
    }

    private static LicensePageResult Problem(string message) => new() { Problem = message };

    private LicensePageResult TooLarge(Uri url)
        => Problem(Shown(url) + " is larger than " + _options.MaxBytes.ToString(CultureInfo.InvariantCulture) + " bytes; it was not read.");

    private static string Shown(Uri url) => url.AbsoluteUri;

    private Uri Map(Uri url)
    {
        if (_options.HostMap == null || !_options.HostMap.TryGetValue(url.Host.ToLowerInvariant(), out var target)) return url;
        return new Uri(target, url.PathAndQuery.TrimStart('/'));
    }

    // Null when the stream holds more than the cap: one byte over is enough to refuse, the rest is not read.
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) return null;
        }
        return buffer.ToArray();
    }

    // The cache: one small JSON entry per URL (named by the URL's SHA-256) pointing at the bytes, stored once under
    // their own SHA-256. An entry is used only if its URL is the one asked, its age suits the address (see
    // LicensePageOptions.MutableMaxAge) and the stored bytes still hash to the recorded value; anything else is a miss.
    // A cache that cannot be read or written only costs a request.
    private LicensePageResponse? ReadCache(LicensePageRequest request)
    {
        if (_cacheFolder == null) return null;
        try
        {
            var entryPath = Path.Combine(_cacheFolder, Hex(Encoding.UTF8.GetBytes(request.Url)) + ".json");
            if (!File.Exists(entryPath)) return null;
            using var doc = JsonDocument.Parse(IO.InputFile.ReadAllBytes(entryPath, 64 * 1024), new JsonDocumentOptions { MaxDepth = 4 });
            var root = doc.RootElement;
            if (root.GetProperty("requested").GetString() != request.Url) return null;
            var cachedAt = DateTimeOffset.Parse(root.GetProperty("cachedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (!request.IsImmutable && _options.Clock.GetUtcNow() - cachedAt > _options.MutableMaxAge) return null;
            var sha = root.GetProperty("sha256").GetString()!;
            if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower)) return null;
            var bytes = IO.InputFile.ReadAllBytes(Path.Combine(_cacheFolder, sha + ".page"), _options.MaxBytes);
            if (!string.Equals(Hex(bytes), sha, StringComparison.Ordinal)) return null;
            return new LicensePageResponse
            {
                Url = root.GetProperty("url").GetString()!,
                Content = bytes,
                MediaType = root.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
                RetrievedAt = DateTimeOffset.Parse(root.GetProperty("retrieved").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                FromCache = true,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException or InvalidDataException)
        {
            return null;
        }
    }

    private void WriteCache(LicensePageRequest request, LicensePageResponse page)
    {
        if (_cacheFolder == null) return;
        try
        {
            var sha = Hex(page.Content.Span);
            IO.OutputFile.Write(Path.Combine(_cacheFolder, sha + ".page"), page.Content, createDirectory: true);
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                w.WriteString("requested", request.Url);
                w.WriteString("url", page.Url);
                w.WriteString("sha256", sha);
                w.WriteString("retrieved", page.RetrievedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                w.WriteString("cachedAt", _options.Clock.GetUtcNow().UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                if (page.MediaType != null) w.WriteString("mediaType", page.MediaType);
                w.WriteEndObject();
            }
            IO.OutputFile.Write(Path.Combine(_cacheFolder, Hex(Encoding.UTF8.GetBytes(request.Url)) + ".json"), ms.ToArray(), createDirectory: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Read-only home, full disk: the cache is optional.
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
