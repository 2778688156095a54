using System.Globalization;
using System.Text.Json;
using Terminal.Core.Settings;

namespace Terminal.Core.Commands;

/// <summary>
/// Reads <c>config.set</c>: <c>{"rating":{"sessionTimeout":"00:00:45",…},"attendance":{…}}</c>.
/// Names are case-insensitive, as in .NET configuration; durations are <c>TimeSpan</c> strings
/// (SPEC §6). Values are range-checked later, as a whole, with the current settings.
/// </summary>
internal static class ConfigSetReader
{
    public static SettingsPatch Read(CommandFields fields)
    {
        var patch = new SettingsPatch();
        foreach (var section in fields.Payload.EnumerateObject())
        {
            if (section.Name is "id" or "replyTo")
            {
                continue;
            }

            var isRating = section.Name.Equals("rating", StringComparison.OrdinalIgnoreCase);
            if (!isRating && !section.Name.Equals("attendance", StringComparison.OrdinalIgnoreCase))
            {
                throw CommandRefusedException.Field($"config.set can set 'rating' and 'attendance', not '{section.Name}'");
            }

            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                throw CommandRefusedException.Field($"'{section.Name}' must be an object, not {CommandFields.Kind(section.Value)}");
            }

            foreach (var setting in section.Value.EnumerateObject())
            {
                patch = isRating ? Rating(patch, setting) : Attendance(patch, setting);
            }

            fields.MarkRead(section.Name);
        }

        return patch;
    }

    private static SettingsPatch Rating(SettingsPatch patch, JsonProperty setting) => setting.Name.ToUpperInvariant() switch
    {
        "MODE" => patch with { Mode = Mode(setting) },
        "SESSIONTIMEOUT" => patch with { SessionTimeout = Duration(setting, RatingSettings.Section) },
        "REASONTIMEOUT" => patch with { ReasonTimeout = Duration(setting, RatingSettings.Section) },
        "COOLDOWN" => patch with { Cooldown = Duration(setting, RatingSettings.Section) },
        "STUCKAFTER" => patch with { StuckAfter = Duration(setting, RatingSettings.Section) },
        _ => throw CommandRefusedException.Field($"{RatingSettings.Section} has no setting '{setting.Name}'"),
    };

    private static SettingsPatch Attendance(SettingsPatch patch, JsonProperty setting) => setting.Name.ToUpperInvariant() switch
    {
        "DUPLICATEWINDOW" => patch with { DuplicateWindow = Duration(setting, AttendanceSettings.Section) },
        _ => throw CommandRefusedException.Field($"{AttendanceSettings.Section} has no setting '{setting.Name}'"),
    };

    private static RatingMode Mode(JsonProperty setting) =>
        (setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()!.ToUpperInvariant() : null) switch
        {
            "SESSION" => RatingMode.Session,
            "FREE" => RatingMode.Free,
            _ => throw CommandRefusedException.Field($"{RatingSettings.Section}:Mode must be \"session\" or \"free\""),
        };

    private static TimeSpan Duration(JsonProperty setting, string section)
    {
        if (setting.Value.ValueKind == JsonValueKind.String
            && TimeSpan.TryParseExact(setting.Value.GetString(), "c", CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw CommandRefusedException.Field($"{section}:{setting.Name} must be a TimeSpan string such as \"00:00:30\"");
    }
}
