namespace Terminal.Core.Settings;

/// <summary>The <c>Terminal:Attendance</c> settings (SPEC §3.2, §6).</summary>
public sealed record AttendanceSettings
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Terminal:Attendance";

    /// <summary>A swipe of the same card within this time is recorded as a duplicate and changes nothing.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reasons this section is invalid, each naming the key; empty when valid.</summary>
    public IEnumerable<string> Validate() =>
        SettingRange.Check($"{Section}:DuplicateWindow", DuplicateWindow, TimeSpan.Zero, TimeSpan.FromHours(1));
}
