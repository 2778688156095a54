namespace Terminal.Mqtt.Session;

/// <summary>One <c>PublishAsync</c> call, from the call until its PUBACK (or write, for QoS 0).</summary>
internal sealed class OutgoingPublish(MqttApplicationMessage message, bool priority)
{
    public MqttApplicationMessage Message { get; } = message;

    public TaskCompletionSource<MqttPublishResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Published from the connected handler: goes before queued publishes (birth status).</summary>
    public bool Priority { get; set; } = priority;

    /// <summary>Non-zero while the identifier is held, across reconnects when the session is kept.</summary>
    public ushort PacketId { get; set; }

    /// <summary>Written on the current connection and not yet acknowledged.</summary>
    public bool InFlight { get; set; }

    /// <summary>A resend of a packet the broker may have seen (MQTT 5 §3.3.1.1).</summary>
    public bool Dup { get; set; }
}
