using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Terminal.TestUtils.Broker;

/// <summary>
/// A real Mosquitto (<c>/usr/sbin/mosquitto</c>) on 127.0.0.1 and a free port, for integration tests.
/// The port, the configuration and the persistence directory live as long as this object, so
/// <see cref="Stop"/> + <see cref="Start"/> (or <see cref="Restart"/>) brings back the same broker with
/// its retained messages and sessions. <see cref="Dispose"/> kills it and deletes its directory.
/// </summary>
/// <example>
/// <code>
/// using var broker = new MosquittoBroker();
/// broker.Start();                       // returns once it accepts connections
/// var uri = broker.Uri;                 // mqtt://127.0.0.1:PORT (mqtts:// with Tls)
/// </code>
/// </example>
public sealed class MosquittoBroker : IDisposable
{
    /// <summary>How long <see cref="Start"/> waits for the broker to accept connections.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful stop may take before the broker is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _configPath;
    private readonly bool _tlsListener;
    private Process? _process;

    /// <summary>Prepares a broker; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="extraConfig">Extra mosquitto.conf lines for the listener, e.g. <c>max_inflight_messages 5</c>.</param>
    /// <param name="tls">A TLS listener instead of plain TCP, or null.</param>
    /// <param name="executable">The broker binary.</param>
    public MosquittoBroker(IEnumerable<string>? extraConfig = null, MosquittoTls? tls = null, string executable = "/usr/sbin/mosquitto")
        : this((_, _) => string.Empty, tls is not null, executable)
    {
        Tls = tls;
        File.WriteAllText(_configPath, BuildConfig(extraConfig ?? []));
    }

    private MosquittoBroker(Func<int, string, string> configure, bool tlsListener, string executable)
    {
        Executable = executable;
        _tlsListener = tlsListener;
        Port = FreeTcpPort();
        DataDir = Directory.CreateTempSubdirectory("mosquitto-").FullName;
        LogPath = Path.Combine(DataDir, "mosquitto.log");
        _configPath = Path.Combine(DataDir, "mosquitto.conf");
        File.WriteAllText(_configPath, configure(Port, DataDir));
    }

    /// <summary>
    /// A broker run from a configuration the caller writes, e.g. a shipped one rendered for the test:
    /// <paramref name="configure"/> gets the free port and the data directory and returns mosquitto.conf,
    /// which should log to <see cref="LogPath"/> (<c>DataDir/mosquitto.log</c>) and, as root, keep
    /// <c>user root</c> (Mosquitto would drop to user mosquitto, who cannot write the temp directory).
    /// </summary>
    /// <param name="configure">(port, data directory) → the whole mosquitto.conf.</param>
    /// <param name="tlsListener">Whether the listener is TLS (for <see cref="Uri"/>).</param>
    /// <param name="executable">The broker binary.</param>
    public static MosquittoBroker FromConfiguration(Func<int, string, string> configure, bool tlsListener, string executable = "/usr/sbin/mosquitto") =>
        new(configure, tlsListener, executable);

    /// <summary>The broker binary.</summary>
    public string Executable { get; }

    /// <summary>The TLS listener settings, or null for plain TCP.</summary>
    public MosquittoTls? Tls { get; }

    /// <summary>The loopback port, fixed for the life of this object.</summary>
    public int Port { get; }

    /// <summary><c>mqtt://127.0.0.1:PORT</c>, or <c>mqtts://localhost:PORT</c> with TLS (certificates name localhost).</summary>
    public Uri Uri => _tlsListener ? new Uri($"mqtts://localhost:{Port}") : new Uri($"mqtt://127.0.0.1:{Port}");

    /// <summary>Temp directory with the configuration, the log and the persistence file.</summary>
    public string DataDir { get; }

    /// <summary>The broker's log file (useful in assertion messages).</summary>
    public string LogPath { get; }

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running broker's process id.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The broker is not running.");

    /// <summary>Starts the broker and returns once it accepts TCP connections.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not listen within <see cref="StartTimeout"/> (the log is in the message).</exception>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is already running.");
        }

        var info = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_configPath);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        WaitUntilListening(process);
    }

    /// <summary>Graceful stop (SIGTERM): sessions and retained messages are saved; waits for exit.</summary>
    public void Stop() => StopWith(graceful: true);

    /// <summary>Hard stop (SIGKILL): nothing is saved since the last autosave.</summary>
    public void Kill() => StopWith(graceful: false);

    /// <summary>Graceful stop, then start again on the same port with the same state.</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    /// <summary>Kills the broker and deletes its directory.</summary>
    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp dir is cleaned by the system.
        }
    }

    /// <summary>The broker log so far.</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    private void StopWith(bool graceful)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                if (graceful)
                {
                    // A graceful stop saves the persistence file (sessions, queued messages); on a
                    // loaded machine that can take a while, and a kill would lose them.
                    SendSigterm(process.Id);
                    if (!process.WaitForExit(StopTimeout))
                    {
                        process.Kill();
                    }
                }
                else
                {
                    process.Kill();
                }
            }

            process.WaitForExit();
        }
    }

    private void WaitUntilListening(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                _process = null;
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode}:\n{ReadLog()}");
            }

            using var client = new TcpClient();
            try
            {
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: poll again; the process check above catches a failed start.
                process.WaitForExit(TimeSpan.FromMilliseconds(20));
            }
        }

        StopWith(graceful: false);
        throw new InvalidOperationException($"mosquitto did not listen on {Port} within {StartTimeout}:\n{ReadLog()}");
    }

    private string BuildConfig(IEnumerable<string> extraConfig)
    {
        var conf = new StringBuilder();
        // Mosquitto drops root privileges to user "mosquitto", which could not write our temp dir.
        conf.AppendLine($"user {Environment.UserName}");
        conf.AppendLine("persistence true");
        conf.AppendLine($"persistence_location {DataDir}/");
        conf.AppendLine($"log_dest file {LogPath}");
        conf.AppendLine("log_type error");
        conf.AppendLine("log_type warning");
        conf.AppendLine("log_type notice");
        conf.AppendLine("log_type information");
        conf.AppendLine("log_timestamp_format %H:%M:%S");
        conf.AppendLine("per_listener_settings false");
        conf.AppendLine("allow_anonymous true");
        conf.AppendLine($"listener {Port} 127.0.0.1");
        if (Tls is not null)
        {
            conf.AppendLine($"cafile {Tls.CaFile}");
            conf.AppendLine($"certfile {Tls.CertFile}");
            conf.AppendLine($"keyfile {Tls.KeyFile}");
            conf.AppendLine($"require_certificate {(Tls.RequireClientCertificate ? "true" : "false")}");
            conf.AppendLine("tls_version tlsv1.2");
        }

        foreach (var line in extraConfig)
        {
            conf.AppendLine(line);
        }

        return conf.ToString();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void SendSigterm(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
    }
}
