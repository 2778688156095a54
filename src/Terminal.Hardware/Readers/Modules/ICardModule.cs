namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// An initialised 13.56 MHz reader module (MFRC522, PN532, or the simulated one), polled by a
/// <see cref="UidReader"/>. Opening it (its factory) resets and configures the chip; disposing
/// releases its bus and reset line.
/// </summary>
public interface ICardModule : IDisposable
{
    /// <summary>What and where the module is, e.g. <c>MFRC522 on /dev/spidev0.0</c>, for fault details.</summary>
    string Description { get; }

    /// <summary>Looks at the field once.</summary>
    /// <exception cref="ReaderModuleException">The module does not answer.</exception>
    FieldReading Poll();
}

/// <summary>One look at the reader's field.</summary>
/// <param name="Uid">The UID of a card read now, or null.</param>
/// <param name="CardInField">A card answered (read now, or an already-read card that is still held).</param>
public readonly record struct FieldReading(byte[]? Uid, bool CardInField)
{
    /// <summary>Nothing in the field.</summary>
    public static FieldReading Empty => default;

    /// <summary>A card read now.</summary>
    public static FieldReading Read(byte[] uid) => new(uid, true);

    /// <summary>A card that was read before is still in the field.</summary>
    public static FieldReading StillHeld => new(null, true);
}
