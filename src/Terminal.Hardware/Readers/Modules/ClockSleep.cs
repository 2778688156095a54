namespace Terminal.Hardware.Readers.Modules;

/// <summary>Blocks a dedicated thread for a while on a <see cref="TimeProvider"/>, or until stopped.</summary>
internal static class ClockSleep
{
    /// <summary>Waits <paramref name="wait"/>; false when <paramref name="stopping"/> was cancelled first.</summary>
    public static bool Wait(TimeProvider time, TimeSpan wait, CancellationToken stopping)
    {
        if (wait <= TimeSpan.Zero)
        {
            return !stopping.IsCancellationRequested;
        }

        if (time == TimeProvider.System)
        {
            // A timed wait wakes only the waiting thread; a system timer would wake the timer thread
            // and a thread-pool thread as well, three wake-ups where one does (idle CPU, issue 14).
            return !stopping.WaitHandle.WaitOne(wait);
        }

        using var due = new ManualResetEventSlim();
        using var timer = time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), due, wait, Timeout.InfiniteTimeSpan);
        try
        {
            due.Wait(stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
