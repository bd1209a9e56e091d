// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PublicCodePolicy.Online.Tests;

/// <summary>How the local feed misbehaves.</summary>
internal enum FeedFault
{
    /// <summary>Answers normally.</summary>
    None,
    /// <summary>Answers every request with HTTP 500.</summary>
    ServerError,
    /// <summary>Accepts every request and never answers.</summary>
    Stall,
}

/// <summary>
/// A NuGet V3 feed served on 127.0.0.1 (random free port) by the test itself: service index, flat container
/// (<c>{id}/index.json</c>, <c>{id}/{version}/{id}.nuspec</c>) and registrations with <c>deprecation</c> objects.
/// Records every request, so tests can assert that nothing was asked.
/// </summary>
internal sealed class LocalFeed : LoopbackServer
{
    private readonly Dictionary<string, List<Entry>> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string?> _authorizations = new();

    private sealed record Entry(string Id, string Version, string Nuspec, string? DeprecationJson);

    public LocalFeed(FeedFault fault = FeedFault.None, (string User, string Password)? basicAuth = null, bool withRegistrations = true)
    {
        Fault = fault;
        BasicAuth = basicAuth;
        WithRegistrations = withRegistrations;
    }

    public FeedFault Fault { get; }

    public (string User, string Password)? BasicAuth { get; }

    public bool WithRegistrations { get; }

    /// <summary>The service index URL, as it goes into nuget.config.</summary>
    public string IndexUrl => BaseUrl + "v3/index.json";

    /// <summary>Paths requested so far.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Authorization headers received (null when absent).</summary>
    public IReadOnlyList<string?> Authorizations => _authorizations.ToArray();

    /// <summary>Publishes a package whose nuspec declares <paramref name="licenseXml"/>.</summary>
    public LocalFeed Add(string id, string version, string licenseXml, string[]? deprecationReasons = null, string? deprecationMessage = null, string? alternateId = null, string alternateRange = "*", string? nuspecIdOverride = null)
    {
        var nuspec = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n"
            + "    <id>" + (nuspecIdOverride ?? id) + "</id>\n    <version>" + version + "</version>\n    <authors>Feed Authors</authors>\n    " + licenseXml
            + "\n    <description>Served by the test feed.</description>\n  </metadata>\n</package>\n";
        string? deprecation = null;
        if (deprecationReasons != null)
        {
            var d = new Dictionary<string, object?> { ["@id"] = BaseUrl + "v3/registration/" + id.ToLowerInvariant() + "/" + version + ".json#deprecation", ["reasons"] = deprecationReasons };
            if (deprecationMessage != null) d["message"] = deprecationMessage;
            if (alternateId != null) d["alternatePackage"] = new Dictionary<string, string> { ["@id"] = BaseUrl + "v3/registration/" + alternateId.ToLowerInvariant() + "/index.json", ["id"] = alternateId, ["range"] = alternateRange };
            deprecation = JsonSerializer.Serialize(d);
        }
        lock (_packages)
        {
            if (!_packages.TryGetValue(id, out var list)) _packages[id] = list = new List<Entry>();
            list.Add(new Entry(id, version, nuspec, deprecation));
        }
        return this;
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue(path);
        _authorizations.Enqueue(context.Request.Headers["Authorization"]);
        try
        {
            if (Fault == FeedFault.Stall)
            {
                await Task.Delay(Timeout.Infinite, Stopping).ConfigureAwait(false);
                return;
            }
            if (Fault == FeedFault.ServerError)
            {
                await RespondAsync(context, 500, "text/plain", "boom").ConfigureAwait(false);
                return;
            }
            if (BasicAuth is { } auth)
            {
                var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(auth.User + ":" + auth.Password));
                if (context.Request.Headers["Authorization"] != expected)
                {
                    context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"feed\"");
                    await RespondAsync(context, 401, "text/plain", "credentials needed").ConfigureAwait(false);
                    return;
                }
            }
            var (status, type, body) = Route(path);
            await RespondAsync(context, status, type, body).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up or the feed is stopping.
        }
    }

    private (int Status, string Type, string Body) Route(string path)
    {
        const string Json = "application/json";
        if (path == "/v3/index.json")
        {
            var resources = new List<object>
            {
                new Dictionary<string, string> { ["@id"] = BaseUrl + "v3/flat/", ["@type"] = "PackageBaseAddress/3.0.0" },
            };
            if (WithRegistrations) resources.Add(new Dictionary<string, string> { ["@id"] = BaseUrl + "v3/registration/", ["@type"] = "RegistrationsBaseUrl/3.6.0" });
            return (200, Json, JsonSerializer.Serialize(new Dictionary<string, object> { ["version"] = "3.0.0", ["resources"] = resources }));
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        List<Entry>? entries;
        lock (_packages)
        {
            entries = parts.Length >= 4 && _packages.TryGetValue(parts[2], out var list) ? list.ToList() : null;
        }
        if (entries == null) return (404, "text/plain", "not found");
        // Flat container: /v3/flat/{id}/index.json and /v3/flat/{id}/{version}/{id}.nuspec (all lower case).
        if (parts[1] == "flat" && parts.Length == 4 && parts[3] == "index.json")
        {
            return (200, Json, JsonSerializer.Serialize(new { versions = entries.Select(e => e.Version.ToLowerInvariant()).ToArray() }));
        }
        if (parts[1] == "flat" && parts.Length == 5 && parts[4] == parts[2] + ".nuspec" && parts[2] == parts[2].ToLowerInvariant())
        {
            var entry = entries.FirstOrDefault(e => e.Version.ToLowerInvariant() == parts[3]);
            return entry == null ? (404, "text/plain", "not found") : (200, "application/xml", entry.Nuspec);
        }
        // Registrations: /v3/registration/{id}/index.json with one inlined page.
        if (WithRegistrations && parts[1] == "registration" && parts.Length == 4 && parts[3] == "index.json")
        {
            var leaves = entries.Select(e => "{\"@id\":\"" + BaseUrl + "v3/registration/" + parts[2] + "/" + e.Version + ".json\","
                + "\"catalogEntry\":{\"@id\":\"" + BaseUrl + "v3/catalog/" + parts[2] + "." + e.Version + ".json\",\"id\":\"" + e.Id + "\",\"version\":\"" + e.Version + "\",\"listed\":true,"
                + "\"authors\":\"Feed Authors\",\"description\":\"Served by the test feed.\""
                + (e.DeprecationJson != null ? ",\"deprecation\":" + e.DeprecationJson : string.Empty) + "},"
                + "\"packageContent\":\"" + BaseUrl + "v3/flat/" + parts[2] + "/" + e.Version + "/" + parts[2] + "." + e.Version + ".nupkg\"}");
            var versions = entries.Select(e => e.Version).ToArray();
            var page = "{\"@id\":\"" + BaseUrl + "v3/registration/" + parts[2] + "/index.json#page/0\",\"count\":" + entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ",\"lower\":\"" + versions.Min() + "\",\"upper\":\"" + versions.Max() + "\",\"items\":[" + string.Join(",", leaves) + "]}";
            return (200, Json, "{\"@id\":\"" + BaseUrl + "v3/registration/" + parts[2] + "/index.json\",\"count\":1,\"items\":[" + page + "]}");
        }
        return (404, "text/plain", "not found");
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string type, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }
}
