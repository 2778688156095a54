using System.Reflection;
using Terminal.Core.Identity;

namespace Terminal.Core.Settings;

/// <summary>
/// The settings table: every key of the <c>Terminal</c> configuration section, once (SPEC §6).
/// Adding a setting is one entry here; the configuration reader, <c>config.set</c>, the settings
/// layer and the documentation take it from <see cref="All"/>.
/// </summary>
public static class TerminalSettings
{
    private static readonly Lazy<IReadOnlyList<Setting>> Table = new(Collect);

    /// <summary>Every setting, in table order.</summary>
    public static IReadOnlyList<Setting> All => Table.Value;

    /// <summary>The settings <c>config.set</c> may change (SPEC §5.4): the window's rules.</summary>
    public static IReadOnlyList<Setting> SettableAtRunTime => [.. All.Where(s => s.SettableAtRunTime)];

    /// <summary>The setting with this key (case-insensitive, as in .NET configuration), or null.</summary>
    public static Setting? Find(string key) => All.FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who the terminal is and where it keeps its things.</summary>
    public static class Device
    {
        /// <summary><c>Terminal:TerminalId</c>.</summary>
        public static readonly TextSetting TerminalId = Id("Terminal:TerminalId", "This terminal's id, in every topic and event (e.g. T-0412).");

        /// <summary><c>Terminal:HallId</c>.</summary>
        public static readonly TextSetting HallId = Id("Terminal:HallId", "The service hall's id, in every topic and event (e.g. H-01).");

        /// <summary><c>Terminal:Window</c>.</summary>
        public static readonly TextSetting Window = new("Terminal:Window", "The window (counter) this terminal serves, as the hall names it (e.g. 12).", required: true);

        /// <summary><c>Terminal:Board</c>.</summary>
        public static readonly TextSetting Board = new("Terminal:Board", "The board file: a name under board-config/ (e.g. pi4-5key) or a path.", required: true, rule: "a board name or a path to a board file");

        /// <summary><c>Terminal:DataDir</c>.</summary>
        public static readonly TextSetting DataDir = new("Terminal:DataDir", "Where the event buffer, caches and the settings layer live.", "/var/lib/terminal", rule: "a directory");

        /// <summary><c>Terminal:Control:Socket</c>.</summary>
        public static readonly TextSetting ControlSocket = new("Terminal:Control:Socket", "The Unix socket terminalctl talks to (with --simulate: <DataDir>/control.sock).", "/run/terminal/control.sock", rule: "a path");
    }

    /// <summary>The hall broker (SPEC §5).</summary>
    public static class Broker
    {
        /// <summary><c>Terminal:Broker:Uris</c>.</summary>
        public static readonly UriListSetting Uris = new("Terminal:Broker:Uris", "broker URI", ["mqtt", "mqtts"], "mqtts://host:8883 or mqtt://host:1883", "Brokers to connect to, in order of preference; the terminal fails over between them.");

        /// <summary><c>Terminal:Broker:Protocol</c>.</summary>
        public static readonly ChoiceSetting<string> Protocol = new("Terminal:Broker:Protocol", "5", new Dictionary<string, string> { ["5"] = "5", ["3.1.1"] = "3.1.1" }, "MQTT protocol version: 5, or 3.1.1 as a fallback for old brokers.");

        /// <summary><c>Terminal:Broker:KeepAlive</c>.</summary>
        public static readonly DurationSetting KeepAlive = new("Terminal:Broker:KeepAlive", TimeSpan.FromSeconds(30), TimeSpan.Zero, TimeSpan.FromSeconds(ushort.MaxValue), "MQTT keep-alive; a silent link is found dead after 1.5 times this (0: off).");

        /// <summary><c>Terminal:Broker:Tls:Ca</c>.</summary>
        public static readonly TextSetting Ca = new("Terminal:Broker:Tls:Ca", "PEM file of the CA that signed the broker's certificate (the hall CA).", rule: "a readable file", kind: TextKind.File);

        /// <summary><c>Terminal:Broker:Tls:Cert</c>.</summary>
        public static readonly TextSetting Cert = new("Terminal:Broker:Tls:Cert", "PEM file of this device's client certificate (with Key).", rule: "a readable file", kind: TextKind.File);

        /// <summary><c>Terminal:Broker:Tls:Key</c>.</summary>
        public static readonly TextSetting Key = new("Terminal:Broker:Tls:Key", "PEM file of this device's private key (with Cert); not readable by every user.", rule: "a readable file, mode 0640 or stricter", kind: TextKind.SecretFile);

        /// <summary><c>Terminal:Broker:Username</c>.</summary>
        public static readonly TextSetting Username = new("Terminal:Broker:Username", "MQTT user name, when the broker wants one besides (or instead of) the certificate.");

        /// <summary><c>Terminal:Broker:PasswordFile</c>.</summary>
        public static readonly TextSetting PasswordFile = new("Terminal:Broker:PasswordFile", "File holding the MQTT password; not readable by every user.", rule: "a readable file, mode 0640 or stricter", kind: TextKind.SecretFile);

