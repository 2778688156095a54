using System.Reflection;
using Terminal.Core.Time;
using Terminal.Core.Window;
using Terminal.Storage;

namespace Terminal.Host.Publishing;

/// <summary>Composes the status document (SPEC §5.3) from the window, the buffer and the clock.</summary>
internal sealed class StatusReporter(ServiceWindow window, IEventBuffer buffer, IDeviceClock clock, string board, TimeProvider time)
{
    private readonly DateTimeOffset _since = time.GetUtcNow();

    /// <summary>The program version (informational version without the source hash).</summary>
    public static string Version { get; } =
        (typeof(StatusReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>The status now, with <paramref name="state"/> <c>online</c> or <c>offline</c>.</summary>
    public StatusDocument Current(string state = "online")
    {
        var reading = clock.Read();
        var stats = buffer.GetStats();
        var status = window.Status;
        var faults = window.Faults.ToList();
        if (stats.Full)
        {
            faults.Add("storage-full");
        }
        else if (stats.NearFull)
        {
            faults.Add("storage-near-full");
        }

        if (!reading.Synced)
        {
            faults.Add("clock-unsynced");
        }

        return new StatusDocument(
            state,
            Version,
            board,
            reading.BootId,
            _since,
            new WindowStatusDocument(status.StateName, status.Staff, status.Name),
            new BufferStatusDocument(stats.Pending, stats.OldestAt),
            faults.Distinct(StringComparer.Ordinal).ToList(),
            reading.Synced);
    }

    /// <summary>The will: what the hall sees when the terminal drops off without saying goodbye.</summary>
    public StatusDocument Offline() => Current("offline");
}
