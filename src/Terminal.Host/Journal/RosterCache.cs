using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Storage;

namespace Terminal.Host.Journal;

/// <summary>The last roster the window accepted (<c>roster.json</c> in the data directory), so names resolve offline (SPEC §3.2, §5.5).</summary>
internal sealed partial class RosterCache(string dataDirectory, ILogger<RosterCache> logger)
{
    public string FilePath => Path.Combine(dataDirectory, "roster.json");

    /// <summary>The cached roster, or null (an unreadable cache is logged and ignored).</summary>
    public Roster? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        if (RosterJson.TryParse(File.ReadAllBytes(FilePath), out var roster, out var error))
        {
            return roster;
        }

        LogUnreadable(FilePath, error);
        return null;
    }

    /// <summary>Replaces the cache, durably (old or new after a power cut, never torn).</summary>
    public void Save(Roster roster) => DurableFile.Write(FilePath, RosterJson.Serialize(roster));

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignoring unreadable {File}: {Reason}")]
    private partial void LogUnreadable(string file, string reason);
}
