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

    /// <summary>Persists settings applied by <c>config.set</c>.</summary>
    public void SaveSettings(WindowSettings settings) =>
        DurableFile.Write(SettingsPath(dataDirectory), SettingsJson.Serialize(settings));

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignoring unreadable {File}: {Reason}")]
    private partial void LogUnreadable(string file, string reason);
}
