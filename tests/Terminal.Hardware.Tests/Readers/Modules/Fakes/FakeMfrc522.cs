using System.Device.Spi;

namespace Terminal.Hardware.Tests.Readers.Modules.Fakes;

/// <summary>
/// An MFRC522 as its SPI bus shows it (datasheet §8.1.2 SPI, §9 registers, §10 commands): the
/// register file, the 64-byte FIFO, the CRC coprocessor (CalcCRC) and Transceive to a card in the
/// field (<see cref="Card"/>), with the interrupt bits the binding waits on. <see cref="Connect"/>
/// gives an <see cref="SpiDevice"/>; several in turn share one chip, as a re-opened bus would.
/// </summary>
internal sealed class FakeMfrc522
{
    private const int Command = 0x01, ComIrq = 0x04, DivIrq = 0x05, Error = 0x06, FifoData = 0x09, FifoLevel = 0x0A;
    private const int Control = 0x0C, BitFraming = 0x0D, CrcResultHigh = 0x21, CrcResultLow = 0x22, Version = 0x37;
    private const byte Idle = 0x00, CalcCrc = 0x03, Transceive = 0x0C, SoftReset = 0x0F;
    private const byte TimerIrq = 0x01, IdleIrq = 0x10, RxIrq = 0x20, CrcIrq = 0x04;
    private readonly Lock _gate = new();
    private readonly byte[] _registers = new byte[64];
    private readonly Queue<byte> _fifo = new();

    public FakeMfrc522(byte version = 0x92)
    {
        _registers[Version] = version;
    }

    /// <summary>The card in the field, or null.</summary>
    public Iso14443Card? Card { get; set; }

    /// <summary>
    /// The chip stops answering: MISO stays low, so every read is 0x00 (a module that lost power).
    /// Its registers are lost and its field goes off, which powers the card down too.
    /// </summary>
    public bool Silent
    {
        get;
        set
        {
            lock (_gate)
            {
                field = value;
                if (value)
                {
                    Array.Clear(_registers, 0, Version);
                    _fifo.Clear();
                    Card?.FieldOff();
                }
            }
        }
    }

    /// <summary>Frames sent to the card, in order (first byte of each), to see what the binding did.</summary>
    public List<byte> FramesSent { get; } = [];

    public SpiDevice Connect() => new Bus(this);

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        lock (_gate)
        {
            read.Clear();
            if (Silent || write.IsEmpty)
            {
                return;
            }

            var address = (write[0] >> 1) & 0x3F;
            if ((write[0] & 0x80) == 0)
            {
                foreach (var value in write[1..])
                {
                    WriteRegister(address, value);
                }

                return;
            }

            // §8.1.2.1: the byte clocked out while byte i is sent is the register named by byte i-1.
            for (var i = 1; i < write.Length && i < read.Length; i++)
            {
                read[i] = ReadRegister((write[i - 1] >> 1) & 0x3F);
            }
        }
    }

    private byte ReadRegister(int address) => address switch
    {
        FifoData => _fifo.Count > 0 ? _fifo.Dequeue() : (byte)0,
        FifoLevel => (byte)_fifo.Count,
        _ => _registers[address],
    };

    private void WriteRegister(int address, byte value)
    {
        switch (address)
        {
            case FifoData:
                _fifo.Enqueue(value);
                break;
            case FifoLevel when (value & 0x80) != 0:
                _fifo.Clear();
                break;
            case ComIrq or DivIrq:
                // §9.3.1.4/5: bit 7 says whether the marked bits are set or cleared.
                _registers[address] = (value & 0x80) != 0 ? (byte)(_registers[address] | (value & 0x7F)) : (byte)(_registers[address] & ~value);
                break;
            case Command:
                _registers[Command] = (byte)(value & 0x0F);
                Execute((byte)(value & 0x0F));
                break;
            case BitFraming:
                _registers[BitFraming] = (byte)(value & 0x7F);
                if ((value & 0x80) != 0 && _registers[Command] == Transceive)
                {
                    SendToCard(value & 0x07);
                }

                break;
            default:
                _registers[address] = value;
                break;
        }
    }

    private void Execute(byte command)
    {
        switch (command)
        {
            case CalcCrc:
                var crc = Crc.Of([.. _fifo]);
                _fifo.Clear();
                _registers[CrcResultLow] = (byte)crc;
                _registers[CrcResultHigh] = (byte)(crc >> 8);
                _registers[DivIrq] |= CrcIrq;
                _registers[Command] = Idle;
                break;
            case SoftReset:
                Array.Clear(_registers, 0, Version);
                _fifo.Clear();
                break;
        }
    }

    private void SendToCard(int lastBits)
    {
        byte[] frame = [.. _fifo];
        _fifo.Clear();
        FramesSent.Add(frame.Length > 0 ? frame[0] : (byte)0);
        var answer = Card?.Receive(frame, lastBits == 0 ? 8 : lastBits);
        _registers[Error] = 0;
        _registers[Control] = 0;
        if (answer is null)
        {
            // The timer started by TAuto runs out: no card answered (TimerIRq).
            _registers[ComIrq] |= TimerIrq;
            return;
        }

        foreach (var b in answer)
        {
            _fifo.Enqueue(b);
        }

        _registers[ComIrq] |= RxIrq | IdleIrq;
    }

    private sealed class Bus(FakeMfrc522 chip) : SpiDevice
    {
        public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

        public override void Read(Span<byte> buffer) => chip.Transfer(new byte[buffer.Length], buffer);

        public override void Write(ReadOnlySpan<byte> buffer) => chip.Transfer(buffer, new byte[buffer.Length]);

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            var read = new byte[readBuffer.Length];
            chip.Transfer(writeBuffer, read);
            read.CopyTo(readBuffer);
        }
    }
}
