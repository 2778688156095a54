using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Host.Simulation;

/// <summary>
/// Collects what the loop commits from now until an input matching <c>until</c> has been processed,
/// so <c>terminalctl sim …</c> can print the events its input caused (SPEC §10).
/// </summary>
internal sealed class InputCapture : IDisposable
{
    private readonly SnapshotFeed _snapshots;
    private readonly Func<TerminalInput, bool> _until;
    private readonly List<StoredEvent> _events = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InputCapture(SnapshotFeed snapshots, Func<TerminalInput, bool> until)
    {
        _snapshots = snapshots;
        _until = until;
        snapshots.Published += OnPublished;
    }

    /// <summary>Waits until the input was processed or <paramref name="timeout"/> passed; returns the events committed meanwhile.</summary>
    public async Task<IReadOnlyList<StoredEvent>> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await _done.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // SPEC §10: return after the commit or after 2 s, whichever comes first.
        }

        lock (_events)
        {
            return [.. _events];
        }
    }

    public void Dispose() => _snapshots.Published -= OnPublished;

    private void OnPublished(LoopSnapshot snapshot)
    {
        lock (_events)
        {
            _events.AddRange(snapshot.Committed);
        }

        if (_until(snapshot.Input))
        {
            _done.TrySetResult();
        }
    }
}
