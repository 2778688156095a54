using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Terminal.TestUtils.Network;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 serving fixed files, as a hall server serves staff photos. It can be
/// stopped and started again on the same port, and counts the requests per path.
/// </summary>
public sealed class StaticHttpServer : IDisposable
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string Type, bool Chunked)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private HttpListener? _listener;

    public StaticHttpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (e.g. <c>/photos/S-1.png</c>) and returns its URL; chunked: without a length.</summary>
    public string Serve(string path, byte[] body, string contentType = "image/png", bool chunked = false)
    {
        _files[path] = (body, contentType, chunked);
        return $"http://127.0.0.1:{Port}{path}";
    }

    /// <summary>How many requests <paramref name="path"/> has had.</summary>
    public int Requests(string path) => _requests.GetValueOrDefault(path);

    public void Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = AcceptAsync(_listener);
    }

    public void Stop()
    {
        _listener?.Close();
        _listener = null;
    }

    public void Dispose() => Stop();

    private async Task AcceptAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client stopped reading (e.g. a photo over the size limit) or the server stopped.
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        using var response = context.Response;
        if (!_files.TryGetValue(path, out var file))
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentType = file.Type;
        if (file.Chunked)
        {
            response.SendChunked = true;
        }
        else
        {
            response.ContentLength64 = file.Body.Length;
        }

        response.OutputStream.Write(file.Body);
    }
}
