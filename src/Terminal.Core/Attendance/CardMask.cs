namespace Terminal.Core.Attendance;

/// <summary>
/// Card numbers as they may be shown or logged: all but the last 4 characters masked (SPEC §5.2).
/// The event payload carries the full number; nothing else does.
/// </summary>
public static class CardMask
{
    /// <summary><c>1234567</c> → <c>***4567</c>; four characters or fewer are masked whole.</summary>
    public static string Mask(string card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Length <= 4 ? new string('*', card.Length) : new string('*', card.Length - 4) + card[^4..];
    }
}
