namespace Terminal.Mqtt.Diagnostics;

/// <summary>
/// When the next "still cannot connect" summary is due: 1 min after the first line, then at doubling
/// intervals up to one an hour (a 10-minute outage: 3 summaries; a day: about 28 lines).
/// </summary>
internal sealed class SummarySchedule(DateTimeOffset start)
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    private TimeSpan _interval = First;

    public DateTimeOffset DueAt { get; private set; } = start + First;

    /// <summary>Whether a summary is due at <paramref name="now"/>; if so, the next one is scheduled.</summary>
    public bool TakeDue(DateTimeOffset now)
    {
        if (now < DueAt)
        {
            return false;
        }

        _interval = _interval * 2 > Cap ? Cap : _interval * 2;
        DueAt = now + _interval;
        return true;
    }
}
