using System.Globalization;
using Terminal.Mqtt;
using Terminal.Mqtt.Diagnostics;

namespace Terminal.Host.SelfTest;

/// <summary>Connected to a hall broker (docs/mqtt.md#topics); otherwise which brokers were tried and why it failed, by cause.</summary>
internal sealed class BrokerCheck(ConnectionLog connection, IReadOnlyList<Uri> brokers) : ISelfTestCheck
{
    public string Name => "broker";

    public IEnumerable<SelfTestPart> Run()
    {
        var report = connection.Current;
        var at = report.Since is { } s ? s.UtcDateTime.ToString(" 'since' yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;
        if (report.State == MqttConnectionState.Connected)
        {
            yield return SelfTestPart.Pass(Name, $"connected to {report.Broker?.ToString() ?? string.Join(", ", brokers)}{at}");
            yield break;
        }

        var error = report.Failure is { } failure ? $"last error ({failure.Code}): {failure.Description}" : "no error reported yet";
        yield return SelfTestPart.Fail(
            Name,
            $"{report.State.ToString().ToLowerInvariant()}{at}; brokers {string.Join(", ", brokers)}; {error}. Events are kept in the buffer until it connects");
    }
}
