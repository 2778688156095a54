namespace Terminal.Hardware.Wiegand;

/// <summary>
/// A card format: its length, where facility and number sit, and its parity bits. Decoding checks
/// the length and every parity bit; encoding computes them (for the simulated reader).
/// </summary>
public sealed class WiegandFormat
{
    private readonly WiegandParity[] _parities;

    internal WiegandFormat(string name, int length, (int Start, int Bits) facility, (int Start, int Bits) number, params WiegandParity[] parities)
    {
        Name = name;
        Length = length;
        FacilityField = facility;
        NumberField = number;
        _parities = parities;
    }

    /// <summary>Name used in events, the roster and on the command line, e.g. <c>H10301</c>.</summary>
    public string Name { get; }

    /// <summary>Number of bits in a frame.</summary>
    public int Length { get; }

    /// <summary>Largest facility code the format can carry.</summary>
    public uint MaxFacility => (uint)((1UL << FacilityField.Bits) - 1);

    /// <summary>Largest card number the format can carry.</summary>
    public ulong MaxNumber => (1UL << NumberField.Bits) - 1;

    internal (int Start, int Bits) FacilityField { get; }

    internal (int Start, int Bits) NumberField { get; }

    /// <summary>Builds the frame a reader sends for this card.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Facility or number does not fit the format.</exception>
    public WiegandFrame Encode(uint facility, ulong number)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(facility, MaxFacility);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        var value = ((ulong)facility << (Length - FacilityField.Start - FacilityField.Bits))
            | (number << (Length - NumberField.Start - NumberField.Bits));

        // In order: a later parity bit may cover an earlier one (Corporate 1000's overall parity).
        foreach (var parity in _parities)
        {
            if (parity.Expected(value))
            {
                value |= 1UL << (Length - 1 - parity.Position);
            }
        }

        return new WiegandFrame(value, Length);
    }

    /// <summary>Decodes <paramref name="frame"/> when its length and every parity bit match.</summary>
    public bool TryDecode(WiegandFrame frame, out WiegandCard? card)
    {
        card = null;
        if (frame.Length != Length)
        {
            return false;
        }

        foreach (var parity in _parities)
        {
            if (frame[parity.Position] != parity.Expected(frame.Value & ~(1UL << (Length - 1 - parity.Position))))
            {
                return false;
            }
        }

        card = new WiegandCard(Name, (uint)frame.Field(FacilityField.Start, FacilityField.Bits), frame.Field(NumberField.Start, NumberField.Bits));
        return true;
    }
}
