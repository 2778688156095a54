using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.TestUtils.Audio;

namespace Terminal.Hardware.Tests.Audio;

/// <summary>A voice player on the simulator board (which has a speaker) and the shipped prompts, playing into an ALSA tap.</summary>
internal static class VoiceRig
{
    /// <summary>The prompts the build made with deploy/voice/make-prompts.sh (espeak-ng), beside the tests.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "voice");

    public static BoardDefinition Simulator => BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));

    /// <summary>Generous: the machine is shared; nothing waits this long unless it is broken.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static string Shipped(VoicePrompt prompt) => Path.Combine(ShippedDirectory, VoicePrompts.FileName(prompt));

    public static VoicePlayer Player(string device, LogLines<VoicePlayer>? log = null, int volume = 100, bool enabled = true, BoardDefinition? board = null, string? hallDirectory = null) =>
        new(
            new VoiceOptions { Device = device, Volume = volume, Enabled = enabled, Directory = hallDirectory },
            board ?? Simulator,
            ShippedDirectory,
            log ?? new LogLines<VoicePlayer>());

    /// <summary>The shipped prompt's samples as sox reads them: what a player at volume 100 must write.</summary>
    public static byte[] Samples(VoicePrompt prompt) => Sox.RawSamples(Shipped(prompt));

    /// <summary>
    /// <paramref name="played"/> is the whole of <paramref name="prompt"/>, sample for sample, and
    /// nothing else (ALSA may round the end up to a period with silence).
    /// </summary>
    public static void AssertPlayedWhole(VoicePrompt prompt, byte[] played)
    {
        var expected = Samples(prompt);
        Assert.True(played.Length >= expected.Length, $"{VoicePrompts.FileName(prompt)}: {played.Length} bytes reached the tap, the prompt has {expected.Length}");
        Assert.True(expected.AsSpan().SequenceEqual(played.AsSpan(0, expected.Length)), $"the tap did not receive {VoicePrompts.FileName(prompt)}'s samples");
        Assert.True(played.AsSpan(expected.Length).IndexOfAnyExcept((byte)0) < 0, "something other than silence followed the prompt");
    }
}
