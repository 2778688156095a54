namespace Terminal.Hardware.Gpio.Linux;

/// <summary>
/// The loop of a dedicated reader thread: blocked in <c>poll()</c> on a descriptor next to an eventfd
/// that wakes it on dispose, so no thread-pool thread ever blocks in the kernel. Used by the GPIO
/// edge pump and the evdev keyboard reader.
/// </summary>
internal static class PollLoop
{
    /// <summary>
    /// Polls until woken, <paramref name="stopping"/>, or <paramref name="onReadable"/> returns false;
    /// <c>0</c>, or the <c>-errno</c> of a failed <c>poll()</c> (<c>EINTR</c> is retried).
    /// </summary>
    public static int Run(IGpioSyscalls sys, int fd, int wakeFd, CancellationToken stopping, Func<bool> onReadable)
    {
        while (!stopping.IsCancellationRequested)
        {
            var rc = sys.Poll(fd, wakeFd, out var readable, out var woken);
            if (rc == -Errno.EINTR)
            {
                continue;
            }

            if (rc < 0)
            {
                return rc;
            }

            if (woken || (readable && !onReadable()))
            {
                break;
            }
        }

        return 0;
    }
}
