using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Update;

/// <summary>
/// A device's filesystem in a temporary root (TERMINAL_ROOT): one installed release behind the
/// <c>current</c> symlink, the trusted update key, and a stand-in <c>systemctl</c> on PATH that
/// "runs" whatever release <c>current</c> points at when restarted. A release's file
/// <c>stand-in-behaviour</c> says whether it reaches READY (<c>ready</c>) or not (<c>never-ready</c>).
/// A stand-in <c>dpkg</c> answers <c>--print-architecture</c> with the device's architecture, and
/// <c>/usr/bin/dotnet</c> exists where the .NET runtime is installed (what the portable package needs).
/// </summary>
internal sealed class DeviceRoot : IDisposable
{
    private const string SystemctlStandIn = """
        #!/bin/bash
        # Like systemd with restart --no-block: the restart job takes effect after "lag" more
        # is-active queries (file systemctl/lag, default 0); until then the old process answers.
        state="$TERMINAL_ROOT/systemctl"; mkdir -p "$state"
        echo "$*" >> "$state/calls.log"
        start_current() {
            echo $(( $(cat "$state/pid" 2>/dev/null || echo 100) + 1 )) > "$state/pid"
            cat "$TERMINAL_ROOT/opt/terminal/current/stand-in-behaviour" > "$state/behaviour" 2>/dev/null || echo ready > "$state/behaviour"
            readlink "$TERMINAL_ROOT/opt/terminal/current" > "$state/running"
        }
        case "$1" in
          restart)
            lag=$(cat "$state/lag" 2>/dev/null || echo 0)
            if [ "$lag" -gt 0 ]; then echo "$lag" > "$state/pending"; else start_current; fi ;;
          is-active)
            if [ -f "$state/pending" ]; then
              left=$(( $(cat "$state/pending") - 1 ))
              if [ $left -le 0 ]; then rm -f "$state/pending"; start_current; else echo $left > "$state/pending"; fi
            fi
            if [ "$(cat "$state/behaviour" 2>/dev/null || echo ready)" = ready ]; then echo active; else echo activating; exit 3; fi ;;
          show) cat "$state/pid" 2>/dev/null || echo 0 ;;
        esac
        exit 0
        """;

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempDir _dir = new("device-");

    public DeviceRoot(string installed = "1.0.0", string architecture = "arm64", bool dotnetInstalled = true)
    {
        _dir.Write("bin/dpkg", $"#!/bin/sh\n[ \"$1\" = --print-architecture ] && {{ echo {architecture}; exit 0; }}\nexec /usr/bin/dpkg \"$@\"\n", Executable);
        if (dotnetInstalled)
        {
            _dir.Write("usr/bin/dotnet", "#!/bin/sh\n", Executable);
        }

        AddRelease(installed, "ready");
        Directory.CreateSymbolicLink(Opt("current"), "releases/" + installed);
        Directory.CreateDirectory(_dir["var/lib/terminal"]);
        _dir.Write("bin/systemctl", SystemctlStandIn, Executable);
    }

    public string Path => _dir.Path;

    public string Opt(string relative) => _dir["opt/terminal/" + relative];

    public string? LinkTarget(string name) => new FileInfo(Opt(name)).LinkTarget;

    /// <summary>Which release the stand-in service last started, e.g. <c>releases/1.0.0</c>.</summary>
    public string? Running => File.Exists(_dir["systemctl/running"]) ? File.ReadAllText(_dir["systemctl/running"]).Trim() : null;

    public string SystemctlCalls => File.Exists(_dir["systemctl/calls.log"]) ? File.ReadAllText(_dir["systemctl/calls.log"]) : "";

    public string LastUpdate => File.ReadAllText(_dir["var/lib/terminal/last-update.json"]);

    /// <summary>The restart job takes effect only after this many status queries.</summary>
    public void RestartLags(int queries) => _dir.Write("systemctl/lag", queries.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void TrustKey(string publicKeyPem) => _dir.Write("etc/terminal/update-key.pem", publicKeyPem);

    public void AddRelease(string version, string behaviour)
    {
        var dir = Opt("releases/" + version);
        Directory.CreateDirectory(dir);
        File.WriteAllText(System.IO.Path.Combine(dir, "terminal.dll"), "release " + version);
        File.WriteAllText(System.IO.Path.Combine(dir, "stand-in-behaviour"), behaviour);
        WriteLauncher(dir);
    }

    /// <summary>The release's <c>terminal</c> program that the unit starts (terminal-update requires it).</summary>
    public static void WriteLauncher(string release)
    {
        var launcher = System.IO.Path.Combine(release, "terminal");
        File.WriteAllText(launcher, "#!/bin/sh\n");
        File.SetUnixFileMode(launcher, Executable);
    }

    /// <summary>Every path under /opt/terminal with its symlink target or content, to prove nothing changed.</summary>
    public string Snapshot() => string.Join('\n', Directory
        .EnumerateFileSystemEntries(Opt(""), "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => new FileInfo(p) is { LinkTarget: { } target } ? $"{p} -> {target}"
            : File.Exists(p) ? $"{p} = {File.ReadAllText(p)}" : p));

    public ProcessResult Update(params string[] args) => Run.Tool(
        Repo.Deploy("terminal-update"),
        args,
        new Dictionary<string, string?>
        {
            ["TERMINAL_ROOT"] = Path,
            ["TERMINAL_UPDATE_POLL"] = "0.05",
            ["PATH"] = _dir["bin"] + ":" + Environment.GetEnvironmentVariable("PATH"),
        },
        TimeSpan.FromSeconds(60));

    public void Dispose() => _dir.Dispose();
}
