using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Terminal.Cli.Control;

/// <summary>Talks to the running host over its control socket (HTTP on a Unix socket).</summary>
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _socket;

    public ControlClient(string socket)
    {
        _socket = socket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct).ConfigureAwait(false);
                    return new NetworkStream(s, ownsSocket: true);
                }
                catch
                {
                    s.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://terminal"), Timeout = TimeSpan.FromSeconds(90) };
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct) => await SendAsync(HttpMethod.Get, path, ct).ConfigureAwait(false);

    public async Task<JsonElement> PostAsync(string path, CancellationToken ct) => await SendAsync(HttpMethod.Post, path, ct).ConfigureAwait(false);

    /// <summary>Streams a response body line by line.</summary>
    public async IAsyncEnumerable<string> GetLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await Call(() => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct)).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, ct).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            yield return line;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await Call(() => _http.SendAsync(request, ct)).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException)
        {
            throw new CliException(ExitCodes.Unreachable, $"cannot reach the terminal at {_socket}: {e.InnerException!.Message} (is it running? see --socket)");
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var message = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            message = doc.RootElement.GetProperty("error").GetProperty("message").GetString() ?? body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
        }

        throw new CliException(ExitCodes.Failed, message);
    }
}
