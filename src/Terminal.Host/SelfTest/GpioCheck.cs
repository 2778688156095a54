using Terminal.Hardware.Gpio;
using Terminal.Host.Board;

namespace Terminal.Host.SelfTest;

/// <summary>
/// The board's lines are claimed, and each LED and the buzzer output follows when set: set to the
/// opposite of its current value, read back, restored. Whether the LED really lights needs a person
/// (the interactive self-test); this proves the line and the driver.
/// </summary>
internal sealed class GpioCheck(BoardLines lines) : ISelfTestCheck
{
    public string Name => "gpio";

    public IEnumerable<SelfTestPart> Run()
    {
        var board = lines.Board;
        var inputs = board.Keys.Count + (board.Wiegand is null ? 0 : 2);
        var leds = board.Keys.Where(k => k.Led is not null).ToList();
        var outputs = leds.Count + (board.Buzzer is null ? 0 : 1);
        // BoardLines exists only once every line was claimed; its constructor throws otherwise.
        yield return SelfTestPart.Pass(Name, $"board {board.Name}: {inputs} input and {outputs} output line(s) claimed on chip \"{board.Chip}\"");

        foreach (var key in leds)
        {
            yield return FollowsWhenSet($"led:{key.Name}", key.Led!.Value);
        }

        if (board.Buzzer is { } buzzer)
        {
            yield return FollowsWhenSet("buzzer", buzzer.Line);
        }
    }

    private SelfTestPart FollowsWhenSet(string part, int line)
    {
        if (lines.Outputs is not { } request)
        {
            return SelfTestPart.Fail(part, $"output line {line} is not claimed");
        }

        try
        {
            var was = request.GetValue(line);
            request.SetValue(line, !was);
            var flipped = request.GetValue(line);
            request.SetValue(line, was);
            var restored = request.GetValue(line);
            return flipped != was && restored == was
                ? SelfTestPart.Pass(part, $"line {line} set and read back")
                : SelfTestPart.Fail(part, $"line {line} does not follow: set {On(!was)}, read {On(flipped)}; restored {On(was)}, read {On(restored)}");
        }
        catch (GpioException e)
        {
            return SelfTestPart.Fail(part, $"line {line}: {e.Message}");
        }
    }

    private static string On(bool value) => value ? "on" : "off";
}
