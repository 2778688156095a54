using System.Net.Sockets;
using System.Text.Json;

namespace Terminal.Benchmarks;

/// <summary>The terminal's control socket, spoken to as terminalctl does (HTTP over the Unix socket), without a process per request.</summary>
internal sealed class ControlSocket : IDisposable
{
    private readonly HttpClient _http;

    public ControlSocket(string socket) =>
        _http = new HttpClient(Handler(socket)) { BaseAddress = new Uri("http://terminal"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An HTTP handler whose every connection goes to the Unix socket <paramref name="socket"/>.</summary>
    public static SocketsHttpHandler Handler(string socket) => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
            return new NetworkStream(s, ownsSocket: true);
        },
    };

    /// <summary>A <c>sim</c> request (e.g. <c>/sim/press?level=5</c>); returns once the host answered, with how many events it committed.</summary>
    public async Task<int> SimulateAsync(string pathAndQuery)
    {
        using var response = await _http.PostAsync(pathAndQuery, null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("events").GetArrayLength();
    }

    public void Dispose() => _http.Dispose();
}
