using System.Reflection;
using Terminal.Core.Events;
using Terminal.Core.Time;
using Terminal.Host.Loop;
using Terminal.Storage;

namespace Terminal.Host.Outbound;

/// <summary>Composes the status document (SPEC §5.3) from the loop's latest snapshot, the buffer and the clock.</summary>
internal sealed class StatusReporter(SnapshotFeed snapshots, IEventBuffer buffer, IDeviceClock clock, string board, TimeProvider time)
{
    private readonly DateTimeOffset _since = time.GetUtcNow();

    /// <summary>The program version (informational version without the source hash).</summary>
    public static string Version { get; } =
        (typeof(StatusReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>The status now, with <paramref name="state"/> <c>online</c> or <c>offline</c>.</summary>
    public StatusDocument Current(string state = "online") => Current(snapshots.Current, state);

    /// <summary>The status as of <paramref name="snapshot"/>.</summary>
    public StatusDocument Current(LoopSnapshot snapshot, string state = "online")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reading = clock.Read();
        var stats = buffer.GetStats();
        var window = snapshot.Window;
        var faults = window.Faults.ToList();
        if (stats.Full)
        {
            faults.Add(FaultCodes.StorageFull);
        }
        else if (stats.NearFull)
        {
            faults.Add(FaultCodes.StorageNearFull);
        }

        if (!reading.Synced)
        {
            faults.Add(FaultCodes.ClockUnsynced);
        }

        return new StatusDocument(
            state,
            Version,
            board,
            reading.BootId,
            _since,
            new WindowStatusDocument(window.Status.StateName, window.Status.Staff, window.Status.Name),
            new BufferStatusDocument(stats.Pending, stats.OldestAt),
            faults.Distinct(StringComparer.Ordinal).ToList(),
            reading.Synced);
    }

    /// <summary>The will: what the hall sees when the terminal drops off without saying goodbye.</summary>
    public StatusDocument Offline() => Current("offline");
}
