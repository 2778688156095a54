using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// The real terminal (simulated board) as a field engineer sets it up: <c>terminalctl provision</c>
/// with the three files hall-pki made for it, then <c>terminal --config</c> that file.
/// </summary>
internal static class HallTerminal
{
    public static async Task<TerminalUnderTest> StartAsync(HallPki pki, MosquittoBroker broker, string terminalId)
    {
        var who = pki.Terminal(terminalId);
        var config = Path.Combine(Path.GetTempPath(), $"terminal-{terminalId}-{Guid.NewGuid():N}.json");
        using (var provision = ProcessRun.StartDotnet("terminalctl.dll", [
            "provision", "--terminal", terminalId, "--hall", HallPki.Hall, "--window", "7", "--board", "simulator",
            "--broker", broker.Uri.ToString(), "--ca", who.Ca, "--cert", who.Cert, "--key", who.Key, "--out", config, "--json"]))
        {
            var exit = await provision.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, $"terminalctl provision exited {exit}: {string.Join('\n', provision.Lines())}{provision.Stderr}");
        }

        try
        {
            return await TerminalUnderTest.StartAsync(broker.Uri, "--config", config);
        }
        finally
        {
            // Read at start-up only: the terminal keeps its options in memory.
            File.Delete(config);
        }
    }
}
