using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Session;

/// <summary>Checks the options once, at construction, with messages that name the setting (docs/mqtt.md#topics, docs/configuration.md).</summary>
internal static class ClientOptionsCheck
{
    public static void Validate(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Brokers.Count == 0)
        {
            throw new ArgumentException("Broker URIs: at least one is required.", nameof(options));
        }

        foreach (var broker in options.Brokers)
        {
            if (broker.Scheme is not ("mqtt" or "mqtts"))
            {
                throw new ArgumentException($"Broker URI '{broker}': the scheme must be mqtt:// or mqtts://.", nameof(options));
            }

            if (broker.Scheme == "mqtt" && !options.AllowInsecure)
            {
                throw new ArgumentException($"Broker URI '{broker}' is plain TCP (mqtt://): use mqtts://, or set AllowInsecure to allow it explicitly.", nameof(options));
            }
        }

        if (MqttStrings.Problem(options.ClientId) is { } idProblem)
        {
            throw new ArgumentException($"Client id {idProblem}.", nameof(options));
        }

        if (options.KeepAlive < TimeSpan.Zero || options.KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            throw new ArgumentException($"KeepAlive {options.KeepAlive} is outside 0 to 65535 seconds.", nameof(options));
        }

        if (options.MaxInFlight is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentException($"MaxInFlight {options.MaxInFlight} is outside 1 to 65535.", nameof(options));
        }

        if (options.Brokers.Any(BrokerTransport.IsTls))
        {
            TlsCredentials.Load(options.Tls);
        }
    }
}
