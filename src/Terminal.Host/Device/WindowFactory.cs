using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Configuration;

namespace Terminal.Host.Device;

/// <summary>Builds the core's <see cref="ServiceWindow"/> from the configuration and the board.</summary>
internal static class WindowFactory
{
    public static ServiceWindow Create(TerminalOptions options, BoardDefinition board, EventFactory events, TimeProvider time) =>
        new(options.WindowSettings, Layout(board, options.Panel.Touch), events, time);

    /// <summary>The board's rating levels; the reasons its keys collect, and every reason when the touch screen takes them (docs/front-panel.md#touch).</summary>
    public static KeyLayout Layout(BoardDefinition board, bool touch = false) => new(
        board.RatingKeys.Select(k => k.Level!.Value).ToList(),
        board.Keys.Where(k => k.Role == BoardKeyRole.Reason).Select(k => k.Reason!).Union(touch ? RatingScale.ReasonCodes : []).ToList());
}
