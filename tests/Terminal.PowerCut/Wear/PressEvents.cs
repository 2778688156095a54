using System.Text;

namespace Terminal.PowerCut.Wear;

/// <summary>
/// The three events one press of a rating key commits in session mode (session opened, rating,
/// session closed: RatingSessions.Press), as envelopes of the sizes the terminal writes (docs/mqtt.md#envelope).
/// </summary>
internal static class PressEvents
{
    private const string Envelope =
        "{{\"v\":1,\"id\":\"0193a5c2-7d1e-7c3a-9f10-{0:D12}\",\"seq\":{0},\"type\":\"{1}\",\"terminal\":\"SIM-0001\",\"hall\":\"DEV\",\"window\":\"1\"," +
        "\"at\":\"2026-11-21T10:00:03.120Z\",\"clockSynced\":false,\"boot\":\"5f0c6a1e-2b44-4f0e-9d7a-3c1b2a9e8d11\",\"upMs\":8123456,\"staff\":null,\"data\":{2}}}";

    public static readonly (string Type, string Data)[] Press =
    [
        ("session", "{\"session\":\"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77\",\"action\":\"opened\",\"source\":\"citizen\",\"outcome\":null,\"case\":null}"),
        ("rating", "{\"session\":\"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77\",\"level\":5,\"label\":\"非常满意\",\"key\":\"k5\",\"reasons\":[],\"invited\":false,\"latencyMs\":0,\"case\":null,\"misuse\":null,\"count\":1}"),
        ("session", "{\"session\":\"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77\",\"action\":\"closed\",\"source\":\"citizen\",\"outcome\":\"rated\",\"case\":null}"),
    ];

    public static byte[] Encode(long seq, int index) =>
        Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Envelope, seq, Press[index].Type, Press[index].Data));
}
