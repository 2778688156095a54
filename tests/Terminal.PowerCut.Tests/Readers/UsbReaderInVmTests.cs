using System.Text.Json;
using Terminal.PowerCut.Readers;
using Terminal.TestUtils.Contract;
using Xunit.Abstractions;

namespace Terminal.PowerCut.Tests.Readers;

/// <summary>
/// Issue 16 in CI: the USB keyboard reader against the real kernel through the whole terminal. One
/// boot of the gpio-sim VM (Guest/usb-reader.sh) runs the terminal's build output on a board file
/// whose usb-hid reader is a uinput keyboard, and checks what a subscriber on the broker received.
/// </summary>
[Collection(GuestVmCollection.Name)]
public sealed class UsbReaderInVmTests(ITestOutputHelper output)
{
    [Fact]
    public void UsbReader_CardsTypedGarbageAndReplug_TerminalPublishesAttendanceForTheCardsOnly()
    {
        var log = new StringWriter();

        var run = UsbReaderRun.Boot(log);

        output.WriteLine($"{log}guest run {run.Duration.TotalSeconds:F0} s, exit {run.GuestExit}; steps (guest uptime, s):\n  {string.Join("\n  ", run.Steps)}\nevents received:");
        foreach (var e in run.Delivered.DistinctBy(e => e.GetProperty("id").GetString()).OrderBy(Seq))
        {
            output.WriteLine($"  seq {Seq(e)} {e.GetProperty("type").GetString()} {e.GetProperty("data").GetRawText()}");
        }

        Assert.True(run.GuestExit == 0, $"the guest run failed (exit {run.GuestExit}); steps:\n{string.Join('\n', run.Steps)}\n"
            + $"keyboard.log:\n{run.KeyboardLog}\nterminal.log (tail):\n{string.Join('\n', run.TerminalLog.Split('\n').TakeLast(30))}");
        Assert.All(run.Delivered, MqttContract.AssertEventDocumented);
        Assert.All(run.Delivered, e => Assert.Equal(("VM", "VM-0001", "7"), (Text(e, "hall"), Text(e, "terminal"), Text(e, "window"))));

        // 0077705923 is UID 04A1B2C3, the roster's card of S-0001; 0000000042 is UID 0000002A, unknown.
        var attendance = run.Events("attendance");
        Assert.Equal(
            [
                new AttendanceSeen("04A1B2C3", "UID", null, "usb-hid", "S-0001", "张敏", "sign-in", false),
                new AttendanceSeen("04A1B2C3", "UID", null, "usb-hid", "S-0001", "张敏", "sign-out", false),
                new AttendanceSeen("0000002A", "UID", null, "usb-hid", null, null, "sign-in", false),
            ],
            attendance.Select(AttendanceSeen.Of));

        // The garbage is noise between the first two swipes; the unplug and replug fall between the last two.
        var faults = run.Events("fault").Where(e => e.GetProperty("data").GetProperty("source").GetString() == "usb").ToList();
        Assert.Equal(["reader-noise", "reader-offline", "reader-restored"], faults.Select(e => e.GetProperty("data").GetProperty("code").GetString()));
        Assert.Contains("a letter or symbol was typed", Text(faults[0].GetProperty("data"), "detail"), StringComparison.Ordinal);
        Assert.InRange(Seq(faults[0]), Seq(attendance[0]), Seq(attendance[1]));
        Assert.InRange(Seq(faults[1]), Seq(attendance[1]), Seq(faults[2]));
        Assert.InRange(Seq(faults[2]), Seq(faults[1]), Seq(attendance[2]));
    }

    private static long Seq(JsonElement e) => e.GetProperty("seq").GetInt64();

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).GetString();
}
