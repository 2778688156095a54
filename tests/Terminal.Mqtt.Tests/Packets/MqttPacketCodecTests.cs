using System.Diagnostics;
using FsCheck.Fluent;
using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Tests.Packets;

public sealed class MqttPacketCodecTests
{
    [Theory]
    [InlineData(MqttProtocol.V500)]
    [InlineData(MqttProtocol.V311)]
    public async Task EveryPacketType_RoundTripsThroughTheStream(MqttProtocol protocol)
    {
        var packets = PacketGenerators.Packet(protocol).Sample(500);
        Assert.True(packets.Select(p => p.Type).Distinct().Count() >= (protocol == MqttProtocol.V500 ? 12 : 11), "every packet type generated");

        foreach (var packet in packets)
        {
            var bytes = MqttPacketCodec.Encode(packet, protocol);
            var decoded = await new PacketStreamReader(new MemoryStream(bytes), protocol, int.MaxValue).ReadAsync(CancellationToken.None);

            Assert.NotNull(decoded);
            Assert.Equal(packet.Type, decoded.Type);
            Assert.Equal(bytes, MqttPacketCodec.Encode(decoded, protocol));
        }
    }

    [Fact]
    public void Publish_RoundTrip_KeepsEveryField()
    {
        foreach (var message in PacketGenerators.Message(MqttProtocol.V500).Sample(300))
        {
            var packet = new PublishPacket(message, message.Qos == MqttQos.AtMostOnce ? (ushort)0 : (ushort)7, false);
            var bytes = MqttPacketCodec.Encode(packet, MqttProtocol.V500);
            var decoded = (PublishPacket)MqttPacketCodec.Decode(bytes[0], bytes.AsSpan(bytes.Length - Body(bytes)), MqttProtocol.V500);

            Assert.Equal(message.Topic, decoded.Message.Topic);
            Assert.Equal(message.Payload.ToArray(), decoded.Message.Payload.ToArray());
            Assert.Equal(message.Qos, decoded.Message.Qos);
            Assert.Equal(message.Retain, decoded.Message.Retain);
            Assert.Equal(message.ResponseTopic, decoded.Message.ResponseTopic);
            Assert.Equal(message.CorrelationData?.ToArray(), decoded.Message.CorrelationData?.ToArray());
            Assert.Equal(message.ContentType, decoded.Message.ContentType);
            Assert.Equal(message.UserProperties, decoded.Message.UserProperties);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[] { 0x30, 0x80, 0x80, 0x80, 0x80, 0x80 })]
    public async Task RemainingLengthOverFourBytes_IsMalformed(byte[] bytes)
    {
        var reader = new PacketStreamReader(new MemoryStream(bytes), MqttProtocol.V500, int.MaxValue);

        await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task PacketOverOurMaximumSize_IsRefusedBeforeItsBodyArrives()
    {
        // Header only: the reader must not wait for 1 MB that will never come.
        var reader = new PacketStreamReader(new MemoryStream([0x30, 0x80, 0x80, 0x40]), MqttProtocol.V500, 1024);

        var error = await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(0x95, error.ReasonCode);
    }

    [Fact]
    public async Task TruncatedPacket_IsAnErrorAtEveryCutPoint()
    {
        foreach (var packet in PacketGenerators.Packet(MqttProtocol.V500).Sample(100))
        {
            var bytes = MqttPacketCodec.Encode(packet, MqttProtocol.V500);
            for (var cut = 1; cut < bytes.Length; cut++)
            {
                var reader = new PacketStreamReader(new MemoryStream(bytes[..cut]), MqttProtocol.V500, int.MaxValue);
                await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
            }
        }
    }

    [Fact]
    public void InvalidUtf8InTopic_IsMalformed()
    {
        byte[] body = [0x00, 0x02, 0xC3, 0x28, 0x00];

        Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.Decode(0x30, body, MqttProtocol.V500));
    }

    [Fact]
    public void NullCharacterInString_IsMalformed()
    {
        byte[] body = [0x00, 0x02, (byte)'a', 0x00, 0x00];

        Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.Decode(0x30, body, MqttProtocol.V500));
    }

    [Fact]
    public void RandomBytes_DecodeOrFailWithAProtocolError_NeverAnythingElse()
    {
        var inputs = PacketGenerators.Bytes.Two().Select(t => (Header: t.Item1.Length > 0 ? t.Item1[0] : (byte)0x30, Body: t.Item2)).Sample(3000);
        var stopwatch = Stopwatch.StartNew();

        foreach (var (header, body) in inputs)
        {
            foreach (var protocol in new[] { MqttProtocol.V500, MqttProtocol.V311 })
            {
                try
                {
                    MqttPacketCodec.Decode(header, body, protocol);
                }
                catch (MqttProtocolException)
                {
                }
            }
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void MutatedValidPackets_DecodeOrFailWithAProtocolError_NeverAnythingElse()
    {
        var random = new Random(42);
        foreach (var packet in PacketGenerators.Packet(MqttProtocol.V500).Sample(300))
        {
            var bytes = MqttPacketCodec.Encode(packet, MqttProtocol.V500);
            var offset = bytes.Length - Body(bytes);
            for (var i = 0; i < 20; i++)
            {
                var body = bytes[offset..];
                if (body.Length == 0)
                {
                    break;
                }

                body[random.Next(body.Length)] = (byte)random.Next(256);
                try
                {
                    MqttPacketCodec.Decode(bytes[0], body, MqttProtocol.V500);
                }
                catch (MqttProtocolException)
                {
                }
            }
        }
    }

    [Theory]
    [InlineData("a/+")]
    [InlineData("#")]
    public void PublishWithWildcardTopic_IsNeitherEncodedNorAccepted(string topic)
    {
        var packet = new PublishPacket(new MqttApplicationMessage(topic, new byte[] { 1 }) { Qos = MqttQos.AtMostOnce }, 0, false);
        Assert.Throws<ArgumentException>(() => MqttPacketCodec.Encode(packet, MqttProtocol.V500));

        byte[] body = [0x00, (byte)topic.Length, .. System.Text.Encoding.ASCII.GetBytes(topic), 0x00];
        Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.Decode(0x30, body, MqttProtocol.V500));
    }

    [Theory]
    [InlineData(0, new byte[] { 0 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void VariableByteInteger_UsesTheMinimumBytes(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var size = VariableByteInteger.Write(buffer, value);

        Assert.Equal(expected, buffer[..size]);
        Assert.True(VariableByteInteger.TryRead(expected, out var read, out var consumed));
        Assert.Equal((value, expected.Length), (read, consumed));
    }

    private static int Body(byte[] packet)
    {
        VariableByteInteger.TryRead(packet.AsSpan(1), out var length, out _);
        return length;
    }
}
