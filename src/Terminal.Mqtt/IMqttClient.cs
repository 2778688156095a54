namespace Terminal.Mqtt;

/// <summary>
/// A long-lived MQTT client: connects, keeps the connection alive, reconnects with backoff and
/// fails over between brokers, resends unacknowledged publishes, honours Receive Maximum.
/// </summary>
public interface IMqttClient : IAsyncDisposable
{
    /// <summary>Current connection state.</summary>
    MqttConnectionState State { get; }

    /// <summary>Raised on every state change (for status, logs and the front panel).</summary>
    event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>
    /// Called after each successful CONNACK, after the configured subscriptions are in place and
    /// before queued publishes are released (e.g. to publish the birth status first).
    /// </summary>
    Func<MqttConnectedContext, CancellationToken, Task>? ConnectedHandler { get; set; }

    /// <summary>Called for each received application message; the QoS 1 PUBACK follows its completion.</summary>
    Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    /// <summary>Starts the connection loop in the background.</summary>
    void Start();

    /// <summary>Disconnects cleanly (DISCONNECT, so the will is not published) and stops reconnecting.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes a message. QoS 0 completes when written; QoS 1 completes at PUBACK, surviving
    /// reconnects (resent with DUP, or republished when the session was lost). While disconnected it
    /// waits. Never more QoS 1 publishes in flight than the broker's Receive Maximum.
    /// </summary>
    /// <exception cref="MqttPublishException">The broker refused the message for good (reason code, too large for the broker…).</exception>
    Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken);
}
