namespace Terminal.Core.Settings;

/// <summary>Everything a <see cref="Window.ServiceWindow"/> can be told at run time (<c>config.set</c>, SPEC §5.4).</summary>
/// <param name="Rating">The <c>Terminal:Rating</c> section.</param>
/// <param name="Attendance">The <c>Terminal:Attendance</c> section.</param>
public sealed record WindowSettings(RatingSettings Rating, AttendanceSettings Attendance)
{
    /// <summary>The defaults of SPEC §3.</summary>
    public static WindowSettings Default { get; } = new(new RatingSettings(), new AttendanceSettings());

    /// <summary>Reasons the settings are invalid, each <c>Terminal:Section:Key: why (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        ArgumentNullException.ThrowIfNull(Rating);
        ArgumentNullException.ThrowIfNull(Attendance);
        return [.. Rating.Validate(), .. Attendance.Validate()];
    }
}
