using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Keys;
using Terminal.Hardware.Wiegand;
using Terminal.Host.Pipeline;

namespace Terminal.Host.Panel;

/// <summary>
/// Turns the board's edges into core inputs: key lines through the key logic, D0/D1 through the
/// Wiegand decoder. Everything it produces goes to the <see cref="TerminalLoop"/>.
/// </summary>
internal sealed partial class EdgeRouter : IDisposable
{
    private readonly TerminalLoop _loop;
    private readonly EventFactory _events;
    private readonly ILogger<EdgeRouter> _logger;
    private readonly Dictionary<int, KeyDebouncer> _keys;
    private readonly Dictionary<string, BoardKey> _boardKeys;
    private readonly WiegandDecoder? _reader;

    public EdgeRouter(BoardDefinition board, BoardPanel panel, TerminalLoop loop, EventFactory events, TimeProvider time, ILogger<EdgeRouter> logger)
    {
        _loop = loop;
        _events = events;
        _logger = logger;
        _boardKeys = board.Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var debounce = new KeyDebounceOptions { StuckAfter = loop.Window.Settings.Rating.StuckAfter };
        _keys = board.Keys.ToDictionary(
            k => k.Line,
            k => new KeyDebouncer(new KeyId(k.Name, k.Line), debounce, time, OnKey, initiallyPressed: panel.IsActive(k.Line)));
        if (board.Wiegand is { } wiegand)
        {
            var options = new WiegandDecoderOptions
            {
                Formats = wiegand.Formats.Select(f => WiegandFormats.Find(f)!).ToList(),
            };
            _reader = new WiegandDecoder(wiegand.D0, wiegand.D1, options, time, OnReader);
        }
    }

    public void OnEdge(in EdgeEvent edge)
    {
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

    /// <summary>The kernel dropped <paramref name="lost"/> edges: a frame in progress cannot be trusted.</summary>
    public void OnOverflow(uint lost)
    {
        LogOverflow(lost);
        Post("fault:gpio-overflow", w => _events.Fault(w, "gpio-overflow", $"{lost} edge(s) lost by the kernel's event buffer", "gpio"));
    }

    public void Dispose()
    {
        _reader?.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    /// <summary>A debounced key signal (called under the debouncer's lock: only queue it).</summary>
    private void OnKey(KeyEvent e)
    {
        // StuckCleared comes just before the Released that clears the fault in the core.
        if (e.Signal == KeySignal.StuckCleared)
        {
            return;
        }

        var key = _boardKeys[e.Key.Name];
        var action = e.Signal switch
        {
            KeySignal.Pressed => KeyAction.Pressed,
            KeySignal.Stuck => KeyAction.Stuck,
            _ => KeyAction.Released,
        };
        var input = new KeyInput(key.Name, Role(key.Role), key.Level, key.Reason, action);
        Post($"key:{key.Name}:{action.ToString().ToLowerInvariant()}", w => w.OnKey(input));
    }

    private void OnReader(WiegandOutcome outcome)
    {
        switch (outcome)
        {
            case WiegandCardRead read:
                var swipe = new BadgeSwipe(read.Card.Format, read.Card.Facility, (long)read.Card.Number);
                LogCard(read.Card.Format, swipe.Masked);
                Post("reader:card", w => w.OnBadge(swipe));
                break;
            case WiegandNoise noise:
                Post("reader:noise", w => _events.Fault(w, "reader-noise", $"{noise.Frames} unreadable frame(s); last: {noise.LastReason}", "reader"));
                break;
            case WiegandOverflow overflow:
                // The fault itself is raised once, for the whole request, by OnOverflow.
                LogFrameDropped(overflow.Occurrences, overflow.LostEdges);
                Post("reader:overflow", _ => Decision.None);
                break;
            default:
                Post("reader:other", _ => Decision.None);
                break;
        }
    }

    private void Post(string origin, Func<ServiceWindow, Decision> decide) => _loop.Post(origin, decide);

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
