using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Feedback;
using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.TestUtils.Audio;

namespace Terminal.Benchmarks.Voice;

/// <summary>
/// From the call the host makes right after a commit (<see cref="CueVoice.Show"/> with the thanks cue)
/// to the first sample of thanks.wav reaching an ALSA file tap, against two baselines started the same
/// way in the same round: <c>aplay</c> of the same file (a process per cue), and libasound opened and
/// written directly on the calling thread (the floor: what the player adds is its thread hand-off).
/// </summary>
internal static class ThanksLatency
{
    public sealed record Result(Hardware.Percentiles Player, Hardware.Percentiles Aplay, Hardware.Percentiles RawPcm, long ThanksBytes);

    public static async Task<Result> RunAsync(int samples, int warmup)
    {
        using var tap = new AlsaTap();
        var fifo = tap.Fifo("tap.raw");
        var device = tap.Device("tap.raw");
        var shipped = Path.Combine(AppContext.BaseDirectory, "voice");
        var thanks = Path.Combine(shipped, VoicePrompts.FileName(VoicePrompt.Thanks));
        var sound = WaveFile.Load(thanks);
        var board = BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));
        using var player = new VoicePlayer(new VoiceOptions { Device = device, Directory = null }, board, shipped, NullLogger<VoicePlayer>.Instance);
        var voice = new CueVoice(player);
        Cue[] thanksCue = [new Cue(CueKind.Thanks, "k5")];

        var viaPlayer = new List<double>();
        var viaAplay = new List<double>();
        var viaRaw = new List<double>();
        long bytes = 0;
        for (var i = 0; i < warmup + samples; i++)
        {
            // Interleaved, so the three share the machine's moods.
            var p = await MeasureAsync(fifo, () =>
            {
                voice.Show(thanksCue);
                return Task.CompletedTask;
            });
            if (!player.WaitIdle(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the player did not finish the thanks");
            }

            var a = await MeasureAsync(fifo, () => Aplay(device, thanks));
            var r = await MeasureAsync(fifo, () => Raw(device, sound));
            bytes = p.Bytes;
            // aplay rounds the end up to a whole period of silence.
            if (p.Bytes != r.Bytes || a.Bytes < p.Bytes)
            {
                throw new InvalidOperationException($"the three did not play the same thanks: {p.Bytes}, {a.Bytes}, {r.Bytes} bytes");
            }

            if (i >= warmup)
            {
                viaPlayer.Add(p.Ms);
                viaAplay.Add(a.Ms);
                viaRaw.Add(r.Ms);
            }
        }

        return new Result(Hardware.Percentiles.From(viaPlayer), Hardware.Percentiles.From(viaAplay), Hardware.Percentiles.From(viaRaw), bytes);
    }

    private static async Task<(double Ms, long Bytes)> MeasureAsync(string fifo, Func<Task> start)
    {
        using var first = new TapFirstSample(fifo);
        var calledAt = Stopwatch.GetTimestamp();
        var started = start();
        var (firstAt, bytes) = await first.Result.WaitAsync(TimeSpan.FromSeconds(60));
        await started;
        return (Stopwatch.GetElapsedTime(calledAt, firstAt).TotalMilliseconds, bytes);
    }

    private static async Task Aplay(string device, string wav)
    {
        using var aplay = Process.Start(new ProcessStartInfo("aplay", ["-q", "-D", device, wav])) ?? throw new InvalidOperationException("aplay did not start");
        await aplay.WaitForExitAsync();
        if (aplay.ExitCode != 0)
        {
            throw new InvalidOperationException($"aplay exited with {aplay.ExitCode}");
        }
    }

    private static Task Raw(string device, WaveSound sound)
    {
        using var pcm = AlsaPcm.Open(device, sound.Format, PromptPlayback.Latency);
        pcm.Write(sound.Samples);
        pcm.Drain();
        return Task.CompletedTask;
    }
}
