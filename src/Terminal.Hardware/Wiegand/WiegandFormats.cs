namespace Terminal.Hardware.Wiegand;

/// <summary>
/// The card formats the terminal reads. Bit positions count from 0 = first bit sent. Layouts
/// follow HID's published format descriptions (H10301, H10306 "34-bit", Corporate 1000 35-bit,
/// H10304).
/// </summary>
public static class WiegandFormats
{
    /// <summary>H10301, 26 bits: even parity, 8-bit facility, 16-bit number, odd parity (each over 12 bits).</summary>
    public static WiegandFormat H10301 { get; } = new(
        "H10301", 26, (1, 8), (9, 16),
        WiegandParity.Over(26, 0, odd: false, Range(1, 12)),
        WiegandParity.Over(26, 25, odd: true, Range(13, 24)));

    /// <summary>34-bit (H10306): even parity, 16-bit facility, 16-bit number, odd parity (each over 16 bits).</summary>
    public static WiegandFormat Bit34 { get; } = new(
        "34bit", 34, (1, 16), (17, 16),
        WiegandParity.Over(34, 0, odd: false, Range(1, 16)),
        WiegandParity.Over(34, 33, odd: true, Range(17, 32)));

    /// <summary>
    /// Corporate 1000 35-bit: bit 0 odd parity over all others, bit 1 even parity over two of every
    /// three bits from 2, 12-bit company (facility) from 2, 20-bit number from 14, last bit odd
    /// parity over the other two of every three bits from 1.
    /// </summary>
    public static WiegandFormat C1k35s { get; } = new(
        "C1k35s", 35, (2, 12), (14, 20),
        WiegandParity.Over(35, 1, odd: false, Range(2, 33).Where(p => p % 3 != 1)),
        WiegandParity.Over(35, 34, odd: true, Range(1, 32).Where(p => p % 3 != 0)),
        WiegandParity.Over(35, 0, odd: true, Range(1, 34)));

    /// <summary>H10304, 37 bits: even parity over bits 1–18, 16-bit facility, 19-bit number, odd parity over bits 18–35.</summary>
    public static WiegandFormat H10304 { get; } = new(
        "H10304", 37, (1, 16), (17, 19),
        WiegandParity.Over(37, 0, odd: false, Range(1, 18)),
        WiegandParity.Over(37, 36, odd: true, Range(18, 35)));

    /// <summary>Every card format, in the order the decoder tries them.</summary>
    public static IReadOnlyList<WiegandFormat> All { get; } = [H10301, Bit34, C1k35s, H10304];

    /// <summary>Finds a format by name (case-insensitive), as written on the command line and in the roster.</summary>
    public static WiegandFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);
}
