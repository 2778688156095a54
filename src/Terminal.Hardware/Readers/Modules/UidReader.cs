using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// A MIFARE/NFC reader: polls its module, reports each card presented once, and when the module
/// stops answering reports <see cref="ReaderOffline"/> once, releases it, and re-initialises it with
/// backoff (1 s doubling to 30 s by default) until it answers again (<see cref="ReaderRestored"/>).
/// The module is polled on a dedicated thread: a poll is blocking bus I/O (SPI or I2C transfers),
/// and ten polls a second must cost one thread wake-up each, not a timer and thread-pool hop.
/// </summary>
public sealed class UidReader : IStaffCardReader
{
    private readonly Func<ICardModule> _open;
    private readonly TimeProvider _time;
    private readonly UidReaderOptions _options;
    private readonly CardPresence _presence;
    private ICardModule? _module;
    private string? _offline;
    private TimeSpan _backoff;

    /// <summary>A reader named <paramref name="name"/> whose module <paramref name="open"/> resets and initialises.</summary>
    /// <param name="name">Board name of the reader.</param>
    /// <param name="kind">MFRC522 or PN532.</param>
    /// <param name="open">Opens and initialises the module; throws when it does not answer.</param>
    /// <param name="time">Clock for polling and backoff.</param>
    /// <param name="options">Polling and recovery; <see cref="UidReaderOptions.Default"/> when null.</param>
    public UidReader(string name, ReaderKind kind, Func<ICardModule> open, TimeProvider time, UidReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(time);
        Name = name;
        Kind = kind;
        _open = open;
        _time = time;
        _options = options ?? UidReaderOptions.Default;
        _presence = new CardPresence(_options.MissesBeforeGone);
        _backoff = _options.RetryFirst;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ReaderKind Kind { get; }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ReaderOutcome> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var outcomes = Channel.CreateUnbounded<ReaderOutcome>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = new Thread(() => PollUntilStopped(outcomes.Writer, stopping.Token)) { IsBackground = true, Name = "uid-reader" };
        poller.Start();
        try
        {
            while (await NextAsync(outcomes.Reader, cancellationToken).ConfigureAwait(false) is { } outcome)
            {
                yield return outcome;
            }
        }
        finally
        {
            // The module is released on its own thread, before the caller goes on.
            await stopping.CancelAsync().ConfigureAwait(false);
            poller.Join();
        }
    }

    private static async ValueTask<ReaderOutcome?> NextAsync(ChannelReader<ReaderOutcome> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            return await outcomes.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Stopped: the poll thread completes the channel only when asked to stop.
            return null;
        }
    }

    private void PollUntilStopped(ChannelWriter<ReaderOutcome> outcomes, CancellationToken stopping)
    {
        try
        {
            var waited = !stopping.IsCancellationRequested;
            while (waited)
            {
                var (outcome, wait) = PollOnce();
                if (outcome is not null)
                {
                    outcomes.TryWrite(outcome);
                }

                waited = ClockSleep.Wait(_time, wait, stopping);
            }
        }
        finally
        {
            Release();
            outcomes.TryComplete();
        }
    }

    /// <summary>One step: open the module if needed, poll it; what to report and how long to wait before the next step.</summary>
    internal (ReaderOutcome? Outcome, TimeSpan Wait) PollOnce()
    {
        try
        {
            if (_module is null)
            {
                _module = _open();
                _backoff = _options.RetryFirst;
                if (_offline is not null)
                {
                    // Reported on its own; the next step polls at once.
                    _offline = null;
                    return (new ReaderRestored(Name, $"{_module.Description} answers again"), TimeSpan.Zero);
                }
            }

            var card = _presence.Observe(_module.Poll());
            return (card is null ? null : new CardPresented(Name, card), _options.PollInterval);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A module failing mid-read leaves its chip in an unknown state: release it and start again.
            var description = _module?.Description;
            Release();
            var wait = _backoff;
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _options.RetryMax.Ticks));
            if (_offline is not null)
            {
                return (null, wait);
            }

            _offline = description is null ? e.Message : $"{description}: {e.Message}";
            return (new ReaderOffline(Name, $"{_offline}; retrying every {wait.TotalSeconds:0.#}–{_options.RetryMax.TotalSeconds:0} s"), wait);
        }
    }

    private void Release()
    {
        _presence.Reset();
        try
        {
            _module?.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ReaderModuleException)
        {
            // Disposing a module that stopped answering may fail on its bus; it is released either way.
        }

        _module = null;
    }
}
