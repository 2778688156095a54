namespace Terminal.Hardware.Keys;

/// <summary>A key as the board file names it (e.g. <c>rate5</c>, <c>invite</c>) and its line offset.</summary>
/// <param name="Name">The key's name in the board file.</param>
/// <param name="Offset">Its line on the chip.</param>
public readonly record struct KeyId(string Name, int Offset);
