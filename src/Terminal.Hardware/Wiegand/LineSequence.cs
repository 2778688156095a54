namespace Terminal.Hardware.Wiegand;

/// <summary>Follows one line's <c>line_seqno</c> (uAPI v2) to detect edges the kernel dropped.</summary>
internal sealed class LineSequence
{
    private uint _last;
    private bool _seen;

    /// <summary>Records <paramref name="seqno"/>; returns how many edges were lost before it (null for the first edge seen).</summary>
    public long? Advance(uint seqno)
    {
        var first = !_seen;
        var lost = unchecked(seqno - _last - 1);
        _seen = true;
        _last = seqno;
        return first ? null : lost;
    }
}
