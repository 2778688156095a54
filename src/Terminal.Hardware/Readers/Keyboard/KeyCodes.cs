namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>The key codes a card reader types (<c>linux/input-event-codes.h</c>).</summary>
internal static class KeyCodes
{
    public const ushort Key1 = 2, Key0 = 11, Enter = 28, KeypadEnter = 96;

    // KEY_KP7, KEY_KP8, KEY_KP9, KEY_KP4 … KEY_KP0: the keypad's layout, not the digits' order.
    private static readonly Dictionary<ushort, char> Keypad = new()
    {
        [71] = '7', [72] = '8', [73] = '9', [75] = '4', [76] = '5', [77] = '6', [79] = '1', [80] = '2', [81] = '3', [82] = '0',
    };

    // Shift, Ctrl, Alt, Meta, Caps Lock, Num Lock: readers send them around digits; they are not input.
    private static readonly HashSet<ushort> Modifiers = [29, 42, 54, 56, 58, 69, 97, 100, 125, 126];

    /// <summary>The digit a key types, or null.</summary>
    public static char? Digit(ushort code) =>
        code is >= Key1 and <= Key0 ? (code == Key0 ? '0' : (char)('1' + code - Key1))
        : Keypad.TryGetValue(code, out var digit) ? digit
        : null;

    public static bool IsEnter(ushort code) => code is Enter or KeypadEnter;

    public static bool IsModifier(ushort code) => Modifiers.Contains(code);
}
