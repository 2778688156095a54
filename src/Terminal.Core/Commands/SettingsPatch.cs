using Terminal.Core.Settings;

namespace Terminal.Core.Commands;

/// <summary>The subset of <c>Terminal:Rating</c> / <c>Terminal:Attendance</c> a <c>config.set</c> gives.</summary>
public sealed record SettingsPatch
{
    /// <summary><c>Rating:Mode</c>, or null to keep.</summary>
    public RatingMode? Mode { get; init; }

    /// <summary><c>Rating:SessionTimeout</c>, or null to keep.</summary>
    public TimeSpan? SessionTimeout { get; init; }

    /// <summary><c>Rating:ReasonTimeout</c>, or null to keep.</summary>
    public TimeSpan? ReasonTimeout { get; init; }

    /// <summary><c>Rating:Cooldown</c>, or null to keep.</summary>
    public TimeSpan? Cooldown { get; init; }

    /// <summary><c>Rating:StuckAfter</c>, or null to keep.</summary>
    public TimeSpan? StuckAfter { get; init; }

    /// <summary><c>Attendance:DuplicateWindow</c>, or null to keep.</summary>
    public TimeSpan? DuplicateWindow { get; init; }

    /// <summary>The settings with this patch applied (not yet validated).</summary>
    public WindowSettings ApplyTo(WindowSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var rating = current.Rating;
        return new WindowSettings(
            rating with
            {
                Mode = Mode ?? rating.Mode,
                SessionTimeout = SessionTimeout ?? rating.SessionTimeout,
                ReasonTimeout = ReasonTimeout ?? rating.ReasonTimeout,
                Cooldown = Cooldown ?? rating.Cooldown,
                StuckAfter = StuckAfter ?? rating.StuckAfter,
            },
            current.Attendance with { DuplicateWindow = DuplicateWindow ?? current.Attendance.DuplicateWindow });
    }
}
