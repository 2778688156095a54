using System.Text.Json;

namespace Terminal.Core.Commands;

/// <summary>Typed reads of a command's top-level fields; anything not read is refused as unknown.</summary>
internal sealed class CommandFields(JsonElement payload)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal) { "id", "replyTo" };

    public JsonElement Payload => payload;

    /// <summary>A string field, or null when absent or JSON null.</summary>
    public string? OptionalString(string name, int maxLength)
    {
        _read.Add(name);
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw CommandRefusedException.Field($"'{name}' must be a string, not {Kind(value)}");
        }

        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            throw CommandRefusedException.Field($"'{name}' must be 1–{maxLength} characters");
        }

        return text;
    }

    public string RequiredString(string name, int maxLength) =>
        OptionalString(name, maxLength) ?? throw CommandRefusedException.Field($"'{name}' is required");

    /// <summary>Marks a field handled by a reader that walks the object itself.</summary>
    public void MarkRead(string name) => _read.Add(name);

    /// <summary>Refuses fields the command does not know, so a typo is not silently ignored.</summary>
    public void RefuseUnknown(string command)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw CommandRefusedException.Field($"{command} has no field '{property.Name}'");
            }
        }
    }

    public static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}
