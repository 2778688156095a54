using System.Collections.Concurrent;
using System.Globalization;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// A terminal's certificate publishing event envelopes (SPEC §5.1: v, id, seq, type, terminal, hall)
/// with seq 1, 2, 3 … as fast as the hall broker acknowledges them, QoS 1 and in order (the client's
/// queue is ordered; up to <see cref="Window"/> awaited at once), until stopped: the load of the
/// outage test.
/// </summary>
internal sealed class LoadTerminal : IAsyncDisposable
{
    private const int Window = 64;
    private readonly MqttPeer _peer;
    private readonly string _topic;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, string> _ids = new();
    private readonly Lock _gate = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> _waiters = [];
    private long _acknowledged;
    private Task _loop = Task.CompletedTask;

    private LoadTerminal(MqttPeer peer, string terminalId)
    {
        _peer = peer;
        TerminalId = terminalId;
        _topic = $"eval/v1/{HallPki.Hall}/{terminalId}/event/rating";
    }

    public string TerminalId { get; }

    /// <summary>Events the hall broker has acknowledged (PUBACK).</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>The id of each published seq.</summary>
    public IReadOnlyDictionary<long, string> Ids => _ids;

    public static async Task<LoadTerminal> StartAsync(Uri broker, CertificateIdentity who)
    {
        var load = new LoadTerminal(await MqttPeer.ConnectAsync(broker, who, []), who.Name);
        load._loop = Task.Run(load.PublishAsync);
        return load;
    }

    /// <summary>Completes once <paramref name="count"/> events are acknowledged.</summary>
    public Task WhenAcknowledgedAsync(long count)
    {
        lock (_gate)
        {
            if (Acknowledged >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Stops publishing and waits until every published event is acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _peer.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PublishAsync()
    {
        var pending = new Queue<Task<int>>();
        for (long seq = 1; !_stop.IsCancellationRequested; seq++)
        {
            var id = Guid.CreateVersion7().ToString();
            _ids[seq] = id;
            var envelope = string.Create(CultureInfo.InvariantCulture, $$$"""{"v":1,"id":"{{{id}}}","seq":{{{seq}}},"type":"rating","terminal":"{{{TerminalId}}}","hall":"{{{HallPki.Hall}}}","data":{"level":5}}""");
            pending.Enqueue(_peer.PublishAsync(_topic, envelope));
            if (pending.Count >= Window)
            {
                Acknowledge(await pending.Dequeue());
            }
        }

        while (pending.Count > 0)
        {
            Acknowledge(await pending.Dequeue());
        }
    }

    private void Acknowledge(int reasonCode)
    {
        Assert.True(reasonCode < 0x80, $"{TerminalId}: the hall broker refused its own event (0x{reasonCode:X2})");
        var count = Interlocked.Increment(ref _acknowledged);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
