using Terminal.Storage;

namespace Terminal.Host.SelfTest;

/// <summary>
/// Enough free space in the data directory for the buffer to reach its configured limit (docs/mqtt.md#delivery:
/// bounded capacity), plus room for SQLite's write-ahead log.
/// </summary>
internal sealed class DiskSpaceCheck(IEventBuffer buffer, string dataDir, Func<string, long> freeBytes) : ISelfTestCheck
{
    /// <summary>Head-room beyond the buffer's own growth: WAL, indexes, checkpoints.</summary>
    public const long Margin = 32L * 1024 * 1024;

    public string Name => "disk";

    /// <summary>Free bytes for unprivileged users on the filesystem holding <paramref name="path"/>.</summary>
    public static long AvailableBytes(string path) => new DriveInfo(path).AvailableFreeSpace;

    public IEnumerable<SelfTestPart> Run()
    {
        var stats = buffer.GetStats();
        var growth = Math.Max(0, stats.MaxBytes - stats.PendingBytes);
        var needed = growth + Margin;
        var free = freeBytes(dataDir);
        var detail = $"{Bytes.Format(free)} free in {dataDir}; the buffer may still grow by {Bytes.Format(growth)}";
        yield return free >= needed
            ? SelfTestPart.Pass(Name, detail)
            : SelfTestPart.Fail(Name, $"{detail} and needs {Bytes.Format(needed)} with its log: free space on the card or lower Terminal:Buffer:MaxBytes");
    }
}
