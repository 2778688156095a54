using Microsoft.Extensions.Logging;

namespace Terminal.Storage.Internal;

/// <summary>The buffer's log messages (source-generated, no allocation when the level is off).</summary>
internal static partial class BufferLog
{
    [LoggerMessage(1, LogLevel.Information, "Event buffer open at {Path}: {Pending} pending, last seq {LastSeq}, in {ElapsedMs} ms")]
    public static partial void Opened(ILogger logger, string path, long pending, long lastSeq, long elapsedMs);

    [LoggerMessage(2, LogLevel.Error, "Event buffer database {Path} is unreadable; moved aside to {Target}")]
    public static partial void Quarantined(ILogger logger, Exception error, string path, string target);

    [LoggerMessage(3, LogLevel.Warning, "Storage incident {Code}: {Detail}")]
    public static partial void Incident(ILogger logger, string code, string detail);

    [LoggerMessage(4, LogLevel.Information, "The last run did not stop cleanly; seq continues after the reservation {Reserved} (gap allowed, reuse never)")]
    public static partial void ContinuingAfterReservation(ILogger logger, long reserved);

    [LoggerMessage(5, LogLevel.Warning, "Could not write the seq side file; will retry before the next commit")]
    public static partial void SideFileWriteFailed(ILogger logger, Exception error);

    [LoggerMessage(6, LogLevel.Warning, "Buffer full: evicted {Count} fault/telemetry events to make room")]
    public static partial void Evicted(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Error, "Buffer commit failed ({Count} appends refused)")]
    public static partial void CommitFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(8, LogLevel.Error, "A StatsChanged handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception error);

    [LoggerMessage(9, LogLevel.Critical, "SQLite reports damage in {Path}; it will be quarantined at the next start")]
    public static partial void DamageFound(ILogger logger, Exception error, string path);
}
