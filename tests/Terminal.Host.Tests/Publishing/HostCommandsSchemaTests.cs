using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Attendance;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Updates;
using Terminal.Core.Window;
using Terminal.Host.Publishing;
using Terminal.Host.SelfTest;
using Terminal.Host.Tests.SelfTest.Fakes;
using Terminal.Host.Updates;
using Terminal.TestUtils.Contract;

namespace Terminal.Host.Tests.Publishing;

/// <summary>
/// The commands the host carries out (status.get, selftest.run, update.apply), parsed and answered as
/// the terminal does, reply in the form of docs/schemas/reply-*.schema.json; the status document in
/// each window state is valid.
/// </summary>
public sealed class HostCommandsSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("host-commands-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _package = RandomNumberGenerator.GetBytes(10_000);
    private readonly ServiceWindow _window = new(new EventFactory(new TerminalIdentity("T-0412", "H-01", "12"), new FixedClock(true)), TimeProvider.System);

    public HostCommandsSchemaTests() => File.WriteAllText(Path.Combine(_dir, "update-key.pem"), _key.ExportSubjectPublicKeyInfoPem());

    public static TheoryData<string, string> Commands => new()
    {
        { "status.get", "" },
        { "status.get", """{"id":"s-1","replyTo":"hall/replies"}""" },
        { "selftest.run", """{"id":42}""" },
        { "update.apply", "signed" },
        { "update.apply", "tampered" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HostReply_IsValidAgainstTheCommandsReplySchema(string name, string payload)
    {
        var request = name == "update.apply" ? UpdateRequest(tampered: payload == "tampered") : payload;
        if (request.Length > 0)
        {
            PayloadSchemas.AssertValid($"command-{name}", JsonDocument.Parse(request).RootElement, $"the {name} request");
        }

        var outcome = new CommandHandler(_window).Handle(name, Encoding.UTF8.GetBytes(request));
        var result = await Host().RunAsync(outcome, CancellationToken.None);

        PayloadSchemas.AssertValid($"reply-{name}", JsonDocument.Parse(result.ToJson()).RootElement, $"the reply to {name} ({payload})");
        Assert.Equal(payload != "tampered", result.Ok);
    }

    [Fact]
    public void StatusDocument_IsValid_UnstaffedStaffedPausedOfflineAndWithABacklog()
    {
        var buffer = new StatsBuffer(StatsBuffer.Empty);
        var reporter = new StatusReporter(_window, buffer, new FixedClock(false), "simulator", TimeProvider.System);
        var documents = new List<StatusDocument> { reporter.Current(), reporter.Offline() };

        _window.ApplyRoster(new Roster(1, [new RosterEntry("S-1034", "张敏", null, ["H10301:12:34567"])]));
        _window.OnBadge(new BadgeSwipe("H10301", 12, 34567));
        documents.Add(reporter.Current());
        _window.OnKey(new Terminal.Core.Keys.KeyInput("pause", Terminal.Core.Keys.KeyRole.Pause, null, null, Terminal.Core.Keys.KeyAction.Pressed));
        documents.Add(reporter.Current());
        buffer.Stats = StatsBuffer.Empty with { Pending = 3, OldestAt = DateTimeOffset.UtcNow, NearFull = true };
        documents.Add(reporter.Current());

        Assert.Equal(["unstaffed", "unstaffed", "staffed", "paused", "paused"], documents.Select(d => d.Window.State));
        Assert.All(documents, d => PayloadSchemas.AssertValid("status", JsonDocument.Parse(d.ToUtf8()).RootElement, $"status {d.State}/{d.Window.State}"));
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private HostCommands Host()
    {
        var reporter = new StatusReporter(_window, new StatsBuffer(StatsBuffer.Empty), new FixedClock(true), "simulator", TimeProvider.System);
        var selfTest = new SelfTestRunner(
            [new BufferCheck(new StatsBuffer(StatsBuffer.Empty), _dir), new ClockCheck(new FixedClock(false))],
            "simulator",
            TimeProvider.System,
            NullLogger<SelfTestRunner>.Instance);
        var updates = new UpdateStager(_dir, [Path.Combine(_dir, "update-key.pem")], (_, _) => Task.FromResult<Stream>(new MemoryStream(_package)));
        return new HostCommands(reporter, selfTest, updates);
    }

    private string UpdateRequest(bool tampered)
    {
        var digest = SHA256.HashData(_package);
        var signature = UpdateSignature.Sign(digest, _key.ExportECPrivateKeyPem());
        if (tampered)
        {
            signature[^1] ^= 0x01;
        }

        return JsonSerializer.Serialize(new { url = "https://hall-server/terminal_0.2.0_all.deb", sha256 = Convert.ToHexStringLower(digest), signature = Convert.ToBase64String(signature) });
    }
}
