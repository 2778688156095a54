using Terminal.Core.Feedback;
using Terminal.Hardware.Board;
using Terminal.Hardware.Indicators;
using Terminal.Host.Loop;

namespace Terminal.Host.Board;

/// <summary>
/// Shows cues on the board's LEDs and buzzer as <see cref="CueTable"/> describes them. Steady cues
/// stay until the next one; transient cues (a swipe's tone) play for their hold time and then the
/// last steady cue shows again.
/// </summary>
internal sealed class BoardFeedback : IFeedbackDisplay, IDisposable
{
    private static readonly TimeSpan BlinkPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FastBlinkPeriod = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private readonly BoardLines _lines;
    private readonly Dictionary<string, IndicatorOutput> _leds = new(StringComparer.Ordinal);
    private readonly IndicatorOutput? _buzzer;
    private readonly ITimer _restore;
    private Cue _steady = new(CueKind.Idle);

    public BoardFeedback(BoardLines lines, TimeProvider time)
    {
        _lines = lines;
        if (lines.Outputs is { } outputs)
        {
            foreach (var key in lines.Board.Keys.Where(k => k.Led is not null))
            {
                _leds[key.Name] = new IndicatorOutput(outputs, key.Led!.Value, time);
            }

            if (lines.Board.Buzzer is { } buzzer)
            {
                _buzzer = new IndicatorOutput(outputs, buzzer.Line, time);
            }
        }

        _restore = time.CreateTimer(_ => Restore(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The last steady cue shown.</summary>
    public Cue Steady
    {
        get
        {
            lock (_gate)
            {
                return _steady;
            }
        }
    }

    public void Show(IReadOnlyList<Cue> cues)
    {
        foreach (var cue in cues)
        {
            Show(cue);
        }
    }

    public void Dispose()
    {
        _restore.Dispose();
        foreach (var led in _leds.Values)
        {
            led.Dispose();
        }

        _buzzer?.Dispose();
    }

    private void Show(Cue cue)
    {
        var pattern = CueTable.For(cue.Kind);
        lock (_gate)
        {
            if (pattern.Hold is { } hold)
            {
                _restore.Change(hold, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _steady = cue;
                _restore.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            foreach (var key in _lines.Board.Keys.Where(k => _leds.ContainsKey(k.Name)))
            {
                var mode = key.Name == cue.Key ? pattern.CueKeyLed
                    : key.Role == BoardKeyRole.Rating ? pattern.RatingLeds
                    : key.Role == BoardKeyRole.Reason ? pattern.ReasonLeds
                    : LedMode.Unchanged;
                if (Led(mode) is { } led)
                {
                    _leds[key.Name].Play(led);
                }
            }

            if (pattern.Buzzer.Count > 0)
            {
                _buzzer?.Play(Tone(pattern.Buzzer));
            }
        }
    }

    private void Restore()
    {
        Cue steady;
        lock (_gate)
        {
            steady = _steady;
        }

        Show(steady);
    }

    private static IndicatorPattern? Led(LedMode mode) => mode switch
    {
        LedMode.Off => IndicatorPattern.Off,
        LedMode.On => IndicatorPattern.On,
        LedMode.Blink => IndicatorPattern.Blink(BlinkPeriod),
        LedMode.FastBlink => IndicatorPattern.Blink(FastBlinkPeriod),
        _ => null,
    };

    /// <summary>The table's alternating on/off milliseconds, starting with on.</summary>
    private static IndicatorPattern Tone(IReadOnlyList<int> onOff) =>
        IndicatorPattern.Sequence("tone", [.. onOff.Select((ms, i) => new IndicatorStep(i % 2 == 0, TimeSpan.FromMilliseconds(ms)))]);
}
