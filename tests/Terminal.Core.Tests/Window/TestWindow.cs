using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Time;
using Terminal.Core.Window;
using Terminal.TestUtils.Time;

namespace Terminal.Core.Tests.Window;

/// <summary>A <see cref="ServiceWindow"/> driven like the host drives it: commit, show, tick when due.</summary>
internal sealed class TestWindow
{
    public static readonly KeyLayout WithReasons = new([5, 4, 3, 2, 1], ["attitude", "efficiency", "other"]);

    public TestWindow(WindowSettings? settings = null, KeyLayout? keys = null)
    {
        Factory = new EventFactory(new TerminalIdentity("T-0412", "H-01", "12"), new FakeDeviceClock(Time));
        Window = new ServiceWindow(settings ?? WindowSettings.Default, keys ?? KeyLayout.FiveKeys, Factory, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public EventFactory Factory { get; }

    public ServiceWindow Window { get; }

    public List<EventEnvelope> Committed { get; } = [];

    public List<Cue> Cues { get; } = [];

    public Decision Press(int level) => Key($"k{level}", KeyRole.Rating, level, null, KeyAction.Pressed);

    public Decision Release(int level) => Key($"k{level}", KeyRole.Rating, level, null, KeyAction.Released);

    public Decision Tap(int level)
    {
        var decision = Press(level);
        Release(level);
        return decision;
    }

    public Decision Invite() => Key("invite", KeyRole.Invite, null, null, KeyAction.Pressed);

    public Decision Pause() => Key("pause", KeyRole.Pause, null, null, KeyAction.Pressed);

    public Decision Reason(string code) => Key($"r-{code}", KeyRole.Reason, null, code, KeyAction.Pressed);

    public Decision Key(string key, KeyRole role, int? level, string? reason, KeyAction action) =>
        Record(Window.OnKey(new KeyInput(key, role, level, reason, action)));

    public Decision Badge(long number, long facility = 12) => Record(Window.OnBadge(new BadgeSwipe("H10301", facility, number)));

    public Decision Swipe(BadgeSwipe swipe) => Record(Window.OnBadge(swipe));

    public Decision Open(string? session = null, CaseInfo? @case = null) => Record(Window.OpenSession(session, @case, out _));

    /// <summary>Lets time pass the way the host does: one timer armed to DueIn, OnTick when it fires.</summary>
    public void Advance(TimeSpan span)
    {
        var left = span;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var due = Window.DueIn();
            if (due is null || due > left)
            {
                Time.Advance(left);
                return;
            }

            Time.Advance(due.Value);
            left -= due.Value;
            Record(Window.OnTick());
        }

        throw new InvalidOperationException("DueIn keeps asking for ticks without progress");
    }

    public Decision Record(Decision decision)
    {
        Committed.AddRange(decision.Events);
        Cues.AddRange(decision.Cues);
        return decision;
    }

    public IReadOnlyList<T> Data<T>()
        where T : EventData => [.. Committed.Select(e => e.Data).OfType<T>()];

    private sealed class FakeDeviceClock(FakeTimeProvider time) : IDeviceClock
    {
        public ClockReading Read() =>
            new(time.GetUtcNow(), Synced: true, BootId: "5f0c-boot", UptimeMs: time.GetTimestamp() * 1000 / time.TimestampFrequency);
    }
}
