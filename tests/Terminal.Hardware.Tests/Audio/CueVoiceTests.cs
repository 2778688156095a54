using Terminal.Core.Feedback;
using Terminal.Hardware.Audio;
using Terminal.TestUtils.Audio;

namespace Terminal.Hardware.Tests.Audio;

/// <summary>The cues of a rating session, spoken into a real ALSA file tap and judged with sox (SPEC §3.4).</summary>
public sealed class CueVoiceTests : IDisposable
{
    private readonly AlsaTap _tap = new();

    public void Dispose() => _tap.Dispose();

    [Fact]
    public void PromptingCue_PlaysTheWholePrompt()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"));

        new CueVoice(player).Show([new Cue(CueKind.Prompting)]);

        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        VoiceRig.AssertPlayedWhole(VoicePrompt.Prompt, File.ReadAllBytes(_tap.File("played.raw")));
        var stat = Sox.Stat(_tap.File("played.raw"), 22050, 1);
        Assert.InRange(stat.Seconds, 3, 10);
        Assert.True(stat.RmsAmplitude > 0.01, $"the prompt reached the tap silent (RMS {stat.RmsAmplitude})");
    }

    [Fact]
    public async Task ThanksCue_DuringThePrompt_CutsItAndPlaysThanks()
    {
        var fifo = _tap.Fifo("played.raw");
        using var player = VoiceRig.Player(_tap.Device("played.raw"));
        var voice = new CueVoice(player);

        voice.Show([new Cue(CueKind.Prompting)]);
        var played = await TapPipe.ReadAsync(fifo, player.IsIdle, VoiceRig.Deadline, pauseAfter: 8192, atPause: () => voice.Show([new Cue(CueKind.Thanks, "k5")]));

        var prompt = VoiceRig.Samples(VoicePrompt.Prompt);
        var thanks = VoiceRig.Samples(VoicePrompt.Thanks);
        Assert.True(played.Bytes.AsSpan().EndsWith(thanks), "the thanks did not play whole after the prompt");
        var cut = played.Bytes[..^thanks.Length];
        // The writer could get no further than 8 KiB read + the 64 KiB pipe + a chunk before the cut.
        Assert.True(cut.Length < prompt.Length / 2, $"the prompt was not cut: {cut.Length} of {prompt.Length} bytes played");
        Assert.True(prompt.AsSpan(0, cut.Length).SequenceEqual(cut), "what played before the thanks is not the prompt's beginning");
    }

    [Fact]
    public void ReasonPromptCue_PlaysTheReasonRequest()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"));

        new CueVoice(player).Show([new Cue(CueKind.ReasonPrompt, "k1")]);

        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        VoiceRig.AssertPlayedWhole(VoicePrompt.Reason, File.ReadAllBytes(_tap.File("played.raw")));
    }

    [Fact]
    public void VoiceDisabled_WritesNothing()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"), enabled: false);

        new CueVoice(player).Show([new Cue(CueKind.Prompting), new Cue(CueKind.Thanks, "k5"), new Cue(CueKind.ReasonPrompt, "k1")]);

        Assert.False(player.IsAvailable);
        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        Assert.False(File.Exists(_tap.File("played.raw")), "a disabled voice wrote to the device");
    }

    [Fact]
    public async Task IdleCue_EndsTheQuestionBeingAsked()
    {
        var fifo = _tap.Fifo("played.raw");
        using var player = VoiceRig.Player(_tap.Device("played.raw"));
        var voice = new CueVoice(player);

        voice.Show([new Cue(CueKind.Prompting)]);
        var played = await TapPipe.ReadAsync(fifo, player.IsIdle, VoiceRig.Deadline, pauseAfter: 8192, atPause: () => voice.Show([new Cue(CueKind.Idle)]));

        var prompt = VoiceRig.Samples(VoicePrompt.Prompt);
        Assert.True(played.Bytes.Length < prompt.Length / 2, "the prompt went on after the session closed");
        Assert.True(prompt.AsSpan(0, played.Bytes.Length).SequenceEqual(played.Bytes));
    }

    [Fact]
    public void TransientCue_LeavesThePromptPlaying()
    {
        using var player = VoiceRig.Player(_tap.Device("played.raw"));

        new CueVoice(player).Show([new Cue(CueKind.Prompting), new Cue(CueKind.SignedIn)]);

        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        VoiceRig.AssertPlayedWhole(VoicePrompt.Prompt, File.ReadAllBytes(_tap.File("played.raw")));
    }

    [Fact]
    public void EveryCueWithAPhrase_HasAPrompt_AndOnlyThose()
    {
        foreach (var pattern in CueTable.All)
        {
            Assert.Equal(pattern.Voice is not null, CueVoice.PromptOf(pattern.Kind) is not null);
        }
    }

    [Fact]
    public void ShippedPhrases_AreTheCueTablesVoiceColumn()
    {
        // deploy/voice/phrases.tsv is what make-prompts.sh speaks; the cue table is what the README shows.
        var phrases = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "voice-phrases.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);

        foreach (var pattern in CueTable.All.Where(p => p.Voice is not null))
        {
            Assert.Equal(pattern.Voice, phrases[VoicePrompts.FileName(CueVoice.PromptOf(pattern.Kind)!.Value)]);
        }

        Assert.Equal(VoicePrompts.All.Count, phrases.Count);
    }
}
