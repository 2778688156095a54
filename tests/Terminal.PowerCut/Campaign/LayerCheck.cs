using System.Text.Json;

namespace Terminal.PowerCut.Campaign;

/// <summary>
/// The roster cache and the <c>config.set</c> settings layer after a cut: each must be the version
/// last confirmed before the cut or one sent after it (old or new), whole, never torn or older.
/// What was sent and confirmed comes from the guest's layers.log (roster-sent/-cached, config-sent/-confirmed).
/// </summary>
internal static class LayerCheck
{
    /// <summary>Problems of the layers found at the start of a boot, given the layers.log lines of every earlier boot.</summary>
    public static IEnumerable<string> Check(LayerFiles layers, IEnumerable<string> earlierLog)
    {
        var log = earlierLog.Select(l => l.Split(' ')).Where(p => p.Length >= 2).ToList();
        var roster = Allowed(log, "roster-sent", "roster-cached");
        var settings = Allowed(log, "config-sent", "config-confirmed");
        return Roster(layers.Roster, roster).Concat(Settings(layers.Settings, settings)).Concat(Held(layers.HeldRating));
    }

    /// <summary>The last confirmed value (null: none yet) and every value sent after it.</summary>
    private static (string? Confirmed, HashSet<string> Allowed) Allowed(List<string[]> log, string sent, string confirmed)
    {
        string? last = null;
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in log)
        {
            if (entry[0] == confirmed)
            {
                last = entry[1];
                allowed.Clear();
                allowed.Add(entry[1]);
            }
            else if (entry[0] == sent)
            {
                allowed.Add(entry[1]);
            }
        }

        return (last, allowed);
    }

    private static IEnumerable<string> Roster(string? text, (string? Confirmed, HashSet<string> Allowed) expected)
    {
        if (text is null)
        {
            return expected.Confirmed is null ? [] : [$"roster.json is missing; version {expected.Confirmed} was cached before the cut"];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var version = json.RootElement.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var staff = json.RootElement.GetProperty("staff").EnumerateArray().ToList();
            if (staff.Count != 40 || staff.Any(s => s.GetProperty("name").GetString()?.EndsWith($" v{version}", StringComparison.Ordinal) != true))
            {
                return [$"roster.json version {version} is torn: its entries are not all of that version"];
            }

            return expected.Allowed.Contains(version)
                ? []
                : [$"roster.json holds version {version}, expected {Describe(expected)}"];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"roster.json is torn ({text.Length} bytes): {e.Message}"];
        }
    }

    private static IEnumerable<string> Settings(string? text, (string? Confirmed, HashSet<string> Allowed) expected)
    {
        if (text is null)
        {
            return expected.Confirmed is null ? [] : [$"settings.json is missing; DuplicateWindow {expected.Confirmed} was confirmed before the cut"];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var value = json.RootElement.GetProperty("Terminal").GetProperty("Attendance").GetProperty("DuplicateWindow").GetString() ?? "";
            return expected.Allowed.Contains(value) ? [] : [$"settings.json holds DuplicateWindow {value}, expected {Describe(expected)}"];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"settings.json is torn ({text.Length} bytes): {e.Message}"];
        }
    }

    private static IEnumerable<string> Held(string? text)
    {
        if (text is null)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("id", out _) ? [] : ["held-rating.json has no id"];
        }
        catch (JsonException e)
        {
            return [$"held-rating.json is torn ({text.Length} bytes): {e.Message}"];
        }
    }

    private static string Describe((string? Confirmed, HashSet<string> Allowed) expected) =>
        $"{expected.Confirmed ?? "none"} (confirmed) or one sent after it [{string.Join(", ", expected.Allowed)}]";
}
