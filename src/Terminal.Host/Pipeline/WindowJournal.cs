using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Storage;

namespace Terminal.Host.Pipeline;

/// <summary>
/// What the window must remember across a power cut besides the buffer, in the data directory:
/// the rating held while a reason is asked for, the roster cache (names resolve offline), and the
/// settings changed by <c>config.set</c> (a configuration layer read at start, SPEC §6).
/// </summary>
internal sealed partial class WindowJournal(string dataDirectory, ILogger<WindowJournal> logger)
{
    public const string SettingsFileName = "settings.json";
    private Guid? _held;

    public string HeldRatingPath => Path.Combine(dataDirectory, "held-rating.json");

    public string RosterPath => Path.Combine(dataDirectory, "roster.json");

    public static string SettingsPath(string dataDir) => Path.Combine(dataDir, SettingsFileName);

    /// <summary>Restores what was journaled into a fresh window; returns what to commit first.</summary>
    public Decision Restore(ServiceWindow window)
    {
        if (File.Exists(RosterPath))
        {
            if (RosterJson.TryParse(File.ReadAllBytes(RosterPath), out var roster, out var error))
            {
                window.ApplyRoster(roster!);
            }
            else
            {
                LogUnreadable(RosterPath, error);
            }
        }

        if (!File.Exists(HeldRatingPath))
        {
            return Decision.None;
        }

        try
        {
            var held = EventJson.Deserialize(File.ReadAllBytes(HeldRatingPath));
            _held = held.Id;
            return window.Recover(held);
        }
        catch (System.Text.Json.JsonException e)
        {
            LogUnreadable(HeldRatingPath, e.Message);
            return Decision.None;
        }
    }

    /// <summary>After each input: keep the held rating on disk exactly while the core holds it.</summary>
    public void Record(ServiceWindow window)
    {
        var held = window.HeldRating;
        if (held?.Id == _held)
        {
            return;
        }

        if (held is null)
        {
            DurableFile.Delete(HeldRatingPath);
        }
        else
        {
            DurableFile.Write(HeldRatingPath, EventJson.Serialize(held));
        }

        _held = held?.Id;
    }

    /// <summary>Caches a roster the window accepted.</summary>
    public void SaveRoster(Roster roster) => DurableFile.Write(RosterPath, RosterJson.Serialize(roster));

    /// <summary>
    /// Persists what <c>config.set</c> changed, merged with earlier changes. Only changed keys are
    /// written, so an engineer's later edit of the device file still applies to every other key.
    /// </summary>
    public void SaveSettings(WindowSettings before, WindowSettings after)
    {
        var path = SettingsPath(dataDirectory);
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? [] : [];
        var terminal = Section(root, "Terminal");
        var rating = Section(terminal, "Rating");
        Changed(rating, "Mode", Mode(before.Rating.Mode), Mode(after.Rating.Mode));
        Changed(rating, "SessionTimeout", Duration(before.Rating.SessionTimeout), Duration(after.Rating.SessionTimeout));
        Changed(rating, "ReasonTimeout", Duration(before.Rating.ReasonTimeout), Duration(after.Rating.ReasonTimeout));
        Changed(rating, "Cooldown", Duration(before.Rating.Cooldown), Duration(after.Rating.Cooldown));
        Changed(rating, "StuckAfter", Duration(before.Rating.StuckAfter), Duration(after.Rating.StuckAfter));
        var attendance = Section(terminal, "Attendance");
        Changed(attendance, "DuplicateWindow", Duration(before.Attendance.DuplicateWindow), Duration(after.Attendance.DuplicateWindow));
        DurableFile.Write(path, System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })));
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    private static void Changed(JsonObject section, string key, string before, string after)
    {
        if (before != after)
        {
            section[key] = after;
        }
    }

    private static string Mode(RatingMode mode) => mode == RatingMode.Free ? "free" : "session";

    private static string Duration(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignoring unreadable {File}: {Reason}")]
    private partial void LogUnreadable(string file, string reason);
}
