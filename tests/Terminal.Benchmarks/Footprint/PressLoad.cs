using System.Net.Sockets;
using System.Text.Json;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// Simulated presses as <c>terminalctl sim press 5</c> sends them (POST /sim/press on the control
/// socket), one after the other, without starting a terminalctl process each time.
/// </summary>
internal sealed class PressLoad : IDisposable
{
    private readonly HttpClient _http;

    public PressLoad(string socket)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                return new NetworkStream(s, ownsSocket: true);
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://terminal"), Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Whether the endpoint answers at all (the bare host has no READY).</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.PostAsync("/sim/press?level=5", null);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="count"/> presses; each must answer with at least one event.</summary>
    public async Task PressAsync(int count, Action<int>? afterEach = null)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.PostAsync("/sim/press?level=5", null);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (body.RootElement.GetProperty("events").GetArrayLength() == 0)
            {
                throw new InvalidOperationException($"press {i + 1} committed no event");
            }

            afterEach?.Invoke(i);
        }
    }

    /// <summary>Pending events in the terminal's buffer (GET /buffer/stats).</summary>
    public async Task<long> PendingAsync()
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync("/buffer/stats"));
        return body.RootElement.GetProperty("pending").GetInt64();
    }

    public void Dispose() => _http.Dispose();
}
