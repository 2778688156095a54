using System.Buffers.Binary;

namespace Terminal.Mqtt.Packets;

/// <summary>Reads the data types of MQTT 5 §1.5; running past the end is a malformed packet.</summary>
internal ref struct PacketReader(ReadOnlySpan<byte> source)
{
    private readonly ReadOnlySpan<byte> _source = source;
    private int _position;

    public readonly int Remaining => _source.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public int ReadVariableByteInteger()
    {
        if (!VariableByteInteger.TryRead(_source[_position..], out var value, out var consumed))
        {
            throw Truncated();
        }

        _position += consumed;
        return value;
    }

    public string ReadString() => MqttStrings.Decode(Take(ReadUInt16()));

    public byte[] ReadBinary() => Take(ReadUInt16()).ToArray();

    public ReadOnlySpan<byte> ReadRest() => Take(Remaining);

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Truncated();
        }

        var slice = _source.Slice(_position, count);
        _position += count;
        return slice;
    }

    public readonly void ExpectEnd(string packet)
    {
        if (Remaining != 0)
        {
            throw new MqttProtocolException($"{packet}: {Remaining} unexpected bytes after the packet.");
        }
    }

    private static MqttProtocolException Truncated() => new("Packet shorter than its fields say (MQTT 5 §1.5).");
}
