using Terminal.Host.Loop;
using Terminal.Host.Workers;

namespace Terminal.Host.FrontPanel.Photos;

/// <summary>
/// Runs <see cref="PhotoSync"/> whenever the roster or the signed-in staff changes, a retry is due, or
/// a beat passes; one photo per iteration, each fetch bounded by the beat, so the heartbeat keeps pace.
/// A stored photo refreshes the open pages.
/// </summary>
internal sealed class PhotoWorker(SnapshotFeed snapshots, PhotoSync sync, PanelBroadcast broadcast, WorkerSupport support)
    : SupervisedWorker("panel-photos", support)
{
    private readonly SemaphoreSlim _wake = new(1, 1);
    private object? _roster;
    private string? _staff;

    protected override Task StartingAsync(CancellationToken stoppingToken)
    {
        snapshots.Published += OnPublished;
        return Task.CompletedTask;
    }

    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        if (await sync.StepAsync(snapshots.Current.Window, BeatInterval, broadcast.Refresh, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var wait = sync.NextRetryIn() is { } retry && retry < BeatInterval ? retry : BeatInterval;
        using var timeout = new CancellationTokenSource(wait, Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Time for a retry, or a beat.
        }
    }

    protected override Task StoppedAsync()
    {
        snapshots.Published -= OnPublished;
        return Task.CompletedTask;
    }

    // On the loop: only notice that something this worker cares about changed.
    private void OnPublished(LoopSnapshot snapshot)
    {
        var window = snapshot.Window;
        if (ReferenceEquals(window.Roster, Volatile.Read(ref _roster)) && window.Status.Staff == Volatile.Read(ref _staff))
        {
            return;
        }

        Volatile.Write(ref _roster, window.Roster);
        Volatile.Write(ref _staff, window.Status.Staff);
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }
}
