namespace Terminal.PowerCut.Tests;

/// <summary>
/// The tests that boot the gpio-sim VM run one after the other, not in parallel: two TCG guests on
/// CI's two cores slow each other down, and a power-cut round then reports fewer events before its
/// cut, which weakens it: beside the USB-reader boot, 1 event per round (cuts at 10.2 and 1.3 s);
/// alone, 3 (cuts at 5.5 and 10.1 s), on the same loaded machine. Serial costs ~2 min of CI time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GuestVmCollection
{
    public const string Name = "gpio-sim VM";
}
