using Terminal.Core.Events;
using Terminal.Core.Settings;
using Terminal.Core.Window;

namespace Terminal.Core.Keys;

/// <summary>
/// The one place stuck keys are decided (SPEC §3.1): a key held past <c>StuckAfter</c> — the value
/// in force now, so a <c>config.set</c> applies to keys already down — raises <c>key-stuck</c> and is
/// ignored until released; its release raises <c>key-released</c>. A key already down when the
/// terminal started is watched the same way but never rates.
/// </summary>
internal sealed class StuckKeys(WindowContext context)
{
    private readonly Dictionary<string, long> _down = [];
    private readonly SortedSet<string> _stuck = new(StringComparer.Ordinal);

    private TimeSpan StuckAfter => context.Settings.Get(TerminalSettings.Rating.StuckAfter);

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
            case KeyAction.HeldAtStart:
                _down.TryAdd(input.Key, context.Now);
                return false;
            case KeyAction.Released:
                _down.Remove(input.Key);
                if (_stuck.Remove(input.Key))
                {
                    decision.Commit(Fault(FaultCodes.KeyReleased, input.Key, $"key {input.Key} released"));
                }

                return false;
            default:
                return false;
        }
    }

    public void Tick(long now, DecisionBuilder decision)
    {
        var stuckAfter = StuckAfter;
        foreach (var (key, since) in _down.Where(d => !_stuck.Contains(d.Key)).OrderBy(d => d.Value).ToList())
        {
            if (context.Remaining(since, stuckAfter, now) <= TimeSpan.Zero && _stuck.Add(key))
            {
                decision.Commit(Fault(FaultCodes.KeyStuck, key, $"key {key} held longer than {stuckAfter:c}"));
            }
        }
    }

    public TimeSpan? DueIn(long now)
    {
        var held = _down.Where(d => !_stuck.Contains(d.Key)).Select(d => (long?)d.Value).Min();
        return held is long since ? context.Remaining(since, StuckAfter, now) : null;
    }

    private EventEnvelope Fault(string code, string key, string detail) =>
        context.Events.Create(EventType.Fault, context.Staff, new FaultData { Code = code, Detail = detail, Source = key });
}
