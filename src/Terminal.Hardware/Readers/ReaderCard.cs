namespace Terminal.Hardware.Readers;

/// <summary>
/// A card as a reader reported it: a MIFARE/NFC UID (format <c>UID</c>, no facility, the UID in
/// upper-case hex), or a number a keyboard reader typed (e.g. <c>H10301</c> with facility, or
/// <c>RAW</c> digits). The host turns it into the core's badge swipe, which also masks it for logs
/// (SPEC §5.2): readers never log a card number.
/// </summary>
/// <param name="Format">Card format: <c>UID</c>, <c>H10301</c> or <c>RAW</c>.</param>
/// <param name="Facility">Facility code, or null.</param>
/// <param name="Number">Upper-case hex for UID cards, decimal digits otherwise.</param>
public sealed record ReaderCard(string Format, uint? Facility, string Number)
{
    /// <summary>The format of cards known by their UID.</summary>
    public const string UidFormat = "UID";

    /// <summary>A card known by its UID bytes, e.g. <c>04A1B2C3</c>.</summary>
    public static ReaderCard Uid(ReadOnlySpan<byte> uid)
    {
        if (uid.Length is < 1 or > 10)
        {
            throw new ArgumentException($"a UID has 1–10 bytes, not {uid.Length}", nameof(uid));
        }

        return new ReaderCard(UidFormat, null, Convert.ToHexString(uid));
    }

    /// <summary>Whether this is a UID card.</summary>
    public bool IsUid => Format == UidFormat;
}
