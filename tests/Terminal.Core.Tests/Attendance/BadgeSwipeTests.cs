using Terminal.Core.Attendance;

namespace Terminal.Core.Tests.Attendance;

/// <summary>SPEC §5.1/§5.5: a swipe's card, format, facility, reader and roster key, for Wiegand, keyboard and UID cards.</summary>
public sealed class BadgeSwipeTests
{
    [Fact]
    public void WiegandSwipe_KeepsItsFormFacilityAndNumber_OnTheWiegandReader()
    {
        var swipe = new BadgeSwipe("H10301", 12, 34567);

        Assert.Equal(("H10301", 12L, "34567", "wiegand"), (swipe.Format, swipe.Facility, swipe.Card, swipe.Reader));
        Assert.Equal("H10301:12:34567", swipe.RosterKey);
        Assert.Equal("*4567", swipe.Masked);
    }

    [Fact]
    public void UidSwipe_IsUpperCaseHexWithoutFacility_AndItsRosterKeyIsUidColonColonHex()
    {
        var swipe = BadgeSwipe.Uid("04a1b2c3", BadgeReaders.Mfrc522);

        Assert.Equal(("UID", (long?)null, "04A1B2C3", "mfrc522"), (swipe.Format, swipe.Facility, swipe.Card, swipe.Reader));
        Assert.Equal("UID::04A1B2C3", swipe.RosterKey);
        Assert.Equal("****B2C3", swipe.Masked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4A1")]
    [InlineData("04A1B2CX")]
    [InlineData("00112233445566778899AA")]
    public void Uid_NotWholeHexBytes_IsRefused(string uid) =>
        Assert.Throws<ArgumentException>(() => BadgeSwipe.Uid(uid, BadgeReaders.Pn532));

    [Fact]
    public void KeyboardSwipe_KeepsTheDigitsAsTyped()
    {
        var swipe = new BadgeSwipe("RAW", null, "0004567890", BadgeReaders.UsbHid);

        Assert.Equal(("0004567890", "usb-hid", "RAW::0004567890"), (swipe.Card, swipe.Reader, swipe.RosterKey));
    }

    [Theory]
    [InlineData("RAW", "12a4", "usb-hid")]
    [InlineData("UID", "1234", "usb-hid")]
    [InlineData("RAW", "1234", "bluetooth")]
    public void NumberedSwipe_WithLettersAUidFormatOrAnUnknownReader_IsRefused(string format, string card, string reader) =>
        Assert.Throws<ArgumentException>(() => new BadgeSwipe(format, null, card, reader));
}
