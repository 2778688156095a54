using System.Device.Gpio;
using Iot.Device.Button;
using Iot.Device.Multiplexing;
using Terminal.Hardware.Gpio.Controller;
using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.KernelChecks;

/// <summary>GpioController over the project's character-device driver (ChipGpioDriver) running Iot.Device bindings on gpio-sim.</summary>
internal sealed class BindingChecks : ICheckSet
{
    private const string Label = "terminal-bindings";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly GpioSimChip _sim = new(Label, Label, 8);

    public IEnumerable<(string Name, Func<Task<string>> Check)> All() =>
    [
        ("gpio-driver-output", OutputAsync),
        ("gpio-driver-button", ButtonAsync),
    ];

    public void Dispose() => _sim.Dispose();

    private Task<string> OutputAsync()
    {
        using var chip = new LinuxGpioChipProvider().Open(Label);
        using var controller = new GpioController(new ChipGpioDriver(chip, "terminal-bindings-check"));
        using var segment = new GpioOutputSegment([1, 2], controller, shouldDispose: false);

        segment.Write(0, PinValue.High);
        segment.Display(new CancellationToken(canceled: true));
        var lit = (_sim.Value(1), _sim.Value(2));
        segment.Write(0, PinValue.Low);
        segment.Display(new CancellationToken(canceled: true));

        Expect(lit == (true, false) && !_sim.Value(1), $"GpioOutputSegment: sim_gpio1/2 were {lit}, then sim_gpio1 {_sim.Value(1)}; expected (True, False), then False");
        return Task.FromResult("Iot.Device GpioOutputSegment drove sim_gpio1 high then low, sim_gpio2 stayed low");
    }

    private async Task<string> ButtonAsync()
    {
        const int line = 3;
        _sim.Pull(line, up: true);
        using var chip = new LinuxGpioChipProvider().Open(Label);
        using var controller = new GpioController(new ChipGpioDriver(chip, "terminal-bindings-check"));
        using var button = new GpioButton(line, isPullUp: true, gpio: controller, shouldDispose: false);
        var down = Signal(h => button.ButtonDown += h);
        var pressed = Signal(h => button.Press += h);

        _sim.Pull(line, up: false);
        await down.WaitAsync(Deadline);
        var whilePressed = controller.Read(line);
        _sim.Pull(line, up: true);
        await pressed.WaitAsync(Deadline);

        Expect(whilePressed == PinValue.Low && controller.Read(line) == PinValue.High, $"read {whilePressed} while pressed, {controller.Read(line)} after");
        return "Iot.Device GpioButton saw ButtonDown and Press from kernel edges of sim_gpio3; Read followed the line";
    }

    private static Task Signal(Action<EventHandler<EventArgs>> subscribe)
    {
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) => raised.TrySetResult());
        return raised.Task;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
