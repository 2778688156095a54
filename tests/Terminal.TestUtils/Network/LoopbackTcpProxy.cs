using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Terminal.TestUtils.Network;

/// <summary>
/// A TCP relay on 127.0.0.1 between a client and a server port, to misbehave like a hall LAN:
/// <see cref="Cut"/> resets every connection (a crash, a reboot), <see cref="BlackHole"/> keeps the
/// sockets open but drops all bytes both ways (a pulled cable: half-open TCP), <see cref="Delay"/>
/// adds latency to each chunk. Point the client at <see cref="Port"/>.
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private int _nextId;
    private int _accepted;

    /// <summary>Relays to <paramref name="targetPort"/> on 127.0.0.1 once <see cref="Start"/>ed.</summary>
    public LoopbackTcpProxy(int targetPort) => TargetPort = targetPort;

    /// <summary>The server port connections are relayed to; can be changed to move traffic to another server.</summary>
    public int TargetPort { get; set; }

    /// <summary>The port clients connect to (valid after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>mqtt://127.0.0.1:Port</c>.</summary>
    public Uri Uri => new($"mqtt://127.0.0.1:{Port}");

    /// <summary>When true, bytes are read and dropped in both directions; sockets stay open.</summary>
    public bool BlackHole { get; set; }

    /// <summary>Latency added before each relayed chunk.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Connections currently relayed.</summary>
    public int OpenConnections => _links.Count;

    /// <summary>Connections accepted since start.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>Starts accepting.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Resets every current connection (RST both ways); new connections are still accepted.</summary>
    public void Cut()
    {
        foreach (var (id, link) in _links)
        {
            Abort(link.Client);
            Abort(link.Server);
            _links.TryRemove(id, out _);
        }
    }

    /// <summary>Stops accepting and resets every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Cut();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _accepted);
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, TargetPort, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // The server is down: the client sees its connection reset, as it would.
                Abort(client);
                server.Dispose();
                continue;
            }

            client.NoDelay = true;
            var id = Interlocked.Increment(ref _nextId);
            _links[id] = (client, server);
            _ = RelayAsync(id, client, server, cancellationToken);
            _ = RelayAsync(id, server, client, cancellationToken);
        }
    }

    private async Task RelayAsync(int id, Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (BlackHole)
                {
                    continue;
                }

                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
                }

                await to.SendAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            // Orderly close on one side: pass it on as a FIN, as a router would.
            End(id, abort: false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            End(id, abort: true);
        }
    }

    private void End(int id, bool abort)
    {
        if (!_links.TryRemove(id, out var link))
        {
            return;
        }

        foreach (var socket in new[] { link.Client, link.Server })
        {
            if (abort)
            {
                Abort(socket);
            }
            else
            {
                socket.Close();
            }
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
