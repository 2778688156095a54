using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Host.Systemd;

namespace Terminal.Host.Tests.Systemd;

public sealed class WatchdogServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Half = TimeSpan.FromSeconds(10);

    private readonly NotifyListener _listener = NotifyListener.AtPath();
    private readonly FakeTimeProvider _time = new();
    private readonly SystemdNotifier _notifier;
    private readonly WorkerHeartbeats _heartbeats;
    private readonly WatchdogService _service;

    public WatchdogServiceTests()
    {
        _notifier = new SystemdNotifier(new SystemdEnvironment(_listener.Address, Timeout), NullLogger<SystemdNotifier>.Instance);
        _heartbeats = new WorkerHeartbeats(_time);
        _service = new WatchdogService(_notifier, _heartbeats, _time, NullLogger<WatchdogService>.Instance);
    }

    [Fact]
    public async Task Start_PetsAtOnceThenEveryHalfWatchdogUsec()
    {
        using var worker = _heartbeats.Register("publisher");
        await _service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", _listener.Receive());

        for (var i = 0; i < 3; i++)
        {
            worker.Beat();
            _time.Advance(Half - TimeSpan.FromTicks(1));
            _notifier.Status("probe " + i);
            Assert.Equal("STATUS=probe " + i, _listener.Receive()); // nothing before the half interval
            worker.Beat();
            _time.Advance(TimeSpan.FromTicks(1));
            Assert.Equal("WATCHDOG=1", _listener.Receive());
        }

        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tick_WorkerSilentForAnInterval_WithholdsKeepAliveAndNamesIt()
    {
        using var alive = _heartbeats.Register("publisher");
        using var hung = _heartbeats.Register("keys");
        await _service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", _listener.Receive());

        _time.Advance(Half / 2);
        alive.Beat();
        _time.Advance(Half / 2);
        Assert.Equal("WATCHDOG=1", _listener.Receive()); // "keys" beat at registration, within the interval

        _time.Advance(Half / 2);
        alive.Beat();
        _time.Advance(Half / 2);
        Assert.Equal("STATUS=watchdog withheld: silent worker(s) keys", _listener.Receive());

        hung.Beat();
        alive.Beat();
        _time.Advance(Half);
        Assert.Equal("WATCHDOG=1", _listener.Receive());

        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tick_WorkerEndedNormally_NoLongerExpected()
    {
        var finished = _heartbeats.Register("migration");
        finished.Dispose();

        await _service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", _listener.Receive());
        _time.Advance(Half);

        Assert.Equal("WATCHDOG=1", _listener.Receive());
        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_SetsWorkerBeatIntervalToQuarterOfTimeout()
    {
        await _service.StartAsync(CancellationToken.None);
        _listener.Receive();

        Assert.Equal(TimeSpan.FromSeconds(5), _heartbeats.BeatInterval);
        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_WithoutWatchdog_SendsNothing()
    {
        using var notifier = new SystemdNotifier(new SystemdEnvironment(_listener.Address, null), NullLogger<SystemdNotifier>.Instance);
        using var service = new WatchdogService(notifier, _heartbeats, _time, NullLogger<WatchdogService>.Instance);

        await service.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        notifier.Status("probe");

        Assert.Equal("STATUS=probe", _listener.Receive());
        await service.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _service.Dispose();
        _notifier.Dispose();
        _listener.Dispose();
    }
}
