using Terminal.Storage;

namespace Terminal.Host.SelfTest;

/// <summary>
/// The durable buffer is open and its directory writable (docs/mqtt.md#delivery). Writes a probe file next to the
/// database rather than an event: a self-test must not leave events the hall server would count.
/// </summary>
internal sealed class BufferCheck(IEventBuffer buffer, string dataDir) : ISelfTestCheck
{
    private const string ProbeName = ".selftest-probe";

    public string Name => "buffer";

    public IEnumerable<SelfTestPart> Run()
    {
        var stats = buffer.GetStats();
        var counts = $"{stats.Pending} of {stats.MaxEvents} events, {Bytes.Format(stats.PendingBytes)} of {Bytes.Format(stats.MaxBytes)} pending, last seq {stats.LastSeq}";
        if (stats.Full)
        {
            yield return SelfTestPart.Fail(Name, $"buffer full ({counts}): new ratings are refused until the hall server takes the backlog; check the broker connection");
            yield break;
        }

        if (ProbeWrite() is { } error)
        {
            yield return SelfTestPart.Fail(Name, $"cannot write in {dataDir}: {error} (the service user needs write access to its data directory)");
            yield break;
        }

        yield return SelfTestPart.Pass(Name, $"open and writable in {dataDir}; {counts}{(stats.NearFull ? " (near full)" : string.Empty)}");
    }

    private string? ProbeWrite()
    {
        var probe = Path.Combine(dataDir, ProbeName);
        try
        {
            // Write-through and flushed to disk, as the buffer's own commits are.
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                file.Write("selftest\n"u8);
                file.Flush(flushToDisk: true);
            }

            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
