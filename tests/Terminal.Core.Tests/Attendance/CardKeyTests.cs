using Terminal.Core.Attendance;

namespace Terminal.Core.Tests.Attendance;

/// <summary>SPEC §5.5: roster card keys, including <c>UID::&lt;hex&gt;</c> for MIFARE/NFC cards.</summary>
public sealed class CardKeyTests
{
    [Fact]
    public void UidKey_MatchesTheSwipeOfThatUid_InEitherCase()
    {
        Assert.True(CardKey.TryParse("uid::04a1b2c3", out var key, out var error), error);

        Assert.Equal(CardKey.Of(BadgeSwipe.Uid("04A1B2C3", BadgeReaders.Pn532)), key);
        Assert.Equal("UID::04A1B2C3", key.ToString());
    }

    [Fact]
    public void UidKey_LeadingZeroByte_IsPartOfTheUid()
    {
        Assert.True(CardKey.TryParse("UID::00A1B2C3", out var key, out _));

        Assert.NotEqual(CardKey.Of(BadgeSwipe.Uid("A1B2C3", BadgeReaders.Pn532)), key);
    }

    [Theory]
    [InlineData("UID:5:04A1B2C3", "no facility")]
    [InlineData("UID::04A1B2C", "whole bytes")]
    [InlineData("UID::04A1B2CZ", "hex digits")]
    public void UidKey_WithFacilityOrBrokenHex_IsRefusedWithAReason(string text, string reason)
    {
        Assert.False(CardKey.TryParse(text, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberedKey_MatchesKeyboardDigitsWithLeadingZeros()
    {
        Assert.True(CardKey.TryParse("RAW::4567890", out var key, out _));

        Assert.Equal(key, CardKey.Of(new BadgeSwipe("RAW", null, "0004567890", BadgeReaders.UsbHid)));
    }
}
