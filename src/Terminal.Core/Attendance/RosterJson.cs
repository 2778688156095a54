using System.Text.Json;
using Terminal.Core.Events;

namespace Terminal.Core.Attendance;

/// <summary>
/// The roster's wire and cache form (docs/mqtt.md#roster):
/// <c>{"version":17,"staff":[{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}</c>,
/// plus the 亮身份 card's <c>photo</c>, <c>pledge</c>, <c>badges</c> and <c>stars</c> (<see cref="RosterDisplayJson"/>).
/// Unknown fields are ignored, so the hall server can add some without breaking older terminals.
/// </summary>
public static class RosterJson
{
    /// <summary>Parses and validates a roster; false with a reason naming the field when invalid.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Roster? roster, out string error)
    {
        roster = null;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            return TryRead(document.RootElement, out roster, out error);
        }
        catch (JsonException e)
        {
            error = $"roster is not JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>Writes the roster in its wire form, e.g. to cache it on disk.</summary>
    public static byte[] Serialize(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return JsonSerializer.SerializeToUtf8Bytes(new { version = roster.Version, staff = roster.Staff }, EventJson.Options);
    }

    private static bool TryRead(JsonElement root, out Roster? roster, out string error)
    {
        roster = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("roster: must be a JSON object", out error);
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt64(out var number) || number < 0)
        {
            return Fail("roster.version: must be a non-negative integer", out error);
        }

        if (!root.TryGetProperty("staff", out var staff) || staff.ValueKind != JsonValueKind.Array)
        {
            return Fail("roster.staff: must be an array", out error);
        }

        var entries = new List<RosterEntry>();
        var owners = new Dictionary<CardKey, string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in staff.EnumerateArray())
        {
            var path = $"roster.staff[{index++}]";
            if (!TryReadEntry(item, path, out var entry, out error))
            {
                return false;
            }

            if (!ids.Add(entry!.Staff))
            {
                return Fail($"{path}.staff: '{entry.Staff}' appears twice", out error);
            }

            foreach (var card in entry.Cards)
            {
                _ = CardKey.TryParse(card, out var key, out _);
                if (!owners.TryAdd(key, entry.Staff))
                {
                    return Fail($"{path}.cards: card {key} also belongs to {owners[key]}", out error);
                }
            }

            entries.Add(entry);
        }

        roster = new Roster(number, entries);
        error = "";
        return true;
    }

    private static bool TryReadEntry(JsonElement item, string path, out RosterEntry? entry, out string error)
    {
        entry = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail($"{path}: must be an object", out error);
        }

        if (!item.TryGetProperty("staff", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            return Fail($"{path}.staff: must be a non-empty string", out error);
        }

        if (!TryOptionalString(item, "name", out var name) || !TryOptionalString(item, "title", out var title))
        {
            return Fail($"{path}: name and title must be strings or null", out error);
        }

        var cards = new List<string>();
        if (item.TryGetProperty("cards", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return Fail($"{path}.cards: must be an array of strings", out error);
            }

            foreach (var card in list.EnumerateArray())
            {
                if (card.ValueKind != JsonValueKind.String)
                {
                    return Fail($"{path}.cards: must hold strings", out error);
                }

                if (!CardKey.TryParse(card.GetString(), out _, out var cardError))
                {
                    return Fail($"{path}.cards: {cardError}", out error);
                }

                cards.Add(card.GetString()!);
            }
        }

        return RosterDisplayJson.TryRead(item, path, new RosterEntry(id.GetString()!, name, title, cards), out entry, out error);
    }

    private static bool TryOptionalString(JsonElement item, string property, out string? value)
    {
        value = null;
        if (!item.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
