using Microsoft.Extensions.Logging;

namespace Terminal.Hardware.Audio;

/// <summary>
/// The <c>audio</c> fault of SPEC §3.4, from playback outcomes: raised once when the speaker starts
/// failing (one log line), cleared once samples reach the device again (a prompt cut before its first
/// write proves nothing). Used by the player's thread only.
/// </summary>
internal sealed partial class SpeakerHealth(string device, ILogger logger, Action<AudioFault> changed)
{
    private volatile bool _faulted;

    public bool IsFaulted => _faulted;

    public void Observe(VoicePlayback playback)
    {
        switch (playback.Outcome)
        {
            case VoicePlaybackOutcome.Failed when !_faulted:
                _faulted = true;
                LogFault(logger, playback.Detail);
                Raise(new AudioFault(true, playback.Detail));
                break;
            case VoicePlaybackOutcome.Played or VoicePlaybackOutcome.Cut when _faulted && playback.ReachedDevice:
                _faulted = false;
                var detail = $"ALSA device '{device}' plays again";
                LogRecovered(logger, detail);
                Raise(new AudioFault(false, detail));
                break;
        }
    }

    private void Raise(AudioFault fault)
    {
        try
        {
            changed(fault);
        }
        catch (Exception e)
        {
            // The host's handler must not take the player's thread down with it.
            LogHandlerFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice: speaker fault (audio): {Detail}; prompts are silent until it plays again")]
    private static partial void LogFault(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice: speaker fault cleared: {Detail}")]
    private static partial void LogRecovered(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Voice: the audio fault's handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
