using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Terminal.Host.Tests.EndToEnd;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Images;
using Terminal.TestUtils.Network;

namespace Terminal.Browser.Tests.Support;

/// <summary>The hall server's side: a real Mosquitto, the retained roster on it, staff photos over HTTP.</summary>
public sealed class Hall : IDisposable
{
    public const string Card = "34567";
    public const string Facility = "12";

    public Hall()
    {
        Broker.Start();
        Photos.Start();
    }

    public MosquittoBroker Broker { get; } = new();

    public StaticHttpServer Photos { get; } = new();

    /// <summary>张敏's photo as the hall server serves it.</summary>
    public byte[] Photo { get; } = TestPng.Portrait(240, 320);

    /// <summary>Publishes the retained roster: 张敏 (S-1034) with card 12:34567, photo, pledge, badges, stars.</summary>
    public Task PublishRosterAsync(int version = 1, JsonObject? extra = null)
    {
        var entry = new JsonObject
        {
            ["staff"] = "S-1034",
            ["name"] = "张敏",
            ["title"] = "综合窗口",
            ["cards"] = new JsonArray($"H10301:{Facility}:{Card}"),
            ["photo"] = new JsonObject { ["url"] = Photos.Serve("/photos/S-1034.png", Photo), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Photo)) },
            ["pledge"] = "热情服务，一次办好",
            ["badges"] = new JsonArray("party-member", "model-post"),
            ["stars"] = 5,
            ["phone"] = "unknown fields are ignored",
        };
        var staff = new JsonArray(entry);
        if (extra is not null)
        {
            staff.Add(extra);
        }

        return Publisher.PublishAsync(Broker, "eval/v1/DEV/roster", new JsonObject { ["version"] = version, ["staff"] = staff }.ToJsonString(), retain: true);
    }

    /// <summary>The queue system opens a session with a case.</summary>
    public Task OpenSessionAsync(string session, string itemName, string ticket) =>
        Publisher.PublishAsync(Broker, "eval/v1/DEV/SIM-0001/cmd/session.open", new JsonObject
        {
            ["session"] = session,
            ["caseNo"] = "2026-000123",
            ["itemCode"] = "110105",
            ["itemName"] = itemName,
            ["ticket"] = ticket,
        }.ToJsonString());

    public void Dispose()
    {
        Photos.Dispose();
        Broker.Dispose();
    }
}
