using System.Text.Json;
using System.Text.Json.Nodes;

namespace Terminal.Core.Settings;

/// <summary>
/// <see cref="WindowSettings"/> as JSON, from the settings table: in configuration form
/// (<c>{"Terminal":{"Rating":{…},"Attendance":{…}}}</c>, the layer the host persists after
/// <c>config.set</c> and loads at start, SPEC §6) or in the camelCase form of a command result.
/// </summary>
public static class SettingsJson
{
    /// <summary>Property name style.</summary>
    public enum Casing
    {
        /// <summary>Configuration file form, under <c>Terminal</c>.</summary>
        Configuration,

        /// <summary>camelCase without the <c>Terminal</c> level, as in <c>config.set</c> and its result.</summary>
        Camel,
    }

    /// <summary>UTF-8 JSON of <paramref name="settings"/> in the given form.</summary>
    public static byte[] Serialize(WindowSettings settings, Casing casing = Casing.Configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = new JsonObject();
        foreach (var (setting, text) in settings.Values)
        {
            Place(root, setting, text, casing);
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, new JsonSerializerOptions { WriteIndented = casing == Casing.Configuration });
    }

    /// <summary>
    /// Writes into a configuration layer (<paramref name="layer"/>, possibly holding earlier changes)
    /// the settings whose value differs between <paramref name="before"/> and <paramref name="after"/>;
    /// keys not changed are left out, so a later edit of the device file still applies to them.
    /// </summary>
    public static void WriteChanges(JsonObject layer, WindowSettings before, WindowSettings after)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var ((setting, was), (_, now)) in before.Values.Zip(after.Values))
        {
            if (was != now)
            {
                Place(layer, setting, now, Casing.Configuration);
            }
        }
    }

    /// <summary>The JSON property name of a key part in the given casing.</summary>
    public static string Name(string part, Casing casing) =>
        casing == Casing.Configuration ? part : char.ToLowerInvariant(part[0]) + part[1..];

    private static void Place(JsonObject root, Setting setting, string text, Casing casing)
    {
        var parts = setting.Key.Split(':');
        var node = root;
        foreach (var part in parts[(casing == Casing.Camel ? 1 : 0)..^1])
        {
            var name = Name(part, casing);
            if (node[name] is not JsonObject child)
            {
                child = [];
                node[name] = child;
            }

            node = child;
        }

        node[Name(parts[^1], casing)] = text;
    }
}
