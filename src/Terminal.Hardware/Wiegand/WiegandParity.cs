using System.Numerics;

namespace Terminal.Hardware.Wiegand;

/// <summary>
/// One parity bit of a format: the bit at <paramref name="Position"/> makes the number of ones over
/// <paramref name="Span"/> plus itself even or odd. <paramref name="Span"/> is a mask in
/// <see cref="WiegandFrame.Value"/> bit order.
/// </summary>
internal readonly record struct WiegandParity(int Position, bool Odd, ulong Span)
{
    /// <summary>A parity bit over the frame positions <paramref name="covered"/> (0 = first bit sent).</summary>
    public static WiegandParity Over(int length, int position, bool odd, IEnumerable<int> covered)
    {
        ulong span = 0;
        foreach (var p in covered)
        {
            span |= 1UL << (length - 1 - p);
        }

        return new WiegandParity(position, odd, span);
    }

    /// <summary>The value the parity bit must have for the other bits of <paramref name="value"/>.</summary>
    public bool Expected(ulong value) => (BitOperations.PopCount(value & Span) % 2 == 1) ^ Odd;
}
