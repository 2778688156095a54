using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Window;
using Terminal.Host.Pipeline;
using Terminal.Storage;

namespace Terminal.Host.Tests.SelfTest.Fakes;

/// <summary>The real decision loop over a real buffer in a temporary directory, running until disposed.</summary>
internal sealed class RunningLoop : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _dir;
    private readonly Task _run;

    private RunningLoop(string dir, EventBuffer buffer, EventFactory events)
    {
        _dir = dir;
        Buffer = buffer;
        Events = events;
        Window = new ServiceWindow(events, TimeProvider.System);
        Loop = new TerminalLoop(Window, buffer, Display, new WindowJournal(dir, NullLogger<WindowJournal>.Instance), NullLogger<TerminalLoop>.Instance);
        _run = Task.Run(() => Loop.RunAsync(_stop.Token));
    }

    public EventBuffer Buffer { get; }

    public EventFactory Events { get; }

    public ServiceWindow Window { get; }

    public RecordingDisplay Display { get; } = new();

    public TerminalLoop Loop { get; }

    public static async Task<RunningLoop> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("selftest-loop-").FullName;
        var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("T-1", "H-1", "1"), new FixedClock(true));
        return new RunningLoop(dir, buffer, events);
    }

    /// <summary>Posts a key press as the edge router does and waits until the loop processed it.</summary>
    public Task<InputProcessed> PressAsync(string key, int level) =>
        PostAsync($"key:{key}:pressed", w => w.OnKey(new KeyInput(key, KeyRole.Rating, level, null, KeyAction.Pressed)));

    /// <summary>Posts a badge read as the edge router does and waits until the loop processed it.</summary>
    public Task<InputProcessed> SwipeAsync(BadgeSwipe swipe) => PostAsync("reader:card", w => w.OnBadge(swipe));

    public async Task<InputProcessed> PostAsync(string origin, Func<ServiceWindow, Decision> decide)
    {
        var done = new TaskCompletionSource<InputProcessed>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProcessed(InputProcessed p)
        {
            if (p.Origin == origin)
            {
                done.TrySetResult(p);
            }
        }

        Loop.Processed += OnProcessed;
        try
        {
            Loop.Post(origin, decide);
            return await done.Task.WaitAsync(Deadline);
        }
        finally
        {
            Loop.Processed -= OnProcessed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by its stopping token, as under the host's worker.
        }

        await Buffer.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
