namespace Terminal.Host.SelfTest;

/// <summary>Card numbers as they may be shown or logged: all but the last 4 digits masked (SPEC §5.2).</summary>
internal static class CardMask
{
    public static string? Mask(string? card) =>
        card is null ? null
        : card.Length <= 4 ? new string('*', card.Length)
        : new string('*', card.Length - 4) + card[^4..];
}
