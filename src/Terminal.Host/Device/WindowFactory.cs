using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Configuration;

namespace Terminal.Host.Device;

/// <summary>Builds the core's <see cref="ServiceWindow"/> from the configuration and the board.</summary>
internal static class WindowFactory
{
    public static ServiceWindow Create(TerminalOptions options, BoardDefinition board, EventFactory events, TimeProvider time) =>
        new(options.WindowSettings, Layout(board), events, time);

    public static KeyLayout Layout(BoardDefinition board) => new(
        board.RatingKeys.Select(k => k.Level!.Value).ToList(),
        board.Keys.Where(k => k.Role == BoardKeyRole.Reason).Select(k => k.Reason!).ToList());
}
