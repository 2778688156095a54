using Microsoft.AspNetCore.Http.HttpResults;
using Terminal.Configuration;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Screen;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Host.FrontPanel;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Tests.FrontPanel;

/// <summary>docs/front-panel.md#screens: the thank-you screen's QR code is the review URL of the session just rated.</summary>
public class ReviewCodeTests
{
    private static readonly TerminalIdentity Identity = new("T-0412", "H-01", "12");

    [Fact]
    public void RatedSession_GetsTheFilledUrl_AsAPng()
    {
        var review = Review("https://hall.example/r?h={hall}&t={terminal}&s={session}&c={caseNo}", rated: "Q-1");

        Assert.Equal("https://hall.example/r?h=H-01&t=T-0412&s=Q-1&c=2026%2F7", review.UrlFor("Q-1"));
        var png = Assert.IsType<FileContentHttpResult>(review.Serve("Q-1"));
        Assert.Equal("image/png", png.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.FileContents.ToArray()[..4]);
    }

    [Fact]
    public void AnotherSession_OrNoTemplate_HasNoCode()
    {
        Assert.IsType<NotFound>(Review("https://hall/r?s={session}", rated: "Q-1").Serve("Q-2"));
        Assert.Null(Review(null, rated: "Q-1").UrlFor("Q-1"));
    }

    private static ReviewCode Review(string? template, string rated)
    {
        var window = new ServiceWindow(WindowSettings.Default, KeyLayout.FiveKeys, new EventFactory(Identity, new FixedDeviceClock(true)), new FakeTimeProvider());
        window.OpenSession(rated, new CaseInfo("2026/7", null, null, null, null), out _);
        window.OnTap(new RatingTap(5, rated));
        var feed = new SnapshotFeed(new LoopSnapshot(1, Tick.Instance, [], [], window.Snapshot()));
        return new ReviewCode(PanelOptions.Default with { ReviewUrl = template }, Identity, feed);
    }
}
