using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Terminal.TestUtils.Processes;

/// <summary>A child process whose output is collected line by line, for the end-to-end tests; killed on dispose.</summary>
public sealed partial class ProcessRun : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private ProcessRun(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything written to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="args"/>, collecting stdout and stderr.</summary>
    public static ProcessRun Start(string fileName, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var run = new ProcessRun(process);
        process.OutputDataReceived += (_, e) => run.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (run._stderr)
                {
                    run._stderr.AppendLine(e.Data);
                }

                run._newLine.Release();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Starts a .NET program from the test's output directory.</summary>
    public static ProcessRun StartDotnet(string assembly, IEnumerable<string> args, string? workingDirectory = null) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. args], workingDirectory);

    /// <summary>The stdout lines so far.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_stdout)
        {
            return [.. _stdout];
        }
    }

    /// <summary>Waits until some stdout line satisfies <paramref name="match"/>; fails with what was seen after <paramref name="timeout"/>.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what) =>
        WaitForAsync(Lines, match, timeout, what);

    /// <summary>Waits until some stderr line satisfies <paramref name="match"/>; fails with what was seen after <paramref name="timeout"/>.</summary>
    public Task<string> WaitForStderrLineAsync(Func<string, bool> match, TimeSpan timeout, string what) =>
        WaitForAsync(() => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList(), match, timeout, what);

    private async Task<string> WaitForAsync(Func<IReadOnlyList<string>> read, Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            var lines = read();
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    return lines[seen];
                }
            }

            try
            {
                await _newLine.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0.#} s for {what}; saw {lines.Count} line(s):\n{string.Join('\n', lines.TakeLast(20))}\nstderr:\n{Stderr}");
            }
        }
    }

    /// <summary>Waits for the exit and returns its code; throws if it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the power-cut/crash case.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM: a requested stop, as systemd does it.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, 15);
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _newLine.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.Add(line);
        }

        _newLine.Release();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
