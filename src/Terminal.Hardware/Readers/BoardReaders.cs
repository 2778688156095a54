using System.Device.Gpio;
using Terminal.Hardware.Board;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.Hardware.Readers.Keyboard.Evdev;
using Terminal.Hardware.Readers.Modules;

namespace Terminal.Hardware.Readers;

/// <summary>Makes the readers a board file declares: on the device's buses, or simulated.</summary>
public static class BoardReaders
{
    /// <summary>
    /// The reader for <paramref name="reader"/> on this device: the USB reader's evdev device, the
    /// MFRC522 on <c>/dev/spidevB.C</c>, the PN532 on <c>/dev/i2c-B</c>. Nothing is opened until its
    /// <see cref="IStaffCardReader.ReadAsync"/> runs; a missing device is a <see cref="ReaderOffline"/> then.
    /// </summary>
    /// <param name="reader">The board's reader.</param>
    /// <param name="gpio">A controller on the board's chip (e.g. over <c>ChipGpioDriver</c>) for an MFRC522 reset line; may be null otherwise.</param>
    /// <param name="time">Clock.</param>
    public static IStaffCardReader Open(BoardCardReader reader, GpioController? gpio, TimeProvider time) => reader switch
    {
        BoardUsbReader usb => new KeyboardReader(usb.Name, () => EvdevKeyboard.Open(usb.Device), usb.Format, time),
        BoardMfrc522Reader m => new UidReader(m.Name, ReaderKind.Mfrc522, () => Mfrc522Module.Open(m.SpiBus, m.ChipSelect, m.Reset ?? -1, m.Reset is null ? null : gpio), time),
        BoardPn532Reader p => new UidReader(p.Name, ReaderKind.Pn532, () => Pn532Module.Open(p.I2cBus, p.Address), time),
        _ => throw new ArgumentException($"unknown reader type {reader?.GetType().Name}", nameof(reader)),
    };
}
