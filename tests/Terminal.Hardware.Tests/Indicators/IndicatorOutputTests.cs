using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Indicators;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Indicators;

public sealed class IndicatorOutputTests : IDisposable
{
    private const int Led = 4;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioChip _chip = new("sim", 8);
    private readonly IGpioLineRequest _request;
    private readonly IndicatorOutput _output;
    private readonly List<(TimeSpan At, bool On)> _changes = [];
    private readonly long _start;

    public IndicatorOutputTests()
    {
        _request = _chip.RequestLines(new GpioRequest("test", [new GpioLineConfig(Led, GpioDirection.Output, ActiveLow: true)]));
        _start = _time.GetTimestamp();
        _chip.OutputChanged += (offset, on) => _changes.Add((_time.GetElapsedTime(_start), on));
        _output = new IndicatorOutput(_request, Led, _time);
    }

    public void Dispose()
    {
        _output.Dispose();
        _request.Dispose();
        _chip.Dispose();
    }

    [Fact]
    public void Blink_TogglesWithPeriodAndDuty()
    {
        _output.Play(IndicatorPattern.Blink(TimeSpan.FromMilliseconds(1000), duty: 0.25));
        _time.Advance(TimeSpan.FromMilliseconds(2100));

        Assert.Equal([(Ms(0), true), (Ms(250), false), (Ms(1000), true), (Ms(1250), false), (Ms(2000), true)], _changes);
        Assert.True(_chip.GetOutput(Led));
        Assert.False(_chip.GetPhysical(Led));
    }

    [Fact]
    public void Flashes_FlashNTimes_ThenStayOff()
    {
        _output.Play(IndicatorPattern.Flashes(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(
            [(Ms(0), true), (Ms(100), false), (Ms(300), true), (Ms(400), false), (Ms(600), true), (Ms(700), false)],
            _changes);
    }

    [Fact]
    public void ThankYou_IsTwoBeeps()
    {
        _output.Play(IndicatorPattern.ThankYou);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([(Ms(0), true), (Ms(100), false), (Ms(160), true), (Ms(340), false)], _changes);
    }

    [Fact]
    public void NewPattern_ReplacesTheOldOne_AtOnce()
    {
        _output.Play(IndicatorPattern.Blink(TimeSpan.FromMilliseconds(500)));
        _time.Advance(TimeSpan.FromMilliseconds(100));

        _output.Play(IndicatorPattern.On);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([(Ms(0), true)], _changes);
        Assert.True(_chip.GetOutput(Led));
    }

    [Fact]
    public void Stop_TurnsOff_AndNothingFiresLater()
    {
        _output.Play(IndicatorPattern.Error);
        _time.Advance(TimeSpan.FromMilliseconds(300));

        _output.Stop();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([(Ms(0), true), (Ms(300), false)], _changes);
    }

    [Fact]
    public void Dispose_LeavesTheOutputOff()
    {
        _output.Play(IndicatorPattern.On);

        _output.Dispose();

        Assert.False(_chip.GetOutput(Led));
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);
}
