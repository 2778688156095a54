using System.Diagnostics;

namespace Terminal.PowerCut.Wear;

/// <summary>
/// The guest disk's I/O counters (/sys/block/vda/stat, Documentation/block/stat.rst): field 5 is
/// write requests, field 7 sectors written (512 bytes each), field 16 flush requests; and the
/// ext4 journal's commits (/proc/fs/jbd2/vda-*/info, first number), appended as an 18th field.
/// </summary>
internal sealed record BlockDeviceCounters(long Writes, long SectorsWritten, long Flushes, long JournalCommits)
{
    public const string StatPath = "/sys/block/vda/stat";

    /// <summary>Flushes every dirty page and the file system's journal first (sync(1)), then reads.</summary>
    public static BlockDeviceCounters ReadAfterSync()
    {
        using (var sync = Process.Start("sync") ?? throw new InvalidOperationException("cannot run sync"))
        {
            sync.WaitForExit();
        }

        var journal = Directory.GetDirectories("/proc/fs/jbd2", "vda-*").Select(d => File.ReadAllText(Path.Combine(d, "info")).Split(' ')[0]).FirstOrDefault() ?? "0";
        return Parse(File.ReadAllText(StatPath).Trim() + " " + journal);
    }

    /// <summary>Parses the stat line, whitespace- or comma-separated.</summary>
    public static BlockDeviceCounters Parse(string stat)
    {
        var f = stat.Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        return new BlockDeviceCounters(f[4], f[6], f.Length > 15 ? f[15] : 0, f.Length > 17 ? f[17] : 0);
    }

    public static BlockDeviceCounters operator -(BlockDeviceCounters after, BlockDeviceCounters before) =>
        new(after.Writes - before.Writes, after.SectorsWritten - before.SectorsWritten, after.Flushes - before.Flushes, after.JournalCommits - before.JournalCommits);

    public string ToCsv() => string.Join(',', 0, 0, 0, 0, Writes, 0, SectorsWritten, 0, 0, 0, 0, 0, 0, 0, 0, Flushes, 0, JournalCommits);
}
