using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;

namespace Terminal.TestUtils.Gpio;

/// <summary>A simulated chip on which one output line ignores writes, as a broken driver or pin would.</summary>
public sealed class StuckOutputChip(string label, int stuckLine) : IGpioChip
{
    private readonly SimulatedGpioChip _chip = new(label, 32);

    public string Label => _chip.Label;

    public string Name => _chip.Name;

    public int LineCount => _chip.LineCount;

    public IGpioLineRequest RequestLines(GpioRequest request) => new Request(_chip.RequestLines(request), stuckLine);

    public void Dispose() => _chip.Dispose();

    private sealed class Request(IGpioLineRequest inner, int stuckLine) : IGpioLineRequest
    {
        public ValueTask<EdgeEvent> ReadEdgeAsync(CancellationToken cancellationToken) => inner.ReadEdgeAsync(cancellationToken);

        public bool GetValue(int offset) => inner.GetValue(offset);

        public void SetValue(int offset, bool value)
        {
            if (offset != stuckLine)
            {
                inner.SetValue(offset, value);
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
