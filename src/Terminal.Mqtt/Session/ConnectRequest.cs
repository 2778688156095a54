using System.Text;
using Terminal.Mqtt.Diagnostics;
using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Session;

/// <summary>The CONNECT a client's options ask for.</summary>
internal static class ConnectRequest
{
    /// <summary>How many QoS 1 messages the broker may have unacknowledged towards us (MQTT 5 §3.1.2.11.3).</summary>
    public const ushort IncomingReceiveMaximum = 32;

    /// <exception cref="MqttConnectException">The will could not be composed, or its topic is not a topic name.</exception>
    public static ConnectPacket From(MqttClientOptions options)
    {
        var will = ComposeWill(options);
        // MQTT 5 §3.1.2.4: Clean Start off with an expiry resumes the session (and its unacked messages).
        var keepSession = options.SessionExpiry > TimeSpan.Zero;
        var properties = new MqttProperties();
        if (options.Protocol == MqttProtocol.V500)
        {
            properties.SessionExpiryInterval = keepSession ? (uint)Math.Min(options.SessionExpiry.TotalSeconds, uint.MaxValue) : null;
            properties.ReceiveMaximum = IncomingReceiveMaximum;
            properties.MaximumPacketSize = (uint)options.MaximumIncomingPacketSize;
        }

        return new ConnectPacket(options.ClientId, options.Protocol, !keepSession, (ushort)options.KeepAlive.TotalSeconds)
        {
            Username = options.Username,
            Password = options.Password is null ? null : Encoding.UTF8.GetBytes(options.Password),
            Will = will,
            Properties = properties,
        };
    }

    private static MqttApplicationMessage? ComposeWill(MqttClientOptions options)
    {
        MqttApplicationMessage? will;
        try
        {
            will = options.Will?.Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MqttConnectException(new(MqttFailureCause.ProtocolError, $"the will could not be composed: {ExceptionMessages.Join(e)}"));
        }

        if (will is not null && MqttStrings.TopicNameProblem(will.Topic) is { } problem)
        {
            throw new MqttConnectException(new(MqttFailureCause.ProtocolError, $"the will's topic '{will.Topic}' {problem}"));
        }

        return will;
    }
}
