using System.Net.Sockets;
using System.Text;

namespace Terminal.Host.Systemd;

/// <summary>
/// The sending end of systemd's notification socket (sd_notify(3)): one datagram per message to
/// <c>$NOTIFY_SOCKET</c>, a filesystem path or an abstract name written with a leading <c>@</c>.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _target;
    private readonly Lock _gate = new();

    public NotifySocket(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        Address = address;
        _target = new UnixDomainSocketEndPoint(ToSocketPath(address));
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    /// <summary>The address as systemd gave it (<c>/run/systemd/notify</c> or <c>@name</c>).</summary>
    public string Address { get; }

    /// <summary>Sends one notification, e.g. <c>READY=1</c> or <c>STATUS=…\nREADY=1</c>.</summary>
    public void Send(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        lock (_gate)
        {
            _socket.SendTo(bytes, SocketFlags.None, _target);
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>sd_notify(3): an address starting with '@' names the abstract namespace (leading NUL).</summary>
    internal static string ToSocketPath(string address) =>
        address[0] == '@' ? "\0" + address[1..] : address;
}
