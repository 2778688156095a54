using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Terminal.Storage.Tests;

/// <summary>
/// Runs Terminal.Storage.CrashChild and collects the seqs it reports as committed; only complete
/// lines count (a kill may cut the last one).
/// </summary>
internal sealed class CrashChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reader;
    private readonly Lock _gate = new();
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lines;

    public CrashChildProcess(string directory, int round, int producers)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Terminal.Storage.CrashChild.dll"), directory, round.ToString(CultureInfo.InvariantCulture), producers.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Seqs on complete lines so far.</summary>
    public IReadOnlyList<long> Reported
    {
        get
        {
            string text;
            lock (_gate)
            {
                text = _output.ToString();
            }

            var complete = text[..(text.LastIndexOf('\n') + 1)];
            return [.. complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "ready").Select(l => long.Parse(l, CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>
    /// Waits (bounded) until at least <paramref name="count"/> seqs were reported, then SIGKILLs the
    /// child; 0 kills it right after it opened the buffer, -1 at once (maybe while opening).
    /// </summary>
    public async Task KillAfterAsync(int count, TimeSpan deadline)
    {
        await WaitForReportedAsync(count, deadline);
        _process.Kill(); // SIGKILL on Linux
        await _process.WaitForExitAsync();
        await _reader;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> seqs were reported; the child runs on.</summary>
    public async Task WaitForReportedAsync(int count, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (Volatile.Read(ref _lines) - 1 < count && !_reader.IsCompleted)
        {
            var progress = Volatile.Read(ref _progress).Task;
            if (Volatile.Read(ref _lines) - 1 >= count)
            {
                break;
            }

            await progress.WaitAsync(timeout.Token); // woken by the pipe reader on every chunk
        }

        Assert.False(_process.HasExited, "the crash child exited by itself");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[8192];
        var stream = _process.StandardOutput.BaseStream;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                _output.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            Interlocked.Add(ref _lines, buffer.AsSpan(0, read).Count((byte)'\n'));
            Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        Volatile.Read(ref _progress).TrySetResult();
    }
}
