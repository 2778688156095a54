using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Terminal.Host.FrontPanel.Board;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The page's live feed, as server-sent events (<c>GET /panel/events</c>): the whole view at once, then
/// a <c>view</c> per snapshot and a <c>board</c> per LED change, and a <c>ping</c> every second so the
/// page knows within 3 s that the host is gone (docs/front-panel.md#the-live-feed). The browser reconnects by itself
/// (<c>retry</c>), and the first message after a reconnect is the whole view again.
/// </summary>
internal static class PanelStream
{
    /// <summary>How often a quiet stream says it is alive; the page calls the host gone after two missed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    public static async Task StreamAsync(HttpContext context, PanelBroadcast broadcast, SnapshotFeed snapshots, PanelView view, IHostApplicationLifetime lifetime, TimeProvider time, BoardView? board = null)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";

        // A stream never ends by itself: it must not hold up a requested stop (TimeoutStopSec).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        using var subscription = broadcast.Subscribe();
        try
        {
            await WriteAsync(response, "retry: 1000\n\n", ct).ConfigureAwait(false);
            await SendAsync(response, "view", view.Build(snapshots.Current, withNotice: false, board?.Build()), ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                if (!await WaitAsync(subscription, Heartbeat, time, ct).ConfigureAwait(false))
                {
                    await SendAsync(response, "ping", new JsonObject { ["v"] = snapshots.Current.Version }, ct).ConfigureAwait(false);
                    continue;
                }

                await SendAsync(response, await BatchAsync(subscription, broadcast.Cues, view, time, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away, or the host is stopping.
        }
    }

    /// <summary>
    /// Everything queued, as one write (each write of the body is sent at once), so a snapshot and the
    /// LED it lit reach the page together and render in one frame. LED changes the loop made for cues
    /// wait for the snapshot that follows them (<see cref="PanelCues"/>).
    /// </summary>
    private static async Task<string> BatchAsync(PanelBroadcast.Subscription subscription, PanelCues cues, PanelView view, TimeProvider time, CancellationToken ct)
    {
        var batch = new StringBuilder();
        var sentView = false;
        while (true)
        {
            if (subscription.Messages.TryRead(out var message))
            {
                sentView |= message.Snapshot is not null;
                batch.Append(message.Snapshot is { } snapshot
                    ? Event("view", view.Build(snapshot, message.Fresh, message.Board))
                    : Event("board", message.Board?.DeepClone() ?? new JsonObject()));
                continue;
            }

            if (sentView)
            {
                return batch.ToString();
            }

            if (!cues.SnapshotDue)
            {
                // The note is cleared once the snapshot is queued: one more look finds it.
                if (!subscription.Messages.TryPeek(out _))
                {
                    return batch.ToString();
                }

                continue;
            }

            if (!await WaitAsync(subscription, PanelCues.Bound, time, ct).ConfigureAwait(false))
            {
                return batch.ToString();
            }
        }
    }

    private static async Task<bool> WaitAsync(PanelBroadcast.Subscription subscription, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var beat = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, beat.Token);
        try
        {
            return await subscription.Messages.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static Task SendAsync(HttpResponse response, string name, JsonNode data, CancellationToken ct) =>
        SendAsync(response, Event(name, data), ct);

    private static async Task SendAsync(HttpResponse response, string events, CancellationToken ct)
    {
        await WriteAsync(response, events, ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static string Event(string name, JsonNode data) => $"event: {name}\ndata: {data.ToJsonString()}\n\n";

    private static Task WriteAsync(HttpResponse response, string text, CancellationToken ct) =>
        response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask();
}
