using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Terminal.Host.FrontPanel.Board;
using Terminal.Host.FrontPanel.Photos;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The front panel's routes, all marked <see cref="PanelRoute"/> (the panel's TCP listener only):
/// the page and its files, the live feed, taps, staff photos, the review code, and the virtual board.
/// </summary>
internal static class PanelEndpoints
{
    public static void Map(WebApplication app)
    {
        var panel = app.MapGroup(string.Empty).WithMetadata(PanelRoute.Instance);
        panel.MapGet("/", (HttpContext context, PanelAssets assets) => assets.Serve(context, "index.html"));
        panel.MapGet("/panel/{file}", (HttpContext context, string file, PanelAssets assets) => assets.Serve(context, file));
        panel.MapGet("/panel/events", (HttpContext context, PanelBroadcast broadcast, SnapshotFeed snapshots, PanelView view, IHostApplicationLifetime lifetime, TimeProvider time, [FromServices] BoardView? board) =>
            PanelStream.StreamAsync(context, broadcast, snapshots, view, lifetime, time, board));
        panel.MapPost("/panel/tap", TapEndpoint.HandleAsync);
        panel.MapGet("/panel/photo/{sha256}", (HttpContext context, string sha256, PhotoCache photos) => Photo(context, photos, sha256));
        panel.MapGet("/panel/review.png", (string session, ReviewCode review) => review.Serve(session));
        BoardEndpoints.Map(panel);
    }

    private static IResult Photo(HttpContext context, PhotoCache photos, string sha256)
    {
        if (photos.Open(sha256) is not { } file)
        {
            return Results.NotFound();
        }

        // Named by its hash: the same address is always the same bytes.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var type = file.Extension switch
        {
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            _ => "image/webp",
        };
        return Results.File(file.FullName, type);
    }
}
