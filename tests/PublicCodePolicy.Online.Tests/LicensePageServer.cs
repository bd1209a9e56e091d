// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Net;

namespace PublicCodePolicy.Online.Tests;

/// <summary>
/// Licence pages served on 127.0.0.1 (random free port) by the test itself. Paths not added answer 404; a path can
/// stall (never answer). Every answer carries a fixed HTTP <c>Date</c>, so retrieval dates are known in advance.
/// Records every request path.
/// </summary>
internal sealed class LicensePageServer : LoopbackServer
{
    /// <summary>The <c>Date</c> header of every answer.</summary>
    public static readonly DateTimeOffset ServedAt = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, (string? Type, byte[] Body, bool Stall)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public LicensePageServer()
    {
    }

    /// <summary>Paths requested so far.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public LicensePageServer Add(string path, byte[] body, string? type = "text/plain; charset=utf-8")
    {
        _pages[path] = (type, body, false);
        return this;
    }

    public LicensePageServer Add(string path, string body, string? type = "text/plain; charset=utf-8") => Add(path, System.Text.Encoding.UTF8.GetBytes(body), type);

    /// <summary>Answers <paramref name="path"/> with a 302 to <paramref name="location"/>.</summary>
    public LicensePageServer Redirect(string path, string location)
    {
        _pages[path] = ("redirect", System.Text.Encoding.UTF8.GetBytes(location), false);
        return this;
    }

    public LicensePageServer Stall(string path)
    {
        _pages[path] = (null, Array.Empty<byte>(), true);
        return this;
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue(path);
        try
        {
            context.Response.Headers["Date"] = ServedAt.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            if (!_pages.TryGetValue(path, out var page))
            {
                await RespondAsync(context, 404, "text/plain", "not found"u8.ToArray()).ConfigureAwait(false);
                return;
            }
            if (page.Stall)
            {
                await Task.Delay(Timeout.Infinite, Stopping).ConfigureAwait(false);
                return;
            }
            if (page.Type == "redirect")
            {
                context.Response.RedirectLocation = System.Text.Encoding.UTF8.GetString(page.Body);
                await RespondAsync(context, 302, "text/plain", Array.Empty<byte>()).ConfigureAwait(false);
                return;
            }
            await RespondAsync(context, 200, page.Type, page.Body).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up or the server is stopping.
        }
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string? type, byte[] body)
    {
        context.Response.StatusCode = status;
        if (type != null) context.Response.ContentType = type;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        context.Response.Close();
    }
}
