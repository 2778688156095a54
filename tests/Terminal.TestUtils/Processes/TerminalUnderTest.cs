using System.Text.Json;
using Xunit;

namespace Terminal.TestUtils.Processes;

/// <summary>
/// <c>terminal --simulate</c> as a separate process with its own data directory, driven through
/// <c>terminalctl</c> processes, as a field engineer would. The test project must reference
/// Terminal.Host and Terminal.Cli, so that terminal.dll and terminalctl.dll sit beside the tests.
/// </summary>
public sealed class TerminalUnderTest : IDisposable
{
    // Generous: on a loaded CI machine opening the buffer (SQLite with fsync) alone has taken 12 s.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private TerminalUnderTest(string dataDir, ProcessRun process)
    {
        DataDir = dataDir;
        Process = process;
    }

    /// <summary>The terminal's data directory (buffer, settings, control socket); deleted on dispose.</summary>
    public string DataDir { get; }

    /// <summary>The control socket terminalctl talks to.</summary>
    public string Socket => Path.Combine(DataDir, "control.sock");

    /// <summary>The terminal's process (its log lines are its stdout).</summary>
    public ProcessRun Process { get; }

    /// <summary>
    /// Starts the host against <paramref name="broker"/> and waits until its control socket answers.
    /// The voice plays on ALSA's <c>null</c> device (test machines have no sound card); a setting
    /// given in <paramref name="settings"/> wins.
    /// </summary>
    public static async Task<TerminalUnderTest> StartAsync(Uri broker, params string[] settings)
    {
        var dataDir = Directory.CreateTempSubdirectory("terminal-e2e-").FullName;
        var process = ProcessRun.StartDotnet(
            "terminal.dll",
            ["--simulate", $"--Terminal:DataDir={dataDir}", $"--Terminal:Broker:Uris:0={broker}", "--Terminal:Voice:Device=null", .. settings],
            dataDir);
        var terminal = new TerminalUnderTest(dataDir, process);
        try
        {
            await terminal.WaitReadyAsync();
            return terminal;
        }
        catch
        {
            // A terminal that did not come up must not outlive the test (nor its data directory).
            terminal.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>terminalctl --socket … args</c> and returns its exit code and output.</summary>
    public async Task<(int Exit, IReadOnlyList<string> Lines, string Stderr)> CtlAsync(params string[] args)
    {
        using var ctl = ProcessRun.StartDotnet("terminalctl.dll", ["--socket", Socket, .. args]);
        var exit = await ctl.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (exit, ctl.Lines(), ctl.Stderr);
    }

    /// <summary>Runs a <c>terminalctl … --json</c> verb and returns each output line parsed.</summary>
    public async Task<IReadOnlyList<JsonElement>> CtlJsonAsync(params string[] args)
    {
        var (exit, lines, stderr) = await CtlAsync([.. args, "--json"]);
        Assert.True(exit == 0, $"terminalctl {string.Join(' ', args)} exited {exit}: {stderr}");
        var json = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        if (args[0] == "sim")
        {
            // sim prints the events it caused exactly as they are published.
            json.ForEach(Contract.MqttContract.AssertEventDocumented);
        }

        return json;
    }

    /// <summary>Kills the terminal and deletes its data directory.</summary>
    public void Dispose()
    {
        Process.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitReadyAsync()
    {
        using var deadline = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"terminal exited during start-up:\n{Process.Stderr}\n{string.Join('\n', Process.Lines())}");
            }

            if (File.Exists(Socket) && (await CtlAsync("status", "--json")).Exit == 0)
            {
                return;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"terminal did not answer on {Socket} within {ReadyTimeout}:\n{string.Join('\n', Process.Lines())}");
            }

            await Task.Yield();
        }
    }
}
