using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// A working hall for the forgery tests of one class: the shipped hall broker, the hall server
/// (subscribed to the whole hall) with roster version 17 retained, and terminal T-0001 online.
/// </summary>
public sealed class HallScene : IAsyncLifetime
{
    public const string Root = $"eval/v1/{HallPki.Hall}/T-0001";
    public const string Roster = """{"version":17,"staff":[{"staff":"S-1034","name":"张敏","cards":["H10301:12:34567"]}]}""";

    private MosquittoBroker? _broker;
    private MqttPeer? _hall;
    private TerminalUnderTest? _terminal;

    public HallPki Pki { get; } = new();

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("not started");

    public TerminalUnderTest Terminal => _terminal ?? throw new InvalidOperationException("not started");

    internal MqttPeer Hall => _hall ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _broker = ShippedBrokers.Hall(Pki);
        _hall = await MqttPeer.ConnectAsync(Broker.Uri, Pki.HallServer, [$"eval/v1/{HallPki.Hall}/#"]);
        Assert.True(await Hall.PublishAsync($"eval/v1/{HallPki.Hall}/roster", Roster, retain: true) < 0x80);
        _terminal = await HallTerminal.StartAsync(Pki, Broker, "T-0001");
        await Hall.WaitForAsync($"{Root}/status", "\"online\"");
        await Terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 17 cached", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the roster to be cached");
    }

    /// <summary>A status.get round trip with T-0001: it is connected and hears the hall server.</summary>
    internal async Task AssertTerminalAnswersAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        Assert.True(await Hall.PublishAsync($"{Root}/cmd/status.get", "{}", responseTopic: $"{Root}/reply/{id}", correlation: id) < 0x80);
        await Hall.WaitForAsync($"{Root}/reply/{id}", "\"ok\":true");
    }

    public async Task DisposeAsync()
    {
        _terminal?.Dispose();
        if (_hall is not null)
        {
            await _hall.DisposeAsync();
        }

        _broker?.Dispose();
        Pki.Dispose();
    }
}
