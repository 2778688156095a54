namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>
/// A push button on a line of a <see cref="SimulatedGpioChip"/>, wired like the boards' keys:
/// active-low (pressed pulls the line to ground) unless <paramref name="activeLow"/> is false.
/// </summary>
/// <param name="chip">The chip.</param>
/// <param name="offset">The key's line.</param>
/// <param name="activeLow">Pressed is physically low.</param>
public sealed class SimulatedKey(SimulatedGpioChip chip, int offset, bool activeLow = true)
{
    /// <summary>Line offset.</summary>
    public int Offset => offset;

    /// <summary>Puts the line at its released level without reporting it as a press (e.g. before the host requests it).</summary>
    public void Idle() => chip.Drive(offset, activeLow);

    /// <summary>Presses the key (one clean edge) at <paramref name="timestampNs"/> or now.</summary>
    public void Press(long? timestampNs = null) => chip.Drive(offset, !activeLow, timestampNs);

    /// <summary>Releases the key (one clean edge).</summary>
    public void Release(long? timestampNs = null) => chip.Drive(offset, activeLow, timestampNs);

    /// <summary>
    /// Contact bounce: toggles the line <paramref name="edges"/> times, <paramref name="spacingNs"/>
    /// apart from <paramref name="startNs"/>; an odd count changes the key's state (a bouncy press
    /// or release). Returns the last edge's timestamp.
    /// </summary>
    public long Bounce(int edges, long startNs, long spacingNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(edges, 1);
        var at = startNs;
        for (var i = 0; i < edges; i++, at += spacingNs)
        {
            chip.Drive(offset, !chip.GetPhysical(offset), at);
        }

        return at - spacingNs;
    }
}
