using Terminal.Core.Feedback;
using Terminal.Hardware.Board;
using Terminal.Host.Pipeline;

namespace Terminal.Host.Panel;

/// <summary>Shows cues on the board: the pressed key's LED after a rating, prompts on all rating LEDs.</summary>
internal sealed class PanelFeedback(BoardPanel panel, TimeProvider time) : IFeedbackDisplay, IDisposable
{
    private static readonly TimeSpan ThanksFor = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private ITimer? _clear;

    public void Show(IReadOnlyList<Cue> cues)
    {
        foreach (var cue in cues)
        {
            Show(cue);
        }
    }

    public void Dispose() => _clear?.Dispose();

    private void Show(Cue cue)
    {
        lock (_gate)
        {
            _clear?.Dispose();
            _clear = null;
            switch (cue.Kind)
            {
                case CueKind.Thanks:
                    SetRatingLeds(key => key.Name == cue.Key);
                    _clear = time.CreateTimer(_ => Show(new Cue(CueKind.Idle)), null, ThanksFor, Timeout.InfiniteTimeSpan);
                    break;
                case CueKind.Prompting or CueKind.StorageFull:
                    SetRatingLeds(_ => true);
                    break;
                case CueKind.ReasonPrompt:
                    SetLeds(key => key.Role == BoardKeyRole.Reason);
                    break;
                default:
                    SetLeds(_ => false);
                    break;
            }
        }
    }

    private void SetRatingLeds(Func<BoardKey, bool> lit) => SetLeds(key => key.Role == BoardKeyRole.Rating && lit(key));

    private void SetLeds(Func<BoardKey, bool> lit)
    {
        foreach (var key in panel.Board.Keys.Where(k => k.Led is not null))
        {
            panel.SetLed(key.Name, lit(key));
        }
    }
}
