namespace Terminal.Mqtt.Diagnostics;

/// <summary>The connection as a status line tells it: state, broker, since when, and why not connected.</summary>
/// <param name="State">The client's state.</param>
/// <param name="Broker">The broker connected to, or the one tried last.</param>
/// <param name="Since">Connected since, or without a broker since (null before the first attempt).</param>
/// <param name="Failure">While not connected: the last failure (null when connected, stopped, or nothing failed yet).</param>
/// <param name="FailedAttempts">Failed attempts since the connection was lost (or since start).</param>
/// <param name="NextAttemptAt">When the client tries again, while it waits.</param>
public sealed record ConnectionReport(
    MqttConnectionState State,
    Uri? Broker,
    DateTimeOffset? Since,
    MqttFailure? Failure,
    int FailedAttempts,
    DateTimeOffset? NextAttemptAt)
{
    /// <summary>Before the client has raised any state change.</summary>
    public static ConnectionReport NotStarted { get; } = new(MqttConnectionState.Disconnected, null, null, null, 0, null);
}
