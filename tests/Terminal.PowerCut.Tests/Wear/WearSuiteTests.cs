using System.Globalization;
using System.Text.RegularExpressions;
using Terminal.PowerCut.Wear;
using Xunit.Abstractions;

namespace Terminal.PowerCut.Tests.Wear;

/// <summary>
/// The wear measurement in CI, with a few presses: every phase of Guest/wear.sh runs in the gpio-sim
/// VM and reports bytes written (the figures themselves come from <c>Terminal.PowerCut wear --presses 60</c>).
/// </summary>
[Collection(GuestVmCollection.Name)]
public sealed partial class WearSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Wear_FewPresses_MeasuresTheRawFloorTheBufferAndTheTerminalUnderLazytime()
    {
        var log = new StringWriter();

        var exit = new WearSuite(log).Run(presses: 3, intervalMs: 1000, terminal: null, terminalctl: null, baselineTerminal: null);

        output.WriteLine(log.ToString());
        Assert.Equal(0, exit);
        foreach (var phase in new[] { "raw SQLite INSERT+COMMIT", "buffer, counters row in every commit", "buffer, counters row every 256 appends", "terminal, simulated press, lazytime (after)" })
        {
            var line = log.ToString().Split('\n').SingleOrDefault(l => l.Contains(phase, StringComparison.Ordinal));
            Assert.True(line is not null, $"no '{phase}' line in:\n{log}");
            var kib = double.Parse(Kib().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(kib > 0, $"{phase}: nothing written per press?\n{line}");
        }
    }

    [GeneratedRegex(@"([0-9.]+) KiB")]
    private static partial Regex Kib();
}
