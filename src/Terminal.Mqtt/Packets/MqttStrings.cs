using System.Text;

namespace Terminal.Mqtt.Packets;

/// <summary>UTF-8 string rules of MQTT 5 §1.5.4 (3.1.1 §1.5.3): well-formed, no U+0000, at most 65,535 bytes.</summary>
internal static class MqttStrings
{
    /// <summary>Throws on ill-formed input (surrogates included) instead of substituting U+FFFD.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="value"/> cannot be an MQTT string, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "contains U+0000";
        }

        int bytes;
        try
        {
            bytes = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return "is not well-formed UTF-16 (unpaired surrogate)";
        }

        return bytes > ushort.MaxValue ? $"is {bytes} bytes long, over 65535" : null;
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string value;
        try
        {
            value = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new MqttProtocolException("Ill-formed UTF-8 string (MQTT 5 §1.5.4).", e);
        }

        return value.Contains('\0', StringComparison.Ordinal)
            ? throw new MqttProtocolException("String contains U+0000 (MQTT 5 §1.5.4).")
            : value;
    }

    /// <summary>PUBLISH topic names carry no wildcards (MQTT 5 §3.3.2.1) and are not empty without an alias.</summary>
    public static string? TopicNameProblem(string topic)
    {
        if (topic.Length == 0)
        {
            return "is empty";
        }

        return topic.AsSpan().IndexOfAny('+', '#') >= 0 ? "contains a wildcard (+ or #)" : Problem(topic);
    }
}
