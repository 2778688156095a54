namespace Terminal.Host.Outbound;

/// <summary>Semaphore waits timed on a <see cref="TimeProvider"/> (so tests can use a fake clock).</summary>
internal static class SemaphoreWaits
{
    /// <summary>Waits for the semaphore or for <paramref name="timeout"/> on <paramref name="time"/>.</summary>
    public static async Task<bool> WaitAsync(this SemaphoreSlim semaphore, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var delay = new CancellationTokenSource(timeout, time);
        using var link = delay.Token.Register(timer.Cancel);
        try
        {
            await semaphore.WaitAsync(timer.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
