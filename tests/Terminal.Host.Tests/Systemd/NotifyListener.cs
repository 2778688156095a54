using System.Net.Sockets;
using System.Text;
using Terminal.Host.Systemd;

namespace Terminal.Host.Tests.Systemd;

/// <summary>Plays systemd's side of NOTIFY_SOCKET: a real Unix datagram socket, path or abstract.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _directory;

    private NotifyListener(string address, string? directory)
    {
        Address = address;
        _directory = directory;
        _socket.Bind(new UnixDomainSocketEndPoint(NotifySocket.ToSocketPath(address)));
    }

    /// <summary>The value systemd would put in NOTIFY_SOCKET.</summary>
    public string Address { get; }

    public static NotifyListener AtPath()
    {
        var directory = Directory.CreateTempSubdirectory("notify-").FullName;
        return new NotifyListener(Path.Combine(directory, "notify"), directory);
    }

    public static NotifyListener Abstract() => new("@terminal-test-" + Guid.NewGuid().ToString("N"), null);

    /// <summary>Next datagram, or fails the test after <paramref name="within"/> (default 5 s).</summary>
    public string Receive(TimeSpan? within = null)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(5));
        try
        {
            var length = _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token).AsTask().GetAwaiter().GetResult();
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no notification within the deadline");
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
