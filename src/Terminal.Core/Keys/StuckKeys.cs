using Terminal.Core.Events;
using Terminal.Core.Window;

namespace Terminal.Core.Keys;

/// <summary>
/// Watches how long keys are held: past <c>stuckAfter</c> a key raises <c>key-stuck</c> and is
/// ignored until released, and its release raises <c>key-released</c> (SPEC §3.1). The hardware
/// may also report <see cref="KeyAction.Stuck"/> itself; either way the fault is raised once.
/// </summary>
internal sealed class StuckKeys(WindowContext context)
{
    private readonly Dictionary<string, long> _down = [];
    private readonly SortedSet<string> _stuck = new(StringComparer.Ordinal);

    /// <summary>Keys currently stuck, for the status document's <c>faults</c>.</summary>
    public IReadOnlyCollection<string> Stuck => _stuck;

    /// <summary>Tracks the transition; true when it is a press the window should act on.</summary>
    public bool Accept(KeyInput input, DecisionBuilder decision)
    {
        switch (input.Action)
        {
            case KeyAction.Pressed:
                if (_stuck.Contains(input.Key))
                {
                    return false;
                }

                _down.TryAdd(input.Key, context.Now);
                return true;
            case KeyAction.Released:
                _down.Remove(input.Key);
                if (_stuck.Remove(input.Key))
                {
                    decision.Commit(Fault("key-released", input.Key, $"key {input.Key} released"));
                }

                return false;
            case KeyAction.Stuck:
                MarkStuck(input.Key, decision);
                return false;
            default:
                return false;
        }
    }

    public void Tick(long now, DecisionBuilder decision)
    {
        var stuckAfter = context.Settings.Rating.StuckAfter;
        foreach (var (key, since) in _down.Where(d => !_stuck.Contains(d.Key)).OrderBy(d => d.Value).ToList())
        {
            if (context.Remaining(since, stuckAfter, now) <= TimeSpan.Zero)
            {
                MarkStuck(key, decision);
            }
        }
    }

    public TimeSpan? DueIn(long now)
    {
        var held = _down.Where(d => !_stuck.Contains(d.Key)).Select(d => (long?)d.Value).Min();
        return held is long since ? context.Remaining(since, context.Settings.Rating.StuckAfter, now) : null;
    }

    private void MarkStuck(string key, DecisionBuilder decision)
    {
        if (_stuck.Add(key))
        {
            decision.Commit(Fault("key-stuck", key, $"key {key} held longer than {context.Settings.Rating.StuckAfter:c}"));
        }
    }

    private EventEnvelope Fault(string code, string key, string detail) =>
        context.Events.Create(EventType.Fault, context.Staff, new FaultData { Code = code, Detail = detail, Source = key });
}