        /// <summary><c>Terminal:Broker:AllowInsecure</c>.</summary>
        public static readonly FlagSetting AllowInsecure = new("Terminal:Broker:AllowInsecure", false, "Allows plain-TCP mqtt:// brokers; say so explicitly (development, or a hall LAN without TLS).");
    }

    /// <summary>Rating sessions (SPEC §3.1); <c>config.set</c> may change them.</summary>
    public static class Rating
    {
        /// <summary><c>Terminal:Rating:Mode</c>.</summary>
        public static readonly ChoiceSetting<RatingMode> Mode = new("Terminal:Rating:Mode", RatingMode.Session, new Dictionary<string, RatingMode> { ["session"] = RatingMode.Session, ["free"] = RatingMode.Free }, "session: sessions open from the queue system or the invite key; free: the first press opens one.", settableAtRunTime: true);

        /// <summary><c>Terminal:Rating:SessionTimeout</c>.</summary>
        public static readonly DurationSetting SessionTimeout = new("Terminal:Rating:SessionTimeout", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30), "An open session with no press for this long closes as unrated.", settableAtRunTime: true);

        /// <summary><c>Terminal:Rating:ReasonTimeout</c>.</summary>
        public static readonly DurationSetting ReasonTimeout = new("Terminal:Rating:ReasonTimeout", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5), "How long a bad rating waits for a reason before it is published with reasons: [].", settableAtRunTime: true);

        /// <summary><c>Terminal:Rating:Cooldown</c>.</summary>
        public static readonly DurationSetting Cooldown = new("Terminal:Rating:Cooldown", TimeSpan.FromSeconds(3), TimeSpan.Zero, TimeSpan.FromMinutes(1), "Quiet time after a rating during which further presses are recorded as repeats.", settableAtRunTime: true);

        /// <summary><c>Terminal:Rating:StuckAfter</c>.</summary>
        public static readonly DurationSetting StuckAfter = new("Terminal:Rating:StuckAfter", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "A key held longer than this raises key-stuck and is ignored until released.", settableAtRunTime: true);
    }

    /// <summary>Attendance (SPEC §3.2); <c>config.set</c> may change it.</summary>
    public static class Attendance
    {
        /// <summary><c>Terminal:Attendance:DuplicateWindow</c>.</summary>
        public static readonly DurationSetting DuplicateWindow = new("Terminal:Attendance:DuplicateWindow", TimeSpan.FromSeconds(60), TimeSpan.Zero, TimeSpan.FromHours(1), "A swipe of the same card within this time is recorded as a duplicate and changes nothing.", settableAtRunTime: true);
    }

    /// <summary>The durable event buffer's capacity (SPEC §4).</summary>
    public static class Buffer
    {
        /// <summary><c>Terminal:Buffer:MaxEvents</c>.</summary>
        public static readonly CountSetting MaxEvents = new("Terminal:Buffer:MaxEvents", 500_000, 1, long.MaxValue, "Most events kept while the broker is away; when full, telemetry and faults go first, ratings and attendance never silently.");

        /// <summary><c>Terminal:Buffer:MaxBytes</c>.</summary>
        public static readonly CountSetting MaxBytes = new("Terminal:Buffer:MaxBytes", 256L * 1024 * 1024, 1, long.MaxValue, "Most bytes of event payloads kept, as MaxEvents.");
    }

    /// <summary>The voice prompts of a board with a speaker (SPEC §3.4).</summary>
    public static class Voice
    {
        /// <summary><c>Terminal:Voice:Enabled</c>.</summary>
        public static readonly FlagSetting Enabled = new("Terminal:Voice:Enabled", true, "false silences the voice; LEDs, buzzer and screen are unchanged. Off anyway on a board without a speaker.");

        /// <summary><c>Terminal:Voice:Device</c>.</summary>
        public static readonly TextSetting Device = new("Terminal:Voice:Device", "The ALSA PCM the prompts play on; a plug device (default, plughw:0,0) converts the files' format.", "default", rule: "an ALSA PCM name");

        /// <summary><c>Terminal:Voice:Volume</c>.</summary>
        public static readonly CountSetting Volume = new("Terminal:Voice:Volume", 100, 0, 100, "The prompts' loudness in percent of the recording (the board's mixer sets the rest).");

        /// <summary><c>Terminal:Voice:Directory</c>.</summary>
        public static readonly TextSetting Directory = new("Terminal:Voice:Directory", "A hall's own recordings: prompt.wav, thanks.wav or reason.wav here replaces the shipped one.", "/etc/terminal/voice", rule: "a directory");
    }

    private static TextSetting Id(string key, string meaning) =>
        new(key, meaning, required: true, rule: "1–64 of A–Z a–z 0–9 _ -", check: v => TerminalIdentity.IsValidId(v) ? null : $"'{v}' is not a valid id: 1–64 of A–Z a–z 0–9 _ -");

    // The nested classes' public fields, in declaration order: the table is the code above, nothing else.
    private static IReadOnlyList<Setting> Collect() =>
    [
        .. typeof(TerminalSettings).GetNestedTypes(BindingFlags.Public)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => f.GetValue(null))
            .OfType<Setting>(),
    ];
}
