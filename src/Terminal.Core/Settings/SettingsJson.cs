using System.Globalization;
using System.Text.Json;

namespace Terminal.Core.Settings;

/// <summary>
/// Writes <see cref="WindowSettings"/> as JSON: in configuration form
/// (<c>{"Terminal":{"Rating":{…},"Attendance":{…}}}</c>, a layer the host can persist after
/// <c>config.set</c> and load at start, SPEC §6) or in the camelCase form of a command result.
/// </summary>
public static class SettingsJson
{
    /// <summary>Property name style.</summary>
    public enum Casing
    {
        /// <summary>Configuration file form, under <c>Terminal</c>.</summary>
        Configuration,

        /// <summary>camelCase, as in <c>config.set</c> and its result.</summary>
        Camel,
    }

    /// <summary>UTF-8 JSON of <paramref name="settings"/> in the given form.</summary>
    public static byte[] Serialize(WindowSettings settings, Casing casing = Casing.Configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var pascal = casing == Casing.Configuration;
        string Name(string name) => pascal ? name : char.ToLowerInvariant(name[0]) + name[1..];
        static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = pascal }))
        {
            writer.WriteStartObject();
            if (pascal)
            {
                writer.WriteStartObject("Terminal");
            }

            writer.WriteStartObject(Name("Rating"));
            writer.WriteString(Name("Mode"), settings.Rating.Mode == RatingMode.Free ? "free" : "session");
            writer.WriteString(Name("SessionTimeout"), Duration(settings.Rating.SessionTimeout));
            writer.WriteString(Name("ReasonTimeout"), Duration(settings.Rating.ReasonTimeout));
            writer.WriteString(Name("Cooldown"), Duration(settings.Rating.Cooldown));
            writer.WriteString(Name("StuckAfter"), Duration(settings.Rating.StuckAfter));
            writer.WriteEndObject();
            writer.WriteStartObject(Name("Attendance"));
            writer.WriteString(Name("DuplicateWindow"), Duration(settings.Attendance.DuplicateWindow));
            writer.WriteEndObject();
            if (pascal)
            {
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
