using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;

namespace Terminal.Hardware.Tests.Readers.Keyboard;

/// <summary>What a keyboard reader's digits mean, as the board file says (SPEC §6 usb-hid).</summary>
public sealed class TypedCardFormatTests
{
    [Theory]
    [InlineData("0077705923", false, "04A1B2C3")]
    [InlineData("77705923", false, "04A1B2C3")]
    [InlineData("3283263748", true, "04A1B2C3")]
    [InlineData("1206625625167462", false, "04496B6BC3D666")]
    public void UidDecimal_IsTheUidInHex(string digits, bool lsbFirst, string uid)
    {
        var card = new TypedCardFormat(TypedDigits.UidDecimal, lsbFirst).Decode(digits, out var reason);

        Assert.Equal(new ReaderCard("UID", null, uid), card);
        Assert.Equal("", reason);
    }

    [Fact]
    public void Wiegand26_IsFacilityThenCardNumber_AsH10301()
    {
        Assert.Equal(new ReaderCard("H10301", 12, "34567"), new TypedCardFormat(TypedDigits.Wiegand26).Decode("01234567", out _));
    }

    [Theory]
    [InlineData("1234567", "not 8 digits")]
    [InlineData("25634567", "facility (0–255)")]
    [InlineData("01265536", "card number (0–65535)")]
    public void Wiegand26_OutOfRange_IsNoCard(string digits, string reason)
    {
        Assert.Null(new TypedCardFormat(TypedDigits.Wiegand26).Decode(digits, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_KeepsTheDigitsAsTyped()
    {
        Assert.Equal(new ReaderCard("RAW", null, "0004567890"), new TypedCardFormat(TypedDigits.Raw).Decode("0004567890", out _));
    }

    [Fact]
    public void UidDecimal_BeyondSevenBytes_IsNoCard()
    {
        Assert.Null(new TypedCardFormat(TypedDigits.UidDecimal).Decode("123456789012345678", out var why));
        Assert.Equal("more than 17 digits", why);
    }
}
