using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Events;
using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.Board;
using Terminal.Host.Loop;
using Terminal.Host.Tests.Fakes;
using Terminal.Host.Voice;

namespace Terminal.Host.Tests.Voice;

/// <summary>A speaker that fails never stops a press: the rating commits, its LED lights, the status shows <c>audio</c>.</summary>
public sealed class SpeakerWatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task BrokenAlsaDevice_PressStillCommitsAndLightsItsLed_AndTheAudioFaultIsRaisedOnce()
    {
        var board = TestBoard.Definition with { Speaker = new BoardSpeaker("test speaker") };
        var chip = new SimulatedGpioChip(TestBoard.Chip, 32);
        using var lines = TestBoard.Claim(chip);
        using var leds = new BoardFeedback(lines, TimeProvider.System);
        using var player = new VoicePlayer(new VoiceOptions { Device = "no-such-pcm", Directory = null }, board, Path.Combine(AppContext.BaseDirectory, "voice"), NullLogger<VoicePlayer>.Instance);
        var displays = new FeedbackDisplays([leds, new VoiceFeedback(player)]);
        await using var running = await RunningLoop.StartAsync(display: displays);
        var watch = new SpeakerWatch(player, running.Loop);
        await watch.StartAsync(CancellationToken.None);

        var press = await running.PressAsync("k5", 5);
        await WaitAsync(() => running.Loop.Snapshots.Current.Window.Faults.Contains(FaultCodes.Audio), "the audio fault");
        await running.PressAsync("k1", 1);
        await watch.StopAsync(CancellationToken.None);

        Assert.Contains(press.Snapshot.Committed, e => e.Type == "rating");
        Assert.True(lines.Outputs!.GetValue(TestBoard.Definition.Keys.Single(k => k.Name == "k5").Led!.Value), "the pressed key's LED is lit");
        var faults = (await running.PendingAsync()).Where(e => e.Type == "fault").Select(e => EventJson.Deserialize(e.Payload.ToArray()).Data).OfType<FaultData>().ToList();
        Assert.Equal(("audio", "speaker"), (Assert.Single(faults).Code, faults[0].Source));
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"timed out waiting for {what}");
            await Task.Yield();
        }
    }
}
