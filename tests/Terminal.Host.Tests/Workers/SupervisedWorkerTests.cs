using System.Threading.Channels;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Host.Systemd;
using Terminal.Host.Workers;
using Terminal.TestUtils.Waiting;

namespace Terminal.Host.Tests.Workers;

/// <summary>
/// The workers' one pattern: a failed iteration is survived and retried after a growing pause;
/// five in a row stop the host with exit code 70 so that systemd restarts it; a requested stop ends
/// the worker quietly.
/// </summary>
[Collection(ExitCodeCollection.Name)]
public sealed class SupervisedWorkerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly WorkerHeartbeats _heartbeats;

    public SupervisedWorkerTests() => _heartbeats = new WorkerHeartbeats(_time);

    [Fact]
    public async Task FailedIteration_IsRetriedAfterAPause_AndTheWorkerGoesOn()
    {
        using var worker = new ScriptedWorker(Support(), fail: [true, false, false]);
        await worker.StartAsync(CancellationToken.None);

        Assert.Equal(1, await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline));
        await Eventually.TrueAsync(() => _time.HasTimerDueWithin(TimeSpan.FromSeconds(1)), Deadline, "the first retry timer");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline));
        Assert.Equal(3, await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline));
        Assert.False(_lifetime.ApplicationStopping.IsCancellationRequested);
        await worker.StopAsync(CancellationToken.None);
        Assert.True(worker.Stopped);
    }

    [Fact]
    public async Task FiveFailuresInARow_StopTheHost_WithExitCode70()
    {
        try
        {
            using var worker = new ScriptedWorker(Support(), fail: [true, true, true, true, true]);
            await worker.StartAsync(CancellationToken.None);

            for (var failure = 1; failure <= 4; failure++)
            {
                Assert.Equal(failure, await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline));
                await Eventually.TrueAsync(() => _time.HasTimerDueWithin(TimeSpan.FromSeconds(failure)), Deadline, $"a {failure} s retry timer");
                _time.Advance(TimeSpan.FromSeconds(failure));
            }

            Assert.Equal(5, await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline));
            await Eventually.TrueAsync(() => _lifetime.ApplicationStopping.IsCancellationRequested, Deadline, "the host being asked to stop");
            Assert.Equal(FatalStop.ExitCode, Environment.ExitCode);
            Assert.False(worker.Stopped);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task EveryIteration_Beats()
    {
        using var worker = new ScriptedWorker(Support(), fail: [false, false]);
        await worker.StartAsync(CancellationToken.None);
        await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["scripted"], _heartbeats.SilentLongerThan(TimeSpan.FromSeconds(20)));
        worker.Release();

        await worker.Iterations.ReadAsync().AsTask().WaitAsync(Deadline);
        Assert.Empty(_heartbeats.SilentLongerThan(TimeSpan.FromSeconds(20)));
        await worker.StopAsync(CancellationToken.None);
    }

    public void Dispose() => _lifetime.StopApplication();

    private WorkerSupport Support() => new(
        _heartbeats,
        new FatalStop(new SystemdNotifier(SystemdEnvironment.None, NullLogger<SystemdNotifier>.Instance), _lifetime, NullLogger<FatalStop>.Instance),
        _time,
        NullLoggerFactory.Instance);


    /// <summary>Fails the iterations marked so, reports each iteration's number; after the script, waits to be stopped.</summary>
    private sealed class ScriptedWorker(WorkerSupport support, bool[] fail) : SupervisedWorker("scripted", support)
    {
        private readonly Channel<int> _iterations = Channel.CreateUnbounded<int>();
        private readonly SemaphoreSlim _release = new(0);
        private int _count;

        public ChannelReader<int> Iterations => _iterations.Reader;

        public bool Stopped { get; private set; }

        /// <summary>Lets a successful iteration that holds (all but the script's last) return.</summary>
        public void Release() => _release.Release();

        protected override async Task IterateAsync(CancellationToken stoppingToken)
        {
            var n = ++_count;
            _iterations.Writer.TryWrite(n);
            if (n <= fail.Length && fail[n - 1])
            {
                throw new InvalidOperationException($"iteration {n} fails as scripted");
            }

            if (n == 1 && fail.Length == 2)
            {
                await _release.WaitAsync(stoppingToken);
            }
            else if (n >= fail.Length)
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
        }

        protected override Task StoppedAsync()
        {
            Stopped = true;
            return Task.CompletedTask;
        }
    }
}

/// <summary>Tests that set the process's exit code run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExitCodeCollection
{
    public const string Name = "exit code";
}
