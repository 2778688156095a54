using System.Collections.Concurrent;
using System.Diagnostics;
using Terminal.TestUtils.Waiting;

namespace Terminal.Mqtt.Tests.Support;

/// <summary>Records a client's state changes with the time they happened.</summary>
internal sealed class StateLog
{
    private readonly ConcurrentQueue<(MqttConnectionStateChangedEventArgs Change, TimeSpan At)> _changes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public StateLog(IMqttClient client) => client.StateChanged += (_, e) => _changes.Enqueue((e, _clock.Elapsed));

    public IReadOnlyList<(MqttConnectionStateChangedEventArgs Change, TimeSpan At)> Changes => [.. _changes];

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The first change after <paramref name="after"/> that matches, waiting up to the timeout.</summary>
    public async Task<(MqttConnectionStateChangedEventArgs Change, TimeSpan At)> WaitForAsync(Func<MqttConnectionStateChangedEventArgs, bool> match, TimeSpan timeout, TimeSpan after = default)
    {
        (MqttConnectionStateChangedEventArgs Change, TimeSpan At) found = default;
        await Eventually.TrueAsync(
            () =>
            {
                found = _changes.FirstOrDefault(c => c.At >= after && match(c.Change));
                return found.Change is not null;
            },
            timeout,
            "state change; so far: " + string.Join(" | ", _changes.Select(c => $"{c.Change.State} {c.Change.Broker} {c.Change.Error}")));
        return found;
    }
}
