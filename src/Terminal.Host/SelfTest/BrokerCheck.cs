using System.Globalization;
using Terminal.Mqtt;

namespace Terminal.Host.SelfTest;

/// <summary>Connected to a hall broker (SPEC §5); otherwise which brokers were tried and the last error.</summary>
internal sealed class BrokerCheck(BrokerWatch watch, IReadOnlyList<Uri> brokers) : ISelfTestCheck
{
    public string Name => "broker";

    public IEnumerable<SelfTestPart> Run()
    {
        var (state, broker, lastError, since) = watch.Current();
        var at = since is { } s ? s.UtcDateTime.ToString(" 'since' yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;
        if (state == MqttConnectionState.Connected)
        {
            yield return SelfTestPart.Pass(Name, $"connected to {broker?.ToString() ?? string.Join(", ", brokers)}{at}");
            yield break;
        }

        var error = lastError is null ? "no error reported yet" : $"last error: {lastError}";
        yield return SelfTestPart.Fail(
            Name,
            $"{state.ToString().ToLowerInvariant()}{at}; brokers {string.Join(", ", brokers)}; {error}. Events are kept in the buffer until it connects");
    }
}
