using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Keys;
using Terminal.Hardware.Wiegand;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Board;

/// <summary>
/// Turns the board's edges into loop inputs: key lines through the debouncer, D0/D1 through the
/// Wiegand decoder. Whether a key is stuck is the core's call (it knows the <c>StuckAfter</c> in force).
/// </summary>
internal sealed partial class EdgeRouter : IDisposable
{
    private readonly TerminalLoop _loop;
    private readonly ILogger<EdgeRouter> _logger;
    private readonly Dictionary<int, KeyDebouncer> _keys;
    private readonly Dictionary<string, BoardKey> _boardKeys;
    private readonly WiegandDecoder? _reader;
    private uint _lastSeqno;

    public EdgeRouter(BoardDefinition board, BoardLines lines, TerminalLoop loop, TimeProvider time, ILogger<EdgeRouter> logger)
    {
        _loop = loop;
        _logger = logger;
        _boardKeys = board.Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        _keys = board.Keys.ToDictionary(
            k => k.Line,
            k => new KeyDebouncer(new KeyId(k.Name, k.Line), new KeyDebounceOptions(), time, OnKey, initiallyPressed: lines.IsActive(k.Line)));
        foreach (var down in board.Keys.Where(k => _keys[k.Line].IsPressed))
        {
            // A key jammed (or held) at start-up: the core watches it for key-stuck; it never rates.
            _loop.Post(new KeyEdge(Input(down, KeyAction.HeldAtStart)));
        }

        if (board.Wiegand is { } wiegand)
        {
            var options = new WiegandDecoderOptions { Formats = [.. wiegand.Formats.Select(f => WiegandFormats.Find(f)!)] };
            _reader = new WiegandDecoder(wiegand.D0, wiegand.D1, options, time, OnReader);
        }
    }

    public void OnEdge(in EdgeEvent edge)
    {
        // The kernel numbers edges per request; a gap means its buffer overflowed (uAPI v2 seqno).
        if (_lastSeqno != 0 && edge.Seqno > _lastSeqno + 1)
        {
            var lost = edge.Seqno - _lastSeqno - 1;
            LogOverflow(lost);
            _loop.Post(new HostFault(FaultCodes.GpioOverflow, $"{lost} edge(s) lost by the kernel's event buffer", "gpio"));
        }

        _lastSeqno = edge.Seqno;

        // The decoder sees every edge of the request first: it follows the request-wide seqno to
        // drop a frame that lost edges, and answers false for lines that are not D0/D1.
        if (_reader?.OnEdge(edge) == true)
        {
            return;
        }

        if (_keys.TryGetValue(edge.Offset, out var key))
        {
            key.OnEdge(edge);
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static KeyInput Input(BoardKey key, KeyAction action) => new(key.Name, Role(key.Role), key.Level, key.Reason, action);

    /// <summary>A debounced key signal (called under the debouncer's lock: only queue it).</summary>
    private void OnKey(KeyEvent e) =>
        _loop.Post(new KeyEdge(Input(_boardKeys[e.Key.Name], e.Signal == KeySignal.Pressed ? KeyAction.Pressed : KeyAction.Released)));

    private void OnReader(WiegandOutcome outcome)
    {
        switch (outcome)
        {
            case WiegandCardRead read:
                var swipe = new BadgeSwipe(read.Card.Format, read.Card.Facility, (long)read.Card.Number);
                LogCard(read.Card.Format, swipe.Masked);
                _loop.Post(new CardSwipe(ReaderInput.Wiegand, swipe));
                break;
            case WiegandNoise noise:
                _loop.Post(new UnreadableSwipe(ReaderInput.Wiegand, noise.Frames, noise.LastReason));
                break;
            case WiegandOverflow overflow:
                // The fault itself is raised once, for the whole request, by OnEdge's seqno check.
                LogFrameDropped(overflow.Occurrences, overflow.LostEdges);
                _loop.Post(new ReaderDropped(overflow.Occurrences, overflow.LostEdges));
                break;
            case WiegandKeypadKey:
                // Readers with a keypad send key frames; a PIN has no meaning at this window.
                _loop.Post(new ReaderIgnored("keypad key"));
                break;
            default:
                _loop.Post(new ReaderIgnored(outcome.GetType().Name));
                break;
        }
    }

    private static KeyRole Role(BoardKeyRole role) => role switch
    {
        BoardKeyRole.Invite => KeyRole.Invite,
        BoardKeyRole.Pause => KeyRole.Pause,
        BoardKeyRole.Reason => KeyRole.Reason,
        _ => KeyRole.Rating,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPIO event buffer overflow: {Lost} edge(s) lost")]
    private partial void LogOverflow(uint lost);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Badge reader: {Frames} frame(s) dropped after {Lost} lost edge(s)")]
    private partial void LogFrameDropped(int frames, long lost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge read: {Format} card {Card}")]
    private partial void LogCard(string format, string card);
}
