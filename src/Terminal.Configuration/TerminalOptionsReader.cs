using Microsoft.Extensions.Configuration;
using Terminal.Core.Settings;
using Terminal.Hardware.Audio;
using static Terminal.Core.Settings.TerminalSettings;

namespace Terminal.Configuration;

/// <summary>
/// Reads and validates the <c>Terminal</c> section against the settings table. Every problem is
/// reported with the layer that supplied the value, the key and the reason, so a field engineer
/// knows what to fix.
/// </summary>
internal sealed class TerminalOptionsReader(IConfigurationRoot root)
{
    /// <summary>Reads the section; throws <see cref="ConfigurationError"/> at the first problem.</summary>
    public TerminalOptions Read(bool simulate, string boardDirectory)
    {
        CheckUnknownKeys(root.GetSection("Terminal"));
        var dataDir = Path.GetFullPath(Value(Device.DataDir));
        return new TerminalOptions
        {
            TerminalId = Value(Device.TerminalId),
            HallId = Value(Device.HallId),
            Window = Value(Device.Window),
            BoardFile = Board(boardDirectory),
            DataDir = dataDir,
            Broker = ReadBroker(),
            WindowSettings = TerminalSettings.SettableAtRunTime.Aggregate(WindowSettings.Default, (settings, setting) =>
                Configured(setting) is { } value ? settings.With(setting, value) : settings),
            Buffer = new BufferOptions(Value(TerminalSettings.Buffer.MaxEvents), Value(TerminalSettings.Buffer.MaxBytes)),
            ControlSocket = Path.GetFullPath(Optional(Device.ControlSocket)
                ?? (simulate ? Path.Combine(dataDir, "control.sock") : Device.ControlSocket.Default!)),
            Voice = new VoiceOptions
            {
                Enabled = Value(TerminalSettings.Voice.Enabled),
                Device = Value(TerminalSettings.Voice.Device),
                Volume = (int)Value(TerminalSettings.Voice.Volume),
                Directory = Value(TerminalSettings.Voice.Directory),
            },
            Simulate = simulate,
        };
    }

    private BrokerOptions ReadBroker()
    {
        var allowInsecure = Value(Broker.AllowInsecure);
        var uris = Uris(Broker.Uris);
        foreach (var (entry, uri) in uris)
        {
            if (uri.Scheme == "mqtt" && !allowInsecure)
            {
                throw Error(entry, $"'{uri.OriginalString}' is plain TCP; use mqtts:// or set {Broker.AllowInsecure.Key}=true explicitly");
            }
        }

        var cert = Optional(Broker.Cert);
        var key = Optional(Broker.Key);
        if ((cert is null) != (key is null))
        {
            throw Error(cert is null ? Broker.Cert.Key : Broker.Key.Key, "client certificate and key go together: give both or neither");
        }

        return new BrokerOptions(
            [.. uris.Select(u => u.Uri)],
            Value(Broker.Protocol),
            Value(Broker.KeepAlive),
            File(Broker.Ca),
            File(Broker.Cert),
            File(Broker.Key),
            Optional(Broker.Username),
            File(Broker.PasswordFile),
            allowInsecure);
    }

    /// <summary>The configured value, or the setting's default; a required setting without a value is an error.</summary>
    private T Value<T>(Setting<T> setting)
        where T : notnull =>
        Configured(setting) is { } value ? (T)value
        : setting.Default is { } fallback && !setting.Required ? fallback
        : throw Error(setting.Key, "is required");

    private T? Optional<T>(Setting<T> setting)
        where T : class => (T?)Configured(setting);

    /// <summary>The value a layer gives, checked; null when no layer gives one.</summary>
    private object? Configured(Setting setting)
    {
        var text = root[setting.Key];
        if (text is null)
        {
            return null;
        }

        return setting.TryParseText(text, out var value, out var reason) ? value : throw Error(setting.Key, reason);
    }

    private List<(string Key, Uri Uri)> Uris(UriListSetting setting)
    {
        var entries = root.GetSection(setting.Key).GetChildren().ToList();
        if (entries.Count == 0)
        {
            throw Error(setting.Key, setting.Check([])!);
        }

        var uris = new List<(string, Uri)>();
        foreach (var entry in entries)
        {
            if (!setting.TryParseItem(entry.Value ?? string.Empty, out var uri, out var reason))
            {
                throw Error(entry.Path, reason);
            }

            uris.Add((entry.Path, uri));
        }

        return uris;
    }

    /// <summary>A file the terminal will need: present, readable, and a secret not readable by everyone.</summary>
    private string? File(TextSetting setting)
    {
        var path = Optional(setting);
        if (path is null)
        {
            return null;
        }

        if (!System.IO.File.Exists(path))
        {
            throw Error(setting.Key, $"'{path}' does not exist");
        }

        try
        {
            using var _ = System.IO.File.OpenRead(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw Error(setting.Key, $"'{path}' cannot be read by user '{Environment.UserName}': {e.Message}");
        }

        if (setting.Kind == TextKind.SecretFile && !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(path) & UnixFileMode.OtherRead) != 0)
        {
            var mode = Convert.ToString((int)System.IO.File.GetUnixFileMode(path), 8);
            throw Error(setting.Key, $"'{path}' is a secret readable by every user (mode {mode}); chmod 640 it (owner root, group terminal)");
        }

        return path;
    }

    private string Board(string boardDirectory)
    {
        var path = Terminal.Hardware.Board.BoardFile.Resolve(Value(Device.Board), boardDirectory);
        if (!System.IO.File.Exists(path))
        {
            var known = Directory.Exists(boardDirectory)
                ? string.Join(", ", Directory.EnumerateFiles(boardDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
                : "none";
            throw Error(Device.Board.Key, $"no board file '{path}' (boards here: {known})");
        }

        return path;
    }

    /// <summary>Every key under <c>Terminal</c> must be in the table (a list setting's entries are its children).</summary>
    private void CheckUnknownKeys(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (TerminalSettings.Find(child.Path) is { } setting)
            {
                if (setting is not UriListSetting && child.GetChildren().Any())
                {
                    throw Error(child.Path, $"is a single value ({setting.Rule}), not a section");
                }
            }
            else if (child.GetChildren().Any() && IsSection(child.Path))
            {
                CheckUnknownKeys(child);
            }
            else
            {
                throw Error(child.Path, "unknown setting (misspelt?)");
            }
        }
    }

    private static bool IsSection(string path) =>
        TerminalSettings.All.Any(s => s.Key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase));

    private ConfigurationError Error(string key, string reason) => new(TerminalConfiguration.SourceOf(root, key), key, reason);
}
