using System.Threading.Channels;

namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>
/// A keyboard reader for <c>terminal --simulate</c>: <see cref="Type"/> sends what a USB reader
/// would type (<c>terminalctl sim type</c> adds the Enter), <see cref="Unplug"/>/<see cref="Plug"/>
/// take it away and bring it back. Give <see cref="Open"/> to a <see cref="KeyboardReader"/> as its
/// device factory and keep this instance for the host's simulation controls.
/// </summary>
public sealed class SimulatedKeyboard
{
    // linux/input-event-codes.h: KEY_A … KEY_Z in QWERTY order of their codes.
    private const string Letters = "qwertyuiop[]\n asdfghjkl;'` \\zxcvbnm";
    private const ushort FirstLetterCode = 16;
    private const ushort SymbolCode = 53; // KEY_SLASH: anything else a reader might send

    private readonly Lock _gate = new();
    private Channel<ushort>? _keys;
    private bool _unplugged;
    private int _openAttempts;

    /// <summary>Whether a reader has the device open (it is plugged in and being read).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _keys is not null;
            }
        }
    }

    /// <summary>How often a reader tried to open the device, successfully or not.</summary>
    public int OpenAttempts => Volatile.Read(ref _openAttempts);

    /// <summary>Types <paramref name="text"/>: digits, letters and symbols as their keys, <c>\n</c> as Enter.</summary>
    /// <returns>Whether a device was open to receive it (false while unplugged or before the reader opened it).</returns>
    public bool Type(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_keys is null)
            {
                return false;
            }

            foreach (var c in text)
            {
                _keys.Writer.TryWrite(Code(c));
            }

            return true;
        }
    }

    /// <summary>Pulls the reader's USB cable: the open device fails, reopening fails until <see cref="Plug"/>.</summary>
    public void Unplug()
    {
        lock (_gate)
        {
            _unplugged = true;
            _keys?.Writer.TryComplete(new IOException("simulated keyboard reader: No such device (ENODEV), unplugged"));
            _keys = null;
        }
    }

    /// <summary>Plugs the reader back in.</summary>
    public void Plug()
    {
        lock (_gate)
        {
            _unplugged = false;
        }
    }

    /// <summary>Opens the device as a reader's factory would; throws while unplugged.</summary>
    public IKeyboardDevice Open()
    {
        lock (_gate)
        {
            _openAttempts++;
            if (_unplugged)
            {
                throw new IOException("simulated keyboard reader: No such file or directory (ENOENT), not plugged in");
            }

            _keys?.Writer.TryComplete();
            _keys = Channel.CreateUnbounded<ushort>();
            return new Device(this, _keys);
        }
    }

    private static ushort Code(char c)
    {
        if (c == '\n')
        {
            return KeyCodes.Enter;
        }

        if (char.IsAsciiDigit(c))
        {
            return c == '0' ? KeyCodes.Key0 : (ushort)(KeyCodes.Key1 + (c - '1'));
        }

        var letter = char.IsAsciiLetter(c) ? Letters.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal) : -1;
        return letter >= 0 ? (ushort)(FirstLetterCode + letter) : SymbolCode;
    }

    private sealed class Device(SimulatedKeyboard keyboard, Channel<ushort> keys) : IKeyboardDevice
    {
        public async ValueTask<ushort> ReadKeyAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await keys.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException e)
            {
                throw new IOException(e.InnerException?.Message ?? "simulated keyboard reader: closed", e);
            }
        }

        public void Dispose()
        {
            lock (keyboard._gate)
            {
                keys.Writer.TryComplete();
                if (ReferenceEquals(keyboard._keys, keys))
                {
                    keyboard._keys = null;
                }
            }
        }
    }
}
