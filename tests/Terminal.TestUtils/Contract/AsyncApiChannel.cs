using System.Text.RegularExpressions;

namespace Terminal.TestUtils.Contract;

/// <summary>A channel of the AsyncAPI document: its topic template (null for a requester-chosen reply topic) and messages.</summary>
/// <param name="Id">The channel's key under <c>channels</c>.</param>
/// <param name="Address">Topic template, e.g. <c>eval/v1/{hall}/{terminal}/status</c>; null when chosen at run time.</param>
/// <param name="Messages">The channel's messages, by key.</param>
public sealed record AsyncApiChannel(string Id, string? Address, IReadOnlyDictionary<string, AsyncApiMessage> Messages)
{
    /// <summary>The parameters named in <see cref="Address"/>, in order.</summary>
    public IReadOnlyList<string> Parameters =>
        Address is null ? [] : [.. Regex.Matches(Address, @"\{([^}]+)\}").Select(m => m.Groups[1].Value)];

    /// <summary>Whether a concrete topic is one of this channel's (each parameter one whole level).</summary>
    public bool Matches(string topic) =>
        Address is not null
        && Regex.IsMatch(topic, "^" + Regex.Replace(Regex.Escape(Address).Replace(@"\{", "{", StringComparison.Ordinal), @"\{[^}]+\}", "[^/+#]+") + "$");

    /// <summary>The concrete topic for the given parameter values.</summary>
    public string Topic(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var address = Address ?? throw new InvalidOperationException($"channel {Id} has no address: the requester chooses it");
        foreach (var parameter in Parameters)
        {
            address = address.Replace("{" + parameter + "}", values[parameter], StringComparison.Ordinal);
        }

        return address;
    }
}
