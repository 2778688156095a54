using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.Hardware.Readers.Keyboard.Evdev;

namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// The USB keyboard reader against the real kernel's evdev: a <see cref="VirtualCardReader"/> (a
/// uinput keyboard behind a <c>by-id</c>-style symlink) stands in for the reader.
/// </summary>
internal sealed class KeyboardReaderChecks : ICheckSet
{
    private const string DeviceName = "terminal-test card reader";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly VirtualCardReader _device = new(DeviceName, "/tmp/by-id/usb-terminal-test_card_reader-event-kbd");

    public KeyboardReaderChecks() => _device.Plug();

    public IEnumerable<(string Name, Func<Task<string>> Check)> All() =>
    [
        ("usb-reader-card", CardAsync),
        ("usb-reader-garbage", GarbageAsync),
        ("usb-reader-replug", ReplugAsync),
    ];

    public void Dispose() => _device.Dispose();

    private async Task<string> CardAsync()
    {
        await using var run = await ReaderRun.StartAsync(_device);
        using var other = new EvdevProbe(_device.EventPath);

        _device.Type("0077705923\n");
        var outcome = await run.NextAsync("typing a card");

        Expect(outcome is CardPresented { Card: { Format: "UID", Number: "04A1B2C3" } }, $"expected UID card 04A1B2C3, got {outcome}");
        Expect(other.PendingBytes() == 0, "another reader of the device received the digits: the grab did not hold");
        return $"0077705923 typed on {_device.EventPath} (via {_device.ById}) → {outcome}; another reader of the device got nothing";
    }

    private async Task<string> GarbageAsync()
    {
        await using var run = await ReaderRun.StartAsync(_device);

        _device.Type("12a45\n");
        var noise = await run.NextAsync("typing letters");
        _device.Type("1\n");
        var card = await run.NextAsync("typing a card after the garbage");

        Expect(noise is ReaderNoise { Rejected: 1, LastReason: "a letter or symbol was typed" }, $"garbage gave {noise}, not noise");
        Expect(card is CardPresented { Card.Number: "00000001" }, $"the card after the garbage gave {card}");
        return $"12a45 → {noise}; then 1 → {card}";
    }

    private async Task<string> ReplugAsync()
    {
        await using var run = await ReaderRun.StartAsync(_device);

        _device.Unplug();
        var offline = await run.NextAsync("unplugging");
        _device.Plug();
        var restored = await run.NextAsync("plugging back in");
        await _device.WaitUntilGrabbedAsync(Deadline);
        _device.Type("0000000042\n");
        var card = await run.NextAsync("typing after the replug");

        Expect(offline is ReaderOffline, $"unplugging gave {offline}");
        Expect(restored is ReaderRestored, $"plugging back gave {restored}");
        Expect(card is CardPresented { Card.Number: "0000002A" }, $"the card after the replug gave {card}");
        return $"unplug → {offline}; replug as {_device.EventPath} → {restored}; card → {card}";
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    /// <summary>A KeyboardReader running on the device, started and grabbed, its outcomes read with a deadline.</summary>
    private sealed class ReaderRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly IAsyncEnumerator<ReaderOutcome> _outcomes;
        private Task<bool>? _pending;

        private ReaderRun(string path) =>
            _outcomes = new KeyboardReader("usb", () => EvdevKeyboard.Open(path), new TypedCardFormat(TypedDigits.UidDecimal), TimeProvider.System)
                .ReadAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);

        /// <summary>Starts a reader of <paramref name="device"/> and waits until it holds the grab: only then do key presses reach it.</summary>
        public static async Task<ReaderRun> StartAsync(VirtualCardReader device)
        {
            var run = new ReaderRun(device.ById);
            run._pending = run._outcomes.MoveNextAsync().AsTask();
            await device.WaitUntilGrabbedAsync(Deadline);
            return run;
        }

        public async Task<ReaderOutcome> NextAsync(string after)
        {
            var next = _pending ?? _outcomes.MoveNextAsync().AsTask();
            _pending = null;
            if (!await next.WaitAsync(Deadline))
            {
                throw new InvalidOperationException($"the reader ended after {after}");
            }

            return _outcomes.Current;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_pending is not null)
            {
                await _pending.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await _outcomes.DisposeAsync();
            _stop.Dispose();
        }
    }
}
