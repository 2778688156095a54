using Microsoft.Extensions.Logging;
using Terminal.Core.Feedback;
using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.TestUtils.Audio;

namespace Terminal.Hardware.Tests.Audio;

/// <summary>The player on a real ALSA tap: faults of a broken speaker, recovery, volume, the self-test's call.</summary>
public sealed class VoicePlayerTests : IDisposable
{
    private readonly AlsaTap _tap = new();

    public void Dispose() => _tap.Dispose();

    [Fact]
    public async Task MissingDevice_RaisesTheAudioFaultOnce_AndTheCallerGoesOn()
    {
        var log = new LogLines<VoicePlayer>();
        using var player = VoiceRig.Player("no-such-pcm", log);
        var faults = Faults(player);
        var voice = new CueVoice(player);

        voice.Show([new Cue(CueKind.Prompting)]);
        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        voice.Show([new Cue(CueKind.Thanks, "k5")]);
        var selfTest = await player.PlayToEndAsync(VoicePrompt.Reason, CancellationToken.None).WaitAsync(VoiceRig.Deadline);

        var fault = Assert.Single(faults);
        Assert.True(fault.Active);
        Assert.Contains("'no-such-pcm'", fault.Detail, StringComparison.Ordinal);
        Assert.True(player.IsFaulted);
        Assert.Equal(VoicePlaybackOutcome.Failed, selfTest.Outcome);
        Assert.Contains("'no-such-pcm'", selfTest.Detail, StringComparison.Ordinal);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("(audio)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnwritableTap_RaisesTheFault_AndPlayingAgainClearsIt()
    {
        var dir = _tap.File("later");
        using var player = VoiceRig.Player($"tap:FILE={Path.Combine(dir, "played.raw")}");
        var faults = Faults(player);

        var broken = await player.PlayToEndAsync(VoicePrompt.Thanks, CancellationToken.None).WaitAsync(VoiceRig.Deadline);
        Directory.CreateDirectory(dir);
        var healed = await player.PlayToEndAsync(VoicePrompt.Thanks, CancellationToken.None).WaitAsync(VoiceRig.Deadline);

        Assert.Equal(VoicePlaybackOutcome.Failed, broken.Outcome);
        Assert.Contains("write failed", broken.Detail, StringComparison.Ordinal);
        Assert.True(healed.Succeeded, healed.Detail);
        Assert.Collection(faults, raised => Assert.True(raised.Active), cleared => Assert.False(cleared.Active));
        Assert.False(player.IsFaulted);
        VoiceRig.AssertPlayedWhole(VoicePrompt.Thanks, File.ReadAllBytes(Path.Combine(dir, "played.raw")));
    }

    [Fact]
    public async Task FaultHandlerThatThrows_DoesNotStopThePlayer()
    {
        using var player = VoiceRig.Player("no-such-pcm");
        player.FaultChanged += _ => throw new InvalidOperationException("host bug");

        var first = await player.PlayToEndAsync(VoicePrompt.Thanks, CancellationToken.None).WaitAsync(VoiceRig.Deadline);
        var second = await player.PlayToEndAsync(VoicePrompt.Thanks, CancellationToken.None).WaitAsync(VoiceRig.Deadline);

        Assert.Equal(VoicePlaybackOutcome.Failed, first.Outcome);
        Assert.Equal(VoicePlaybackOutcome.Failed, second.Outcome);
    }

    [Fact]
    public async Task Play_WhileTheDeviceBlocks_ReturnsAtOnce()
    {
        // Nobody reads the pipe yet: the player's thread is stuck opening the device.
        var fifo = _tap.Fifo("played.raw");
        using var player = VoiceRig.Player(_tap.Device("played.raw"));
        var voice = new CueVoice(player);

        for (var i = 0; i < 20; i++)
        {
            voice.Show([new Cue(CueKind.Prompting)]);
            voice.Show([new Cue(CueKind.Thanks, "k5")]);
        }

        // Reaching this line is the test. Then the last cue still wins: the prompt, cut before its
        // first write, leaves nothing in the pipe; the thanks is the one stream.
        var played = await TapPipe.ReadAsync(fifo, player.IsIdle, VoiceRig.Deadline);
        VoiceRig.AssertPlayedWhole(VoicePrompt.Thanks, played.Bytes);
    }

    [Fact]
    public void HalfVolume_HalvesTheAmplitude()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"), volume: 50);

        player.Play(VoicePrompt.Thanks);

        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        var played = Sox.Stat(_tap.File("played.raw"), 22050, 1);
        var shipped = Sox.Stat(VoiceRig.Shipped(VoicePrompt.Thanks));
        Assert.InRange(played.MaxAmplitude / shipped.MaxAmplitude, 0.49, 0.51);
    }

    [Theory]
    [InlineData(VoicePrompt.Prompt)]
    [InlineData(VoicePrompt.Thanks)]
    [InlineData(VoicePrompt.Reason)]
    public async Task SelfTest_PlaysTheNamedPromptToItsEnd(VoicePrompt prompt)
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"));
        Assert.True(VoicePrompts.TryParse(VoicePrompts.Name(prompt), out var named));

        var playback = await player.PlayToEndAsync(named, CancellationToken.None).WaitAsync(VoiceRig.Deadline);

        Assert.True(playback.Succeeded, playback.Detail);
        VoiceRig.AssertPlayedWhole(prompt, File.ReadAllBytes(_tap.File("played.raw")));
    }

    [Fact]
    public async Task BoardWithoutSpeaker_IsUnavailable_AndWritesNothing()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"), board: VoiceRig.Simulator with { Speaker = null });

        player.Play(VoicePrompt.Prompt);
        var playback = await player.PlayToEndAsync(VoicePrompt.Thanks, CancellationToken.None);

        Assert.Equal(VoicePlaybackOutcome.Unavailable, playback.Outcome);
        Assert.Contains("has no speaker", playback.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(_tap.File("played.raw")));
    }

    [Theory]
    [InlineData(101, "Voice:Volume")]
    [InlineData(-1, "Voice:Volume")]
    public void InvalidVolume_IsRefused_NamingTheKey(int volume, string key)
    {
        var error = Assert.Throws<ArgumentException>(() => VoiceRig.Player("default", volume: volume));

        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    private static List<AudioFault> Faults(VoicePlayer player)
    {
        var faults = new List<AudioFault>();
        player.FaultChanged += f =>
        {
            lock (faults)
            {
                faults.Add(f);
            }
        };
        return faults;
    }
}
