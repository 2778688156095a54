using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Terminal.Hardware.Board;
using Terminal.Host.Device;
using Terminal.Host.Tests.EndToEnd;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.SelfTest;

/// <summary>
/// <c>terminalctl selftest</c> against <c>terminal --simulate</c> as a process and a real Mosquitto,
/// answers piped on standard input and keys pressed through the simulated board, as an engineer would.
/// The clock part passes exactly when the kernel (shared with the host) says it is synchronised.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class SelfTestEndToEndTests
{
    private static readonly TimeSpan PromptWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NonInteractive_WithBrokerUp_PassesEveryPart()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        await WaitConnectedAsync(terminal);

        var (exit, lines, stderr) = await terminal.CtlAsync("selftest", "--non-interactive", "--json");

        var report = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        var parts = report.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("part").GetString()!);
        var leds = Simulator().Keys.Where(k => k.Led is not null).Select(k => $"led:{k.Name}");
        Assert.Equal(["buffer", "disk", "gpio", .. leds, "buzzer", "broker", "clock"], parts.Keys);
        foreach (var (name, part) in parts.Where(p => p.Key != "clock"))
        {
            Assert.True(part.GetProperty("passed").GetBoolean(), $"{name}: {part.GetProperty("detail")}");
        }

        Assert.StartsWith($"connected to {broker.Uri}", parts["broker"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var synced = LinuxDeviceClock.IsSynchronised();
        Assert.Equal(synced, parts["clock"].GetProperty("passed").GetBoolean());
        Assert.True(exit == (synced ? 0 : 1), $"exit {exit}: {stderr}");
    }

    [Fact]
    public async Task Interactive_PipedAnswersAndSimulatedPresses_PassEveryPart_AndRecordNothing()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        await WaitConnectedAsync(terminal);
        var board = Simulator();
        var before = await LastSeqAsync(terminal);

        var questions = board.Keys.Count(k => k.Led is not null) + 1 + 3; // LEDs, buzzer, three voice prompts
        using var ctl = StartSelfTest(terminal, Enumerable.Repeat("y", questions), timeoutSeconds: 20);
        foreach (var key in board.Keys)
        {
            await ctl.WaitForLineAsync(l => l.StartsWith($"Press key {key.Name} now", StringComparison.Ordinal), PromptWait, $"the prompt for {key.Name}");
            var (simExit, simLines, _) = await terminal.CtlAsync("sim", "key", key.Name);
            Assert.Equal(0, simExit);
            Assert.Empty(simLines);
        }

        await ctl.WaitForLineAsync(l => l.StartsWith("Swipe a staff card", StringComparison.Ordinal), PromptWait, "the card prompt");
        Assert.Empty((await terminal.CtlAsync("sim", "badge", "34567", "--facility", "12")).Lines);
        await ctl.WaitForLineAsync(l => l.StartsWith("Present a staff card to reader nfc", StringComparison.Ordinal), PromptWait, "the card prompt of the UID reader");
        Assert.Empty((await terminal.CtlAsync("sim", "card", "04A1B2C3")).Lines);
        await ctl.WaitForLineAsync(l => l.StartsWith("Present a staff card to reader usb", StringComparison.Ordinal), PromptWait, "the card prompt of the USB reader");
        Assert.Empty((await terminal.CtlAsync("sim", "type", "0012345678")).Lines);
        var exit = await ctl.WaitForExitAsync(PromptWait);

        var rows = Rows(ctl.Lines());
        var synced = LinuxDeviceClock.IsSynchronised();
        Assert.True(exit == (synced ? 0 : 1), $"exit {exit}:\n{string.Join('\n', ctl.Lines())}\n{ctl.Stderr}");
        foreach (var (part, (passed, detail)) in rows.Where(r => r.Key != "clock"))
        {
            Assert.True(passed, $"{part}: {detail}");
        }

        Assert.Equal(board.Keys.Count(k => k.Led is not null), rows.Keys.Count(p => p.EndsWith(" lit", StringComparison.Ordinal)));
        Assert.True(rows.ContainsKey("buzzer heard"));
        Assert.All(board.Keys, k => Assert.Equal("pressed", rows[$"key:{k.Name}"].Detail));
        Assert.Equal("H10301 card *4567, facility 12, not in the roster", rows["reader"].Detail);
        Assert.Equal("UID card ****B2C3, not in the roster", rows["reader:nfc"].Detail);
        Assert.StartsWith("UID card ", rows["reader:usb"].Detail, StringComparison.Ordinal);
        Assert.All(["prompt", "thanks", "reason"], p => Assert.Equal("heard", rows[$"voice:{p} heard"].Detail));
        Assert.Equal(before, await LastSeqAsync(terminal));

        // The panel is the terminal's again: a press is a rating.
        Assert.Contains(await terminal.CtlJsonAsync("sim", "press", "5"), e => e.GetProperty("type").GetString() == "rating");
    }

    [Fact]
    public async Task Interactive_DarkLed_WrongKey_NoPress_FailWithWhatToCheck()
    {
        var boardDir = Directory.CreateTempSubdirectory("selftest-board-").FullName;
        try
        {
            var boardFile = Path.Combine(boardDir, "two-keys.json");
            await File.WriteAllTextAsync(boardFile, """
                {
                  "name": "two-keys", "description": "two rating keys, nothing else", "chip": "terminal-sim",
                  "keys": [ { "name": "k5", "level": 5, "line": 0, "led": 8 }, { "name": "k3", "level": 3, "line": 1, "led": 9 } ]
                }
                """);
            using var broker = new MosquittoBroker();
            broker.Start();
            using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, $"--Terminal:Board={boardFile}");

            using var ctl = StartSelfTest(terminal, ["n", "y"], timeoutSeconds: 5);
            await ctl.WaitForLineAsync(l => l.StartsWith("Press key k5 now", StringComparison.Ordinal), PromptWait, "the prompt for k5");
            await terminal.CtlAsync("sim", "key", "k3");
            var exit = await ctl.WaitForExitAsync(PromptWait);

            var rows = Rows(ctl.Lines());
            Assert.Equal(1, exit);
            Assert.Equal((false, "not lit: check the LED of k5 and its wiring"), rows["led:k5 lit"]);
            Assert.Equal((true, "seen lit"), rows["led:k3 lit"]);
            Assert.Equal((false, "key k3 reported instead of k5: check the wiring of both keys"), rows["key:k5"]);
            Assert.Equal((false, "nothing within 5 s"), rows["key:k3"]);
            Assert.False(rows.ContainsKey("reader"));
            Assert.False(rows.ContainsKey("buzzer heard"));
        }
        finally
        {
            Directory.Delete(boardDir, recursive: true);
        }
    }

    [Fact]
    public async Task KilledTerminalctl_HandsThePanelBack()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        // Standard input held open, so the self-test waits at its first question until killed.
        using (var ctl = ProcessRun.Start("sh", ["-c", "sleep 120 | dotnet \"$0\" --socket \"$1\" selftest", Path.Combine(AppContext.BaseDirectory, "terminalctl.dll"), terminal.Socket]))
        {
            await ctl.WaitForLineAsync(l => l.StartsWith("Self-test of board", StringComparison.Ordinal), PromptWait, "the session to open");
            Assert.Empty(await terminal.CtlJsonAsync("sim", "press", "5"));
            ctl.Kill();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await terminal.CtlJsonAsync("sim", "press", "5")).Any(e => e.GetProperty("type").GetString() == "rating"))
        {
            Assert.False(deadline.IsCancellationRequested, "presses were still diverted 20 s after terminalctl was killed");
        }
    }

    private static ProcessRun StartSelfTest(TerminalUnderTest terminal, IEnumerable<string> answers, int timeoutSeconds)
    {
        // The answers are piped, as `printf 'y\n…' | terminalctl selftest` would be.
        var script = $"printf '{string.Concat(answers.Select(a => a + "\\n"))}' | dotnet \"$0\" --socket \"$1\" selftest --timeout {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}";
        return ProcessRun.Start("sh", ["-c", script, Path.Combine(AppContext.BaseDirectory, "terminalctl.dll"), terminal.Socket]);
    }

    private static Dictionary<string, (bool Passed, string Detail)> Rows(IEnumerable<string> lines) =>
        lines.Select(l => Row().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["part"].Value, m => (m.Groups["result"].Value == "PASS", m.Groups["detail"].Value));

    private static BoardDefinition Simulator() => BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));

    private static async Task<long> LastSeqAsync(TerminalUnderTest terminal) =>
        (await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("lastSeq").GetInt64();

    private static async Task WaitConnectedAsync(TerminalUnderTest terminal)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await terminal.CtlJsonAsync("status"))[0].GetProperty("connection").GetString() != "connected")
        {
            Assert.False(deadline.IsCancellationRequested, "the terminal did not connect to the broker within 30 s");
            await Task.Yield();
        }
    }

    [GeneratedRegex(@"^(?<part>\S+(?: lit| heard)?)\s+(?<result>PASS|FAIL)\s+(?<detail>.*)$")]
    private static partial Regex Row();
}
