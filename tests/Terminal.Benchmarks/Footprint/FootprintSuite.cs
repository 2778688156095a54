using Terminal.TestUtils.Broker;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// Suite <c>footprint</c> (issue 14): start → READY of the arm64 package under qemu, ReadyToRun
/// vs the same build JIT-only, and how many methods each left to the JIT before READY; resident
/// memory of the amd64 package idle and after N simulated presses vs a bare ASP.NET Core slim host
/// (one Unix-socket endpoint) under the same presses, with the terminal's runtime settings and with
/// defaults; CPU while idle.
/// Usage: <c>Terminal.Benchmarks footprint [--packages DIR] [--presses N] [--idle-seconds S] [--warm-up-seconds S] [--start-runs N]</c>.
/// </summary>
internal sealed class FootprintSuite : IBenchmarkSuite
{
    public string Name => "footprint";

    public async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var presses = int.Parse(Option("--presses") ?? "5000", System.Globalization.CultureInfo.InvariantCulture);
        var idle = TimeSpan.FromSeconds(int.Parse(Option("--idle-seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture));
        var runs = int.Parse(Option("--start-runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var settle = TimeSpan.FromSeconds(20);
        var warmUp = TimeSpan.FromSeconds(int.Parse(Option("--warm-up-seconds") ?? "300", System.Globalization.CultureInfo.InvariantCulture));
        var repo = RepoRoot();
        var work = Directory.CreateTempSubdirectory("footprint-").FullName;
        using var broker = new MosquittoBroker();
        broker.Start();
        try
        {
            var builds = FootprintBuilds.Prepare(repo, Option("--packages"), work);
            var unit = UnitEnvironment.Read(repo);
            Console.WriteLine($"  as under terminal.service: {string.Join(' ', unit.Select(v => $"{v.Key}={v.Value}"))}");
            var start = await StartupRun.CompareAsync(new Dictionary<string, string> { ["readyToRun"] = builds.Arm64ReadyToRun, ["jit"] = builds.Arm64Jit }, broker.Uri, unit, runs);
            var jitCompiledReadyToRun = await StartupRun.JitCompiledBeforeReadyAsync(builds.Arm64ReadyToRun, broker.Uri, unit);
            var jitCompiledJit = await StartupRun.JitCompiledBeforeReadyAsync(builds.Arm64Jit, broker.Uri, unit);
            Console.WriteLine($"  methods JIT-compiled before READY: ReadyToRun {jitCompiledReadyToRun}, JIT-only {jitCompiledJit}");
            var terminal = await TerminalAsync(builds.Amd64, broker.Uri, unit, presses, idle, settle, warmUp);
            var bare = await BareAsync(builds.BareTuned, unit, work, presses, idle, settle, warmUp);
            var bareDefault = await BareAsync(builds.BareDefault, new Dictionary<string, string>(), work, presses, idle, settle, warmUp);
            var readyToRun = StartupRun.Median(start["readyToRun"].Seconds);
            var jit = StartupRun.Median(start["jit"].Seconds);
            var readyToRunCpu = StartupRun.Median(start["readyToRun"].CpuSeconds);
            var jitCpu = StartupRun.Median(start["jit"].CpuSeconds);
            var figures = new
            {
                startToReadyArm64Emulated = new
                {
                    readyToRunSeconds = Math.Round(readyToRun, 2),
                    jitSeconds = Math.Round(jit, 2),
                    ratio = Math.Round(readyToRun / jit, 3),
                    goal = 0.6,
                    readyToRunCpuSeconds = Math.Round(readyToRunCpu, 2),
                    jitCpuSeconds = Math.Round(jitCpu, 2),
                    cpuRatio = Math.Round(readyToRunCpu / jitCpu, 3),
                    jitCompiledBeforeReady = new { readyToRun = jitCompiledReadyToRun, jit = jitCompiledJit },
                    runs = start,
                },
                presses,
                terminal,
                bareHostSameRuntimeSettings = bare,
                bareHostDefaultRuntimeSettings = bareDefault,
                afterOverIdle = Math.Round(terminal.AfterMb / terminal.IdleMb, 3),
                afterOverIdleGoal = 1.2,
                afterOverBareAfter = Math.Round(terminal.AfterMb / bare.AfterMb, 3),
                afterOverBareAfterGoal = 1.5,
                idleCpuPercent = terminal.IdleCpuPercent,
                idleCpuAfterStartPercent = terminal.IdleCpuAfterStartPercent,
                idleCpuGoal = 0.3,
            };
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(figures));
            BenchResults.Write(Name, figures);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<MemoryRun> TerminalAsync(string release, Uri broker, IReadOnlyDictionary<string, string> unit, int presses, TimeSpan idle, TimeSpan settle, TimeSpan warmUp)
    {
        using var ready = new ReadyListener();
        var data = Directory.CreateTempSubdirectory("footprint-terminal-").FullName;
        using var process = Launch.Start(Path.Combine(release, "terminal"), Launch.Simulated(data, broker), UnitEnvironment.With(unit,
            // As under terminal.service (Type=notify, WatchdogSec=30): the workers beat at the pace the
            // watchdog asks for, which is what an idle terminal on a device wakes for.
            ("NOTIFY_SOCKET", ready.Path),
            ("WATCHDOG_USEC", "30000000")));
        try
        {
            await ready.WaitReadyAsync(TimeSpan.FromMinutes(2));
            using var load = new PressLoad(Path.Combine(data, "control.sock"));
            var run = await MemoryRun.MeasureAsync(process, load, presses, idle, settle, warmUp, drains: true);
            Console.WriteLine($"  terminal: {System.Text.Json.JsonSerializer.Serialize(run)}");
            return run;
        }
        finally
        {
            Launch.Stop(process);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<MemoryRun> BareAsync(string published, IReadOnlyDictionary<string, string> environment, string work, int presses, TimeSpan idle, TimeSpan settle, TimeSpan warmUp)
    {
        var socket = Path.Combine(work, $"bare-{Guid.NewGuid():N}.sock");
        using var process = Launch.Start(Path.Combine(published, "Terminal.Benchmarks.BareHost"), [socket], environment);
        try
        {
            using var load = new PressLoad(socket);
            while (!await load.AnswersAsync())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            var run = await MemoryRun.MeasureAsync(process, load, presses, idle, settle, warmUp, drains: false);
            Console.WriteLine($"  bare host ({Path.GetFileName(published)}): {System.Text.Json.JsonSerializer.Serialize(run)}");
            return run;
        }
        finally
        {
            Launch.Stop(process);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Terminal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository (Terminal.sln not found)");
    }
}
