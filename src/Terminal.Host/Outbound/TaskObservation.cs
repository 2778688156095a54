namespace Terminal.Host.Outbound;

/// <summary>Fire-and-forget publishes whose failure is only worth the client's own log.</summary>
internal static class TaskObservation
{
    /// <summary>Lets <paramref name="task"/> run on; its exception, if any, is observed and dropped.</summary>
    public static void Forget(this Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
