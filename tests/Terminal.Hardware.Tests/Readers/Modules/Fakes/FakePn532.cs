using System.Device.I2c;

namespace Terminal.Hardware.Tests.Readers.Modules.Fakes;

/// <summary>
/// A PN532 as its I2C bus shows it (PN532 user manual UM0701-02 §6.2.2 frames, §6.2.4 I2C): host
/// frames <c>00 00 FF LEN LCS D4 cmd data DCS 00</c> are answered by an ACK frame and then a
/// response frame, each read behind a status byte (bit 0 = ready); the chip is busy for one status
/// poll after each command. InListPassiveTarget runs REQA, anticollision and select on the card in
/// the field. <see cref="Silent"/>: the chip no longer acknowledges its address (I2C NACK → EREMOTEIO).
/// </summary>
internal sealed class FakePn532
{
    private const byte Diagnose = 0x00, GetFirmwareVersion = 0x02, SetParameters = 0x12, SamConfiguration = 0x14;
    private const byte RfConfiguration = 0x32, InListPassiveTarget = 0x4A, InRelease = 0x52;
    private static readonly byte[] Ack = [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _outgoing = new();
    private int _busyPolls;

    public Iso14443Card? Card { get; set; }

    public bool Silent { get; set; }

    /// <summary>RFConfiguration item 5, MxRtyPassiveActivation: 0xFF (retry forever) after reset.</summary>
    public byte PassiveActivationRetries { get; private set; } = 0xFF;

    /// <summary>Commands received, in order.</summary>
    public List<byte> Commands { get; } = [];

    public I2cDevice Connect() => new Bus(this);

    private void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (Silent)
            {
                throw new IOException("Error 121 performing I2C data transfer (EREMOTEIO)");
            }

            _outgoing.Clear(); // a new command aborts the one in progress (§6.2.1.3)
            var start = bytes.IndexOf([(byte)0x00, (byte)0xFF]);
            if (start < 0 || bytes.Length < start + 6)
            {
                return;
            }

            var frame = bytes[(start + 2)..];
            var length = frame[0];
            if ((byte)(length + frame[1]) != 0 || frame[2] != 0xD4 || frame.Length < length + 3)
            {
                return; // a broken frame is ignored: no ACK
            }

            var command = frame[3];
            var data = frame.Slice(4, length - 2).ToArray();
            var sum = frame.Slice(2, length + 1).ToArray().Aggregate(0, (a, b) => a + b);
            if ((byte)sum != 0)
            {
                return;
            }

            Commands.Add(command);
            _outgoing.Enqueue(Ack);
            if (Respond(command, data) is { } response)
            {
                _outgoing.Enqueue(Frame(command, response));
            }

            _busyPolls = 1;
        }
    }

    private void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            if (Silent)
            {
                throw new IOException("Error 121 performing I2C data transfer (EREMOTEIO)");
            }

            buffer.Clear();
            if (_busyPolls > 0)
            {
                _busyPolls--;
                return;
            }

            if (!_outgoing.TryPeek(out var frame))
            {
                return;
            }

            buffer[0] = 0x01;
            frame.AsSpan(0, Math.Min(frame.Length, buffer.Length - 1)).CopyTo(buffer[1..]);
            if (buffer.Length > 1)
            {
                _outgoing.Dequeue(); // a status poll alone leaves the frame for the next read
            }
        }
    }

    private byte[]? Respond(byte command, byte[] data) => command switch
    {
        Diagnose => data,
        GetFirmwareVersion => [0x32, 0x01, 0x06, 0x07],
        SetParameters or SamConfiguration => [],
        RfConfiguration => Configure(data),
        InListPassiveTarget => ListTarget(),
        InRelease => [0x00],
        _ => throw new InvalidOperationException($"the fake PN532 does not know command 0x{command:X2}"),
    };

    private byte[] Configure(byte[] data)
    {
        if (data is [0x05, _, _, var passive])
        {
            PassiveActivationRetries = passive;
        }

        return [];
    }

    /// <summary>§7.3.5 InListPassiveTarget, 106 kbps type A: NbTg, Tg, SENS_RES, SEL_RES, NFCIDLength, NFCID1.</summary>
    private byte[]? ListTarget()
    {
        if (Card is { } card && Activate(card) is var (atqa, sak))
        {
            return [1, 1, atqa[1], atqa[0], sak, (byte)card.Uid.Length, .. card.Uid];
        }

        // With MxRtyPassiveActivation 0xFF the chip keeps looking and never answers until a card comes.
        return PassiveActivationRetries == 0xFF ? null : [0];
    }

    private static (byte[] Atqa, byte Sak)? Activate(Iso14443Card card)
    {
        if (card.Receive([0x26], 7) is not { } atqa)
        {
            return null;
        }

        byte[] selects = [0x93, 0x95, 0x97];
        foreach (var sel in selects)
        {
            if (card.Receive([sel, 0x20], 8) is not { Length: 5 } part
                || card.Receive(Crc.Append([sel, 0x70, .. part]), 8) is not { Length: 3 } sak)
            {
                return null;
            }

            if ((sak[0] & 0x04) == 0)
            {
                return (atqa, sak[0]);
            }
        }

        return null;
    }

    private static byte[] Frame(byte command, byte[] data)
    {
        var length = (byte)(data.Length + 2);
        var sum = 0xD5 + command + 1 + data.Sum(b => b);
        return [0x00, 0x00, 0xFF, length, (byte)-length, 0xD5, (byte)(command + 1), .. data, (byte)-sum, 0x00];
    }

    private sealed class Bus(FakePn532 chip) : I2cDevice
    {
        public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x24);

        public override void Read(Span<byte> buffer) => chip.Read(buffer);

        public override void Write(ReadOnlySpan<byte> buffer) => chip.Write(buffer);

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            chip.Write(writeBuffer);
            chip.Read(readBuffer);
        }
    }
}
