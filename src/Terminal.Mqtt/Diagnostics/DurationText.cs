using System.Globalization;

namespace Terminal.Mqtt.Diagnostics;

/// <summary>Durations as people read them in a log: "0.4 s", "42 s", "10 min 3 s", "2 h 5 min", "3 d 4 h".</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var d = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        return d switch
        {
            { TotalSeconds: < 10 } => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0} s"),
            { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalSeconds} s"),
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} min {d.Seconds} s"),
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{d.Hours} h {d.Minutes} min"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalDays} d {d.Hours} h"),
        };
    }

    /// <summary>A point in time as UTC, to the second: <c>2026-11-21 10:00:00Z</c>.</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
