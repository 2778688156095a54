using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Mfrc522;

namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// An MFRC522 on SPI through Iot.Device.Bindings' <see cref="MfRc522"/>: hard reset on its reset
/// line (if wired), then each poll is REQA + anticollision + select; a card read is sent to HALT so
/// that while it stays on the reader only WUPA wakes it, which tells "still held" from "new card".
/// </summary>
public sealed class Mfrc522Module : ICardModule
{
    /// <summary>SPI clock: the chip allows 10 MHz; 1 MHz is robust over the jumper wires of a module.</summary>
    public const int SpiClockHz = 1_000_000;

    // MFRC522 datasheet §9.3.4.8 VersionReg (0x37): 0x91/0x92 on NXP parts, 0x88/0x12/0xB2 on clones.
    // A module that is not there reads 0x00 or 0xFF (MISO held or floating), which no chip reports.
    private const byte VersionRead = (0x37 << 1) | 0x80;

    private readonly SpiDevice _spi;
    private readonly MfRc522 _chip;

    /// <summary>Resets and initialises the module on <paramref name="spi"/>.</summary>
    /// <param name="spi">The module's SPI device (mode 0); disposed with the module.</param>
    /// <param name="description">What and where, e.g. <c>MFRC522 on /dev/spidev0.0</c>.</param>
    /// <param name="resetLine">The line wired to its RST pin, or -1.</param>
    /// <param name="gpio">Controller of <paramref name="resetLine"/> (e.g. over <c>ChipGpioDriver</c>); stays the caller's.</param>
    /// <exception cref="ReaderModuleException">Nothing answers on the bus.</exception>
    public Mfrc522Module(SpiDevice spi, string description, int resetLine = -1, GpioController? gpio = null)
    {
        ArgumentNullException.ThrowIfNull(spi);
        _spi = spi;
        Description = description;
        if (resetLine >= 0 && gpio is null)
        {
            throw new ArgumentNullException(nameof(gpio), "a reset line needs its GpioController");
        }

        _chip = new MfRc522(spi, resetLine, gpio, shouldDispose: false);
        try
        {
            CheckAnswers();
        }
        catch
        {
            _chip.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Opens <c>/dev/spidev{bus}.{chipSelect}</c> and initialises the module on it.</summary>
    public static Mfrc522Module Open(int bus, int chipSelect, int resetLine, GpioController? gpio)
    {
        var settings = new SpiConnectionSettings(bus, chipSelect) { ClockFrequency = SpiClockHz, Mode = MfRc522.DefaultSpiMode };
        return new Mfrc522Module(SpiDevice.Create(settings), $"MFRC522 on /dev/spidev{bus}.{chipSelect}", resetLine, gpio);
    }

    /// <inheritdoc/>
    public FieldReading Poll()
    {
        CheckAnswers();
        if (_chip.ListenToCardIso14443TypeA(out var card, TimeSpan.Zero))
        {
            _chip.Halt();
            return FieldReading.Read(card.NfcId);
        }

        // WUPA (ISO/IEC 14443-3 §6.2) also wakes halted cards: the one read before, still held.
        return _chip.IsCardPresent(new byte[2], reselect: true) ? FieldReading.StillHeld : FieldReading.Empty;
    }

    /// <inheritdoc/>
    public void Dispose() => _chip.Dispose();

    private void CheckAnswers()
    {
        Span<byte> frame = [VersionRead, 0];
        _spi.TransferFullDuplex(frame, frame);
        if (frame[1] is 0x00 or 0xFF)
        {
            throw new ReaderModuleException($"{Description} does not answer (VersionReg reads 0x{frame[1]:X2}; check power, wiring and chip select)");
        }
    }
}
