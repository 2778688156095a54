using System.Globalization;
using System.Text.Json;
using Terminal.Core.Attendance;

namespace Terminal.Cli.Output;

/// <summary>One human-readable line per event envelope (SPEC §5.1); card numbers masked (SPEC §5.2).</summary>
internal static class EventLine
{
    public static string Format(JsonElement e)
    {
        var data = e.GetProperty("data");
        var head = $"#{Num(e, "seq")} {Str(e, "at")} {Str(e, "terminal")} {Str(e, "type"),-10}";
        var body = Str(e, "type") switch
        {
            "rating" => $"level {Num(data, "level")} {Str(data, "label")} key {Str(data, "key")}"
                + (Str(data, "misuse") is { Length: > 0 } m ? $" misuse {m} ×{Num(data, "count")}" : string.Empty)
                + (data.TryGetProperty("reasons", out var r) && r.GetArrayLength() > 0 ? $" reasons {string.Join(',', r.EnumerateArray().Select(x => x.GetString()))}" : string.Empty),
            "session" => $"{Str(data, "action")} {Str(data, "source")} {Str(data, "outcome")}".TrimEnd(),
            "attendance" => $"{Str(data, "action")} {Str(data, "staff") ?? "unknown"} {Str(data, "name")} card {Mask(Str(data, "card"))}"
                + (data.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True ? " (duplicate)" : string.Empty),
            "fault" => $"{Str(data, "code")} {Str(data, "detail")}",
            _ => data.GetRawText(),
        };
        return $"{head} {body}";
    }

    /// <summary>All but the last 4 digits masked (SPEC §5.2), or <c>-</c> without a card.</summary>
    public static string Mask(string? card) => card is null ? "-" : CardMask.Mask(card);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";

    /// <summary>Formats a number for people.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
