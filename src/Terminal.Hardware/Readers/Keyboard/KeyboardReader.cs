using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>
/// A USB reader that types card numbers like a keyboard (SPEC §1, §6 <c>usb-hid</c>): reads its own
/// input device (grabbed, so its digits reach no console or browser), assembles digits until Enter
/// and turns them into cards as the board file says. When the device goes away (unplugged) it
/// reports <see cref="ReaderOffline"/> once and reopens it with backoff (0.5 s doubling to 5 s by
/// default) until it is back (<see cref="ReaderRestored"/>).
/// </summary>
public sealed class KeyboardReader : IStaffCardReader
{
    private readonly Func<IKeyboardDevice> _open;
    private readonly TypedCardFormat _format;
    private readonly TimeProvider _time;
    private readonly KeyboardReaderOptions _options;

    /// <summary>A reader named <paramref name="name"/> on the device <paramref name="open"/> opens.</summary>
    /// <param name="name">Board name of the reader.</param>
    /// <param name="open">Opens (and grabs) the device; throws <see cref="IOException"/> when it is not there.</param>
    /// <param name="format">What the typed digits mean.</param>
    /// <param name="time">Clock for the Enter timeout, noise reports and backoff.</param>
    /// <param name="options">Timing; <see cref="KeyboardReaderOptions.Default"/> when null.</param>
    public KeyboardReader(string name, Func<IKeyboardDevice> open, TypedCardFormat format, TimeProvider time, KeyboardReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(time);
        Name = name;
        _open = open;
        _format = format;
        _time = time;
        _options = options ?? KeyboardReaderOptions.Default;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ReaderKind Kind => ReaderKind.UsbHid;

    /// <inheritdoc/>
    public async IAsyncEnumerable<ReaderOutcome> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var outcomes = Channel.CreateUnbounded<ReaderOutcome>(new UnboundedChannelOptions { SingleReader = true });
        using var line = new TypedLine(Name, _format, _options, _time, o => outcomes.Writer.TryWrite(o));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var device = Task.Run(() => RunDeviceAsync(line, outcomes.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                ReaderOutcome outcome;
                try
                {
                    outcome = await outcomes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return outcome;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await device.ConfigureAwait(false);
        }
    }

    private async Task RunDeviceAsync(TypedLine line, ChannelWriter<ReaderOutcome> outcomes, CancellationToken stop)
    {
        var backoff = _options.RetryFirst;
        string? offline = null;
        while (!stop.IsCancellationRequested)
        {
            IKeyboardDevice device;
            try
            {
                device = _open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (offline is null)
                {
                    offline = e.Message;
                    outcomes.TryWrite(new ReaderOffline(Name, $"{e.Message}; reopening every {backoff.TotalSeconds:0.#}–{_options.RetryMax.TotalSeconds:0} s"));
                }

                if (!await WaitAsync(backoff, stop).ConfigureAwait(false))
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.RetryMax.Ticks));
                continue;
            }

            if (offline is not null)
            {
                outcomes.TryWrite(new ReaderRestored(Name, "the keyboard reader is back"));
                offline = null;
            }

            backoff = _options.RetryFirst;
            offline = await PumpAsync(device, line, stop).ConfigureAwait(false);
            if (offline is not null)
            {
                outcomes.TryWrite(new ReaderOffline(Name, $"{offline}; reopening every {backoff.TotalSeconds:0.#}–{_options.RetryMax.TotalSeconds:0} s"));
            }
        }
    }

    /// <summary>Feeds key presses to the line until the device fails (returns why) or the reader stops (null).</summary>
    private static async Task<string?> PumpAsync(IKeyboardDevice device, TypedLine line, CancellationToken stop)
    {
        using (device)
        {
            try
            {
                while (true)
                {
                    line.Key(await device.ReadKeyAsync(stop).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (IOException e)
            {
                line.Abandon();
                return e.Message;
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, _time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
