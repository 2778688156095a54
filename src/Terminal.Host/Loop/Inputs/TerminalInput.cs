namespace Terminal.Host.Loop.Inputs;

/// <summary>
/// Everything that reaches the decision loop, as a closed set of records: the board's keys and
/// readers (<see cref="PanelInput"/>), commands and the roster from the broker, the buffer's state,
/// faults the host raises, what start-up restored, the tick and the shutdown. The loop decides each
/// with <see cref="InputDecider"/>; observers (the self-test, <c>sim …</c>) tell inputs apart by type.
/// </summary>
internal abstract record TerminalInput
{
    private protected TerminalInput()
    {
    }
}

/// <summary>No input: the deadline of a session, reason wait, repeat burst or stuck key may have come.</summary>
internal sealed record Tick : TerminalInput
{
    /// <summary>The one tick.</summary>
    public static Tick Instance { get; } = new();
}

/// <summary>A requested stop: publishes a held rating, cancels the open session, commits repeats.</summary>
internal sealed record Shutdown : TerminalInput
{
    /// <summary>The one shutdown.</summary>
    public static Shutdown Instance { get; } = new();
}
