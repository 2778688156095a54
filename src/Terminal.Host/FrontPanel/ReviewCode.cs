using Microsoft.AspNetCore.Http;
using QRCoder;
using Terminal.Configuration;
using Terminal.Core.Identity;
using Terminal.Core.Screen;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The thank-you screen's QR code (docs/front-panel.md#screens): <c>Panel:ReviewUrl</c> filled for the session just rated,
/// as a PNG drawn here (QRCoder), so the page loads nothing from outside. Only the rated session's code
/// is drawn; the last one is kept, as every open page asks for the same.
/// </summary>
internal sealed class ReviewCode(PanelOptions panel, TerminalIdentity identity, SnapshotFeed snapshots)
{
    private readonly Lock _gate = new();
    private (string Session, byte[] Png)? _last;

    public static string PathFor(string session) => "/panel/review.png?session=" + Uri.EscapeDataString(session);

    /// <summary>The URL for <paramref name="session"/> while it is the one thanked, or null.</summary>
    public string? UrlFor(string session)
    {
        var rated = snapshots.Current.Window.Rated;
        return panel.ReviewUrl is { } template && rated?.Id == session
            ? ReviewUrlTemplate.Fill(template, identity.HallId, identity.TerminalId, rated.Id, rated.Case?.CaseNo)
            : null;
    }

    public IResult Serve(string session)
    {
        if (UrlFor(session) is not { } url)
        {
            return Results.NotFound();
        }

        lock (_gate)
        {
            if (_last is not { } last || last.Session != session)
            {
                using var generator = new QRCodeGenerator();
                using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
                _last = last = (session, new PngByteQRCode(data).GetGraphic(8));
            }

            return Results.File(last.Png, "image/png");
        }
    }
}
