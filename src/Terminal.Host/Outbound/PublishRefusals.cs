namespace Terminal.Host.Outbound;

/// <summary>
/// Which PUBACK refusals (MQTT 5 §3.4.2.1) end an event's delivery and which are retried. Only a
/// refusal of the message itself is final; one about this terminal (not authorized: the hall has
/// not listed it yet), the broker's quota or state passes, and the event must not be lost to it.
/// </summary>
internal static class PublishRefusals
{
    /// <summary>Topic Name invalid: the topic is built from the identity, resending it cannot help.</summary>
    public const int TopicNameInvalid = 0x90;

    /// <summary>Payload format invalid: the broker will refuse the same bytes again.</summary>
    public const int PayloadFormatInvalid = 0x99;

    /// <summary>The first pause after a refusal to be retried.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between retries (a terminal waiting to be listed asks once a minute).</summary>
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    /// <summary>Whether refusal <paramref name="reasonCode"/> means the broker will never take this message.</summary>
    public static bool IsFinal(int reasonCode) => reasonCode is TopicNameInvalid or PayloadFormatInvalid;

    /// <summary>The pause after <paramref name="previous"/>: doubled, up to <see cref="LongestRetry"/>.</summary>
    public static TimeSpan Next(TimeSpan? previous) =>
        previous is { } p ? TimeSpan.FromTicks(Math.Min(p.Ticks * 2, LongestRetry.Ticks)) : FirstRetry;
}
