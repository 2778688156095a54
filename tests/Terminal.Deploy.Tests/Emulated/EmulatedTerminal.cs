using System.Diagnostics;
using System.Text.Json;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Emulated;

/// <summary>
/// The arm64 package's own <c>terminal --simulate</c> under qemu, with its own data directory,
/// driven through the package's arm64 <c>terminalctl</c> (also under qemu), as an engineer would.
/// </summary>
internal sealed class EmulatedTerminal : IDisposable
{
    private readonly string _release;
    private readonly string _socket;
    private readonly LineProcess _process;

    private EmulatedTerminal(string release, string dataDir, LineProcess process)
    {
        _release = release;
        _socket = Path.Combine(dataDir, "control.sock");
        _process = process;
    }

    /// <summary>How long from process start until terminalctl status answered.</summary>
    public TimeSpan StartedIn { get; private set; }

    public static async Task<EmulatedTerminal> StartAsync(string release, string dataDir, Uri broker)
    {
        var started = Stopwatch.StartNew();
        var process = new LineProcess(
            Arm64Emulator.Qemu,
            Arm64Emulator.Arguments(Path.Combine(release, "terminal"), "--simulate", $"--Terminal:DataDir={dataDir}", $"--Terminal:Broker:Uris:0={broker}", "--Terminal:Rating:Cooldown=00:00:00"));
        var terminal = new EmulatedTerminal(release, dataDir, process);
        while (!File.Exists(terminal._socket) || terminal.Ctl("status", "--json").ExitCode != 0)
        {
            Assert.False(process.HasExited, "terminal exited during start-up:\n" + process);
            Assert.True(started.Elapsed < Arm64Emulator.Deadline, $"terminal did not answer within {Arm64Emulator.Deadline}:\n{process}");
            await Task.Yield();
        }

        terminal.StartedIn = started.Elapsed;
        return terminal;
    }

    /// <summary>Runs <c>terminalctl --socket … args --json</c>; every line it printed, parsed.</summary>
    public IReadOnlyList<JsonElement> CtlJson(params string[] args)
    {
        var result = Ctl([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"terminalctl {string.Join(' ', args)}: {result}\nterminal:\n{_process}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
    }

    /// <summary>The ids of the ratings waiting in the buffer (buffer export), once there are <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<string>> PendingRatingsAsync(int count)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var ratings = CtlJson("buffer", "export")
                .Where(e => e.GetProperty("type").GetString() == "rating")
                .Select(e => e.GetProperty("id").GetString()!)
                .ToList();
            if (ratings.Count == count)
            {
                return ratings;
            }

            Assert.True(started.Elapsed < Arm64Emulator.Deadline, $"{ratings.Count} pending ratings, not {count}, after {started.Elapsed}:\n{_process}");
            await Task.Yield();
        }
    }

    /// <summary>
    /// The release's assemblies the running terminal has mapped: qemu maps the program's files with
    /// the host's mmap, so its own /proc maps list them.
    /// </summary>
    public IReadOnlySet<string> MappedAssemblies() =>
        File.ReadLines($"/proc/{_process.Id}/maps")
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var at and >= 0 ? Path.GetFileName(line[at..]) : "")
            .Where(name => name.EndsWith(".dll", StringComparison.Ordinal) && File.Exists(Path.Combine(_release, name)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>SIGTERM as systemd stops it; the exit code.</summary>
    public Task<int> StopAsync() => _process.TerminateAsync(Arm64Emulator.Deadline);

    public override string ToString() => _process.ToString();

    public void Dispose() => _process.Dispose();

    private ProcessResult Ctl(params string[] args) => Run.Tool(
        Arm64Emulator.Qemu,
        Arm64Emulator.Arguments(Path.Combine(_release, "terminalctl"), ["--socket", _socket, .. args]),
        timeout: Arm64Emulator.Deadline);
}
