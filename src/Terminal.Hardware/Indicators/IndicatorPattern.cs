namespace Terminal.Hardware.Indicators;

/// <summary>
/// What an LED or buzzer does: a list of on/off steps, played once (then off) or repeated until
/// replaced. The buzzer is a plain on/off (active) buzzer, so "tones" are beep rhythms.
/// </summary>
public sealed class IndicatorPattern
{
    private IndicatorPattern(string name, IReadOnlyList<IndicatorStep> steps, bool repeats, bool finalOn)
    {
        Name = name;
        Steps = steps;
        Repeats = repeats;
        FinalOn = finalOn;
    }

    /// <summary>Steady on.</summary>
    public static IndicatorPattern On { get; } = new("on", [], repeats: false, finalOn: true);

    /// <summary>Steady off.</summary>
    public static IndicatorPattern Off { get; } = new("off", [], repeats: false, finalOn: false);

    /// <summary>Short confirmation beep (80 ms).</summary>
    public static IndicatorPattern Beep { get; } = Sequence("beep", Step(true, 80));

    /// <summary>Two-beep "thank you" after a rating (docs/mqtt.md#rating confirmation tone).</summary>
    public static IndicatorPattern ThankYou { get; } = Sequence("thank-you", Step(true, 100), Step(false, 60), Step(true, 180));

    /// <summary>Long error tone (storage full, refused press).</summary>
    public static IndicatorPattern Error { get; } = Sequence("error", Step(true, 800));

    /// <summary>Name for logs, e.g. <c>blink</c>.</summary>
    public string Name { get; }

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<IndicatorStep> Steps { get; }

    /// <summary>Whether the steps repeat until another pattern replaces this one.</summary>
    public bool Repeats { get; }

    /// <summary>The level left after a non-repeating pattern ends.</summary>
    public bool FinalOn { get; }

    /// <summary>Blinks forever: on for <paramref name="duty"/> of each <paramref name="period"/>.</summary>
    public static IndicatorPattern Blink(TimeSpan period, double duty = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duty, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(duty, 1);
        var on = period * duty;
        return new IndicatorPattern("blink", [new(true, on), new(false, period - on)], repeats: true, finalOn: false);
    }

    /// <summary><paramref name="count"/> flashes of <paramref name="on"/> separated by <paramref name="off"/>, then off.</summary>
    public static IndicatorPattern Flashes(int count, TimeSpan on, TimeSpan off)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var steps = Enumerable.Range(0, count).SelectMany(i => i == 0 ? new[] { new IndicatorStep(true, on) } : [new(false, off), new(true, on)]);
        return new IndicatorPattern("flashes", [.. steps], repeats: false, finalOn: false);
    }

    /// <summary>Any sequence of steps played once, then off.</summary>
    public static IndicatorPattern Sequence(string name, params IndicatorStep[] steps) => new(name, steps, repeats: false, finalOn: false);

    private static IndicatorStep Step(bool on, int ms) => new(on, TimeSpan.FromMilliseconds(ms));
}
