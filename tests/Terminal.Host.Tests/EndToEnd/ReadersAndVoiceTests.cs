using System.Text.Json;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>
/// The staff card readers besides Wiegand (a UID reader, a USB keyboard reader) and the voice's
/// fault, through the real host process and a real Mosquitto (SPEC §3.2, §3.4, §5.1).
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ReadersAndVoiceTests
{
    [Fact]
    public async Task CardHeldToTheUidReader_SignsIn_WithTheRosterName_AsAUidCard()
    {
        using var broker = StartBroker();
        await Publisher.PublishAsync(broker, "eval/v1/DEV/roster", """{"version":3,"staff":[{"staff":"S-7","name":"李静","cards":["UID::04A1B2C3"]}]}""", retain: true);
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        await terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 3 cached", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the roster to be cached");

        var events = await terminal.CtlJsonAsync("sim", "card", "04a1b2c3");

        var data = Assert.Single(events, e => e.GetProperty("type").GetString() == "attendance").GetProperty("data");
        Assert.Equal(("04A1B2C3", "UID", JsonValueKind.Null, "mfrc522"), (data.GetProperty("card").GetString(), data.GetProperty("format").GetString(), data.GetProperty("facility").ValueKind, data.GetProperty("reader").GetString()));
        Assert.Equal(("S-7", "李静", "sign-in"), (data.GetProperty("staff").GetString(), data.GetProperty("name").GetString(), data.GetProperty("action").GetString()));
        Assert.DoesNotContain(terminal.Process.Lines(), l => l.Contains("04A1B2C3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigitsTypedByTheUsbReader_AreACard_AndLettersAreNoiseNotACard()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);

        var card = await terminal.CtlJsonAsync("sim", "type", "2712847316");
        var noise = await terminal.CtlJsonAsync("sim", "type", "12ab34");

        var attendance = Assert.Single(card, e => e.GetProperty("type").GetString() == "attendance").GetProperty("data");
        Assert.Equal(("usb-hid", "UID", "A1B2C3D4"), (attendance.GetProperty("reader").GetString(), attendance.GetProperty("format").GetString(), attendance.GetProperty("card").GetString()));
        var fault = Assert.Single(noise).GetProperty("data");
        Assert.Equal(("reader-noise", "usb"), (fault.GetProperty("code").GetString(), fault.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task BrokenSpeaker_IsAnAudioFaultOnTheStatus_AndPressesStillCount()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, "--Terminal:Voice:Device=no-such-pcm", "--Terminal:Rating:Cooldown=00:00:00");

        var first = await terminal.CtlJsonAsync("sim", "press", "5");
        Assert.Contains(first, e => e.GetProperty("type").GetString() == "rating");
        var faults = await WaitForStatusFaultAsync(terminal, "audio");
        var second = await terminal.CtlJsonAsync("sim", "press", "4");

        Assert.Contains("audio", faults);
        Assert.Contains(second, e => e.GetProperty("type").GetString() == "rating");
        Assert.True(terminal.Process.HasExited is false);
    }

    private static async Task<List<string>> WaitForStatusFaultAsync(TerminalUnderTest terminal, string code)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var status = Assert.Single(await terminal.CtlJsonAsync("status"));
            var faults = status.GetProperty("faults").EnumerateArray().Select(f => f.GetString()!).ToList();
            if (faults.Contains(code) || deadline.IsCancellationRequested)
            {
                return faults;
            }

            await Task.Yield();
        }
    }

    private static MosquittoBroker StartBroker()
    {
        var broker = new MosquittoBroker();
        broker.Start();
        return broker;
    }
}
