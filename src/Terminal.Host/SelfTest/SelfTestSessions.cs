using Terminal.Hardware.Audio;
using Terminal.Host.Board;
using Terminal.Host.Loop;

namespace Terminal.Host.SelfTest;

/// <summary>At most one interactive self-test holds the panel at a time.</summary>
internal sealed class SelfTestSessions(BoardLines panel, IFeedbackDisplay display, TerminalLoop loop, VoicePlayer voice)
{
    private readonly Lock _gate = new();
    private SelfTestSession? _open;

    /// <summary>Opens a session, or returns null when another one holds the panel.</summary>
    public SelfTestSession? TryOpen()
    {
        lock (_gate)
        {
            if (_open is not null)
            {
                return null;
            }

            _open = new SelfTestSession(panel, display, loop, voice, OnClosed);
            return _open;
        }
    }

    /// <summary>The open session with <paramref name="id"/>, or null.</summary>
    public SelfTestSession? Find(string? id)
    {
        lock (_gate)
        {
            return _open is { } open && open.Id == id ? open : null;
        }
    }

    private void OnClosed(SelfTestSession session)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, session))
            {
                _open = null;
            }
        }
    }
}
