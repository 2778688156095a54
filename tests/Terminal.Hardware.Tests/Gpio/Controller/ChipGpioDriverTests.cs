using System.Device.Gpio;
using Iot.Device.Button;
using Iot.Device.Multiplexing;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Controller;
using Terminal.Hardware.Gpio.Simulated;

namespace Terminal.Hardware.Tests.Gpio.Controller;

/// <summary>
/// GpioController and Iot.Device.Bindings devices on the simulated chip through the adapter; the
/// same bindings run against the kernel's gpio-sim in Gpio/Kernel (checks gpio-driver-*).
/// </summary>
public sealed class ChipGpioDriverTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly SimulatedGpioChip _chip = new("terminal-sim", 32);
    private readonly GpioController _controller;

    public ChipGpioDriverTests() => _controller = new GpioController(new ChipGpioDriver(_chip, "test-bindings"));

    public void Dispose() => _controller.Dispose();

    [Fact]
    public async Task GpioButton_OnAnActiveLowKey_RaisesDownUpAndPress()
    {
        var key = new SimulatedKey(_chip, 3);
        using var button = new GpioButton(3, isPullUp: true, gpio: _controller, shouldDispose: false);
        var down = Signal(h => button.ButtonDown += h);
        var pressed = Signal(h => button.Press += h);

        key.Press();
        await down.WaitAsync(Deadline);
        key.Release();
        await pressed.WaitAsync(Deadline);

        Assert.False(button.IsPressed);
    }

    [Fact]
    public void GpioOutputSegment_DrivesTheChipsLines()
    {
        using var segment = new GpioOutputSegment([5, 6], _controller, shouldDispose: false);
        var changes = new List<(int, bool)>();
        _chip.OutputChanged += (line, value) => changes.Add((line, value));

        segment.Write(0, PinValue.High);
        segment.Display(new CancellationToken(canceled: true));

        Assert.True(_chip.GetOutput(5));
        Assert.False(_chip.GetOutput(6));
        Assert.Equal([(5, true)], changes);
    }

    [Fact]
    public async Task WaitForEventAsync_ReturnsTheEdgeOfAnInput()
    {
        _controller.OpenPin(7, PinMode.InputPullDown);
        Assert.Equal(PinValue.Low, _controller.Read(7));

        var waiting = _controller.WaitForEventAsync(7, PinEventTypes.Rising, Deadline).AsTask();
        _chip.Drive(7, physicalHigh: true);
        var result = await waiting.WaitAsync(Deadline);

        Assert.Equal((PinEventTypes.Rising, false), (result.EventTypes, result.TimedOut));
        Assert.Equal(PinValue.High, _controller.Read(7));
    }

    [Fact]
    public void WaitForEvent_Cancelled_ReportsTimedOut()
    {
        _controller.OpenPin(8, PinMode.Input);

        var result = _controller.WaitForEvent(8, PinEventTypes.Falling, new CancellationToken(canceled: true));

        Assert.True(result.TimedOut);
    }

    [Fact]
    public void Output_InitialValueAndWrites_AreTheLinesLevel()
    {
        _controller.OpenPin(9, PinMode.Output, PinValue.High);
        Assert.True(_chip.GetOutput(9));

        _controller.Write(9, PinValue.Low);

        Assert.False(_chip.GetPhysical(9));
        Assert.Equal(PinMode.Output, _controller.GetPinMode(9));
    }

    [Fact]
    public void ClosePin_ReleasesTheLine_ForAnotherConsumer()
    {
        _controller.OpenPin(10, PinMode.Output);
        var busy = Assert.Throws<GpioException>(() => _chip.RequestLines(new GpioRequest("other", [new GpioLineConfig(10, GpioDirection.Input)])));
        Assert.Contains("held by \"test-bindings\"", busy.Message, StringComparison.Ordinal);

        _controller.ClosePin(10);

        _chip.RequestLines(new GpioRequest("other", [new GpioLineConfig(10, GpioDirection.Input)])).Dispose();
    }

    [Fact]
    public void ModeChange_FromOutputToInput_StopsDrivingTheLine()
    {
        _controller.OpenPin(11, PinMode.Output, PinValue.High);

        _controller.SetPinMode(11, PinMode.InputPullDown);

        Assert.False(_chip.GetOutput(11));
        Assert.Equal(PinValue.Low, _controller.Read(11));

        // GpioController keeps a value written to an input for later and does not drive the line.
        _controller.Write(11, PinValue.High);
        Assert.False(_chip.GetPhysical(11));
    }

    [Fact]
    public void OpenPin_BeyondTheChip_IsRefusedNamingTheChip()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _controller.OpenPin(32));

        Assert.Contains("\"terminal-sim\" has lines 0–31", e.Message, StringComparison.Ordinal);
    }

    private static Task Signal(Action<EventHandler<EventArgs>> subscribe)
    {
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) => raised.TrySetResult());
        return raised.Task;
    }
}
