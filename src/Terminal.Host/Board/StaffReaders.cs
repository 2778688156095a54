using System.Device.Gpio;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Controller;
using Terminal.Hardware.Readers;

namespace Terminal.Host.Board;

/// <summary>
/// The board's staff card readers besides Wiegand (SPEC §1: USB keyboard readers, MFRC522, PN532):
/// on the device's buses, or the simulated ones under <c>--simulate</c>. A reader module's reset
/// line is driven through a <see cref="GpioController"/> on the board's own chip.
/// </summary>
internal sealed class StaffReaders : IDisposable
{
    private readonly GpioController? _gpio;

    private StaffReaders(IReadOnlyList<IStaffCardReader> readers, GpioController? gpio)
    {
        Readers = readers;
        _gpio = gpio;
    }

    /// <summary>The readers, in board order; none opened until read.</summary>
    public IReadOnlyList<IStaffCardReader> Readers { get; }

    public static StaffReaders For(BoardDefinition board, BoardLines lines, SimulatedReaders? simulated, TimeProvider time)
    {
        if (simulated is not null)
        {
            return new StaffReaders(simulated.Readers, null);
        }

        var gpio = board.Readers.Any(r => r is BoardMfrc522Reader { Reset: not null })
            ? new GpioController(new ChipGpioDriver(lines.Chip, "terminal-readers"))
            : null;
        return new StaffReaders([.. board.Readers.Select(r => BoardReaders.Open(r, gpio, time))], gpio);
    }

    public void Dispose() => _gpio?.Dispose();
}
