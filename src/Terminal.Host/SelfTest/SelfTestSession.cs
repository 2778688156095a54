using System.Text.Json.Nodes;
using System.Threading.Channels;
using Terminal.Core.Attendance;
using Terminal.Core.Feedback;
using Terminal.Core.Window;
using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.Hardware.Readers;
using Terminal.Host.Board;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.SelfTest;

/// <summary>
/// An interactive self-test holding the panel (SPEC §7): key presses and badge reads are diverted
/// from the decision loop to the engineer's <c>terminalctl</c>, so they never become ratings or
/// attendance, and the LEDs and buzzer are the engineer's to set. Disposing hands the panel back,
/// LEDs and buzzer off.
/// </summary>
internal sealed class SelfTestSession : IDisposable
{
    private readonly BoardLines _panel;
    private readonly VoicePlayer _voice;
    private readonly IFeedbackDisplay _display;
    private readonly Action<SelfTestSession> _closed;
    private readonly IDisposable _diversion;

    // A stuck key or a noisy reader must not grow memory while nobody reads: keep the latest.
    private readonly Channel<JsonObject> _observed = Channel.CreateBounded<JsonObject>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private int _disposed;

    public SelfTestSession(BoardLines panel, IFeedbackDisplay display, TerminalLoop loop, VoicePlayer voice, Action<SelfTestSession> closed)
    {
        _panel = panel;
        _voice = voice;
        _display = display;
        _closed = closed;
        _diversion = loop.Divert(OnDiverted);
        Quiet();
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The first line of the session stream: its id and the parts a person can test.</summary>
    public JsonObject Hello(TimeSpan limit)
    {
        var board = _panel.Board;
        return new JsonObject
        {
            ["session"] = Id,
            ["board"] = board.Name,
            ["leds"] = Names(board.Keys.Where(k => k.Led is not null)),
            ["keys"] = Names(board.Keys),
            ["buzzer"] = board.Buzzer is not null,
            ["readers"] = Readers(board),
            ["voice"] = _voice.IsAvailable ? new JsonArray([.. VoicePrompts.All.Select(p => (JsonNode)VoicePrompts.Name(p))]) : null,
            ["limitSeconds"] = (int)limit.TotalSeconds,
        };
    }

    /// <summary>The next observed input, or null when <paramref name="heartbeat"/> passed without one.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan heartbeat, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            // WaitToRead, not Read: an abandoned wait takes nothing from the channel.
            if (!await _observed.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(heartbeat, time, cancellationToken).ConfigureAwait(false))
            {
                throw new OperationCanceledException("the self-test session was closed");
            }
        }
        catch (TimeoutException)
        {
            return null;
        }

        return _observed.Reader.TryRead(out var line) ? line : null;
    }

    /// <summary>Plays one voice prompt to its end and says how it went (the engineer says whether it was heard).</summary>
    /// <exception cref="ArgumentException">No such prompt.</exception>
    public async Task<JsonObject> PlayVoiceAsync(string prompt, CancellationToken cancellationToken)
    {
        if (!VoicePrompts.TryParse(prompt, out var which))
        {
            throw new ArgumentException($"no voice prompt '{prompt}' (prompts: {string.Join(", ", VoicePrompts.All.Select(VoicePrompts.Name))})");
        }

        var playback = await _voice.PlayToEndAsync(which, cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["prompt"] = VoicePrompts.Name(which),
            ["outcome"] = playback.Outcome.ToString().ToLowerInvariant(),
            ["played"] = playback.Succeeded,
            ["detail"] = playback.Detail,
        };
    }

    /// <summary>Sets a key's LED and reads the line back.</summary>
    /// <exception cref="ArgumentException">No such key, or it has no LED.</exception>
    public JsonObject SetLed(string key, bool on)
    {
        var line = _panel.Board.Keys.FirstOrDefault(k => k.Name == key)?.Led
            ?? throw new ArgumentException($"no key with an LED named '{key}' on board {_panel.Board.Name} (LEDs: {string.Join(", ", _panel.Board.Keys.Where(k => k.Led is not null).Select(k => k.Name))})");
        _panel.SetLed(key, on);
        return new JsonObject { ["led"] = key, ["line"] = line, ["on"] = on, ["readBack"] = _panel.Outputs?.GetValue(line) };
    }

    /// <summary>Sounds or silences the buzzer and reads the line back.</summary>
    /// <exception cref="ArgumentException">The board has no buzzer.</exception>
    public JsonObject SetBuzzer(bool on)
    {
        var buzzer = _panel.Board.Buzzer ?? throw new ArgumentException($"board {_panel.Board.Name} has no buzzer");
        _panel.SetBuzzer(on);
        return new JsonObject { ["buzzer"] = on, ["line"] = buzzer.Line, ["readBack"] = _panel.Outputs?.GetValue(buzzer.Line) };
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _diversion.Dispose();
        _observed.Writer.TryComplete();
        Quiet();
        _closed(this);
    }

    private void Quiet()
    {
        _display.Show([new Cue(CueKind.Idle)]);
        _panel.SetBuzzer(false);
    }

    // Runs on the decision loop's thread, with the window's snapshot: it must be quick.
    private void OnDiverted(PanelInput input, WindowSnapshot window) => _observed.Writer.TryWrite(Describe(input, window));

    /// <summary>
    /// One line of the session stream per input (the protocol terminalctl reads): a key edge, or what a
    /// reader produced — a card as the terminal decoded it, with the roster's staff for it, number masked.
    /// </summary>
    internal static JsonObject Describe(PanelInput input, WindowSnapshot window) => input switch
    {
        KeyEdge key => new JsonObject { ["input"] = "key", ["key"] = key.Key.Key, ["action"] = key.Key.Action.ToString().ToLowerInvariant() },
        CardSwipe card => new JsonObject
        {
            ["input"] = "card",
            ["reader"] = card.Reader,
            ["kind"] = card.Swipe.Reader,
            ["format"] = card.Swipe.Format,
            ["facility"] = card.Swipe.Facility,
            ["card"] = card.Swipe.Masked,
            ["staff"] = window.Roster.Find(card.Swipe)?.Staff,
            ["name"] = window.Roster.Find(card.Swipe)?.Name,
        },
        UnreadableSwipe noise => new JsonObject { ["input"] = "reader-noise", ["reader"] = noise.Reader, ["frames"] = noise.Frames, ["reason"] = noise.LastReason },
        ReaderDropped dropped => new JsonObject { ["input"] = "reader-dropped", ["frames"] = dropped.Frames },
        ReaderIgnored ignored => new JsonObject { ["input"] = "reader-ignored", ["what"] = ignored.What },
        _ => new JsonObject { ["input"] = input.GetType().Name },
    };

    /// <summary>Every staff card reader the board has, Wiegand first, for the engineer to try a card on each.</summary>
    private static JsonArray Readers(BoardDefinition board)
    {
        var readers = new JsonArray();
        if (board.Wiegand is { } wiegand)
        {
            readers.Add(new JsonObject { ["name"] = ReaderInput.Wiegand, ["kind"] = "wiegand", ["formats"] = new JsonArray([.. wiegand.Formats.Select(f => (JsonNode)f)]) });
        }

        foreach (var reader in board.Readers)
        {
            readers.Add(new JsonObject { ["name"] = reader.Name, ["kind"] = reader.Kind.WireName() });
        }

        return readers;
    }

    private static JsonArray Names(IEnumerable<BoardKey> keys) => new(keys.Select(k => (JsonNode)k.Name).ToArray());
}
