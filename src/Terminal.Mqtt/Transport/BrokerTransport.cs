using System.Net.Sockets;
using System.Net.Security;
using System.Security.Authentication;

namespace Terminal.Mqtt.Transport;

/// <summary>Opens the byte stream to a broker: TCP for <c>mqtt://</c>, TLS 1.2+ for <c>mqtts://</c>.</summary>
internal static class BrokerTransport
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;

    public static bool IsTls(Uri broker) => broker.Scheme == "mqtts";

    public static async Task<Stream> ConnectAsync(Uri broker, TlsCredentials credentials, CancellationToken cancellationToken)
    {
        var tls = IsTls(broker);
        var port = broker.IsDefaultPort || broker.Port <= 0 ? (tls ? DefaultTlsPort : DefaultPort) : broker.Port;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(broker.Host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new MqttConnectException($"TCP connect to {broker.Host}:{port} failed: {e.SocketErrorCode}", e);
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        if (!tls)
        {
            return stream;
        }

        string? refusal = null;
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(credentials.ClientOptions(broker.Host, r => refusal = r), cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new MqttConnectException($"TLS with {broker.Host}:{port} failed: {refusal ?? e.Message}", e);
        }
    }
}
