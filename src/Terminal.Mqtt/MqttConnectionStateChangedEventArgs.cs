namespace Terminal.Mqtt;

/// <summary>A state change.</summary>
/// <param name="State">The new state.</param>
/// <param name="Broker">The broker concerned, if any.</param>
/// <param name="Error">Why the connection ended or failed, if it did.</param>
public sealed class MqttConnectionStateChangedEventArgs(MqttConnectionState State, Uri? Broker, string? Error) : EventArgs
{
    /// <summary>The new state.</summary>
    public MqttConnectionState State { get; } = State;

    /// <summary>The broker concerned, if any.</summary>
    public Uri? Broker { get; } = Broker;

    /// <summary>Why the connection ended or failed, if it did.</summary>
    public string? Error { get; } = Error;

    /// <summary>The cause of a failed attempt or an ended connection (null when stopped on request).</summary>
    public MqttFailure? Failure { get; init; }

    /// <summary>
    /// On <see cref="MqttConnectionState.Disconnected"/>: how long the client now waits before its next
    /// round of attempts (every broker failed, or the connection ended); null while it goes on to the next broker.
    /// </summary>
    public TimeSpan? RetryIn { get; init; }

    /// <summary>On <see cref="MqttConnectionState.Connected"/>: the connection's protocol and session.</summary>
    public MqttConnectedContext? Session { get; init; }
}
