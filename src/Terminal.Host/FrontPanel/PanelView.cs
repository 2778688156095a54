using System.Text.Json.Nodes;
using Terminal.Configuration;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Identity;
using Terminal.Core.Rating;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Host.FrontPanel.Photos;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// What the page shows, as JSON, from one loop snapshot (docs/front-panel.md#screens): the screen, the 亮身份 card, the
/// session or the reason wait, the thanks with its review code, a notice for a transient cue, and the
/// active faults.
/// The page only renders this; it decides nothing the core decides.
/// </summary>
internal sealed class PanelView(BoardDefinition board, TerminalIdentity identity, PanelOptions panel, PhotoCache photos)
{
    private readonly JsonArray _levels = new([.. board.RatingKeys.Select(k => (JsonNode)new JsonObject { ["level"] = k.Level, ["label"] = RatingScale.Label(k.Level!.Value) })]);
    private readonly JsonArray _reasons = new([.. RatingScale.ReasonCodes.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["label"] = RatingScale.ReasonLabel(c) })]);

    /// <summary>
    /// The view of <paramref name="snapshot"/>; with <paramref name="withNotice"/>, also the transient cue it
    /// showed; under <c>--simulate</c> with <paramref name="virtualBoard"/>, the board as it was when the
    /// snapshot was published (read later, it could show an LED of a snapshot the view does not).
    /// </summary>
    public JsonObject Build(LoopSnapshot snapshot, bool withNotice, JsonObject? virtualBoard = null)
    {
        var window = snapshot.Window;
        return new JsonObject
        {
            ["v"] = snapshot.Version,
            ["screen"] = Screen(window),
            ["window"] = identity.Window,
            ["touch"] = panel.Touch,
            ["ratesWhenIdle"] = window.Settings.Get(TerminalSettings.Rating.Mode) == RatingMode.Free,
            ["staff"] = Staff(window),
            ["session"] = window.Session is { } s ? new JsonObject
            {
                ["id"] = s.Id,
                ["itemName"] = s.Case?.ItemName,
                ["ticket"] = s.Case?.Ticket,
                ["caseNo"] = s.Case?.CaseNo,
                ["timeLeftMs"] = Ms(s.TimeLeft),
            } : null,
            ["reason"] = window.Reason is { } r ? new JsonObject
            {
                ["session"] = ((RatingData)r.Rating.Data).Session,
                ["level"] = ((RatingData)r.Rating.Data).Level,
                ["timeLeftMs"] = Ms(r.TimeLeft),
            } : null,
            ["thanks"] = window.Rated is { } rated ? new JsonObject
            {
                ["session"] = rated.Id,
                ["review"] = panel.ReviewUrl is null ? null : ReviewCode.PathFor(rated.Id),
            } : null,
            ["tapTarget"] = window.Reason is { } held ? ((RatingData)held.Rating.Data).Session : window.Session?.Id ?? window.Rated?.Id,
            ["levels"] = _levels.DeepClone(),
            ["reasons"] = _reasons.DeepClone(),
            ["notice"] = withNotice ? Notice(snapshot) : null,
            ["faults"] = new JsonArray([.. window.Faults.Select(f => (JsonNode)new JsonObject { ["code"] = f, ["label"] = FaultLabels.For(f) })]),
            ["committed"] = new JsonArray([.. snapshot.Committed.Select(e => (JsonNode)new JsonObject { ["seq"] = e.Seq, ["type"] = e.Type })]),
            ["board"] = virtualBoard?.DeepClone(),
        };
    }

    /// <summary>Which screen: the rating state first (docs/front-panel.md#screens), then who is at the window.</summary>
    internal static string Screen(WindowSnapshot window) => window.StorageFull ? "storage-full" : window.Steady.Kind switch
    {
        CueKind.StorageFull => "storage-full",
        CueKind.ReasonPrompt => "reason",
        CueKind.Prompting => "prompting",
        CueKind.Thanks => "thanks",
        _ => window.Status.State switch
        {
            WindowState.Staffed => "idle",
            WindowState.Paused => "paused",
            _ => "closed",
        },
    };

    private JsonObject? Staff(WindowSnapshot window)
    {
        if (window.Status.State == WindowState.Unstaffed)
        {
            return null;
        }

        if (window.StaffEntry is not { } entry)
        {
            return new JsonObject { ["unknown"] = true };
        }

        return new JsonObject
        {
            ["id"] = entry.Staff,
            ["name"] = entry.Name,
            ["title"] = entry.Title,
            ["pledge"] = entry.Pledge,
            ["badges"] = new JsonArray([.. entry.Badges.Where(b => StaffBadges.Label(b) is not null).Select(b => (JsonNode)new JsonObject { ["code"] = b, ["label"] = StaffBadges.Label(b) })]),
            ["stars"] = entry.Stars,
            ["photo"] = entry.Photo is { } photo && photos.Contains(photo.Sha256) ? PhotoCache.PathFor(photo.Sha256) : null,
        };
    }

    /// <summary>The last transient cue the snapshot showed (signed in/out, unknown card, pause), for as long as the cue table holds it.</summary>
    private static JsonObject? Notice(LoopSnapshot snapshot)
    {
        var cue = snapshot.Shown.LastOrDefault(c => CueTable.For(c.Kind).Hold is not null);
        if (cue is null)
        {
            return null;
        }

        var kind = cue.Kind switch
        {
            CueKind.SignedIn => "signed-in",
            CueKind.SignedOut => "signed-out",
            CueKind.UnknownCard => "unknown-card",
            CueKind.Paused => "paused",
            CueKind.Resumed => "resumed",
            _ => cue.Kind.ToString(),
        };
        return new JsonObject
        {
            ["kind"] = kind,
            ["name"] = cue.Kind == CueKind.SignedIn ? snapshot.Window.Status.Name : null,
            ["holdMs"] = Ms(CueTable.For(cue.Kind).Hold!.Value),
        };
    }

    private static long Ms(TimeSpan span) => Math.Max(0, (long)span.TotalMilliseconds);
}
