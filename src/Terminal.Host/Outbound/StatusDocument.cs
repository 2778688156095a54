using System.Text.Json;
using System.Text.Json.Nodes;

namespace Terminal.Host.Outbound;

/// <summary>The retained status document of SPEC §5.3.</summary>
internal sealed record StatusDocument(
    string State,
    string Version,
    string Board,
    string Boot,
    DateTimeOffset Since,
    WindowStatusDocument Window,
    BufferStatusDocument Buffer,
    IReadOnlyList<string> Faults,
    bool ClockSynced)
{
    public static JsonSerializerOptions JsonOptions => Terminal.Core.Events.EventJson.Options;

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    public JsonNode ToJsonNode() => JsonSerializer.SerializeToNode(this, JsonOptions)!;
}

/// <summary><c>window</c> of the status: <c>unstaffed</c>, <c>staffed</c> or <c>paused</c>.</summary>
internal sealed record WindowStatusDocument(string State, string? Staff, string? Name);

/// <summary><c>buffer</c> of the status.</summary>
internal sealed record BufferStatusDocument(long Pending, DateTimeOffset? OldestAt);
