using System.Globalization;
using System.Text.Json;

namespace Terminal.Cli.Status;

/// <summary>
/// The <c>broker</c> part of <c>/status</c> for people: where it is connected, or since when it is not,
/// and the cause by code and in words (the same words as the terminal's log line).
/// </summary>
internal static class BrokerLines
{
    public static IEnumerable<string> Describe(JsonElement broker)
    {
        var state = Text(broker, "state") ?? "unknown";
        var uri = Text(broker, "uri") ?? "no broker yet";
        var since = Time(broker, "since") is { } s ? $" since {s}" : string.Empty;
        if (state == "connected")
        {
            yield return $"broker      connected to {uri}{since}";
            yield break;
        }

        var attempts = broker.TryGetProperty("failedAttempts", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;
        var next = Time(broker, "nextAttemptAt") is { } at ? $", next attempt {at}" : string.Empty;
        yield return $"broker      {state}{since}: {attempts} failed attempts{next}; last tried {uri}";
        if (Text(broker, "cause") is { } cause)
        {
            yield return $"cause       {cause}: {Text(broker, "error")}";
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Time(JsonElement e, string name) =>
        Text(e, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;
}
