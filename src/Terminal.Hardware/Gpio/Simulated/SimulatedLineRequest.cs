using System.Threading.Channels;

namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>Lines claimed on a <see cref="SimulatedGpioChip"/>.</summary>
internal sealed class SimulatedLineRequest : IGpioLineRequest
{
    private readonly SimulatedGpioChip _chip;
    private readonly Dictionary<int, GpioLineConfig> _lines;
    private readonly Dictionary<int, uint> _lineSeqno = [];
    private readonly Channel<EdgeEvent> _edges;
    private uint _seqno;

    public SimulatedLineRequest(SimulatedGpioChip chip, GpioRequest request)
    {
        _chip = chip;
        Consumer = request.Consumer;
        _lines = request.Lines.ToDictionary(l => l.Offset);
        // Like the kernel's kfifo: when full, the newest edges are dropped and the sequence numbers
        // of later edges show the gap.
        _edges = Channel.CreateBounded<EdgeEvent>(new BoundedChannelOptions(request.EventBufferSize)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public string Consumer { get; }

    public ValueTask<EdgeEvent> ReadEdgeAsync(CancellationToken cancellationToken) =>
        _edges.Reader.ReadAsync(cancellationToken);

    public bool GetValue(int offset) => _chip.GetPhysical(offset) ^ Config(offset).ActiveLow;

    public void SetValue(int offset, bool value)
    {
        var config = Config(offset);
        if (config.Direction != GpioDirection.Output)
        {
            throw new GpioException($"line {offset} on {_chip.Name} is an input, it cannot be set");
        }

        _chip.SetPhysicalFromOutput(offset, value ^ config.ActiveLow, value);
    }

    public bool IsOutput(int offset) => _lines.TryGetValue(offset, out var c) && c.Direction == GpioDirection.Output;

    /// <summary>Called under the chip's lock when an input's physical level changed.</summary>
    public void OnPhysicalChange(int offset, bool physicalHigh, long timestampNs)
    {
        var config = _lines[offset];
        if (config.Direction != GpioDirection.Input)
        {
            return;
        }

        var kind = physicalHigh ^ config.ActiveLow ? EdgeKind.Rising : EdgeKind.Falling;
        var wanted = kind == EdgeKind.Rising ? GpioEdges.Rising : GpioEdges.Falling;
        if ((config.Edges & wanted) == 0)
        {
            return;
        }

        _seqno++;
        _lineSeqno[offset] = _lineSeqno.GetValueOrDefault(offset) + 1;
        _edges.Writer.TryWrite(new EdgeEvent(offset, kind, timestampNs, _seqno, _lineSeqno[offset]));
    }

    public void Dispose()
    {
        _edges.Writer.TryComplete();
        _chip.Release(this);
    }

    private GpioLineConfig Config(int offset) =>
        _lines.TryGetValue(offset, out var config)
            ? config
            : throw new GpioException($"line {offset} on {_chip.Name} is not part of this request");
}
