namespace Terminal.TestUtils.Contract;

/// <summary>An operation of the terminal: <c>send</c> (it publishes) or <c>receive</c> (it subscribes).</summary>
/// <param name="Id">The operation's key under <c>operations</c>.</param>
/// <param name="Action"><c>send</c> or <c>receive</c>.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Messages">The messages it carries.</param>
/// <param name="Qos">The MQTT binding's QoS, or null.</param>
/// <param name="Retain">The MQTT binding's retain flag, or null.</param>
/// <param name="Reply">The reply's messages (commands), or empty.</param>
/// <param name="ReplyLocation">The reply address's runtime expression, or null.</param>
public sealed record AsyncApiOperation(
    string Id,
    string Action,
    AsyncApiChannel Channel,
    IReadOnlyList<AsyncApiMessage> Messages,
    int? Qos,
    bool? Retain,
    IReadOnlyList<AsyncApiMessage> Reply,
    string? ReplyLocation)
{
    /// <summary>Whether the terminal publishes on this operation's channel.</summary>
    public bool IsSend => Action == "send";
}
