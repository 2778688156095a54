using Microsoft.Extensions.Logging;
using Terminal.Core.Events;
using Terminal.Storage;

namespace Terminal.Host.Journal;

/// <summary>
/// A durable copy of the bad rating held while a reason is asked for (<c>held-rating.json</c> in the
/// data directory), kept exactly while the window holds it, so a power cut during the wait loses
/// nothing (SPEC §4). The loop records it after the commit and before any cue shows.
/// </summary>
internal sealed partial class HeldRatingJournal(string dataDirectory, ILogger<HeldRatingJournal> logger)
{
    private Guid? _held;

    public string FilePath => Path.Combine(dataDirectory, "held-rating.json");

    /// <summary>The rating held when the terminal stopped, or null (an unreadable copy is logged and ignored).</summary>
    public EventEnvelope? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            var held = EventJson.Deserialize(File.ReadAllBytes(FilePath));
            _held = held.Id;
            return held;
        }
        catch (System.Text.Json.JsonException e)
        {
            LogUnreadable(FilePath, e.Message);
            return null;
        }
    }

    /// <summary>Makes the file match <paramref name="held"/> (the window's held rating now, or null); durable on return.</summary>
    public void Record(EventEnvelope? held)
    {
        if (held?.Id == _held)
        {
            return;
        }

        if (held is null)
        {
            DurableFile.Delete(FilePath);
        }
        else
        {
            DurableFile.Write(FilePath, EventJson.Serialize(held));
        }

        _held = held?.Id;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignoring unreadable {File}: {Reason}")]
    private partial void LogUnreadable(string file, string reason);
}
