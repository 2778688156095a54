using System.Text;
using Terminal.Storage;

namespace Terminal.Benchmarks.Buffer;

/// <summary>Drafts shaped like real rating envelopes (~330 bytes of JSON, docs/mqtt.md#envelope).</summary>
internal static class BenchEvents
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 10, 0, 3, TimeSpan.Zero);

    public static EventDraft Rating() => new("rating", false, At, Envelope);

    public static byte[] Envelope(long seq) => Encoding.UTF8.GetBytes(
        "{\"v\":1,\"id\":\"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77\",\"seq\":" + seq +
        ",\"type\":\"rating\",\"terminal\":\"T-0412\",\"hall\":\"H-01\",\"window\":\"12\",\"at\":\"2026-11-21T10:00:03.120Z\"," +
        "\"clockSynced\":true,\"boot\":\"5f0c2b1e-8a0d-4c1e-9d3b-2f6a7c8e9b10\",\"upMs\":8123456,\"staff\":\"S-1034\",\"data\":{\"session\":\"s-1\"," +
        "\"level\":5,\"label\":\"非常满意\",\"key\":\"k5\",\"reasons\":[],\"invited\":true,\"latencyMs\":2310,\"case\":null,\"misuse\":null,\"count\":1}}");
}
