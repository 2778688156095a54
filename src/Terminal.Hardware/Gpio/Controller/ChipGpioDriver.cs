using System.Collections.Concurrent;
using System.Device.Gpio;

namespace Terminal.Hardware.Gpio.Controller;

/// <summary>
/// System.Device.Gpio's <see cref="GpioDriver"/> over the project's <see cref="IGpioChip"/>, so that
/// <see cref="GpioController"/> and Iot.Device.Bindings devices (a reader module's reset line, a
/// button) run on the character-device driver or the simulated chip without libgpiod
/// (docs/decisions/gpio-character-device.md). Pin numbers are the chip's line offsets. Keys and
/// Wiegand keep the chip interface itself: they need the kernel's edge timestamps and order.
/// </summary>
/// <remarks>
/// Each open pin is its own line request, made when the pin gets a mode (the character device
/// cannot claim a line without a direction) and remade on a mode change. Inputs are requested
/// with both edges; their events feed <see cref="GpioController.WaitForEvent(int, PinEventTypes, CancellationToken)"/>
/// and registered callbacks.
/// </remarks>
public sealed class ChipGpioDriver : GpioDriver
{
    private readonly IGpioChip _chip;
    private readonly string _consumer;
    private readonly ConcurrentDictionary<int, DriverPin> _pins = new();

    /// <summary>A driver for <paramref name="chip"/>; lines are claimed as <paramref name="consumer"/>. The chip stays the caller's.</summary>
    public ChipGpioDriver(IGpioChip chip, string consumer = "terminal")
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        _chip = chip;
        _consumer = consumer;
    }

    /// <inheritdoc/>
    protected override int PinCount => _chip.LineCount;

    /// <inheritdoc/>
    public override GpioChipInfo GetChipInfo() => new(0, _chip.Name, _chip.Label, _chip.LineCount);

    /// <inheritdoc/>
    protected override void OpenPin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _chip.LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"{_chip.Name} \"{_chip.Label}\" has lines 0–{_chip.LineCount - 1}");
        }

        _pins.GetOrAdd(pinNumber, n => new DriverPin(_chip, n, _consumer));
    }

    /// <inheritdoc/>
    protected override void ClosePin(int pinNumber)
    {
        if (_pins.TryRemove(pinNumber, out var pin))
        {
            pin.Dispose();
        }
    }

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode) => Pin(pinNumber).SetMode(mode, PinValue.Low);

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) => Pin(pinNumber).SetMode(mode, initialValue);

    /// <inheritdoc/>
    protected override PinMode GetPinMode(int pinNumber) => Pin(pinNumber).Mode;

    /// <inheritdoc/>
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber >= 0 && pinNumber < _chip.LineCount && Enum.IsDefined(mode);

    /// <inheritdoc/>
    protected override PinValue Read(int pinNumber) => Pin(pinNumber).Read();

    /// <inheritdoc/>
    protected override void Write(int pinNumber, PinValue value) => Pin(pinNumber).Write(value);

    /// <inheritdoc/>
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        Pin(pinNumber).WaitForEventAsync(eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        Pin(pinNumber).WaitForEventAsync(eventTypes, cancellationToken);

    /// <inheritdoc/>
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        Pin(pinNumber).AddCallback(eventTypes, callback);

    /// <inheritdoc/>
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        Pin(pinNumber).RemoveCallback(callback);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var pin in _pins.Keys)
            {
                ClosePin(pin);
            }
        }

        base.Dispose(disposing);
    }

    private DriverPin Pin(int pinNumber) =>
        _pins.TryGetValue(pinNumber, out var pin)
            ? pin
            : throw new InvalidOperationException($"line {pinNumber} of {_chip.Name} \"{_chip.Label}\" is not open");
}
