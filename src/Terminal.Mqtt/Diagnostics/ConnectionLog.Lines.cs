using Microsoft.Extensions.Logging;

namespace Terminal.Mqtt.Diagnostics;

/// <summary>The lines of <see cref="ConnectionLog"/>: each names the broker(s), the cause and what happens next.</summary>
public sealed partial class ConnectionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MQTT connected to {Broker} ({Protocol}, session {Session})")]
    private partial void LogConnected(string broker, string protocol, string session);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MQTT cannot connect to a broker: {Failures}. Next attempt in {RetryIn}; messages wait until then")]
    private partial void LogCannotConnect(string failures, string retryIn);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "MQTT lost the connection to {Broker} ({Reason}) and cannot connect again: {Failures}. Next attempt in {RetryIn}; messages wait until then")]
    private partial void LogLostAndCannotConnect(string broker, string reason, string failures, string retryIn);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "MQTT still cannot connect after {Duration} ({Attempts} failed attempts since {Since}); last errors: {Failures}. Next attempt in {RetryIn}")]
    private partial void LogStillCannotConnect(string duration, int attempts, string since, string failures, string retryIn);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "MQTT connected to {Broker} ({Protocol}, session {Session}) again after {Away} without a broker ({Attempts} failed attempts since {Since})")]
    private partial void LogConnectedAgain(string broker, string protocol, string session, string away, int attempts, string since);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "MQTT connected to {Broker} ({Protocol}, session {Session}) after {Away}: {Story}")]
    private partial void LogConnectedAfterGap(string broker, string protocol, string session, string away, string story);
}
