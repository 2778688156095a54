using System.Collections.Concurrent;
using System.Threading.Channels;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.FrontPanel.Board;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// Hands every open page what changed: each loop snapshot as it is published, a refresh when
/// something the view shows changed outside the loop (a photo arrived), and under <c>--simulate</c>
/// each change of an LED or the buzzer line, with the board read then. Handlers run on the loop's and
/// the LEDs' threads, so they only queue; each page's stream writes on its own request.
/// </summary>
internal sealed class PanelBroadcast : IDisposable
{
    /// <summary>Messages a slow page may fall behind by; older ones go first (each view is a whole state).</summary>
    private const int Backlog = 64;

    private readonly ConcurrentDictionary<Channel<PanelMessage>, byte> _pages = new();
    private readonly SnapshotFeed _snapshots;
    private readonly SimulatedGpioChip? _chip;
    private readonly BoardView? _board;

    public PanelBroadcast(SnapshotFeed snapshots, PanelCues cues, SimulatedGpioChip? chip = null, BoardView? board = null)
    {
        _snapshots = snapshots;
        Cues = cues;
        _chip = chip;
        _board = board;
        snapshots.Published += OnPublished;
        if (chip is not null)
        {
            chip.OutputChanged += OnOutputChanged;
        }
    }

    /// <summary>Whether the loop is between showing cues and publishing their snapshot.</summary>
    public PanelCues Cues { get; }

    /// <summary>How many pages are connected.</summary>
    public int Pages => _pages.Count;

    /// <summary>A page's queue of messages, from now on, until the returned subscription is disposed.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<PanelMessage>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _pages.TryAdd(channel, 0);
        return new Subscription(this, channel);
    }

    /// <summary>Sends the current snapshot again, e.g. once a photo it names is cached.</summary>
    public void Refresh() => Send(new PanelMessage(_snapshots.Current, false, _board?.Build()));

    public void Dispose()
    {
        _snapshots.Published -= OnPublished;
        if (_chip is not null)
        {
            _chip.OutputChanged -= OnOutputChanged;
        }
    }

    private void OnPublished(LoopSnapshot snapshot)
    {
        // Queued before the note is cleared: a page that sees no snapshot due finds this one queued.
        Send(new PanelMessage(snapshot, true, _board?.Build()));
        Cues.Published();
    }

    private void OnOutputChanged(int line, bool value)
    {
        if (_board?.Shows(line) == true)
        {
            Send(new PanelMessage(null, false, _board.Build()));
        }
    }

    private void Send(PanelMessage message)
    {
        foreach (var page in _pages.Keys)
        {
            page.Writer.TryWrite(message);
        }
    }

    /// <summary>One page's messages.</summary>
    internal sealed class Subscription(PanelBroadcast broadcast, Channel<PanelMessage> channel) : IDisposable
    {
        public ChannelReader<PanelMessage> Messages => channel.Reader;

        public void Dispose() => broadcast._pages.TryRemove(channel, out _);
    }
}
