namespace Terminal.Core.Attendance;

/// <summary>The reader kinds of SPEC §5.1 (<c>attendance.data.reader</c>), as they appear on the wire.</summary>
public static class BadgeReaders
{
    /// <summary>Wiegand 26/34/35/37 on two GPIO lines.</summary>
    public const string Wiegand = "wiegand";

    /// <summary>A USB reader that types the card number like a keyboard.</summary>
    public const string UsbHid = "usb-hid";

    /// <summary>An MFRC522 13.56 MHz module on SPI.</summary>
    public const string Mfrc522 = "mfrc522";

    /// <summary>A PN532 13.56 MHz module on I2C.</summary>
    public const string Pn532 = "pn532";

    /// <summary>Every reader kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Wiegand, UsbHid, Mfrc522, Pn532];

    /// <summary>Returns <paramref name="reader"/> when it is a reader kind; throws otherwise.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static string Require(string reader) =>
        All.Contains(reader) ? reader : throw new ArgumentException($"'{reader}' is not a reader kind ({string.Join(", ", All)})", nameof(reader));
}
