namespace Terminal.Hardware.Readers;

/// <summary>Staff card readers other than Wiegand (SPEC §1, §6).</summary>
public enum ReaderKind
{
    /// <summary>A USB reader that types the card number like a keyboard (evdev).</summary>
    UsbHid,

    /// <summary>An MFRC522 13.56 MHz module on SPI.</summary>
    Mfrc522,

    /// <summary>A PN532 13.56 MHz module on I2C.</summary>
    Pn532,
}

/// <summary>Wire names of <see cref="ReaderKind"/>.</summary>
public static class ReaderKinds
{
    /// <summary>The board-file and event name (SPEC §5.1 <c>reader</c>): <c>usb-hid</c>, <c>mfrc522</c>, <c>pn532</c>.</summary>
    public static string WireName(this ReaderKind kind) => kind switch
    {
        ReaderKind.UsbHid => "usb-hid",
        ReaderKind.Mfrc522 => "mfrc522",
        ReaderKind.Pn532 => "pn532",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a reader kind"),
    };
}
