using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Update;

/// <summary>
/// A device's filesystem in a temporary root (TERMINAL_ROOT): one installed release behind the
/// <c>current</c> symlink, the trusted update key, and a stand-in <c>systemctl</c> on PATH that
/// "runs" whatever release <c>current</c> points at when restarted. A release's file
/// <c>stand-in-behaviour</c> says whether it reaches READY (<c>ready</c>) or not (<c>never-ready</c>).
/// </summary>
internal sealed class DeviceRoot : IDisposable
{
    private const string SystemctlStandIn = """
        #!/bin/bash
        state="$TERMINAL_ROOT/systemctl"; mkdir -p "$state"
        echo "$*" >> "$state/calls.log"
        case "$1" in
          restart)
            echo $(( $(cat "$state/pid" 2>/dev/null || echo 100) + 1 )) > "$state/pid"
            cat "$TERMINAL_ROOT/opt/terminal/current/stand-in-behaviour" > "$state/behaviour" 2>/dev/null || echo ready > "$state/behaviour"
            readlink "$TERMINAL_ROOT/opt/terminal/current" > "$state/running" ;;
          is-active)
            if [ "$(cat "$state/behaviour" 2>/dev/null || echo ready)" = ready ]; then echo active; else echo activating; exit 3; fi ;;
          show) cat "$state/pid" 2>/dev/null || echo 0 ;;
        esac
        exit 0
        """;

    private readonly TempDir _dir = new("device-");

    public DeviceRoot(string installed = "1.0.0")
    {
        AddRelease(installed, "ready");
        Directory.CreateSymbolicLink(Opt("current"), "releases/" + installed);
        Directory.CreateDirectory(_dir["var/lib/terminal"]);
        _dir.Write("bin/systemctl", SystemctlStandIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path => _dir.Path;

    public string Opt(string relative) => _dir["opt/terminal/" + relative];

    public string? LinkTarget(string name) => new FileInfo(Opt(name)).LinkTarget;

    /// <summary>Which release the stand-in service last started, e.g. <c>releases/1.0.0</c>.</summary>
    public string? Running => File.Exists(_dir["systemctl/running"]) ? File.ReadAllText(_dir["systemctl/running"]).Trim() : null;

    public string SystemctlCalls => File.Exists(_dir["systemctl/calls.log"]) ? File.ReadAllText(_dir["systemctl/calls.log"]) : "";

    public string LastUpdate => File.ReadAllText(_dir["var/lib/terminal/last-update.json"]);

    public void TrustKey(string publicKeyPem) => _dir.Write("etc/terminal/update-key.pem", publicKeyPem);

    public void AddRelease(string version, string behaviour)
    {
        var dir = Opt("releases/" + version);
        Directory.CreateDirectory(dir);
        File.WriteAllText(System.IO.Path.Combine(dir, "terminal.dll"), "release " + version);
        File.WriteAllText(System.IO.Path.Combine(dir, "stand-in-behaviour"), behaviour);
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
