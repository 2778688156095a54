using System.Diagnostics;

namespace Terminal.TestUtils.Audio;

/// <summary>
/// Reads everything successive writers (one ALSA PCM open each) send through an
/// <see cref="AlsaTap.Fifo"/>, as one stream: when one writer closes while the next is already
/// writing, a pipe shows no boundary between them, so the test judges the concatenation. The read
/// end stays open throughout, so a writer never meets a pipe without a reader (EPIPE).
/// </summary>
public static class TapPipe
{
    /// <summary>
    /// Reads until the pipe is empty, no writer has it open and <paramref name="finished"/> says no
    /// writer will come. With <paramref name="pauseAfter"/>, stops reading after that many bytes and
    /// calls <paramref name="atPause"/>: the writer can then get no further than the pipe holds
    /// (64 KiB) until the read goes on, whatever the machine's speed.
    /// </summary>
    public static Task<TapStream> ReadAsync(string fifo, Func<bool> finished, TimeSpan deadline, int pauseAfter = 0, Action? atPause = null) =>
        Task.Run(() => Read(fifo, finished, deadline, pauseAfter, atPause)).WaitAsync(deadline + deadline);

    private static TapStream Read(string fifo, Func<bool> finished, TimeSpan deadline, int pauseAfter, Action? atPause)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        // Opening for reading blocks until the first writer opens.
        using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var received = new MemoryStream();
        var chunk = new byte[16 * 1024];
        long firstAt = 0;
        var last = false;
        while (true)
        {
            var limit = pauseAfter > received.Length ? (int)Math.Min(chunk.Length, pauseAfter - received.Length) : chunk.Length;
            var n = pipe.Read(chunk, 0, limit);
            if (n > 0)
            {
                firstAt = firstAt == 0 ? Stopwatch.GetTimestamp() : firstAt;
                received.Write(chunk, 0, n);
                if (received.Length == pauseAfter)
                {
                    atPause?.Invoke();
                }

                continue;
            }

            // Empty and no writer: the last one is done, or the next has not opened yet (read answers 0 at once).
            if (last)
            {
                return new TapStream(received.ToArray(), firstAt);
            }

            // Once nothing more will come, one more pass empties what the last writer left in the pipe.
            last = finished();
            if (!last && Stopwatch.GetTimestamp() > until)
            {
                throw new TimeoutException($"the writers of {fifo} did not finish ({received.Length} bytes so far)");
            }

            Thread.Yield();
        }
    }
}

/// <summary>What the writers sent through the tap.</summary>
/// <param name="Bytes">Raw S16_LE samples, every writer's one after the other.</param>
/// <param name="FirstByteAt">When the first of them arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
public sealed record TapStream(byte[] Bytes, long FirstByteAt);
