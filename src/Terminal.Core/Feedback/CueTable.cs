using System.Globalization;
using System.Text;

namespace Terminal.Core.Feedback;

/// <summary>
/// The one table of feedback patterns (docs/mqtt.md#rating: a press is acknowledged at once by LED and tone).
/// The README's feedback table is generated from it by <see cref="ToMarkdown"/>.
/// </summary>
public static class CueTable
{
    /// <summary>Every cue's pattern, one per <see cref="CueKind"/>.</summary>
    public static IReadOnlyList<CuePattern> All { get; } =
    [
        new(CueKind.Idle, LedMode.Off, LedMode.Off, LedMode.Off, [], null, null,
            "nothing to do; no session open"),
        new(CueKind.Prompting, LedMode.Blink, LedMode.Blink, LedMode.Off, [100, 100, 100], "您好，请您对我的服务做出评价", null,
            "a session is open: please rate"),
        new(CueKind.Thanks, LedMode.Off, LedMode.On, LedMode.Off, [300], "谢谢您的评价", null,
            "the press counted (the pressed key stays lit until the cooldown ends)"),
        new(CueKind.ReasonPrompt, LedMode.Off, LedMode.On, LedMode.Blink, [100, 100, 100, 100, 100], "请选择不满意的原因", null,
            "bad rating taken: please choose a reason"),
        new(CueKind.SignedIn, LedMode.Unchanged, LedMode.Unchanged, LedMode.Unchanged, [100, 60, 300], null, TimeSpan.FromSeconds(1),
            "staff card signed in (short-long beep)"),
        new(CueKind.SignedOut, LedMode.Unchanged, LedMode.Unchanged, LedMode.Unchanged, [300, 60, 100], null, TimeSpan.FromSeconds(1),
            "staff card signed out (long-short beep)"),
        new(CueKind.UnknownCard, LedMode.FastBlink, LedMode.FastBlink, LedMode.Unchanged, [80, 80, 80, 80, 80, 80, 80], null, TimeSpan.FromSeconds(2),
            "card not in the roster: recorded, shown as unknown"),
        new(CueKind.Paused, LedMode.Unchanged, LedMode.Unchanged, LedMode.Unchanged, [500], null, TimeSpan.FromSeconds(1),
            "staff paused (暂离)"),
        new(CueKind.Resumed, LedMode.Unchanged, LedMode.Unchanged, LedMode.Unchanged, [100, 60, 100], null, TimeSpan.FromSeconds(1),
            "staff back from a pause"),
        new(CueKind.StorageFull, LedMode.FastBlink, LedMode.FastBlink, LedMode.Off, [600, 200, 600], null, null,
            "buffer full: presses and swipes are refused, call a field engineer"),
    ];

    /// <summary>The pattern of <paramref name="kind"/>.</summary>
    public static CuePattern For(CueKind kind) =>
        All.FirstOrDefault(p => p.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no pattern for this cue");

    /// <summary>The table as Markdown, for the README.</summary>
    public static string ToMarkdown()
    {
        var table = new StringBuilder()
            .AppendLine("| cue | rating LEDs | pressed key | reason LEDs | buzzer (ms on/off) | voice | shown | meaning |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var p in All)
        {
            var buzzer = p.Buzzer.Count == 0 ? "silent" : string.Join("/", p.Buzzer);
            var hold = p.Hold is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h.TotalSeconds:0.#} s") : "until next";
            table.AppendLine(CultureInfo.InvariantCulture, $"| {p.Kind} | {Led(p.RatingLeds)} | {Led(p.CueKeyLed)} | {Led(p.ReasonLeds)} | {buzzer} | {p.Voice ?? "—"} | {hold} | {p.Meaning} |");
        }

        return table.ToString();
    }

    private static string Led(LedMode mode) => mode switch
    {
        LedMode.Unchanged => "unchanged",
        LedMode.Off => "off",
        LedMode.On => "on",
        LedMode.Blink => "blink 1 Hz",
        LedMode.FastBlink => "blink 4 Hz",
        _ => mode.ToString(),
    };
}
