using System.Text.Json;
using Terminal.Core.Settings;

namespace Terminal.Core.Commands;

/// <summary>
/// Reads <c>config.set</c>: <c>{"rating":{"sessionTimeout":"00:00:45",…},"attendance":{…}}</c>,
/// the settings of <see cref="TerminalSettings.SettableAtRunTime"/> by section and name,
/// case-insensitive as in .NET configuration, values in their configuration-file form (SPEC §6).
/// Ranges are checked later, as a whole, with the current settings.
/// </summary>
internal static class ConfigSetReader
{
    public static IReadOnlyList<SettingChange> Read(CommandFields fields)
    {
        var changes = new List<SettingChange>();
        foreach (var section in fields.Payload.EnumerateObject())
        {
            if (section.Name is "id" or "replyTo")
            {
                continue;
            }

            var settable = TerminalSettings.SettableAtRunTime.Where(s => Matches(s.Section, section.Name)).ToList();
            if (settable.Count == 0)
            {
                var sections = TerminalSettings.SettableAtRunTime.Select(s => $"'{SettingsJson.Name(s.Section.Split(':')[^1], SettingsJson.Casing.Camel)}'").Distinct();
                throw CommandRefusedException.Field($"config.set can set {string.Join(" and ", sections)}, not '{section.Name}'");
            }

            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                throw CommandRefusedException.Field($"'{section.Name}' must be an object, not {CommandFields.Kind(section.Value)}");
            }

            foreach (var property in section.Value.EnumerateObject())
            {
                var setting = settable.FirstOrDefault(s => s.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw CommandRefusedException.Field($"{settable[0].Section} has no setting '{property.Name}'");
                changes.Add(new SettingChange(setting, Value(setting, property.Value)));
            }

            fields.MarkRead(section.Name);
        }

        return changes;
    }

    private static bool Matches(string section, string name) => section.Split(':')[^1].Equals(name, StringComparison.OrdinalIgnoreCase);

    private static object Value(Setting setting, JsonElement json)
    {
        var text = json.ValueKind switch
        {
            JsonValueKind.String => json.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => json.GetRawText(),
            _ => throw CommandRefusedException.Field($"{setting.Key} must be {setting.Rule}, not {CommandFields.Kind(json)}"),
        };
        return setting.TryReadText(text, out var value, out var reason) ? value! : throw CommandRefusedException.Field($"{setting.Key}: {reason}");
    }
}
