namespace Terminal.Hardware.Readers;

/// <summary>
/// A staff card reader other than Wiegand: a USB keyboard reader or a MIFARE/NFC module. The host
/// runs one <see cref="ReadAsync"/> loop per reader and turns each outcome into a badge swipe or a
/// fault event (SPEC §3.2, §5.1).
/// </summary>
public interface IStaffCardReader
{
    /// <summary>The reader's board name (the fault's <c>source</c>, <c>sim card --reader NAME</c>).</summary>
    string Name { get; }

    /// <summary>What kind of reader it is (the attendance event's <c>reader</c>).</summary>
    ReaderKind Kind { get; }

    /// <summary>
    /// Opens the reader and reports cards and faults until <paramref name="cancellationToken"/> is
    /// cancelled; failures are reported as <see cref="ReaderOffline"/> and retried, never thrown.
    /// </summary>
    IAsyncEnumerable<ReaderOutcome> ReadAsync(CancellationToken cancellationToken);
}
