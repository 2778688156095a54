using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Host.Journal;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Host.Tests.Fakes;

/// <summary>
/// The real decision loop over a real buffer and real journal files in a temporary directory,
/// processing inputs until disposed (then the shutdown input, as the host's worker does).
/// </summary>
internal sealed class RunningLoop : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private RunningLoop(string dir, EventBuffer buffer, EventFactory events, ServiceWindow window, IFeedbackDisplay? display)
    {
        Directory = dir;
        Buffer = buffer;
        Events = events;
        Window = window;
        HeldRatings = new HeldRatingJournal(dir, NullLogger<HeldRatingJournal>.Instance);
        Rosters = new RosterCache(dir, NullLogger<RosterCache>.Instance);
        Settings = new SettingsLayerFile(dir);
        Loop = new TerminalLoop(window, buffer, display ?? Display, HeldRatings, Rosters, Settings, NullLogger<TerminalLoop>.Instance);
        _run = Task.Run(RunAsync);
    }

    public string Directory { get; }

    public EventBuffer Buffer { get; }

    public EventFactory Events { get; }

    /// <summary>The live window: only the loop may call it; tests read <see cref="TerminalLoop.Snapshots"/>.</summary>
    public ServiceWindow Window { get; }

    public RecordingDisplay Display { get; } = new();

    public HeldRatingJournal HeldRatings { get; }

    public RosterCache Rosters { get; }

    public SettingsLayerFile Settings { get; }

    public TerminalLoop Loop { get; }

    /// <summary>A loop over a five-key window (or <paramref name="keys"/>), on <paramref name="time"/>, showing on <paramref name="display"/>.</summary>
    public static async Task<RunningLoop> StartAsync(KeyLayout? keys = null, TimeProvider? time = null, IFeedbackDisplay? display = null)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("loop-").FullName;
        var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("T-1", "H-1", "1"), new FixedDeviceClock(true));
        var window = new ServiceWindow(WindowSettings.Default, keys ?? KeyLayout.FiveKeys, events, time ?? TimeProvider.System);
        return new RunningLoop(dir, buffer, events, window, display);
    }

    /// <summary>Submits an input and waits until it was committed and shown.</summary>
    public Task<InputProcessed> SubmitAsync(TerminalInput input) => Loop.SubmitAsync(input).WaitAsync(Deadline);

    /// <summary>A key press as the edge router posts it.</summary>
    public Task<InputProcessed> PressAsync(string key, int level) =>
        SubmitAsync(new KeyEdge(new KeyInput(key, KeyRole.Rating, level, null, KeyAction.Pressed)));

    /// <summary>A badge read as the edge router posts it.</summary>
    public Task<InputProcessed> SwipeAsync(BadgeSwipe swipe) => SubmitAsync(new CardSwipe(ReaderInput.Wiegand, swipe));

    /// <summary>The events in the buffer, as published.</summary>
    public async Task<IReadOnlyList<StoredEvent>> PendingAsync() => await Buffer.ReadPendingAsync(0, 10_000, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Buffer.DisposeAsync();
        _stop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Loop.ProcessNextAsync(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        await Loop.ShutdownAsync();
    }
}
