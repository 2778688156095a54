using System.Text.Json;

namespace Terminal.PowerCut.Campaign;

/// <summary>What the checks need of one event envelope (docs/mqtt.md#envelope), from any of the records.</summary>
internal sealed record EventRecord(string Id, long Seq, string Type, string? Session, string? Action, string? Outcome, string? Misuse, string? Code, string? Detail = null)
{
    /// <summary>A session closed as rated: its rating must exist somewhere, held or not.</summary>
    public bool ClosesRated => Type == "session" && Action == "closed" && Outcome == "rated";

    /// <summary>The rating of a session (not an aggregated repeat).</summary>
    public bool IsRatingOf(string session) => Type == "rating" && Misuse is null && Session == session;

    /// <summary>
    /// The envelopes of one line: an envelope (terminalctl --json, export, subscriber) or the control
    /// API's <c>{"events":[…]}</c>; none for anything else (a probe, a line cut short by the power cut).
    /// </summary>
    public static IEnumerable<EventRecord> Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
            {
                return events.EnumerateArray().Select(Read).OfType<EventRecord>().ToList();
            }

            return Read(root) is { } record ? [record] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Every whole envelope in a JSON-lines file; none when the file does not exist.</summary>
    public static IReadOnlyList<EventRecord> ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).SelectMany(Parse).ToList() : [];

    private static EventRecord? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("id", out var id) || !root.TryGetProperty("seq", out var seq) || !root.TryGetProperty("type", out var type))
        {
            return null;
        }

        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return new EventRecord(
            id.GetString()!, seq.GetInt64(), type.GetString()!, Text(data, "session"), Text(data, "action"), Text(data, "outcome"), Text(data, "misuse"), Text(data, "code"), Text(data, "detail"));
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
