using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Terminal.TestUtils.Broker;

namespace Terminal.Mqtt.Tests.Broker;

// The helper the integration tests stand on: checked with the Mosquitto command-line clients so a
// fault in it is not confused with a fault in our client.
public sealed class MosquittoBrokerTests
{
    [Fact]
    public void Start_AcceptsConnectionsOnItsLoopbackPort()
    {
        using var broker = new MosquittoBroker();
        broker.Start();

        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, broker.Port);
        Assert.True(client.Connected);
        Assert.Equal(new Uri($"mqtt://127.0.0.1:{broker.Port}"), broker.Uri);
    }

    [Fact]
    public void Restart_KeepsPortAndRetainedMessages()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        var port = broker.Port;
        Run("mosquitto_pub", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "t/retained", "-m", "kept", "-r", "-q", "1");

        broker.Restart();

        Assert.Equal(port, broker.Port);
        var output = Run("mosquitto_sub", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "t/retained", "-C", "1", "-W", "5");
        Assert.Equal("kept", output.Trim());
    }

    [Fact]
    public void Stop_RefusesConnectionsUntilStartedAgain()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        broker.Stop();

        Assert.False(broker.IsRunning);
        using (var refused = new TcpClient())
        {
            Assert.Throws<SocketException>(() => refused.Connect(IPAddress.Loopback, broker.Port));
        }

        broker.Start();
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, broker.Port);
    }

    [Fact]
    public void Start_WithInvalidConfig_FailsWithTheLog()
    {
        using var broker = new MosquittoBroker(extraConfig: ["no_such_option 1"]);

        var error = Assert.Throws<InvalidOperationException>(broker.Start);
        Assert.Contains("mosquitto exited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_KillsTheBrokerAndDeletesItsDirectory()
    {
        var broker = new MosquittoBroker();
        broker.Start();
        var pid = broker.ProcessId;

        broker.Dispose();

        Assert.False(Directory.Exists(broker.DataDir));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {error}");
        return output;
    }
}
