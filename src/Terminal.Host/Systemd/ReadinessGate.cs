namespace Terminal.Host.Systemd;

/// <summary>
/// The one place that says "ready" (deploy/README.md#on-the-device: READY once the buffer is open and the hardware
/// claimed). The host calls <see cref="MarkReady"/> when both are true; systemd then finishes the
/// start job, which is what <c>deploy/terminal-update</c> waits for before keeping a new release.
/// </summary>
internal sealed class ReadinessGate(SystemdNotifier notifier)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when <see cref="MarkReady"/> was called.</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Sends READY=1 (with a STATUS line) the first time; later calls do nothing.</summary>
    public void MarkReady(string status = "ready")
    {
        if (_ready.TrySetResult())
        {
            notifier.Ready(status);
        }
    }
}
