using System.Globalization;
using Terminal.Deploy.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// Real Mosquitto processes run from the shipped configuration: deploy/hall-broker/hall-broker-config
/// writes the conf.d drop-ins and the Dynamic Security file for a free 127.0.0.1 port and temporary
/// paths, under a main file shaped like Debian's /etc/mosquitto/mosquitto.conf.
/// </summary>
internal static class ShippedBrokers
{
    /// <summary>The hall broker of <see cref="HallPki.Hall"/>, bridged to <paramref name="central"/> when given.</summary>
    public static MosquittoBroker Hall(HallPki pki, MosquittoBroker? central = null) =>
        Start((port, data) => Configure(data, [
            "hall", "--hall", HallPki.Hall, "--terminals", pki.TerminalList, "--tls", pki.HallBrokerTls,
            .. Common(port, data),
            .. central is null ? Array.Empty<string>() : ["--central", $"127.0.0.1:{central.Port}", "--bridge-tls", pki.BridgeTls],
        ]));

    /// <summary>The central broker, admitting the bridge of <see cref="HallPki.Hall"/> and the platform.</summary>
    public static MosquittoBroker Central(HallPki pki) =>
        Start((port, data) => Configure(data, [
            "central", "--hall", HallPki.Hall, "--platform", HallPki.PlatformName, "--tls", pki.CentralBrokerTls,
            .. Common(port, data),
        ]));

    private static MosquittoBroker Start(Func<int, string, string> configure)
    {
        var broker = MosquittoBroker.FromConfiguration(configure, tlsListener: true);
        try
        {
            broker.Start();
            return broker;
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    private static string[] Common(int port, string data) =>
        ["--listen", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--state", data, "--out", Path.Combine(data, "conf.d")];

    private static string Configure(string data, string[] args)
    {
        var result = Run.Tool(Repo.Deploy("hall-broker/hall-broker-config"), args);
        Assert.True(result.ExitCode == 0, $"hall-broker-config {string.Join(' ', args)}: {result}");

        // Debian's main file: persistence and logging there, everything of the hall in conf.d. As
        // root the broker stays root: user mosquitto could not write the temp directory.
        return $"""
            user {Environment.UserName}
            persistence true
            persistence_location {data}/
            log_dest file {data}/mosquitto.log
            log_type error
            log_type warning
            log_type notice
            log_type information
            log_timestamp_format %H:%M:%S
            include_dir {data}/conf.d

            """;
    }
}
