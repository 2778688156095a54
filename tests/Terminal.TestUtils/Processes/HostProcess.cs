using System.Diagnostics;

namespace Terminal.TestUtils.Processes;

/// <summary>Runs a host program to completion with a deadline, killing its whole tree when it overruns.</summary>
public static class HostProcess
{
    /// <summary>Runs <paramref name="program"/> with stdin closed; its exit code and whole output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout.TotalMinutes} min:\n{stderr.Result}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
