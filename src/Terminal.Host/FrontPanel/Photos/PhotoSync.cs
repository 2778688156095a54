using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Core.Window;

namespace Terminal.Host.FrontPanel.Photos;

/// <summary>
/// Brings the photo cache in step with the roster, one photo at a time (docs/mqtt.md#staff-photos): photos the roster
/// no longer names are removed, missing ones fetched (the signed-in staff member's first). A photo
/// refused by its check is logged once and never fetched again; a hall server that does not answer is
/// tried again after a growing pause, and logged once until it answers.
/// </summary>
internal sealed partial class PhotoSync(PhotoCache cache, PhotoFetcher fetcher, TimeProvider time, ILogger<PhotoSync> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(10);

    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TimeSpan Pause, long Due)> _retries = new(StringComparer.Ordinal);

    /// <summary>One step for <paramref name="window"/>'s roster: false when there was nothing to fetch now.</summary>
    /// <param name="window">The window as the loop last published it.</param>
    /// <param name="timeout">The longest a fetch may take.</param>
    /// <param name="stored">Set when a photo was stored (the page should be told).</param>
    /// <param name="ct">Stops a fetch.</param>
    public async Task<bool> StepAsync(WindowSnapshot window, TimeSpan timeout, Action stored, CancellationToken ct)
    {
        // No roster yet (at start, before the cached one is restored): it names nothing, and removes nothing.
        if (ReferenceEquals(window.Roster, Roster.Empty))
        {
            return false;
        }

        var wanted = window.Roster.Staff
            .Where(e => e.Photo is not null)
            .OrderBy(e => e.Staff == window.Status.Staff ? 0 : 1)
            .Select(e => (e.Staff, Photo: e.Photo!))
            .DistinctBy(p => p.Photo.Sha256)
            .ToList();
        cache.Retain(wanted.Select(p => p.Photo.Sha256).ToHashSet(StringComparer.Ordinal));
        var (staff, photo) = wanted.FirstOrDefault(p => !cache.Contains(p.Photo.Sha256) && !_refused.Contains(Key(p.Photo)) && Due(p.Photo));
        if (photo is null)
        {
            return false;
        }

        var fetched = await fetcher.FetchAsync(photo, timeout, ct).ConfigureAwait(false);
        if (fetched.Bytes is { } bytes)
        {
            _retries.Remove(photo.Sha256);
            if (cache.Store(photo.Sha256, fetched.Type!, bytes, keep: window.StaffEntry?.Photo?.Sha256))
            {
                LogCached(staff, photo.Sha256);
                stored();
            }
            else
            {
                _refused.Add(Key(photo));
                LogNoRoom(staff);
            }
        }
        else if (fetched.RefusedBecause is { } refused)
        {
            _refused.Add(Key(photo));
            LogRefused(staff, photo.Url, refused);
        }
        else
        {
            Unreachable(staff, photo, fetched.UnreachableBecause!);
        }

        return true;
    }

    /// <summary>Time until the next retry of an unanswered fetch, or null when none waits.</summary>
    public TimeSpan? NextRetryIn()
    {
        if (_retries.Count == 0)
        {
            return null;
        }

        var due = _retries.Values.Min(r => r.Due);
        return TimeSpan.FromSeconds(Math.Max(0, (due - time.GetTimestamp()) / (double)time.TimestampFrequency));
    }

    private static string Key(RosterPhoto photo) => photo.Sha256 + " " + photo.Url;

    private void Unreachable(string staff, RosterPhoto photo, string reason)
    {
        var first = !_retries.TryGetValue(photo.Sha256, out var retry);
        var pause = first ? FirstRetry : TimeSpan.FromTicks(Math.Min(retry.Pause.Ticks * 2, LastRetry.Ticks));
        _retries[photo.Sha256] = (pause, time.GetTimestamp() + (long)(pause.TotalSeconds * time.TimestampFrequency));
        if (first)
        {
            LogUnreachable(staff, photo.Url, reason, pause.TotalSeconds);
        }
    }

    private bool Due(RosterPhoto photo) => !_retries.TryGetValue(photo.Sha256, out var retry) || time.GetTimestamp() >= retry.Due;

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo of staff {Staff} cached ({Sha256})")]
    private partial void LogCached(string staff, string sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo of staff {Staff} from {Url} is not shown: {Reason}")]
    private partial void LogRefused(string staff, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo of staff {Staff} from {Url} could not be fetched ({Reason}); trying again in {Seconds} s and later, quietly")]
    private partial void LogUnreachable(string staff, string url, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo of staff {Staff} is not shown: the photo cache is full")]
    private partial void LogNoRoom(string staff);
}
