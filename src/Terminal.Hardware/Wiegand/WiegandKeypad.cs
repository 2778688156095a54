namespace Terminal.Hardware.Wiegand;

/// <summary>
/// Keypad bursts of Wiegand keypad readers: 4 bits per key (the key code), or 8 bits per key
/// (the code in the low nibble, its complement in the high nibble as a check). Codes 0–9 are the
/// digits, 10 is <c>*</c>, 11 is <c>#</c>.
/// </summary>
public static class WiegandKeypad
{
    private const string Keys = "0123456789*#";

    /// <summary>Decodes a 4- or 8-bit burst into its key.</summary>
    public static bool TryDecode(WiegandFrame frame, out char key)
    {
        key = default;
        int code;
        switch (frame.Length)
        {
            case 4:
                code = (int)frame.Value;
                break;
            case 8:
                code = (int)(frame.Value & 0xF);
                if ((frame.Value >> 4) != (~frame.Value & 0xF))
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        if (code >= Keys.Length)
        {
            return false;
        }

        key = Keys[code];
        return true;
    }

    /// <summary>The burst a keypad sends for <paramref name="key"/> (4 or 8 bits).</summary>
    /// <exception cref="ArgumentException">Not a keypad key, or a length other than 4 or 8.</exception>
    public static WiegandFrame Encode(char key, int length)
    {
        var code = Keys.IndexOf(key, StringComparison.Ordinal);
        if (code < 0 || length is not (4 or 8))
        {
            throw new ArgumentException($"a keypad burst is 4 or 8 bits for one of \"{Keys}\"", nameof(key));
        }

        var value = length == 4 ? (ulong)code : ((ulong)(~code & 0xF) << 4) | (uint)code;
        return new WiegandFrame(value, length);
    }
}
