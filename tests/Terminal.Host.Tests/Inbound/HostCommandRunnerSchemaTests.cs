using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Attendance;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Updates;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Host.Inbound;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.Outbound;
using Terminal.Host.SelfTest;
using Terminal.Host.Updates;
using Terminal.TestUtils.Contract;

namespace Terminal.Host.Tests.Inbound;

/// <summary>
/// The commands the host carries out (status.get, selftest.run, update.apply), parsed and answered as
/// the terminal does, reply in the form of docs/schemas/reply-*.schema.json; the status document in
/// each window state is valid.
/// </summary>
public sealed class HostCommandRunnerSchemaTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("host-commands-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _package = RandomNumberGenerator.GetBytes(10_000);
    private readonly ServiceWindow _window = new(WindowSettings.Default, KeyLayout.FiveKeys, new EventFactory(new TerminalIdentity("T-0412", "H-01", "12"), new FixedDeviceClock(true)), TimeProvider.System);
    private HostCommandRunner? _runner;

    public HostCommandRunnerSchemaTests() => File.WriteAllText(Path.Combine(_dir, "update-key.pem"), _key.ExportSubjectPublicKeyInfoPem());

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
        var answered = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _runner = Runner();
        _runner.Start(outcome, Snapshot(), r =>
        {
            answered.SetResult(r);
            return Task.CompletedTask;
        });
        var result = await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        PayloadSchemas.AssertValid($"reply-{name}", JsonDocument.Parse(result.ToJson()).RootElement, $"the reply to {name} ({payload})");
        Assert.Equal(payload != "tampered", result.Ok);
    }

    [Fact]
    public void StatusDocument_IsValid_UnstaffedStaffedPausedOfflineAndWithABacklog()
    {
        var buffer = new StatsBuffer(StatsBuffer.Empty);
        var reporter = new StatusReporter(new SnapshotFeed(Snapshot()), buffer, new FixedDeviceClock(false), "simulator", TimeProvider.System);
        var documents = new List<StatusDocument> { reporter.Current(Snapshot()), reporter.Current(Snapshot(), "offline") };

        _window.ApplyRoster(new Roster(1, [new RosterEntry("S-1034", "张敏", null, ["H10301:12:34567"])]));
        _window.OnBadge(new BadgeSwipe("H10301", 12, 34567));
        documents.Add(reporter.Current(Snapshot()));
        _window.OnKey(new KeyInput("pause", KeyRole.Pause, null, null, KeyAction.Pressed));
        documents.Add(reporter.Current(Snapshot()));
        buffer.Stats = StatsBuffer.Empty with { Pending = 3, OldestAt = DateTimeOffset.UtcNow, NearFull = true };
        documents.Add(reporter.Current(Snapshot()));

        Assert.Equal(["unstaffed", "unstaffed", "staffed", "paused", "paused"], documents.Select(d => d.Window.State));
        Assert.All(documents, d => PayloadSchemas.AssertValid("status", JsonDocument.Parse(d.ToUtf8()).RootElement, $"status {d.State}/{d.Window.State}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private LoopSnapshot Snapshot() => new(0, Tick.Instance, [], [], _window.Snapshot());

    private HostCommandRunner Runner()
    {
        var reporter = new StatusReporter(new SnapshotFeed(Snapshot()), new StatsBuffer(StatsBuffer.Empty), new FixedDeviceClock(true), "simulator", TimeProvider.System);
        var selfTest = new SelfTestRunner(
            [new BufferCheck(new StatsBuffer(StatsBuffer.Empty), _dir), new ClockCheck(new FixedDeviceClock(false))],
            "simulator",
            TimeProvider.System,
            NullLogger<SelfTestRunner>.Instance);
        var updates = new UpdateStager(_dir, [Path.Combine(_dir, "update-key.pem")], (_, _) => Task.FromResult<Stream>(new MemoryStream(_package)));
        return new HostCommandRunner(reporter, selfTest, updates, TimeProvider.System, NullLogger<HostCommandRunner>.Instance);
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
