using System.Globalization;
using Microsoft.Extensions.Configuration;
using Terminal.Core.Identity;
using Terminal.Core.Settings;

namespace Terminal.Host.Configuration;

/// <summary>
/// Reads and validates the <c>Terminal</c> section. Every problem is reported with the layer that
/// supplied the value, the key and the reason, so a field engineer knows what to fix.
/// </summary>
internal sealed class TerminalOptionsReader(IConfigurationRoot root)
{
    private static readonly HashSet<string> KnownSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "Terminal", "Terminal:Broker", "Terminal:Broker:Uris", "Terminal:Broker:Tls", "Terminal:Rating",
        "Terminal:Attendance", "Terminal:Buffer", "Terminal:Control",
    };

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Terminal:TerminalId", "Terminal:HallId", "Terminal:Window", "Terminal:Board", "Terminal:DataDir",
        "Terminal:Broker:Protocol", "Terminal:Broker:KeepAlive", "Terminal:Broker:Username", "Terminal:Broker:PasswordFile",
        "Terminal:Broker:AllowInsecure", "Terminal:Broker:Tls:Ca", "Terminal:Broker:Tls:Cert", "Terminal:Broker:Tls:Key",
        "Terminal:Rating:Mode", "Terminal:Rating:SessionTimeout", "Terminal:Rating:ReasonTimeout", "Terminal:Rating:Cooldown",
        "Terminal:Rating:StuckAfter", "Terminal:Attendance:DuplicateWindow", "Terminal:Buffer:MaxEvents", "Terminal:Buffer:MaxBytes",
        "Terminal:Control:Socket",
    };

    /// <summary>Reads the section; throws <see cref="ConfigurationError"/> at the first problem.</summary>
    public TerminalOptions Read(bool simulate, string boardDirectory)
    {
        CheckUnknownKeys(root.GetSection("Terminal"));
        var dataDir = Text("Terminal:DataDir") ?? TerminalConfiguration.DefaultDataDir;
        return new TerminalOptions
        {
            TerminalId = Id("Terminal:TerminalId"),
            HallId = Id("Terminal:HallId"),
            Window = Required("Terminal:Window"),
            BoardFile = Board(boardDirectory),
            DataDir = Path.GetFullPath(NotEmpty("Terminal:DataDir", dataDir)),
            Broker = Broker(),
            Rating = Checked(new RatingSettings
            {
                Mode = Choice("Terminal:Rating:Mode", "session", "session", "free") == "free" ? RatingMode.Free : RatingMode.Session,
                SessionTimeout = Duration("Terminal:Rating:SessionTimeout", RatingDefaults.SessionTimeout),
                ReasonTimeout = Duration("Terminal:Rating:ReasonTimeout", RatingDefaults.ReasonTimeout),
                Cooldown = Duration("Terminal:Rating:Cooldown", RatingDefaults.Cooldown),
                StuckAfter = Duration("Terminal:Rating:StuckAfter", RatingDefaults.StuckAfter),
            }),
            Attendance = Checked(new AttendanceSettings
            {
                DuplicateWindow = Duration("Terminal:Attendance:DuplicateWindow", new AttendanceSettings().DuplicateWindow),
            }),
            Buffer = new BufferOptions(
                Count("Terminal:Buffer:MaxEvents", 500_000),
                Count("Terminal:Buffer:MaxBytes", 256L * 1024 * 1024)),
            ControlSocket = Path.GetFullPath(Text("Terminal:Control:Socket")
                ?? (simulate ? Path.Combine(dataDir, "control.sock") : "/run/terminal/control.sock")),
            Simulate = simulate,
        };
    }

    private static readonly RatingSettings RatingDefaults = new();

    private BrokerOptions Broker()
    {
        var uris = root.GetSection("Terminal:Broker:Uris").GetChildren().ToList();
        if (uris.Count == 0)
        {
            throw Error("Terminal:Broker:Uris", "is required: at least one broker URI (mqtts://host:8883)");
        }

        var allowInsecure = Flag("Terminal:Broker:AllowInsecure");
        var parsed = uris.Select(u => BrokerUri(u.Path, u.Value, allowInsecure)).ToList();
        var ca = Text("Terminal:Broker:Tls:Ca");
        var cert = Text("Terminal:Broker:Tls:Cert");
        var key = Text("Terminal:Broker:Tls:Key");
        if ((cert is null) != (key is null))
        {
            throw Error(cert is null ? "Terminal:Broker:Tls:Cert" : "Terminal:Broker:Tls:Key", "client certificate and key go together: give both or neither");
        }

        var passwordFile = Text("Terminal:Broker:PasswordFile");
        CheckFile("Terminal:Broker:Tls:Ca", ca, secret: false);
        CheckFile("Terminal:Broker:Tls:Cert", cert, secret: false);
        CheckFile("Terminal:Broker:Tls:Key", key, secret: true);
        CheckFile("Terminal:Broker:PasswordFile", passwordFile, secret: true);

        return new BrokerOptions(
            parsed,
            Choice("Terminal:Broker:Protocol", "5", "5", "3.1.1"),
            Duration("Terminal:Broker:KeepAlive", TimeSpan.FromSeconds(30)),
            ca,
            cert,
            key,
            Text("Terminal:Broker:Username"),
            passwordFile,
            allowInsecure);
    }

    private Uri BrokerUri(string key, string? value, bool allowInsecure)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || string.IsNullOrEmpty(uri.Host))
        {
            throw Error(key, $"'{value}' is not a broker URI (mqtts://host:8883 or mqtt://host:1883)");
        }

        if (uri.Scheme == "mqtt" && !allowInsecure)
        {
            throw Error(key, $"'{value}' is plain TCP; use mqtts:// or set Terminal:Broker:AllowInsecure=true explicitly");
        }

        return uri;
    }

    /// <summary>A file the terminal will need: present, readable, and a secret not readable by everyone.</summary>
    private void CheckFile(string key, string? path, bool secret)
    {
        if (path is null)
        {
            return;
        }

        if (!File.Exists(path))
        {
            throw Error(key, $"'{path}' does not exist");
        }

        try
        {
            using var _ = File.OpenRead(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw Error(key, $"'{path}' cannot be read by user '{Environment.UserName}': {e.Message}");
        }

        if (secret && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.OtherRead) != 0)
        {
            throw Error(key, $"'{path}' is a secret readable by every user (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); chmod 640 it (owner root, group terminal)");
        }
    }

    private string Board(string boardDirectory)
    {
        var board = Required("Terminal:Board");
        var path = Terminal.Hardware.Board.BoardFile.Resolve(board, boardDirectory);
        if (!File.Exists(path))
        {
            var known = Directory.Exists(boardDirectory)
                ? string.Join(", ", Directory.EnumerateFiles(boardDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
                : "none";
            throw Error("Terminal:Board", $"no board file '{path}' (boards here: {known})");
        }

        return path;
    }

    private void CheckUnknownKeys(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            var isSection = child.GetChildren().Any();
            if (isSection && KnownSections.Contains(child.Path))
            {
                if (!child.Path.Equals("Terminal:Broker:Uris", StringComparison.OrdinalIgnoreCase))
                {
                    CheckUnknownKeys(child);
                }
            }
            else if (!KnownKeys.Contains(child.Path))
            {
                throw Error(child.Path, "unknown setting (misspelt?)");
            }
        }
    }

    private string Id(string key)
    {
        var value = Required(key);
        return TerminalIdentity.IsValidId(value) ? value : throw Error(key, $"'{value}' is not a valid id: 1–64 of A–Z a–z 0–9 _ -");
    }

    private string Required(string key) => NotEmpty(key, Text(key) ?? throw Error(key, "is required"));

    private string NotEmpty(string key, string value) => value.Length > 0 ? value : throw Error(key, "must not be empty");

    private string? Text(string key) => root[key];

    private string Choice(string key, string fallback, params string[] allowed)
    {
        var value = Text(key) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal) ? value : throw Error(key, $"'{value}' is not one of: {string.Join(", ", allowed)}");
    }

    private bool Flag(string key) => Text(key) switch
    {
        null => false,
        var v when bool.TryParse(v, out var b) => b,
        var v => throw Error(key, $"'{v}' is not true or false"),
    };

    private TimeSpan Duration(string key, TimeSpan fallback)
    {
        var value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
        {
            throw Error(key, $"'{value}' is not a duration (hh:mm:ss, e.g. \"00:00:30\")");
        }

        // Ranges are the core's rules (RatingSettings/AttendanceSettings); here only the form.
        return duration >= TimeSpan.Zero ? duration : throw Error(key, $"'{value}' must not be negative");
    }

    private long Count(string key, long fallback)
    {
        var value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw Error(key, $"'{value}' is not a positive whole number");
    }

    private RatingSettings Checked(RatingSettings settings) => Checked(settings, settings.Validate());

    private AttendanceSettings Checked(AttendanceSettings settings) => Checked(settings, settings.Validate());

    /// <summary>The core's own rules (ranges); its messages read "key: reason".</summary>
    private T Checked<T>(T settings, IEnumerable<string> errors)
    {
        var first = errors.FirstOrDefault();
        if (first is null)
        {
            return settings;
        }

        var split = first.IndexOf(": ", StringComparison.Ordinal);
        throw split > 0 ? Error(first[..split], first[(split + 2)..]) : Error("Terminal", first);
    }

    private ConfigurationError Error(string key, string reason) => new(TerminalConfiguration.SourceOf(root, key), key, reason);
}
