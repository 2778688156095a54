using System.Net.Sockets;
using System.Net.Security;
using System.Security.Authentication;
using Terminal.Mqtt.Diagnostics;

namespace Terminal.Mqtt.Transport;

/// <summary>Opens the byte stream to a broker: TCP for <c>mqtt://</c>, TLS 1.2+ for <c>mqtts://</c>.</summary>
internal static class BrokerTransport
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;

    public static bool IsTls(Uri broker) => broker.Scheme == "mqtts";

    public static int PortOf(Uri broker) => broker.IsDefaultPort || broker.Port <= 0 ? (IsTls(broker) ? DefaultTlsPort : DefaultPort) : broker.Port;

    /// <exception cref="MqttConnectException">TCP connect or the TLS handshake failed; its failure names the cause.</exception>
    public static async Task<Stream> ConnectAsync(Uri broker, TlsCredentials credentials, TimeProvider time, CancellationToken cancellationToken)
    {
        var port = PortOf(broker);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(broker.Host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new MqttConnectException(new(MqttFailureCause.Unreachable, $"TCP connect to {broker.Host}:{port} failed: {Words(e.SocketErrorCode)}{ExceptionMessages.Bracketed(e)}"), e);
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        if (!IsTls(broker))
        {
            return stream;
        }

        MqttFailure? refusal = null;
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(credentials.ClientOptions(broker.Host, time, r => refusal = r), cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new MqttConnectException(TlsFailure.Handshake(e, refusal, credentials.ClientCertificate, time.GetUtcNow()), e);
        }
    }

    private static string Words(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "nothing accepts connections there (connection refused)",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the host name cannot be resolved",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => "no route to the host",
        SocketError.TimedOut => "no answer",
        _ => error.ToString(),
    };
}
