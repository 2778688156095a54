using System.Diagnostics;
using System.Globalization;

namespace Terminal.TestUtils.Audio;

/// <summary>
/// sox as the independent judge of what reached an ALSA tap: a WAV's samples as raw S16_LE, and
/// <c>sox … -n stat</c> of raw samples (length, amplitude).
/// </summary>
public static class Sox
{
    /// <summary>The samples of <paramref name="wav"/> as raw 16-bit little-endian bytes, as a player would write them.</summary>
    public static byte[] RawSamples(string wav)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"sox-{Guid.NewGuid():N}.raw");
        try
        {
            Run("sox", [wav, "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", raw]);
            return File.ReadAllBytes(raw);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary><c>sox -n stat</c> of raw S16_LE samples at <paramref name="rate"/> Hz, <paramref name="channels"/> channels.</summary>
    public static SoxStat Stat(string raw, int rate, int channels) =>
        Stat(["-t", "raw", "-r", rate.ToString(CultureInfo.InvariantCulture), "-e", "signed-integer", "-b", "16", "-L", "-c", channels.ToString(CultureInfo.InvariantCulture), raw]);

    /// <summary><c>sox -n stat</c> of a WAV file.</summary>
    public static SoxStat Stat(string wav) => Stat([wav]);

    private static SoxStat Stat(string[] input)
    {
        var output = Run("sox", [.. input, "-n", "stat"]);
        double Field(string name) => double.Parse(
            output.Split('\n').Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim(),
            CultureInfo.InvariantCulture);
        return new SoxStat(Field("Length (seconds)"), Field("Maximum amplitude"), Field("RMS     amplitude"));
    }

    /// <summary>Runs sox (or soxi) and returns what it printed (stat prints on stderr); throws when it fails.</summary>
    public static string Run(string tool, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 60 s");
        }

        var all = stdout.Result + stderr;
        return process.ExitCode == 0 ? all : throw new InvalidOperationException($"{tool} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {all}");
    }
}

/// <summary>What <c>sox -n stat</c> says about some samples.</summary>
/// <param name="Seconds">Length.</param>
/// <param name="MaxAmplitude">Largest sample, 0–1.</param>
/// <param name="RmsAmplitude">Root mean square, 0–1 (0: silence).</param>
public sealed record SoxStat(double Seconds, double MaxAmplitude, double RmsAmplitude);
