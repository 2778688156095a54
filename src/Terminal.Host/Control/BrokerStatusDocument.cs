using Terminal.Mqtt.Diagnostics;

namespace Terminal.Host.Control;

/// <summary>
/// <c>broker</c> of the control socket's <c>/status</c>: the connection as <see cref="ConnectionLog"/>
/// sees it, with the cause by code and in words. Only on the control socket: the MQTT status
/// document (docs/mqtt.md#status) keeps exactly its fields.
/// </summary>
/// <param name="State">connected, connecting or disconnected.</param>
/// <param name="Uri">The broker connected to, or the one tried last.</param>
/// <param name="Since">Connected since, or without a broker since.</param>
/// <param name="Cause">Why not connected, as a code (e.g. <c>client-certificate-refused</c>); null when connected.</param>
/// <param name="Error">Why not connected, in words, with the exception messages.</param>
/// <param name="FailedAttempts">Failed attempts since the connection was lost (or since start).</param>
/// <param name="NextAttemptAt">When the next attempt is due, while waiting.</param>
internal sealed record BrokerStatusDocument(string State, string? Uri, DateTimeOffset? Since, string? Cause, string? Error, int FailedAttempts, DateTimeOffset? NextAttemptAt)
{
    public static BrokerStatusDocument From(ConnectionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.State.ToString().ToLowerInvariant(),
            report.Broker?.ToString(),
            report.Since,
            report.Failure?.Code,
            report.Failure?.Description,
            report.FailedAttempts,
            report.NextAttemptAt);
    }
}
