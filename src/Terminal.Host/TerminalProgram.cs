using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Terminal.Configuration;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Host.Control;
using Terminal.Host.Device;
using Terminal.Host.FrontPanel;
using Terminal.Host.SelfTest;
using Terminal.Host.Systemd;

namespace Terminal.Host;

/// <summary>
/// Start-up: configuration validated first (one line on stderr and exit 2 when invalid), then
/// the buffer opened and the hardware claimed, then the host runs until asked to stop.
/// </summary>
internal static class TerminalProgram
{
    public const int InvalidConfiguration = 2;
    public const int FatalError = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"terminal: {e.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }

        if (commandLine.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        var builder = CreateHostBuilder();
        TerminalOptions options;
        BoardDefinition board;
        try
        {
            TerminalConfiguration.Build(builder.Configuration, commandLine.ConfigurationArgs, commandLine.ConfigFile, commandLine.Simulate);
            options = new TerminalOptionsReader(builder.Configuration).Read(commandLine.Simulate, Path.Combine(AppContext.BaseDirectory, "board-config"));
            board = BoardFile.Load(options.BoardFile);
        }
        catch (ConfigurationError e)
        {
            await Console.Error.WriteLineAsync($"terminal: invalid configuration: {e.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }
        catch (BoardFileException e)
        {
            await Console.Error.WriteLineAsync($"terminal: invalid board file: {e.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }
        catch (InvalidDataException e)
        {
            // A configuration file that is not JSON: the provider names the file, the inner error the place.
            await Console.Error.WriteLineAsync($"terminal: invalid configuration: {e.Message} {(e.InnerException as JsonException)?.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }

        ConfigureLogging(builder.Logging);
        try
        {
            using var startupLogs = LoggerFactory.Create(ConfigureLogging);
            await using var device = await DeviceResources.OpenAsync(options, board, startupLogs).ConfigureAwait(false);
            builder.Services.AddTerminal(options, board, device);
            PrepareControlSocket(options.ControlSocket);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.ListenUnixSocket(options.ControlSocket);
                PanelHosting.Listen(kestrel, options.Panel);
            });
            var app = builder.Build();

            // The buffer is open and the lines claimed (DeviceResources.OpenAsync): once the workers run, READY=1.
            app.Lifetime.ApplicationStarted.Register(() =>
                app.Services.GetRequiredService<ReadinessGate>().MarkReady($"ready: board {board.Name}, data {options.DataDir}"));
            ControlEndpoints.Map(app);
            SelfTestEndpoints.Map(app);
            PanelHosting.Map(app, options.Panel);
            await app.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }
        catch (GpioException e)
        {
            await Console.Error.WriteLineAsync($"terminal: cannot claim the board's GPIO lines: {e.Message}").ConfigureAwait(false);
            return FatalError;
        }
        catch (BoardFileException e)
        {
            await Console.Error.WriteLineAsync($"terminal: invalid board file: {e.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"terminal: {e.Message}").ConfigureAwait(false);
            return FatalError;
        }
    }

    /// <summary>
    /// The host with only what the terminal uses: Kestrel (HTTP/1.1 on the control socket and the
    /// panel), routing, and logging filtered by the <c>Logging</c> section. An empty builder rather than
    /// the slim one: no default configuration sources (ours replace them), no watchers on
    /// <c>appsettings.json</c>, no HTTPS configuration; about 0.4 s less before READY on the emulated
    /// arm64 package (deploy/README.md, "Runtime settings").
    /// </summary>
    private static WebApplicationBuilder CreateHostBuilder()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        return builder;
    }

    /// <summary>Console logs for people, or with journal priority prefixes under systemd.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null)
        {
            // Under systemd: priority prefixes (<6>) the journal understands, no timestamps of our own.
            logging.AddSystemdConsole();
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }

    private static void PrepareControlSocket(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            // A socket left by a previous run that did not stop cleanly; binding would fail.
            File.Delete(path);
        }
    }
}
