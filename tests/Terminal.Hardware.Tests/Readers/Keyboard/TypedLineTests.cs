using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Readers.Keyboard;

/// <summary>Key presses into lines: digits until Enter are a card; anything else is counted noise, never a card.</summary>
public sealed class TypedLineTests : IDisposable
{
    private const ushort Enter = 28, KeypadEnter = 96, LeftShift = 42, RightShift = 54, KeyA = 30, Slash = 53;
    private readonly FakeTimeProvider _time = new();
    private readonly List<ReaderOutcome> _outcomes = [];
    private readonly TypedLine _line;

    public TypedLineTests() =>
        _line = new TypedLine("desk-usb", new TypedCardFormat(TypedDigits.UidDecimal), KeyboardReaderOptions.Default, _time, _outcomes.Add);

    public void Dispose() => _line.Dispose();

    [Fact]
    public void DigitsThenEnter_AreOneCard()
    {
        Type("0077705923", Enter);

        Assert.Equal([new CardPresented("desk-usb", new ReaderCard("UID", null, "04A1B2C3"))], _outcomes);
    }

    [Fact]
    public void ShiftAroundDigits_KeypadDigits_AndKeypadEnter_AreStillTheCard()
    {
        Press(LeftShift, 11, 11, RightShift, 79, 80, KeypadEnter); // shift 0 0 shift KP1 KP2 KP-Enter

        Assert.Equal("0000000C", Assert.IsType<CardPresented>(Assert.Single(_outcomes)).Card.Number);
    }

    [Fact]
    public void LoneEnter_IsNothing()
    {
        Press(Enter, Enter);

        Assert.Empty(_outcomes);
    }

    [Fact]
    public void ALetterInTheLine_IsNoise_AndTheNextLineIsACardAgain()
    {
        Type("12");
        Press(KeyA);
        Type("45", Enter);
        Type("1", Enter);

        Assert.Equal(new ReaderNoise("desk-usb", 1, "a letter or symbol was typed"), _outcomes[0]);
        Assert.Equal("00000001", Assert.IsType<CardPresented>(_outcomes[1]).Card.Number);
    }

    [Fact]
    public void TooManyDigits_IsNoise()
    {
        Type("123456789012345678", Enter);

        Assert.Equal("more than 17 digits", Assert.IsType<ReaderNoise>(Assert.Single(_outcomes)).LastReason);
    }

    [Fact]
    public void NoEnterWithinTheTimeout_IsNoise_AndLateDigitsStartANewLine()
    {
        Type("00005");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(_outcomes);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Type("163", Enter);

        Assert.Equal("no Enter within 1 s", Assert.IsType<ReaderNoise>(_outcomes[0]).LastReason);
        Assert.Equal("000000A3", Assert.IsType<CardPresented>(_outcomes[1]).Card.Number);
    }

    [Fact]
    public void RepeatedNoise_IsReportedAtOnce_ThenCountedAndReportedOncePerInterval()
    {
        Press(KeyA, Enter);
        Press(Slash, Enter);
        Press(KeyA, Enter);
        Assert.Single(_outcomes);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2], _outcomes.Cast<ReaderNoise>().Select(n => n.Rejected));
    }

    [Fact]
    public void ReaderGoingAwayMidCard_IsNoise_ButNotWhenIdle()
    {
        _line.Abandon();
        Type("0077");
        _line.Abandon();

        Assert.Equal("the reader went away in the middle of a card", Assert.IsType<ReaderNoise>(Assert.Single(_outcomes)).LastReason);
    }

    private void Type(string digits, params ushort[] then)
    {
        foreach (var d in digits)
        {
            _line.Key(d == '0' ? (ushort)11 : (ushort)(2 + d - '1'));
        }

        Press(then);
    }

    private void Press(params ushort[] codes)
    {
        foreach (var code in codes)
        {
            _line.Key(code);
        }
    }
}
