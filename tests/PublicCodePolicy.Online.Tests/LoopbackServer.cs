// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Net;
using System.Net.Sockets;

namespace PublicCodePolicy.Online.Tests;

/// <summary>
/// An HTTP server on 127.0.0.1 (a random free port) run by the test itself, each request answered on its own task by
/// <see cref="HandleAsync"/>: the online tests never reach another machine.
/// </summary>
internal abstract class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    protected LoopbackServer()
    {
        (_listener, BaseUrl) = Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public string BaseUrl { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the listener's disposal; how it ends does not matter.
        }
        _stop.Dispose();
    }

    /// <summary>Cancelled when the server stops (a stalled answer waits on it).</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Answers one request (and closes the response).</summary>
    protected abstract Task HandleAsync(HttpListenerContext context);

    // A free port is found by binding port 0; another process may take it before HttpListener does, so retry.
    private static (HttpListener, string) Start()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }
}
