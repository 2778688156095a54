using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Readers.Keyboard;

/// <summary>
/// The keyboard reader's loop on the simulated device: typed cards come out, unplug and replug are
/// survived with one fault. The same reader on the real kernel's evdev (a uinput keyboard in the
/// gpio-sim VM): Gpio/Kernel, checks usb-reader-*.
/// </summary>
public sealed class KeyboardReaderTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly SimulatedKeyboard _keyboard = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<ReaderOutcome> _outcomes;

    public KeyboardReaderTests()
    {
        var reader = new KeyboardReader("desk-usb", _keyboard.Open, new TypedCardFormat(TypedDigits.Wiegand26), _time);
        _outcomes = reader.ReadAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _outcomes.DisposeAsync();
        _stop.Dispose();
        Assert.False(_keyboard.IsOpen);
    }

    [Fact]
    public async Task TypedCard_ComesOutAsTheBoardFormatSays()
    {
        var next = NextAsync();
        await UntilAsync(() => _keyboard.IsOpen);

        Assert.True(_keyboard.Type("01234567\n"));

        Assert.Equal(new CardPresented("desk-usb", new ReaderCard("H10301", 12, "34567")), await next);
    }

    [Fact]
    public async Task Unplugged_IsOneOfflineFault_ReopenedWithBackoff_AndRestoredWhenPluggedBack()
    {
        var next = NextAsync();
        await UntilAsync(() => _keyboard.IsOpen);
        _keyboard.Unplug();
        var offline = Assert.IsType<ReaderOffline>(await next);
        await UntilAsync(() => _keyboard.OpenAttempts >= 2); // reopened at once: still gone

        var restored = NextAsync();
        _keyboard.Plug();
        await UntilAsync(() => restored.IsCompleted, advance: TimeSpan.FromMilliseconds(100));
        Assert.IsType<ReaderRestored>(await restored);
        var card = NextAsync();
        Assert.True(_keyboard.Type("00100001\n"));

        Assert.Contains("unplugged", offline.Detail, StringComparison.Ordinal);
        Assert.Equal(new ReaderCard("H10301", 1, "1"), Assert.IsType<CardPresented>(await card).Card);
    }

    [Fact]
    public async Task NotPluggedInAtStart_IsOneOfflineFault_NamingTheDevice()
    {
        var absent = new SimulatedKeyboard();
        absent.Unplug();
        await using var enumerator = new KeyboardReader("door-usb", absent.Open, new TypedCardFormat(TypedDigits.Raw), _time)
            .ReadAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);

        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(Deadline));

        Assert.Contains("not plugged in", Assert.IsType<ReaderOffline>(enumerator.Current).Detail, StringComparison.Ordinal);
    }

    private async Task<ReaderOutcome> NextAsync()
    {
        Assert.True(await _outcomes.MoveNextAsync().AsTask().WaitAsync(Deadline));
        return _outcomes.Current;
    }

    /// <summary>Waits for a condition the reader's own task brings about, moving the fake clock by <paramref name="advance"/> meanwhile.</summary>
    private async Task UntilAsync(Func<bool> condition, TimeSpan advance = default)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            deadline.Token.ThrowIfCancellationRequested();
            _time.Advance(advance);
            await Task.Yield();
        }
    }
}
