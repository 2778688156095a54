using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Inbound;

/// <summary>The retained roster (SPEC §5.5): parsed here, taken by the window when newer, cached by the loop.</summary>
internal sealed partial class RosterInbox(TerminalLoop loop, ILogger<RosterInbox> logger)
{
    public async Task HandleAsync(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length == 0)
        {
            return; // a cleared retained message
        }

        if (!RosterJson.TryParse(payload.Span, out var roster, out var error))
        {
            LogBadRoster(error);
            return;
        }

        var processed = await loop.SubmitAsync(new RosterReceived(roster!)).ConfigureAwait(false);
        if (processed.Outcome.AcceptedRoster is null)
        {
            LogRosterIgnored(roster!.Version, processed.Snapshot.Window.Roster.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an invalid roster: {Reason}")]
    private partial void LogBadRoster(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster version {Version} ignored: version {Cached} is newer or the same")]
    private partial void LogRosterIgnored(long version, long cached);
}
