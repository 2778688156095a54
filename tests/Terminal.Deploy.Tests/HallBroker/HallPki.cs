using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// The test hall's and the test centre's certificates, made once per test class by the shipped
/// deploy/hall-broker/hall-pki exactly as the README tells an operator to.
/// </summary>
public sealed class HallPki : IDisposable
{
    public const string Hall = "H-TEST";
    public const string PlatformName = "test";

    /// <summary>A second program of the hall server with its own identity: the queue system that opens sessions.</summary>
    public const string QueueProgram = "queue";

    /// <summary>Issued by the hall CA, then taken off the broker's list (a device taken out of service).</summary>
    public const string Unlisted = "T-0009";

    public static readonly string[] Terminals = ["T-0001", "T-0002", "T-0003", "T-0004", "T-0005"];

    private readonly TempDir _dir = new("hall-pki-");

    public HallPki()
    {
        Run.Require("openssl", "openssl");
        Pki("ca", HallDir, "Hall H-TEST CA");
        Pki("broker", HallDir, "localhost", "127.0.0.1");
        foreach (var terminal in Terminals.Append(Unlisted))
        {
            Pki("terminal", HallDir, terminal);
        }

        Pki("hall-server", HallDir, Hall);
        Pki("hall-server", HallDir, Hall, QueueProgram);
        Pki("bridge", HallDir, Hall);
        Pki("ca", CentralDir, "Test Centre CA");
        Pki("broker", CentralDir, "localhost", "127.0.0.1");
        Pki("platform", CentralDir, PlatformName);
        File.WriteAllLines(TerminalList, File.ReadAllLines(TerminalList).Where(id => id != Unlisted));
    }

    public string HallDir => _dir["hall"];

    public string CentralDir => _dir["central"];

    /// <summary>hall-pki's list of the hall's terminals (minus <see cref="Unlisted"/>): what the hall broker admits.</summary>
    public string TerminalList => Path.Combine(HallDir, "terminals.list");

    public string HallBrokerTls => Path.Combine(HallDir, "broker");

    public string CentralBrokerTls => Path.Combine(CentralDir, "broker");

    internal CertificateIdentity HallServer => CertificateIdentity.In($"hall-server.{Hall}", Path.Combine(HallDir, "hall-server"));

    internal CertificateIdentity QueueSystem => CertificateIdentity.In($"{QueueProgram}.hall-server.{Hall}", Path.Combine(HallDir, $"hall-server-{QueueProgram}"));

    internal CertificateIdentity Platform => CertificateIdentity.In($"platform.{PlatformName}", Path.Combine(CentralDir, "platform", PlatformName));

    internal CertificateIdentity Terminal(string id) => CertificateIdentity.In(id, Path.Combine(HallDir, "terminals", id));

    /// <summary>Runs the shipped hall-pki; a refusal fails the test with its output.</summary>
    internal static ProcessResult Pki(params string[] args)
    {
        var result = Run.Tool(Repo.Deploy("hall-broker/hall-pki"), args);
        Assert.True(result.ExitCode == 0, $"hall-pki {string.Join(' ', args)}: {result}");
        return result;
    }

    public void Dispose() => _dir.Dispose();
}
