using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Terminal.Core.Settings;

namespace Terminal.Configuration;

/// <summary>
/// Builds the layered configuration of SPEC §6: <c>appsettings.json</c> beside the program →
/// (simulation defaults) → <c>/etc/terminal/terminal.json</c> or <c>--config FILE</c> →
/// environment <c>TERMINAL__…</c> → command line <c>--Terminal:Key=value</c>.
/// </summary>
internal static class TerminalConfiguration
{
    public const string DeviceConfigFile = "/etc/terminal/terminal.json";

    /// <summary>Defaults of <c>--simulate</c> (SPEC §10); anything configured wins, an empty value stays invalid.</summary>
    public static IReadOnlyDictionary<string, string?> SimulationDefaults(string workingDirectory) => new Dictionary<string, string?>
    {
        [TerminalSettings.Device.TerminalId.Key] = "SIM-0001",
        [TerminalSettings.Device.HallId.Key] = "DEV",
        [TerminalSettings.Device.Window.Key] = "1",
        [TerminalSettings.Device.Board.Key] = "simulator",
        [TerminalSettings.Device.DataDir.Key] = Path.Combine(workingDirectory, ".terminal-data"),
        [$"{TerminalSettings.Broker.Uris.Key}:0"] = "mqtt://127.0.0.1:1883",
        [TerminalSettings.Broker.AllowInsecure.Key] = "true",
    };

    /// <summary>Adds the layers to <paramref name="builder"/>, replacing what was there.</summary>
    /// <param name="builder">The host's configuration manager.</param>
    /// <param name="args">Command-line arguments left after <c>--simulate</c> and <c>--config</c>.</param>
    /// <param name="configFile">The device file (<c>--config</c>), or null for the default.</param>
    /// <param name="simulate">Whether <c>--simulate</c> was given.</param>
    public static void Build(IConfigurationBuilder builder, string[] args, string? configFile, bool simulate)
    {
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (simulate)
        {
            builder.AddInMemoryCollection(SimulationDefaults(Environment.CurrentDirectory));
        }

        if (configFile is not null && !File.Exists(configFile))
        {
            throw new ConfigurationError(configFile, "--config", "file not found");
        }

        builder.AddJsonFile(Path.GetFullPath(configFile ?? DeviceConfigFile), optional: configFile is null, reloadOnChange: false);
        var settingsLayer = builder.Sources.Count;
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args);

        // Settings changed at run time by config.set live in the data directory (the system is
        // read-only on a device); they sit above the device file and below environment and command line.
        var probe = new ConfigurationBuilder();
        foreach (var source in builder.Sources)
        {
            probe.Add(source);
        }

        var dataDir = probe.Build()[TerminalSettings.Device.DataDir.Key] ?? TerminalSettings.Device.DataDir.Default!;
        var layer = new JsonConfigurationSource { Path = SettingsLayer.PathIn(Path.GetFullPath(dataDir)), Optional = true };
        layer.ResolveFileProvider();
        builder.Sources.Insert(settingsLayer, layer);
    }

    /// <summary>Names the layer that supplies <paramref name="key"/> (the last one wins), for error messages.</summary>
    public static string SourceOf(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return Describe(provider);
            }
        }

        // Missing everywhere: the device file is where it belongs (not the defaults, not config.set's layer).
        return root.Providers.OfType<JsonConfigurationProvider>().Select(Describe)
            .LastOrDefault(path => Path.GetFileName(path) is not ("appsettings.json" or SettingsLayer.FileName)) ?? "configuration";
    }

    private static string Describe(IConfigurationProvider provider) => provider switch
    {
        JsonConfigurationProvider json => json.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider files
            ? Path.Combine(files.Root, json.Source.Path ?? string.Empty)
            : json.Source.Path ?? "json file",
        EnvironmentVariablesConfigurationProvider => "environment",
        CommandLineConfigurationProvider => "command line",
        MemoryConfigurationProvider => "--simulate defaults",
        _ => provider.GetType().Name,
    };
}
