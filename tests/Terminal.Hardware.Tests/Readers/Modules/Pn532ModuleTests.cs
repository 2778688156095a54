using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Modules;
using Terminal.Hardware.Tests.Readers.Modules.Fakes;

namespace Terminal.Hardware.Tests.Readers.Modules;

/// <summary>The PN532 through Iot.Device.Bindings' Pn532 against a fake of its I2C frames (ACK, InListPassiveTarget) and a card.</summary>
public sealed class Pn532ModuleTests
{
    private static readonly byte[] Uid = [0x04, 0xA1, 0xB2, 0xC3];
    private readonly FakePn532 _chip = new();

    [Fact]
    public void Open_LimitsPassiveActivationRetries_SoAnEmptyFieldAnswersAtOnce()
    {
        using var module = Open();

        Assert.Equal(1, _chip.PassiveActivationRetries);
        Assert.Equal(FieldReading.Empty, module.Poll());
    }

    [Fact]
    public void CardInField_IsReadWithItsUid()
    {
        _chip.Card = new Iso14443Card(Uid);
        using var module = Open();

        Assert.Equal(Uid, module.Poll().Uid);
        Assert.Contains((byte)0x4A, _chip.Commands);
    }

    [Fact]
    public void SevenByteUid_IsRead()
    {
        byte[] uid = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
        _chip.Card = new Iso14443Card(uid, sak: 0x00);
        using var module = Open();

        Assert.Equal(uid, module.Poll().Uid);
    }

    [Fact]
    public void CardLeavingMidRead_GivesNoCard()
    {
        _chip.Card = new Iso14443Card(Uid) { AnswersBeforeLeaving = 1 }; // answers REQA, gone before anticollision
        using var module = Open();

        Assert.Equal(FieldReading.Empty, module.Poll());
    }

    [Fact]
    public void SilentModule_FailsToOpen_NamingTheBusAndAddress()
    {
        _chip.Silent = true;

        var e = Assert.Throws<ReaderModuleException>(() => Open());

        Assert.StartsWith("PN532 on /dev/i2c-1 at 0x24 does not answer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleGoingSilent_IsOneOfflineFault_ThenReinitialisedAndRestored()
    {
        var reader = new UidReader("door-nfc", ReaderKind.Pn532, Open, TimeProvider.System);
        Assert.Null(reader.PollOnce().Outcome);

        _chip.Silent = true;
        var outcomes = Enumerable.Range(0, 4).Select(_ => reader.PollOnce().Outcome).ToList();
        _chip.Silent = false;
        _chip.Card = new Iso14443Card(Uid);
        var restored = reader.PollOnce().Outcome;
        var card = reader.PollOnce().Outcome;

        Assert.Contains("PN532 on /dev/i2c-1 at 0x24", Assert.IsType<ReaderOffline>(outcomes[0]).Detail, StringComparison.Ordinal);
        Assert.All(outcomes.Skip(1), Assert.Null);
        Assert.IsType<ReaderRestored>(restored);
        Assert.Equal("04A1B2C3", Assert.IsType<CardPresented>(card).Card.Number);
    }

    [Fact]
    public void ThroughTheReader_ACardHeldForManyPolls_IsOneSwipe()
    {
        _chip.Card = new Iso14443Card(Uid);
        var reader = new UidReader("door-nfc", ReaderKind.Pn532, Open, TimeProvider.System);

        var swipes = Enumerable.Range(0, 10).Select(_ => reader.PollOnce().Outcome).OfType<CardPresented>().Count();

        Assert.Equal(1, swipes);
    }

    private Pn532Module Open() => new(_chip.Connect(), "PN532 on /dev/i2c-1 at 0x24");
}
