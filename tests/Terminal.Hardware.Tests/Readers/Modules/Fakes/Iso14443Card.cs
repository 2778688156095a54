namespace Terminal.Hardware.Tests.Readers.Modules.Fakes;

/// <summary>
/// A MIFARE card's ISO/IEC 14443-3 type A state machine (§6.2–6.4): IDLE, READY, ACTIVE, HALT;
/// REQA, WUPA, anticollision and select per cascade level, HLTA; any unexpected frame sends it back
/// to IDLE (or HALT when it was woken from HALT), without an answer.
/// </summary>
internal sealed class Iso14443Card(byte[] uid, byte sak = 0x08)
{
    private const byte Reqa = 0x26, Wupa = 0x52, Hlta = 0x50, CascadeTag = 0x88;
    private static readonly byte[] SelectCodes = [0x93, 0x95, 0x97];
    private State _state = State.Idle;
    private bool _fromHalt;
    private int _level;

    private enum State
    {
        Idle,
        Ready,
        Active,
        Halt,
    }

    public byte[] Uid => uid;

    /// <summary>The card is close enough to the antenna to be powered.</summary>
    public bool InField { get; private set; } = true;

    /// <summary>When set, the card leaves the field after answering this many more frames (a card pulled away mid-read).</summary>
    public int? AnswersBeforeLeaving { get; set; }

    /// <summary>Frames the card answered.</summary>
    public int Answers { get; private set; }

    /// <summary>Puts the card back in the field: powered up afresh, in IDLE.</summary>
    public void Enter()
    {
        InField = true;
        _state = State.Idle;
        AnswersBeforeLeaving = null;
    }

    public void Leave() => InField = false;

    /// <summary>The reader's field went off: the card loses power and starts again in IDLE.</summary>
    public void FieldOff()
    {
        _state = State.Idle;
        _fromHalt = false;
    }

    /// <summary>A frame from the reader: <paramref name="bits"/> in the last byte (7 for REQA/WUPA); the answer or null.</summary>
    public byte[]? Receive(ReadOnlySpan<byte> frame, int bits)
    {
        if (!InField || frame.IsEmpty)
        {
            return null;
        }

        var answer = Answer(frame, bits);
        if (answer is not null)
        {
            Answers++;
            if (AnswersBeforeLeaving is { } left)
            {
                AnswersBeforeLeaving = left - 1;
                InField = left > 1;
            }
        }

        return answer;
    }

    private byte[]? Answer(ReadOnlySpan<byte> frame, int bits)
    {
        if (bits == 7 && frame.Length == 1 && frame[0] is Reqa or Wupa)
        {
            var woken = _state == State.Idle || (frame[0] == Wupa && _state == State.Halt);
            if (!woken)
            {
                return Unexpected();
            }

            _fromHalt = _state == State.Halt;
            _state = State.Ready;
            _level = 0;
            return [(byte)(uid.Length == 4 ? 0x04 : uid.Length == 7 ? 0x44 : 0x84), 0x00];
        }

        if (frame.Length == 4 && frame[0] == Hlta && Crc.Check(frame))
        {
            if (_state != State.Active)
            {
                return Unexpected();
            }

            _state = State.Halt;
            return null;
        }

        if (_state != State.Ready || frame.Length < 2 || frame[0] != SelectCodes[_level])
        {
            return Unexpected();
        }

        var part = CascadePart();
        if (frame.Length == 2 && frame[1] == 0x20)
        {
            return [.. part, Bcc(part)];
        }

        if (frame.Length == 9 && frame[1] == 0x70 && Crc.Check(frame) && frame.Slice(2, 4).SequenceEqual(part) && frame[6] == Bcc(part))
        {
            var last = (_level + 1) * 3 + 1 >= uid.Length;
            if (last)
            {
                _state = State.Active;
                return Crc.Append([sak]);
            }

            _level++;
            return Crc.Append([0x04]);
        }

        return Unexpected();
    }

    /// <summary>The 4 bytes of the current cascade level: CT + 3 UID bytes, or the last 4.</summary>
    private byte[] CascadePart()
    {
        var start = _level * 3;
        var last = start + 4 >= uid.Length;
        return last ? uid[start..(start + 4)] : [CascadeTag, .. uid[start..(start + 3)]];
    }

    private static byte Bcc(ReadOnlySpan<byte> part) => (byte)(part[0] ^ part[1] ^ part[2] ^ part[3]);

    private byte[]? Unexpected()
    {
        _state = _state is State.Halt || _fromHalt ? State.Halt : State.Idle;
        return null;
    }
}
