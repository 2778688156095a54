namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>An opened keyboard reader: the key presses it sends, for this program only.</summary>
public interface IKeyboardDevice : IDisposable
{
    /// <summary>Waits for the next key press: a Linux key code (<c>linux/input-event-codes.h</c>, e.g. <c>KEY_1</c> = 2).</summary>
    /// <exception cref="IOException">The device is gone (unplugged) or failed; the message names it.</exception>
    ValueTask<ushort> ReadKeyAsync(CancellationToken cancellationToken);
}
