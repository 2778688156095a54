using Terminal.Hardware.Audio;

namespace Terminal.Hardware.Tests.Audio;

public sealed class SpeakerHealthTests
{
    private readonly List<AudioFault> _changes = [];
    private readonly SpeakerHealth _health;

    public SpeakerHealthTests() => _health = new SpeakerHealth("hw:0", new LogLines<VoicePlayer>(), _changes.Add);

    [Fact]
    public void RepeatedFailures_RaiseTheFaultOnce()
    {
        _health.Observe(Failed());
        _health.Observe(Failed());
        _health.Observe(Failed());

        var fault = Assert.Single(_changes);
        Assert.True(fault.Active);
        Assert.Equal("ALSA device 'hw:0' cannot be opened: Device or resource busy", fault.Detail);
        Assert.True(_health.IsFaulted);
    }

    [Fact]
    public void APromptCutBeforeItsFirstWrite_ProvesNothing_OneCutAfterAWriteClearsTheFault()
    {
        _health.Observe(Failed());

        _health.Observe(new VoicePlayback(VoicePrompt.Prompt, VoicePlaybackOutcome.Cut, string.Empty) { ReachedDevice = false });
        var stillFaulted = _health.IsFaulted;
        _health.Observe(new VoicePlayback(VoicePrompt.Prompt, VoicePlaybackOutcome.Cut, string.Empty) { ReachedDevice = true });

        Assert.True(stillFaulted);
        Assert.False(_health.IsFaulted);
        Assert.Collection(_changes, f => Assert.True(f.Active), f => Assert.Equal(new AudioFault(false, "ALSA device 'hw:0' plays again"), f));
    }

    [Fact]
    public void PlayingWhileHealthy_ChangesNothing()
    {
        _health.Observe(new VoicePlayback(VoicePrompt.Thanks, VoicePlaybackOutcome.Played, string.Empty) { ReachedDevice = true });

        Assert.Empty(_changes);
        Assert.False(_health.IsFaulted);
    }

    private static VoicePlayback Failed() =>
        new(VoicePrompt.Thanks, VoicePlaybackOutcome.Failed, "ALSA device 'hw:0' cannot be opened: Device or resource busy");
}
