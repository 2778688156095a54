using System.Net.Sockets;

namespace Terminal.Mqtt.Transport;

/// <summary>Whether a broker accepts TCP connections again (failback check; no MQTT session is opened).</summary>
internal static class BrokerProbe
{
    public static async Task<bool> AcceptsAsync(Uri broker, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var port = BrokerTransport.PortOf(broker);
        try
        {
            await socket.ConnectAsync(broker.Host, port, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
