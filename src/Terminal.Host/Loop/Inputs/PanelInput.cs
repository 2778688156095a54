using Terminal.Core.Attendance;
using Terminal.Core.Keys;

namespace Terminal.Host.Loop.Inputs;

/// <summary>
/// An input from the board a person at the window touched: a key or a badge reader. While the
/// interactive self-test holds the panel these go to it instead of the window.
/// </summary>
internal abstract record PanelInput : TerminalInput;

/// <summary>A debounced key transition.</summary>
/// <param name="Key">The key, its role and what happened.</param>
internal sealed record KeyEdge(KeyInput Key) : PanelInput;

/// <summary>What a badge reader produced: a card, or input that was no card.</summary>
/// <param name="Reader">The reader's board name (<see cref="Wiegand"/> for the Wiegand reader).</param>
internal abstract record ReaderInput(string Reader) : PanelInput
{
    /// <summary>The name the Wiegand reader goes by among the board's readers.</summary>
    public const string Wiegand = "wiegand";
}

/// <summary>A card was read.</summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Swipe">The decoded card.</param>
internal sealed record CardSwipe(string Reader, BadgeSwipe Swipe) : ReaderInput(Reader);

/// <summary>Input that decodes to no card (a noisy line, a wrong format, letters typed).</summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Frames">How many since the last report.</param>
/// <param name="LastReason">Why the last one was refused.</param>
internal sealed record UnreadableSwipe(string Reader, int Frames, string LastReason) : ReaderInput(Reader);

/// <summary>Wiegand frames dropped because the kernel lost edges during them (the fault is raised once, by <see cref="HostFault"/>).</summary>
/// <param name="Frames">How many.</param>
/// <param name="LostEdges">Edges lost.</param>
internal sealed record ReaderDropped(int Frames, long LostEdges) : ReaderInput(Wiegand);

/// <summary>A Wiegand frame that is no card and no fault, e.g. a keypad key: nothing to record.</summary>
/// <param name="What">What it was.</param>
internal sealed record ReaderIgnored(string What) : ReaderInput(Wiegand);
