namespace Terminal.Hardware.Gpio;

/// <summary>Logical edge direction (active-low already applied, as the kernel reports it).</summary>
public enum EdgeKind
{
    /// <summary>Inactive → active.</summary>
    Rising,

    /// <summary>Active → inactive.</summary>
    Falling,
}

/// <summary>One edge with its kernel timestamp and sequence numbers (uAPI v2 <c>gpio_v2_line_event</c>).</summary>
/// <param name="Offset">Line offset.</param>
/// <param name="Kind">Rising or falling.</param>
/// <param name="TimestampNs">Kernel timestamp, CLOCK_MONOTONIC nanoseconds.</param>
/// <param name="Seqno">Sequence number over the whole request; a gap means the kernel buffer overflowed.</param>
/// <param name="LineSeqno">Sequence number on this line.</param>
public readonly record struct EdgeEvent(int Offset, EdgeKind Kind, long TimestampNs, uint Seqno, uint LineSeqno);
