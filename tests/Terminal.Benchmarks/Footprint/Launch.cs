using System.Diagnostics;

namespace Terminal.Benchmarks.Footprint;

/// <summary>Starts a program natively, or an arm64 one under qemu user-mode emulation.</summary>
internal static class Launch
{
    public static Process Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, bool emulated = false)
    {
        var start = new ProcessStartInfo(emulated ? "qemu-aarch64-static" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (emulated)
        {
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add("/");
            start.ArgumentList.Add(program);
        }

        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The terminal's arguments for a simulated board with its own data directory.</summary>
    public static string[] Simulated(string dataDir, Uri broker) =>
        ["--simulate", $"--Terminal:DataDir={dataDir}", $"--Terminal:Broker:Uris:0={broker}", "--Terminal:Rating:Cooldown=00:00:00", "--Terminal:Panel:Listen=http://127.0.0.1:0"];

    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
