namespace Terminal.Hardware.Gpio;

/// <summary>Claimed lines: read edges and values, set outputs. Disposing releases the lines.</summary>
public interface IGpioLineRequest : IDisposable
{
    /// <summary>Waits for the next edge on any requested input line.</summary>
    ValueTask<EdgeEvent> ReadEdgeAsync(CancellationToken cancellationToken);

    /// <summary>Reads the logical value of a requested line.</summary>
    bool GetValue(int offset);

    /// <summary>Sets the logical value of a requested output line.</summary>
    void SetValue(int offset, bool value);
}
