using System.Diagnostics;
using System.Globalization;

namespace Terminal.PowerCut.Vm;

/// <summary>
/// One boot of the gpio-sim VM (tests/gpio-sim/run-guest.sh) with the disk image attached: its
/// serial console is captured to <c>console.log</c>, its steps read from the 9p work directory,
/// and its power cut by SIGKILL to qemu (nothing the guest had not handed to the host survives).
/// </summary>
internal sealed class GuestBoot : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly Process _runner;
    private readonly StreamWriter _console;
    private readonly string _pidFile;

    private GuestBoot(Process runner, StreamWriter console, string pidFile, string steps)
    {
        _runner = runner;
        _console = console;
        _pidFile = pidFile;
        StepsPath = steps;
    }

    /// <summary>The guest's step log (9p): one line per step, written before the step runs.</summary>
    public string StepsPath { get; }

    public bool HasExited => _runner.HasExited;

    /// <summary>Boots the guest on <paramref name="workDir"/>; <paramref name="disk"/>, when given, is its /dev/vda.</summary>
    public static GuestBoot Start(string kernel, string workDir, string? disk, string bootDir, TimeSpan timeout)
    {
        Directory.CreateDirectory(bootDir);
        var pidFile = Path.Combine(bootDir, "qemu.pid");
        var start = new ProcessStartInfo(Path.Combine(RepositoryLayout.GpioSim, "run-guest.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(kernel);
        start.ArgumentList.Add(workDir);
        if (disk is not null)
        {
            start.Environment["GUEST_DISK"] = disk;
        }

        start.Environment["QEMU_PIDFILE"] = pidFile;
        start.Environment["GUEST_TIMEOUT"] = ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var console = new StreamWriter(Path.Combine(bootDir, "console.log")) { AutoFlush = true };
        var runner = Process.Start(start) ?? throw new InvalidOperationException("cannot start run-guest.sh");
        runner.StandardInput.Close();
        runner.OutputDataReceived += (_, e) => Write(console, e.Data);
        runner.ErrorDataReceived += (_, e) => Write(console, e.Data);
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();
        return new GuestBoot(runner, console, pidFile, Path.Combine(bootDir, "steps.log"));
    }

    /// <summary>Waits until the guest logged a step starting with <paramref name="step"/>; false when the guest ended or the deadline passed first.</summary>
    public bool WaitForStep(string step, TimeSpan deadline)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < deadline)
        {
            if (Steps().Any(s => s.StartsWith(step, StringComparison.Ordinal)))
            {
                return true;
            }

            if (_runner.WaitForExit(Poll))
            {
                return Steps().Any(s => s.StartsWith(step, StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>The steps logged so far, without their uptime stamps.</summary>
    public IReadOnlyList<string> Steps() =>
        File.Exists(StepsPath)
            ? File.ReadAllLines(StepsPath).Select(l => l.Split(' ', 2) is [_, var step] ? step : l).ToList()
            : [];

    /// <summary>Pulls the plug: SIGKILL to qemu, so the guest's page cache and queued writes are gone.</summary>
    public void CutPower()
    {
        if (File.Exists(_pidFile) && int.TryParse(File.ReadAllText(_pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var qemu = Process.GetProcessById(pid);
                qemu.Kill();
                qemu.WaitForExit();
            }
            catch (ArgumentException)
            {
                // qemu already gone
            }
        }
    }

    /// <summary>Waits up to <paramref name="time"/>; true when the guest ended meanwhile.</summary>
    public bool EndsWithin(TimeSpan time) => _runner.WaitForExit(time);

    /// <summary>Waits for run-guest.sh to end; returns its exit code (the guest command's, 125 when cut).</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_runner.WaitForExit(timeout))
        {
            CutPower();
            _runner.Kill(entireProcessTree: true);
            _runner.WaitForExit();
            throw new TimeoutException($"the guest did not end within {timeout.TotalMinutes:F0} min");
        }

        _runner.WaitForExit(); // drains the console
        return _runner.ExitCode;
    }

    public void Dispose()
    {
        if (!_runner.HasExited)
        {
            CutPower();
            _runner.Kill(entireProcessTree: true);
            _runner.WaitForExit();
        }

        _runner.Dispose();
        _console.Dispose();
    }

    private static void Write(StreamWriter console, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (console)
        {
            console.WriteLine(line.TrimEnd('\r'));
        }
    }
}
