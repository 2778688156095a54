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

/// <summary>What a badge reader produced: a card, or a frame that was no card.</summary>
internal abstract record ReaderInput : PanelInput;

/// <summary>A card was read.</summary>
/// <param name="Swipe">The decoded card.</param>
internal sealed record CardSwipe(BadgeSwipe Swipe) : ReaderInput;

/// <summary>Frames that decode to no card (a noisy line, a wrong format).</summary>
/// <param name="Frames">How many.</param>
/// <param name="LastReason">Why the last one was refused.</param>
internal sealed record ReaderNoise(int Frames, string LastReason) : ReaderInput;

/// <summary>Frames dropped because the kernel lost edges during them (the fault is raised once, by <see cref="HostFault"/>).</summary>
/// <param name="Frames">How many.</param>
/// <param name="LostEdges">Edges lost.</param>
internal sealed record ReaderDropped(int Frames, long LostEdges) : ReaderInput;

/// <summary>A frame that is no card and no fault, e.g. a keypad key: nothing to record.</summary>
/// <param name="What">What it was.</param>
internal sealed record ReaderIgnored(string What) : ReaderInput;
