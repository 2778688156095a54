using System.Globalization;
using Terminal.Deploy.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// Real Mosquitto processes run from the shipped configuration: deploy/hall-broker/hall-broker-config
/// writes the conf.d drop-ins and the Dynamic Security file for a free 127.0.0.1 port and temporary
/// paths, under a main file shaped like Debian's /etc/mosquitto/mosquitto.conf. The central broker
/// bridges into the hall broker, so the hall starts first.
/// </summary>
internal static class ShippedBrokers
{
    /// <summary>The hall broker of <see cref="HallPki.Hall"/>.</summary>
    public static MosquittoBroker Hall(HallPki pki) =>
        Start((port, data) => Configure(data, [
            "hall", "--hall", HallPki.Hall, "--terminals", pki.TerminalList, "--program", HallPki.QueueProgram, "--tls", pki.HallBrokerTls,
            .. Common(port, data),
        ]));

    /// <summary>The central broker, bridged into <paramref name="hall"/>, admitting the platform.</summary>
    public static MosquittoBroker Central(HallPki pki, MosquittoBroker hall) =>
        Start((port, data) => Configure(data, [
            "central", "--hall", $"{HallPki.Hall}=127.0.0.1:{hall.Port.ToString(CultureInfo.InvariantCulture)}", "--bridges-tls", BridgesTls(pki, data),
            "--platform", HallPki.PlatformName, "--tls", pki.CentralBrokerTls, .. Common(port, data),
        ]));

    // What an operator copies from the hall's hall-pki to the central broker: DIR/bridge → BRIDGES/<hall>.
    private static string BridgesTls(HallPki pki, string data)
    {
        var target = Directory.CreateDirectory(Path.Combine(data, "bridges", HallPki.Hall)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(pki.HallDir, "bridge")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return Path.Combine(data, "bridges");
    }

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
