using Terminal.Hardware.Wiegand;

namespace Terminal.Hardware.Tests.Wiegand;

public class WiegandFormatsTests
{
    // Published examples (bit strings as readers send them, first bit first):
    // - H10301 FC 90 / 324: the wiegand-encoder (npm) README; FC 2 / 26040: BLEKey issue #10;
    //   FC 21 / 15890: monkeyboard Wiegand library issue #33.
    // - 34-bit: Hikvision camera manual, card 1234567890 = 0x499602D2 sent as E + 32 bits + O;
    //   as H10306 that is facility 0x4996 and number 0x02D2.
    // - Corporate 1000 35-bit FC 1337 / CN 2137: reader output 4A72010B3 (TheTick PR #20,
    //   card made with Proxmark3 "C1k35s").
    [Theory]
    [InlineData("H10301", "00101101000000001010001000", 90u, 324ul)]
    [InlineData("H10301", "10000001001100101101110001", 2u, 26040ul)]
    [InlineData("H10301", "10001010100111110000100100", 21u, 15890ul)]
    [InlineData("34bit", "1010010011001011000000010110100100", 18838u, 722ul)]
    [InlineData("C1k35s", "10010100111001000000001000010110011", 1337u, 2137ul)]
    public void PublishedFrame_DecodesToPublishedCard_AndEncodesBack(string format, string bits, uint facility, ulong number)
    {
        var wiegand = WiegandFormats.Find(format)!;
        var frame = WiegandFrame.Parse(bits);

        Assert.True(wiegand.TryDecode(frame, out var card));
        Assert.Equal(new WiegandCard(wiegand.Name, facility, number), card);
        Assert.Equal(bits, wiegand.Encode(facility, number).ToString());
    }

    [Fact]
    public void C1k35s_PublishedExample_MatchesReaderHex()
    {
        Assert.Equal("4A72010B3/35", WiegandFormats.C1k35s.Encode(1337, 2137).ToHex());
    }

    [Fact]
    public void H10304_FollowsPublishedLayout()
    {
        // HID H10304 layout (ooaccess.com "37 Bit Card Format"): P FFFF×16 CCC×19 P; even parity
        // over bits 1–18, odd parity over bits 18–35 (bit 18 is in both). Worked by hand for
        // FC 2652 = 0000101001011100, CN 1 = 0000000000000000001: bits 1–18 hold six ones → even
        // parity 0; bits 18–35 hold one → odd parity 0.
        const string bits = "0" + "0000101001011100" + "0000000000000000001" + "0";

        var frame = WiegandFormats.H10304.Encode(2652, 1);

        Assert.Equal(bits, frame.ToString());
        Assert.True(WiegandFormats.H10304.TryDecode(frame, out var card));
        Assert.Equal(new WiegandCard("H10304", 2652, 1), card);
    }

    [Theory]
    [InlineData("H10301", 255u, 65535ul)]
    [InlineData("H10301", 0u, 0ul)]
    [InlineData("34bit", 65535u, 65535ul)]
    [InlineData("C1k35s", 4095u, 1048575ul)]
    [InlineData("C1k35s", 0u, 0ul)]
    [InlineData("H10304", 65535u, 524287ul)]
    [InlineData("H10304", 12345u, 123456ul)]
    public void Encode_ThenDecode_GivesTheSameCard(string format, uint facility, ulong number)
    {
        var wiegand = WiegandFormats.Find(format)!;

        var frame = wiegand.Encode(facility, number);

        Assert.Equal(wiegand.Length, frame.Length);
        Assert.True(wiegand.TryDecode(frame, out var card));
        Assert.Equal(new WiegandCard(wiegand.Name, facility, number), card);
    }

    [Fact]
    public void AnySingleFlippedBit_FailsParity_InEveryFormat()
    {
        // Every position is covered by at least one parity bit in these four formats.
        foreach (var format in WiegandFormats.All)
        {
            var frame = format.Encode(format.MaxFacility / 3, format.MaxNumber / 7);
            for (var p = 0; p < format.Length; p++)
            {
                var flipped = new WiegandFrame(frame.Value ^ (1UL << (format.Length - 1 - p)), format.Length);
                Assert.False(format.TryDecode(flipped, out _), $"{format.Name} bit {p}");
            }
        }
    }

    [Fact]
    public void Encode_FacilityTooLarge_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WiegandFormats.H10301.Encode(256, 1));
    }

    [Fact]
    public void Card_Masked_ShowsOnlyLastFourDigits()
    {
        Assert.Equal("H10301:12:*4567", new WiegandCard("H10301", 12, 34567).Masked());
        Assert.Equal("H10301:12:34567", new WiegandCard("H10301", 12, 34567).ToString());
    }

    [Theory]
    [InlineData('5', 4, "0101")]
    [InlineData('5', 8, "10100101")]
    [InlineData('#', 8, "01001011")]
    [InlineData('0', 8, "11110000")]
    public void Keypad_Bursts_FollowTheCommonConvention(char key, int length, string bits)
    {
        Assert.Equal(bits, WiegandKeypad.Encode(key, length).ToString());
        Assert.True(WiegandKeypad.TryDecode(WiegandFrame.Parse(bits), out var decoded));
        Assert.Equal(key, decoded);
    }

    [Fact]
    public void Keypad_EightBitsWithoutComplement_IsNotAKey()
    {
        Assert.False(WiegandKeypad.TryDecode(WiegandFrame.Parse("00000101"), out _));
    }
}
