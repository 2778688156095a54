namespace Terminal.Mqtt;

/// <summary>Outcome of a publish.</summary>
/// <param name="ReasonCode">PUBACK reason code (0 for QoS 0 and 3.1.1; 0x10 "no matching subscribers" is a success).</param>
/// <param name="ReasonString">Reason string from the broker, if any.</param>
public sealed record MqttPublishResult(int ReasonCode, string? ReasonString = null)
{
    /// <summary>Whether the broker accepted the message (reason code &lt; 0x80).</summary>
    public bool IsSuccess => ReasonCode < 0x80;
}
