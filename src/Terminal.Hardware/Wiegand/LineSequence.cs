namespace Terminal.Hardware.Wiegand;

/// <summary>
/// Follows a <c>seqno</c> or <c>line_seqno</c> (uAPI v2) to detect edges the kernel dropped. The
/// kernel numbers a new request's events from 1, so edges lost before the first one read count too.
/// </summary>
internal sealed class LineSequence
{
    private uint _last;

    /// <summary>Records <paramref name="seqno"/>; returns how many edges were lost before it.</summary>
    public long? Advance(uint seqno)
    {
        var lost = unchecked(seqno - _last - 1);
        _last = seqno;
        return lost;
    }
}
