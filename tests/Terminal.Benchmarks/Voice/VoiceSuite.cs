using System.Globalization;

namespace Terminal.Benchmarks.Voice;

/// <summary>
/// Suite <c>voice</c> (issue 13): the time from the host's call right after a commit to the first
/// sample of the thanks prompt reaching the speaker (an ALSA file tap into a named pipe), with
/// <c>aplay</c> and a direct libasound write of the same file as same-run baselines.
/// </summary>
/// <remarks><c>voice [samples=50] [warmup=5]</c>; needs libasound2, alsa-utils (aplay) and the prompts (espeak-ng at build time).</remarks>
internal sealed class VoiceSuite : IBenchmarkSuite
{
    public string Name => "voice";

    public async Task<int> RunAsync(string[] args)
    {
        var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

        var result = await ThanksLatency.RunAsync(samples, warmup);
        Console.WriteLine($"call -> first thanks sample at the tap (ms), {samples} samples after {warmup} warm-up rounds:");
        Console.WriteLine($"  VoicePlayer (CueVoice.Show): p50 {result.Player.P50:F2}  p99 {result.Player.P99:F2}  max {result.Player.Max:F2}");
        Console.WriteLine($"  aplay of the same file:      p50 {result.Aplay.P50:F2}  p99 {result.Aplay.P99:F2}  max {result.Aplay.Max:F2}");
        Console.WriteLine($"  libasound on the caller:     p50 {result.RawPcm.P50:F2}  p99 {result.RawPcm.P99:F2}  max {result.RawPcm.Max:F2}");
        var vsAplay = result.Player.P50 / result.Aplay.P50;
        var vsRaw = result.Player.P50 / result.RawPcm.P50;
        Console.WriteLine($"  median ratio player/aplay {vsAplay:F2}, player/raw libasound {vsRaw:F2}");

        BenchResults.Write(Name, new
        {
            suite = Name,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString, runtime = Environment.Version.ToString() },
            thanksToTapMs = new { player = result.Player, aplay = result.Aplay, rawLibasound = result.RawPcm },
            medianRatio = new { playerOverAplay = Math.Round(vsAplay, 3), playerOverRawLibasound = Math.Round(vsRaw, 3) },
            thanksBytes = result.ThanksBytes,
            notes = "ALSA file PCM (type file, slave null) writing raw S16_LE into a named pipe; the first sample is when poll(2) on the pipe "
                + "reports data. The player is idle when called (the prompt had ended); cutting a prompt that plays adds at most one "
                + "20 ms write chunk on a real device.",
        });
        return 0;
    }
}
