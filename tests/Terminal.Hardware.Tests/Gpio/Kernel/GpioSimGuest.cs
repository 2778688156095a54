using System.Diagnostics;
using System.Runtime.CompilerServices;
using Terminal.TestUtils.Processes;

namespace Terminal.Hardware.Tests.Gpio.Kernel;

/// <summary>
/// Boots the project's gpio-sim kernel (tests/gpio-sim) under qemu once per test class and runs
/// Terminal.Hardware.KernelChecks in it; the tests then assert on its "CHECK name PASS|FAIL" lines.
/// The kernel is built on first use (~3.5 min on 2 idle cores, root and apt needed) and cached in
/// /var/cache/terminal-gpio-sim (GPIO_SIM_CACHE); a run costs a few seconds.
/// </summary>
public sealed class GpioSimGuest : IDisposable
{
    private static readonly TimeSpan KernelBuildTimeout = TimeSpan.FromMinutes(45);
    private static readonly TimeSpan GuestTimeout = TimeSpan.FromMinutes(10);
    // The checks and what they load: the project, logging, System.Device.Gpio, the Iot.Device bindings and theirs.
    private static readonly string[] StagedPrefixes = ["Terminal.Hardware", "Microsoft.Extensions.", "System.Device.Gpio", "Iot.Device.", "UnitsNet"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("gpio-sim-guest-");
    private readonly Dictionary<string, string> _checks = [];

    public GpioSimGuest()
    {
        try
        {
            Run();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            SetupFailure = e.Message;
        }
    }

    /// <summary>Why the guest could not run at all (kernel build, qemu), or null.</summary>
    public string? SetupFailure { get; private set; }

    public string ChecksOutput { get; private set; } = string.Empty;

    public string ConsoleLog { get; private set; } = string.Empty;

    public int GuestExitCode { get; private set; } = -1;

    public TimeSpan GuestDuration { get; private set; }

    /// <summary>The PASS detail of a check, or an exception whose message says what went wrong.</summary>
    public string Passed(string check)
    {
        if (SetupFailure is not null)
        {
            throw new InvalidOperationException($"the gpio-sim guest did not run: {SetupFailure}");
        }

        if (!_checks.TryGetValue(check, out var line))
        {
            throw new InvalidOperationException(
                $"check {check} did not report (guest exit {GuestExitCode}).\nchecks.out:\n{ChecksOutput}\nconsole (tail):\n{Tail(ConsoleLog, 40)}");
        }

        return line.StartsWith("PASS", StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"check {check}: {line}");
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string HarnessDir([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "gpio-sim"));

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').TakeLast(lines));

    private void Run()
    {
        var harness = HarnessDir();
        var build = HostProcess.Run(Path.Combine(harness, "build-kernel.sh"), [], KernelBuildTimeout);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/gpio-sim/build-kernel.sh exited {build.ExitCode}:\n{Tail(build.Stderr, 30)}");
        }

        var kernel = build.Stdout.Trim().Split('\n')[^1];
        StageChecks();

        var started = Stopwatch.GetTimestamp();
        var guest = HostProcess.Run(Path.Combine(harness, "run-guest.sh"), [kernel, _work.FullName], GuestTimeout);
        GuestDuration = Stopwatch.GetElapsedTime(started);
        GuestExitCode = guest.ExitCode;
        ConsoleLog = guest.Stdout + guest.Stderr;
        var output = Path.Combine(_work.FullName, "checks.out");
        ChecksOutput = File.Exists(output) ? File.ReadAllText(output) : "(no checks.out: the program did not start)";
        foreach (var line in ChecksOutput.Split('\n').Where(l => l.StartsWith("CHECK ", StringComparison.Ordinal)))
        {
            var fields = line.TrimEnd().Split(' ', 3);
            _checks[fields[1]] = fields.Length > 2 ? fields[2] : string.Empty;
        }
    }

    /// <summary>
    /// Copies the checks program into the work directory: the guest mounts its own tmpfs over /tmp,
    /// so build outputs under the host's /tmp (e.g. --artifacts-path /tmp/…) are not visible there.
    /// </summary>
    private void StageChecks()
    {
        var target = Directory.CreateDirectory(Path.Combine(_work.FullName, "checks")).FullName;
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                     .Where(f => StagedPrefixes.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.Ordinal))))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(target, "Terminal.Hardware.KernelChecks.runtimeconfig.json"),
            $$"""{ "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.ToString(2)}}.0" } } }""");
        File.WriteAllText(Path.Combine(_work.FullName, "guest-cmd.sh"),
            $"#!/bin/sh\nexec '{DotnetHost()}' checks/Terminal.Hardware.KernelChecks.dll > checks.out 2>&1\n");
    }

    /// <summary>The dotnet executable running these tests: the guest sees the same path through the 9p host root.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, "dotnet"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("dotnet not found on PATH for the guest");
    }
}
