using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Window;
using Terminal.Host.Journal;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Host.Loop;

/// <summary>
/// The one place inputs meet the core, one at a time in arrival order. For each input: decide it
/// (<see cref="InputDecider"/>), commit its events to the durable buffer, make the held rating,
/// roster and settings durable, and only then show its cues (SPEC §4); then publish a snapshot.
/// </summary>
internal sealed partial class TerminalLoop
{
    private readonly Channel<Pending> _inputs = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ServiceWindow _window;
    private readonly IEventBuffer _buffer;
    private readonly IFeedbackDisplay _display;
    private readonly HeldRatingJournal _heldRating;
    private readonly RosterCache _roster;
    private readonly SettingsLayerFile _settings;
    private readonly ILogger<TerminalLoop> _logger;
    private Action<PanelInput, WindowSnapshot>? _diversion;

    public TerminalLoop(
        ServiceWindow window,
        IEventBuffer buffer,
        IFeedbackDisplay display,
        HeldRatingJournal heldRating,
        RosterCache roster,
        SettingsLayerFile settings,
        ILogger<TerminalLoop> logger)
    {
        _window = window;
        _buffer = buffer;
        _display = display;
        _heldRating = heldRating;
        _roster = roster;
        _settings = settings;
        _logger = logger;
        Snapshots = new SnapshotFeed(new LoopSnapshot(0, Tick.Instance, [], [], window.Snapshot()));
    }

    /// <summary>What the loop publishes after each input.</summary>
    public SnapshotFeed Snapshots { get; }

    /// <summary>The longest the loop waits without an iteration (a tick), so a watchdog heartbeat can follow it.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queues an input.</summary>
    public void Post(TerminalInput input) => _inputs.Writer.TryWrite(new Pending(input, null));

    /// <summary>Queues an input; completes once its events are committed and its cues shown (or it failed).</summary>
    public Task<InputProcessed> SubmitAsync(TerminalInput input)
    {
        var done = new TaskCompletionSource<InputProcessed>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inputs.Writer.TryWrite(new Pending(input, done)))
        {
            done.SetException(new OperationCanceledException("the terminal is stopping"));
        }

        return done.Task;
    }

    /// <summary>
    /// While the returned handle is held, panel inputs (keys, readers) go to <paramref name="observer"/>
    /// on the loop, with the window's snapshot, instead of being decided: the self-test, where a press
    /// must not become a rating. Everything else is decided as usual.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already diverted.</exception>
    public IDisposable Divert(Action<PanelInput, WindowSnapshot> observer)
    {
        if (Interlocked.CompareExchange(ref _diversion, observer, null) is not null)
        {
            throw new InvalidOperationException("the panel's inputs are already diverted");
        }

        return new Diversion(this, observer);
    }

    /// <summary>Processes the next input, or a tick when a deadline came or <see cref="MaxIdle"/> passed.</summary>
    public async Task ProcessNextAsync(CancellationToken stoppingToken)
    {
        var next = await NextAsync(stoppingToken).ConfigureAwait(false) ?? new Pending(Tick.Instance, null);
        await ProcessAsync(next, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>A requested stop: flushes what the core still holds (repeat bursts, a held rating), durably; refuses later inputs.</summary>
    public async Task ShutdownAsync()
    {
        _inputs.Writer.TryComplete();
        while (_inputs.Reader.TryRead(out var queued))
        {
            await ProcessAsync(queued, CancellationToken.None).ConfigureAwait(false);
        }

        await ProcessAsync(new Pending(Shutdown.Instance, null), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ProcessAsync(Pending item, CancellationToken stoppingToken)
    {
        try
        {
            if (item.Input is PanelInput panel && Volatile.Read(ref _diversion) is { } observer)
            {
                observer(panel, Snapshots.Current.Window);
                Publish(item, [], [], InputOutcome.None, Snapshots.Current.Window);
                return;
            }

            var outcome = InputDecider.Decide(_window, item.Input);
            var (committed, cues) = await CommitAsync(outcome.Decision, stoppingToken).ConfigureAwait(false);
            var window = _window.Snapshot();
            KeepDurable(outcome, window);
            _display.Show(cues);
            Publish(item, committed, cues, outcome, window);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            item.Done?.TrySetException(e);
            if (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogInputFailed(e, item.Input.GetType().Name);
            }
        }
    }

    /// <summary>After the commit, before any cue: what a power cut must not lose besides the buffer.</summary>
    private void KeepDurable(InputOutcome outcome, WindowSnapshot window)
    {
        _heldRating.Record(window.Reason?.Rating);
        if (outcome.AcceptedRoster is { } roster)
        {
            _roster.Save(roster);
            LogRoster(roster.Version);
        }

        if (outcome.AppliedSettings is { } applied)
        {
            _settings.Save(outcome.Replaced!, applied);
        }
    }

    private void Publish(Pending item, IReadOnlyList<StoredEvent> committed, IReadOnlyList<Cue> shown, InputOutcome outcome, WindowSnapshot window)
    {
        var snapshot = new LoopSnapshot(Snapshots.Current.Version + 1, item.Input, committed, shown, window);
        Snapshots.Publish(snapshot);
        item.Done?.TrySetResult(new InputProcessed(snapshot, outcome));
    }

    private async ValueTask<Pending?> NextAsync(CancellationToken stoppingToken)
    {
        if (_inputs.Reader.TryRead(out var ready))
        {
            return ready;
        }

        var dueIn = _window.DueIn();
        if (dueIn is { } wait && wait <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);

        // The deadline comes from the monotonic clock; wake when it is due, an input arrives, or MaxIdle passed.
        timeout.CancelAfter(dueIn is { } delay && delay < MaxIdle ? delay : MaxIdle);
        try
        {
            return await _inputs.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<(IReadOnlyList<StoredEvent> Committed, IReadOnlyList<Cue> Cues)> CommitAsync(Decision decision, CancellationToken stoppingToken)
    {
        if (decision.Events.Count == 0)
        {
            return ([], decision.Cues);
        }

        try
        {
            var committed = await _buffer.AppendAsync([.. decision.Events.Select(ToDraft)], stoppingToken).ConfigureAwait(false);
            return (committed, decision.Cues);
        }
        catch (BufferFullException e)
        {
            LogRefused(e.Message, decision.Events.Count);
            return ([], [new Cue(CueKind.StorageFull)]);
        }
    }

    private static EventDraft ToDraft(EventEnvelope envelope) =>
        new(envelope.Type.WireName(), envelope.Type.IsEvictable(), envelope.At, seq => EventJson.Serialize(envelope with { Seq = seq }));

    [LoggerMessage(Level = LogLevel.Error, Message = "Input {Input} failed; the terminal carries on")]
    private partial void LogInputFailed(Exception error, string input);

    [LoggerMessage(Level = LogLevel.Error, Message = "Buffer full, {Count} event(s) refused: {Reason}")]
    private partial void LogRefused(string reason, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster version {Version} cached")]
    private partial void LogRoster(long version);

    private sealed record Pending(TerminalInput Input, TaskCompletionSource<InputProcessed>? Done);

    private sealed class Diversion(TerminalLoop loop, Action<PanelInput, WindowSnapshot> observer) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref loop._diversion, null, observer);
    }
}
