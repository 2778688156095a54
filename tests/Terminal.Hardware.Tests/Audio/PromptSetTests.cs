using Microsoft.Extensions.Logging;
using Terminal.Hardware.Audio;
using Terminal.TestUtils.Audio;

namespace Terminal.Hardware.Tests.Audio;

/// <summary>The hall's recordings in Voice:Directory replace the shipped prompts when they are playable (SPEC §3.4).</summary>
public sealed class PromptSetTests : IDisposable
{
    private readonly string _hall = Directory.CreateTempSubdirectory("hall-voice-").FullName;
    private readonly AlsaTap _tap = new();

    public void Dispose()
    {
        Directory.Delete(_hall, recursive: true);
        _tap.Dispose();
    }

    [Fact]
    public void HallRecording_ReplacesTheShippedOne_AndIsWhatPlays()
    {
        var own = Path.Combine(_hall, "thanks.wav");
        Sox.Run("sox", [VoiceRig.Shipped(VoicePrompt.Thanks), "-r", "44100", "-c", "2", own]);
        var log = new LogLines<VoicePlayer>();

        var prompts = PromptSet.Load(VoiceRig.ShippedDirectory, _hall, log);
        using var player = VoiceRig.Player(_tap.Device("played.raw"), hallDirectory: _hall);
        player.Play(VoicePrompt.Thanks);

        Assert.Equal(own, prompts[VoicePrompt.Thanks]!.Path);
        Assert.Equal(VoiceRig.Shipped(VoicePrompt.Prompt), prompts[VoicePrompt.Prompt]!.Path);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Information && l.Text.Contains(own, StringComparison.Ordinal));
        Assert.True(player.WaitIdle(VoiceRig.Deadline));
        Assert.Equal(Sox.RawSamples(own), File.ReadAllBytes(_tap.File("played.raw")).AsSpan(0, Sox.RawSamples(own).Length).ToArray());
    }

    [Fact]
    public void BadHallRecording_IsNamedInOneLogLine_AndTheShippedOnePlays()
    {
        var bad = Path.Combine(_hall, "prompt.wav");
        Sox.Run("sox", [VoiceRig.Shipped(VoicePrompt.Prompt), "-b", "24", bad]);
        var log = new LogLines<VoicePlayer>();

        var prompts = PromptSet.Load(VoiceRig.ShippedDirectory, _hall, log);

        Assert.Equal(VoiceRig.Shipped(VoicePrompt.Prompt), prompts[VoicePrompt.Prompt]!.Path);
        var line = Assert.Single(log.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains(bad, line.Text, StringComparison.Ordinal);
        Assert.Contains("24-bit", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HallDirectory_ReplacesOnlyThePromptsItHas()
    {
        var own = Path.Combine(_hall, "reason.wav");
        Sox.Run("sox", [VoiceRig.Shipped(VoicePrompt.Reason), "-r", "16000", own]);
        Directory.CreateDirectory(Path.Combine(_hall, "thanks.wav")); // a folder, not a recording
        var log = new LogLines<VoicePlayer>();

        var prompts = PromptSet.Load(VoiceRig.ShippedDirectory, _hall, log);

        Assert.Equal(own, prompts[VoicePrompt.Reason]!.Path);
        Assert.Equal(VoiceRig.Shipped(VoicePrompt.Thanks), prompts[VoicePrompt.Thanks]!.Path);
        Assert.Equal(VoiceRig.Shipped(VoicePrompt.Prompt), prompts[VoicePrompt.Prompt]!.Path);
        Assert.DoesNotContain(log.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task MissingShippedPrompt_IsLogged_AndPlaysNothing_WithoutASpeakerFault()
    {
        var log = new LogLines<VoicePlayer>();
        using var player = new VoicePlayer(new VoiceOptions { Device = _tap.Device("played.raw"), Directory = null }, VoiceRig.Simulator, _hall, log);

        var playback = await player.PlayToEndAsync(VoicePrompt.Prompt, CancellationToken.None).WaitAsync(VoiceRig.Deadline);

        Assert.Equal(3, log.Lines.Count(l => l.Level == LogLevel.Error && l.Text.Contains("is missing", StringComparison.Ordinal)));
        Assert.Equal(VoicePlaybackOutcome.Failed, playback.Outcome);
        Assert.Contains("prompt.wav", playback.Detail, StringComparison.Ordinal);
        Assert.False(player.IsFaulted);
        Assert.False(File.Exists(_tap.File("played.raw")));
    }
}
