using Terminal.Core.Events;
using Terminal.Core.Window;

namespace Terminal.Core.Rating;

/// <summary>
/// Repeat presses of one burst, aggregated per key into one <c>misuse: "repeat"</c> event with a
/// <c>count</c> (docs/mqtt.md#rating): recorded, never dropped, but a hammering child cannot flood the buffer.
/// Each key's event is stamped at its first repeat press and committed when the burst is flushed.
/// </summary>
internal sealed class RepeatBurst
{
    private readonly List<Entry> _entries = [];

    /// <summary>Monotonic timestamp of the burst's first repeat, or null when empty.</summary>
    public long? StartedAt { get; private set; }

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Counts a repeat press of <paramref name="key"/>; <paramref name="stamp"/> makes its event on the first one.</summary>
    public void Add(string key, long now, Func<EventEnvelope> stamp)
    {
        StartedAt ??= now;
        var index = _entries.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            _entries.Add(new Entry(key, stamp(), 1));
        }
        else
        {
            _entries[index] = _entries[index] with { Count = _entries[index].Count + 1 };
        }
    }

    /// <summary>Commits one event per key, in order of first press, and empties the burst.</summary>
    public void Flush(DecisionBuilder decision)
    {
        foreach (var entry in _entries)
        {
            var data = (RatingData)entry.First.Data;
            decision.Commit(entry.First with { Data = data with { Count = entry.Count } });
        }

        _entries.Clear();
        StartedAt = null;
    }

    private sealed record Entry(string Key, EventEnvelope First, int Count);
}
