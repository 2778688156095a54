using Terminal.Host.Board;

namespace Terminal.Host.Workers;

/// <summary>Reads the board's edges, one at a time, into the <see cref="EdgeRouter"/>. A chip that keeps failing (gone) stops the host non-zero.</summary>
internal sealed class EdgeWorker(BoardLines lines, EdgeRouter router, WorkerSupport support) : SupervisedWorker("gpio-edges", support)
{
    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        if (await lines.ReadEdgeAsync(BeatInterval, stoppingToken).ConfigureAwait(false) is { } edge)
        {
            router.OnEdge(edge);
        }
    }
}
