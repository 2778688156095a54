using System.Buffers;
using System.Buffers.Binary;

namespace Terminal.Mqtt.Packets;

/// <summary>Writes the data types of MQTT 5 §1.5 (big-endian integers, length-prefixed strings and binary).</summary>
internal sealed class PacketWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Clear() => _buffer.Clear();

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteVariableByteInteger(int value) => _buffer.Advance(VariableByteInteger.Write(_buffer.GetSpan(4), value));

    public void WriteString(string value)
    {
        if (MqttStrings.Problem(value) is { } problem)
        {
            throw new ArgumentException($"String {problem} (MQTT 5 §1.5.4).", nameof(value));
        }

        var length = MqttStrings.Strict.GetByteCount(value);
        WriteUInt16((ushort)length);
        _buffer.Advance(MqttStrings.Strict.GetBytes(value, _buffer.GetSpan(length)));
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Binary data over 65535 bytes (MQTT 5 §1.5.6).", nameof(value));
        }

        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value) => _buffer.Write(value);
}
