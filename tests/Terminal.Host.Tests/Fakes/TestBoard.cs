using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.Board;

namespace Terminal.Host.Tests.Fakes;

/// <summary>A small board (two rating keys with LEDs, invite, reader, buzzer) claimed on a simulated chip.</summary>
internal static class TestBoard
{
    public const string Chip = "test-chip";

    public static BoardDefinition Definition { get; } = new(
        "test-board",
        "two keys, invite, reader, buzzer",
        Chip,
        LedsActiveLow: false,
        [
            new BoardKey("k5", BoardKeyRole.Rating, 0, GpioBias.AsIs, false, 5, null, 8),
            new BoardKey("k1", BoardKeyRole.Rating, 1, GpioBias.AsIs, false, 1, null, 9),
            new BoardKey("invite", BoardKeyRole.Invite, 2, GpioBias.AsIs, false, null, null, null),
        ],
        new BoardWiegand(13, 14, GpioBias.AsIs, ["H10301"]),
        new BoardBuzzer(15, ActiveLow: true),
        "test-board.json");

    /// <summary>The board's lines claimed on a simulated chip, or on <paramref name="chip"/>.</summary>
    public static BoardLines Claim(IGpioChip? chip = null) =>
        new(Definition, new OneChip(chip ?? new SimulatedGpioChip(Chip, 32)), NullLogger<BoardLines>.Instance);

    private sealed class OneChip(IGpioChip chip) : IGpioChipProvider
    {
        public IGpioChip Open(string label) => chip;
    }
}
