using System.Net.Sockets;
using System.Text;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// Plays systemd's side of <c>Type=notify</c>: a datagram socket given to the child as
/// <c>NOTIFY_SOCKET</c>; start → ready is the time until it sends <c>READY=1</c> (SPEC §7).
/// </summary>
internal sealed class ReadyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string _dir = Directory.CreateTempSubdirectory("notify-").FullName;

    public ReadyListener()
    {
        Path = System.IO.Path.Combine(_dir, "notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
    }

    /// <summary>The value of NOTIFY_SOCKET for the child.</summary>
    public string Path { get; }

    /// <summary>Waits for a datagram containing READY=1.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            if (Encoding.UTF8.GetString(buffer, 0, received).Split('\n').Contains("READY=1"))
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
