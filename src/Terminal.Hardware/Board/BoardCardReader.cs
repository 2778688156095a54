using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;

namespace Terminal.Hardware.Board;

/// <summary>A staff card reader other than Wiegand, as a board file declares it (SPEC §6 "other readers").</summary>
/// <param name="Name">The reader's board name: the fault's <c>source</c>, <c>terminalctl sim card|type --reader NAME</c>.</param>
public abstract record BoardCardReader(string Name)
{
    /// <summary>What kind of reader it is.</summary>
    public abstract ReaderKind Kind { get; }
}

/// <summary>A USB reader that types card numbers like a keyboard.</summary>
/// <param name="Name">Board name.</param>
/// <param name="Device">Its evdev device, e.g. <c>/dev/input/by-id/usb-…-event-kbd</c> (stable across ports and reboots).</param>
/// <param name="Format">What its digits mean.</param>
public sealed record BoardUsbReader(string Name, string Device, TypedCardFormat Format) : BoardCardReader(Name)
{
    /// <inheritdoc/>
    public override ReaderKind Kind => ReaderKind.UsbHid;
}

/// <summary>An MFRC522 module on SPI.</summary>
/// <param name="Name">Board name.</param>
/// <param name="SpiBus">SPI bus (<c>/dev/spidev{bus}.{cs}</c>).</param>
/// <param name="ChipSelect">Chip select.</param>
/// <param name="Reset">The GPIO line wired to its RST pin, or null.</param>
public sealed record BoardMfrc522Reader(string Name, int SpiBus, int ChipSelect, int? Reset) : BoardCardReader(Name)
{
    /// <inheritdoc/>
    public override ReaderKind Kind => ReaderKind.Mfrc522;
}

/// <summary>A PN532 module on I2C.</summary>
/// <param name="Name">Board name.</param>
/// <param name="I2cBus">I2C bus (<c>/dev/i2c-{bus}</c>).</param>
/// <param name="Address">7-bit address (0x24 unless the module was changed).</param>
public sealed record BoardPn532Reader(string Name, int I2cBus, int Address) : BoardCardReader(Name)
{
    /// <inheritdoc/>
    public override ReaderKind Kind => ReaderKind.Pn532;
}
