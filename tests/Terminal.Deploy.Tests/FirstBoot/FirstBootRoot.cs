using Terminal.Deploy.Tests.Support;
using Terminal.Deploy.Tests.Update;

namespace Terminal.Deploy.Tests.FirstBoot;

/// <summary>
/// A freshly flashed device in a temporary root: the boot partition folder the engineer filled,
/// and stand-ins on PATH for dpkg, terminalctl and systemctl that record how they were called
/// (dpkg --print-architecture answers the device's architecture).
/// </summary>
internal sealed class FirstBootRoot : IDisposable
{
    private const string Recorder = """
        #!/bin/bash
        [ "$(basename "$0") $1" = "dpkg --print-architecture" ] && { cat "$TERMINAL_ROOT/architecture"; exit 0; }
        echo "$(basename "$0") $*" >> "$TERMINAL_ROOT/calls.log"
        [ "$(basename "$0")" = terminalctl ] && [ -f "$TERMINAL_ROOT/terminalctl-refuses" ] && { echo "provision: --hall 'bad hall' is not a valid id" >&2; exit 1; }
        exit 0
        """;

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TempDir _dir = new("firstboot-");

    public FirstBootRoot(string architecture = "arm64")
    {
        _dir.Write("architecture", architecture + "\n");
        foreach (var tool in new[] { "dpkg", "terminalctl", "systemctl", "apt-get" })
        {
            _dir.Write("stand-in/" + tool, Recorder, Executable);
        }

        Directory.CreateDirectory(_dir["run/systemd/system"]);
        _dir.Write("boot/firmware/cmdline.txt", "console=tty1 root=PARTUUID=1234-02 rootwait systemd.run=/boot/firmware/terminal/terminal-firstboot systemd.run_success_action=reboot systemd.unit=kernel-command-line.target\n");
    }

    public string this[string relative] => _dir[relative];

    public string Calls => File.Exists(_dir["calls.log"]) ? File.ReadAllText(_dir["calls.log"]) : "";

    public string Boot(string name) => _dir["boot/firmware/terminal/" + name];

    public void Drop(string name, string content, UnixFileMode? mode = null) => _dir.Write("boot/firmware/terminal/" + name, content, mode);

    public string DropPackage(string version, string architecture = "all", string name = "terminal")
    {
        Directory.CreateDirectory(_dir["boot/firmware/terminal"]);
        return ReleasePackage.Build(_dir["boot/firmware/terminal"], version, "ready", architecture, name);
    }

    public void TerminalctlRefuses() => _dir.Write("terminalctl-refuses", "");

    public ProcessResult Run() => Support.Run.Tool(
        Repo.Deploy("terminal-firstboot"),
        [],
        new Dictionary<string, string?>
        {
            ["TERMINAL_ROOT"] = _dir.Path,
            ["PATH"] = _dir["stand-in"] + ":" + Environment.GetEnvironmentVariable("PATH"),
        },
        TimeSpan.FromSeconds(60));

    public void Dispose() => _dir.Dispose();
}
