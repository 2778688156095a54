using Terminal.Core.Keys;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Readers;
using Terminal.Hardware.Wiegand;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Simulation;

/// <summary>
/// Drives the simulated chip as a person would: keys pressed and released on their lines, badges
/// sent as timed D0/D1 pulses, cards held to a simulated UID reader or typed by a simulated USB
/// reader, so every simulated input goes through the same debouncer, decoder and reader logic as
/// on a device (SPEC §9).
/// </summary>
internal sealed class SimulatedBoard(SimulatedGpioChip chip, SimulatedReaders readers, BoardDefinition board, TimeProvider time)
{
    private static readonly TimeSpan DefaultHold = TimeSpan.FromMilliseconds(80);

    public SimulatedGpioChip Chip => chip;

    /// <summary>Press and release the rating key mapped to <paramref name="level"/>.</summary>
    public SimulatedInput PressLevel(int level)
    {
        var key = board.Keys.FirstOrDefault(k => k.Role == BoardKeyRole.Rating && k.Level == level)
            ?? throw new ArgumentException($"no rating key for level {level} on board {board.Name} (levels: {string.Join(", ", board.RatingKeys.Select(k => k.Level))})");
        return Press(key, DefaultHold);
    }

    /// <summary>Press a key by its board name, hold it, release it.</summary>
    public SimulatedInput PressKey(string name, TimeSpan? hold)
    {
        var key = board.Keys.FirstOrDefault(k => k.Name == name)
            ?? throw new ArgumentException($"no key '{name}' on board {board.Name} (keys: {string.Join(", ", board.Keys.Select(k => k.Name))})");
        if (hold is { } h && (h < TimeSpan.Zero || h > TimeSpan.FromMinutes(1)))
        {
            throw new ArgumentException("hold must be between 0 and 60000 ms");
        }

        return Press(key, hold ?? DefaultHold);
    }

    /// <summary>Swipe a card: encode it and send it on D0/D1.</summary>
    public SimulatedInput SwipeBadge(long number, long? facility, string formatName)
    {
        var reader = Reader();
        var format = WiegandFormats.Find(formatName)
            ?? throw new ArgumentException($"unknown card format '{formatName}' ({string.Join(", ", WiegandFormats.All.Select(f => f.Name))})");
        var fac = facility ?? 0;
        if (number < 0 || (ulong)number > format.MaxNumber)
        {
            throw new ArgumentException($"card number {number} does not fit {format.Name} (0–{format.MaxNumber})");
        }

        if (fac < 0 || fac > format.MaxFacility)
        {
            throw new ArgumentException($"facility {fac} does not fit {format.Name} (0–{format.MaxFacility})");
        }

        var frame = format.Encode((uint)fac, (ulong)number);
        return new SimulatedInput(_ => SendAsync(reader, frame), IsReaderOutcome);
    }

    /// <summary>Send a raw frame, e.g. <c>0101…</c>.</summary>
    public SimulatedInput SendWiegand(string bits)
    {
        var reader = Reader();
        WiegandFrame frame;
        try
        {
            frame = WiegandFrame.Parse(bits);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        return new SimulatedInput(_ => SendAsync(reader, frame), IsReaderOutcome);
    }

    /// <summary>Hold a MIFARE/NFC card with this UID to a UID reader (<c>sim card</c>); the first such reader when <paramref name="reader"/> is null.</summary>
    public SimulatedInput HoldCard(string uidHex, string? reader)
    {
        var name = ReaderName(reader, r => r.Kind is ReaderKind.Mfrc522 or ReaderKind.Pn532, "UID reader (mfrc522, pn532)");
        if (uidHex.Length is not (8 or 14 or 20) || !uidHex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{uidHex}' is not a UID: 4, 7 or 10 bytes in hex (e.g. 04A1B2C3)");
        }

        return new SimulatedInput(
            _ =>
            {
                readers.Card(uidHex, name);
                return Task.CompletedTask;
            },
            input => input is ReaderInput r && r.Reader == name);
    }

    /// <summary>What a USB keyboard reader types, Enter added (<c>sim type</c>); the first such reader when <paramref name="reader"/> is null.</summary>
    public SimulatedInput Type(string text, string? reader)
    {
        var name = ReaderName(reader, r => r.Kind == ReaderKind.UsbHid, "USB reader (usb-hid)");
        if (!readers.Keyboard(name).IsOpen)
        {
            throw new ArgumentException($"USB reader '{name}' has no input device open yet (the terminal opens it at start; try again)");
        }

        return new SimulatedInput(
            _ =>
            {
                readers.Type(text, name);
                return Task.CompletedTask;
            },
            input => input is ReaderInput r && r.Reader == name);
    }

    private string ReaderName(string? wanted, Func<BoardCardReader, bool> kind, string what)
    {
        var candidates = board.Readers.Where(kind).ToList();
        return candidates.FirstOrDefault(r => wanted is null || r.Name == wanted)?.Name
            ?? throw new ArgumentException(candidates.Count == 0
                ? $"board {board.Name} has no {what}"
                : $"no {what} named '{wanted}' on board {board.Name} (there: {string.Join(", ", candidates.Select(r => r.Name))})");
    }

    private static bool IsReaderOutcome(TerminalInput input) => input is ReaderInput { Reader: ReaderInput.Wiegand };

    private static Task SendAsync(SimulatedWiegandReader reader, WiegandFrame frame)
    {
        reader.Send(frame);
        return Task.CompletedTask;
    }

    private SimulatedWiegandReader Reader() =>
        board.Wiegand is { } w
            ? new SimulatedWiegandReader(chip, w.D0, w.D1)
            : throw new ArgumentException($"board {board.Name} has no Wiegand reader");

    private SimulatedInput Press(BoardKey key, TimeSpan hold)
    {
        var simulated = new SimulatedKey(chip, key.Line, key.ActiveLow);
        return new SimulatedInput(
            async ct =>
            {
                simulated.Press();
                await Task.Delay(hold, time, ct).ConfigureAwait(false);
                simulated.Release();
            },
            input => input is KeyEdge { Key.Action: KeyAction.Released } edge && edge.Key.Key == key.Name);
    }
}
