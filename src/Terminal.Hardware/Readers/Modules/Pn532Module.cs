using System.Device.I2c;
using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;

namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// A PN532 on I2C through Iot.Device.Bindings' <see cref="Pn532"/>: each poll is one
/// InListPassiveTarget for a 106 kbps type A card. The binding reports "no card" and "no answer"
/// alike, so an empty poll is followed by the chip's communication line test (Diagnose).
/// </summary>
public sealed class Pn532Module : ICardModule
{
    /// <summary>The PN532's I2C address (0x48 write / 0x49 read in the datasheet's 8-bit form).</summary>
    public const int DefaultAddress = Pn532.I2cDefaultAddress;

    private readonly Pn532 _chip;

    /// <summary>Wakes and configures the module on <paramref name="i2c"/>.</summary>
    /// <param name="i2c">The module's I2C device; disposed with the module.</param>
    /// <param name="description">What and where, e.g. <c>PN532 on /dev/i2c-1 at 0x24</c>.</param>
    /// <exception cref="ReaderModuleException">Nothing answers at that address.</exception>
    public Pn532Module(I2cDevice i2c, string description)
    {
        ArgumentNullException.ThrowIfNull(i2c);
        Description = description;
        try
        {
            _chip = new Pn532(i2c);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            i2c.Dispose();
            throw new ReaderModuleException($"{description} does not answer ({e.Message}); check power, wiring, the I2C mode switches and the address", e);
        }

        // PN532 user manual §7.3.1 RFConfiguration item 5: MxRtyPassiveActivation is 0xFF (wait for a card
        // forever) after reset; 1 retry makes an empty field answer at once with no target.
        if (!_chip.SetMaxRetriesInitialization(new MaxRetriesMode { MaxRetryPassiveActivation = 1 }))
        {
            _chip.Dispose();
            throw new ReaderModuleException($"{description} refused RFConfiguration (MaxRetries)");
        }
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Opens <c>/dev/i2c-{bus}</c> at <paramref name="address"/> and initialises the module there.</summary>
    public static Pn532Module Open(int bus, int address) =>
        new(I2cDevice.Create(new I2cConnectionSettings(bus, address)), $"PN532 on /dev/i2c-{bus} at 0x{address:X2}");

    /// <inheritdoc/>
    public FieldReading Poll()
    {
        var listed = _chip.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        if (listed is { Length: > 1 } && _chip.TryDecode106kbpsTypeA(listed.AsSpan(1)) is { NfcId.Length: > 0 } card)
        {
            return FieldReading.Read(card.NfcId);
        }

        return _chip.RunSelfTest(DiagnoseMode.CommunicationLineTest)
            ? FieldReading.Empty
            : throw new ReaderModuleException($"{Description} does not answer (InListPassiveTarget and the communication line test failed)");
    }

    /// <inheritdoc/>
    public void Dispose() => _chip.Dispose();
}
