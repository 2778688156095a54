using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Window;
using Terminal.Storage;

namespace Terminal.Host.Pipeline;

/// <summary>
/// The one place inputs meet the core: each input is decided by <see cref="ServiceWindow"/>, its
/// events committed to the durable buffer, and only then is feedback shown (SPEC §4). Inputs are
/// processed one at a time, in arrival order.
/// </summary>
internal sealed partial class TerminalLoop(
    ServiceWindow window,
    IEventBuffer buffer,
    IFeedbackDisplay display,
    WindowJournal journal,
    ILogger<TerminalLoop> logger)
{
    private readonly Channel<LoopItem> _inputs = Channel.CreateUnbounded<LoopItem>(new UnboundedChannelOptions { SingleReader = true });
    private Action<string, Func<ServiceWindow, Decision>>? _diversion;

    /// <summary>Raised after each input is processed, with what it committed (possibly nothing).</summary>
    public event Action<InputProcessed>? Processed;

    /// <summary>The longest the loop waits without an iteration (a harmless tick), so a watchdog heartbeat can follow it.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The window, for read-only status.</summary>
    public ServiceWindow Window => window;

    /// <summary>Queues an input; <paramref name="origin"/> describes it for observers (e.g. <c>key:k5:pressed</c>).</summary>
    public void Post(string origin, Func<ServiceWindow, Decision> decide) =>
        _inputs.Writer.TryWrite(new LoopItem(origin, decide, null));

    /// <summary>Queues an input and completes once its events are committed (or it failed).</summary>
    public Task<IReadOnlyList<StoredEvent>> PostAndWaitAsync(string origin, Func<ServiceWindow, Decision> decide)
    {
        var done = new TaskCompletionSource<IReadOnlyList<StoredEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inputs.Writer.TryWrite(new LoopItem(origin, decide, done)))
        {
            done.SetException(new InvalidOperationException("the terminal is stopping"));
        }

        return done.Task;
    }

    /// <summary>
    /// While the returned handle is held, key and reader inputs (origins <c>key:…</c>, <c>reader:…</c>) go to
    /// <paramref name="observer"/> on the loop instead of the window, and are raised as processed with
    /// nothing committed (the self-test: a press must not become a rating); everything else as usual.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already diverted.</exception>
    public IDisposable Divert(Action<string, Func<ServiceWindow, Decision>> observer)
    {
        if (Interlocked.CompareExchange(ref _diversion, observer, null) is not null)
        {
            throw new InvalidOperationException("the panel's inputs are already diverted");
        }

        return new Diversion(this, observer);
    }

    /// <summary>Processes inputs and deadlines until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LoopItem? item;
            try
            {
                item = await NextAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (item is not null && DiversionFor(item.Origin) is { } observer)
            {
                observer(item.Origin, item.Decide);
                item.Done?.TrySetResult([]);
                Processed?.Invoke(new InputProcessed(item.Origin, []));
                continue;
            }

            await ProcessAsync(item?.Origin ?? "tick", item is null ? w => w.OnTick() : item.Decide, item?.Done, stoppingToken).ConfigureAwait(false);
        }

        // A requested stop: flush what the core still holds (repeat bursts), durably, before exit.
        _inputs.Writer.TryComplete();
        await ProcessAsync("shutdown", w => w.Shutdown(), null, CancellationToken.None).ConfigureAwait(false);
        while (_inputs.Reader.TryRead(out var late))
        {
            late.Done?.TrySetException(new OperationCanceledException("the terminal stopped before this input was processed"));
        }
    }

    private async Task ProcessAsync(string origin, Func<ServiceWindow, Decision> decide, TaskCompletionSource<IReadOnlyList<StoredEvent>>? done, CancellationToken stoppingToken)
    {
        try
        {
            var committed = await CommitAsync(decide(window), stoppingToken).ConfigureAwait(false);
            journal.Record(window);
            done?.TrySetResult(committed);
            Processed?.Invoke(new InputProcessed(origin, committed));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            done?.TrySetException(e);
            if (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogInputFailed(e, origin);
            }
        }
    }

    private Action<string, Func<ServiceWindow, Decision>>? DiversionFor(string origin) =>
        origin.StartsWith("key:", StringComparison.Ordinal) || origin.StartsWith("reader:", StringComparison.Ordinal)
            ? Volatile.Read(ref _diversion)
            : null;

    private async ValueTask<LoopItem?> NextAsync(CancellationToken stoppingToken)
    {
        if (_inputs.Reader.TryRead(out var ready))
        {
            return ready;
        }

        var dueIn = window.DueIn();
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

    private async Task<IReadOnlyList<StoredEvent>> CommitAsync(Decision decision, CancellationToken stoppingToken)
    {
        if (decision.Events.Count == 0)
        {
            display.Show(decision.Cues);
            return [];
        }

        var drafts = decision.Events.Select(ToDraft).ToList();
        try
        {
            var committed = await buffer.AppendAsync(drafts, stoppingToken).ConfigureAwait(false);
            display.Show(decision.Cues);
            return committed;
        }
        catch (BufferFullException e)
        {
            LogRefused(e.Message, decision.Events.Count);
            display.Show([new Cue(CueKind.StorageFull)]);
            return [];
        }
    }

    private static EventDraft ToDraft(EventEnvelope envelope) =>
        new(envelope.Type.WireName(), envelope.Type.IsEvictable(), envelope.At, seq => EventJson.Serialize(envelope with { Seq = seq }));

    [LoggerMessage(Level = LogLevel.Error, Message = "Input {Origin} failed; the terminal carries on")]
    private partial void LogInputFailed(Exception error, string origin);

    [LoggerMessage(Level = LogLevel.Error, Message = "Buffer full, {Count} event(s) refused: {Reason}")]
    private partial void LogRefused(string reason, int count);

    private sealed record LoopItem(string Origin, Func<ServiceWindow, Decision> Decide, TaskCompletionSource<IReadOnlyList<StoredEvent>>? Done);

    private sealed class Diversion(TerminalLoop loop, Action<string, Func<ServiceWindow, Decision>> observer) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref loop._diversion, null, observer);
    }
}

/// <summary>An input has been decided and its events committed.</summary>
/// <param name="Origin">What the input was.</param>
/// <param name="Committed">Events committed for it, in order.</param>
internal sealed record InputProcessed(string Origin, IReadOnlyList<StoredEvent> Committed);
