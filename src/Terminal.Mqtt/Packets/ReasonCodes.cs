namespace Terminal.Mqtt.Packets;

/// <summary>Reason codes in words (MQTT 5 §2.4; 3.1.1 CONNACK return codes §3.2.2.3), for logs and errors.</summary>
internal static class ReasonCodes
{
    public const byte Success = 0x00;
    public const byte NoMatchingSubscribers = 0x10;
    public const byte PacketTooLarge = 0x95;
    public const byte QuotaExceeded = 0x97;

    public static string Describe(byte code, MqttProtocol protocol = MqttProtocol.V500, bool connAck = false)
    {
        var text = protocol == MqttProtocol.V311 && connAck ? V311ConnAck(code) : V500(code);
        return $"0x{code:X2} {text}";
    }

    private static string V311ConnAck(byte code) => code switch
    {
        0 => "connection accepted",
        1 => "unacceptable protocol version",
        2 => "client identifier rejected",
        3 => "server unavailable",
        4 => "bad user name or password",
        5 => "not authorized",
        _ => "unknown return code",
    };

    private static string V500(byte code) => code switch
    {
        0x00 => "success",
        0x10 => "no matching subscribers",
        0x80 => "unspecified error",
        0x81 => "malformed packet",
        0x82 => "protocol error",
        0x83 => "implementation specific error",
        0x84 => "unsupported protocol version",
        0x85 => "client identifier not valid",
        0x86 => "bad user name or password",
        0x87 => "not authorized",
        0x88 => "server unavailable",
        0x89 => "server busy",
        0x8A => "banned",
        0x8B => "server shutting down",
        0x8C => "bad authentication method",
        0x8D => "keep alive timeout",
        0x8E => "session taken over",
        0x90 => "topic name invalid",
        0x93 => "receive maximum exceeded",
        0x94 => "topic alias invalid",
        0x95 => "packet too large",
        0x97 => "quota exceeded",
        0x98 => "administrative action",
        0x99 => "payload format invalid",
        0x9A => "retain not supported",
        0x9B => "QoS not supported",
        0x9C => "use another server",
        0x9D => "server moved",
        0x9F => "connection rate exceeded",
        _ => "reason code",
    };
}
