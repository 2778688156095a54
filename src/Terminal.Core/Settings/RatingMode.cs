namespace Terminal.Core.Settings;

/// <summary>How rating sessions start (docs/mqtt.md#rating, <c>Terminal:Rating:Mode</c>).</summary>
public enum RatingMode
{
    /// <summary>Sessions open from the queue system or the invite key; a press without one opens an implicit session.</summary>
    Session,

    /// <summary>No queue: the first press opens (and rates) a session.</summary>
    Free,
}
