using System.Text;

namespace Terminal.Benchmarks.Mqtt;

/// <summary>Event envelopes of realistic size (docs/mqtt.md#envelope), one JSON line each.</summary>
internal static class MqttBenchEvents
{
    public const string Topic = "eval/v1/H-01/T-0412/event/rating";

    public static byte[] Envelope(long seq) => Encoding.UTF8.GetBytes(
        $$$"""{"v":1,"id":"0193a5c2-7d1e-7c3a-9f10-{{{seq:x12}}}","seq":{{{seq}}},"type":"rating","terminal":"T-0412","hall":"H-01","window":"12","at":"2026-11-21T10:00:03.120Z","clockSynced":true,"boot":"5f0c9a7e-1b2c-4d5e-8f90-a1b2c3d4e5f6","upMs":8123456,"staff":"S-1034","data":{"session":"s-{{{seq}}}","level":5,"label":"非常满意","key":"k5","reasons":[],"invited":true,"latencyMs":5230,"case":null,"misuse":null,"count":1}}""");
}
