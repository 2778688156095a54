using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Time;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.Configuration;
using Terminal.Host.Device;
using Terminal.Host.Panel;
using Terminal.Host.Pipeline;
using Terminal.Host.Publishing;
using Terminal.Host.SelfTest;
using Terminal.Host.Simulation;
using Terminal.Host.Systemd;
using Terminal.Host.Updates;
using Terminal.Host.Workers;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host;

/// <summary>
/// The composition root: opens the durable buffer and claims the board's lines before anything
/// runs (a terminal that cannot store or sense must not report ready), then registers the workers.
/// </summary>
internal sealed class TerminalDevice : IAsyncDisposable
{
    private readonly EventBuffer _buffer;
    private readonly BoardPanel _panel;

    private TerminalDevice(EventBuffer buffer, BoardPanel panel)
    {
        _buffer = buffer;
        _panel = panel;
    }

    public static async Task<TerminalDevice> OpenAsync(TerminalOptions options, BoardDefinition board, IServiceCollection services)
    {
        var time = TimeProvider.System;
        using var startupLogs = LoggerFactory.Create(TerminalProgram.ConfigureLogging);
        Directory.CreateDirectory(options.DataDir);
        var buffer = await EventBuffer.OpenAsync(
            new EventBufferOptions { DataDirectory = options.DataDir, MaxEvents = options.Buffer.MaxEvents, MaxBytes = options.Buffer.MaxBytes },
            time,
            startupLogs.CreateLogger<EventBuffer>(),
            CancellationToken.None).ConfigureAwait(false);

        SimulatedGpioChip? simulatedChip = null;
        IGpioChipProvider chips;
        if (options.Simulate)
        {
            simulatedChip = new SimulatedGpioChip(board.Chip, Math.Max(32, board.Lines.Max() + 1));
            chips = new SingleChipProvider(simulatedChip);
        }
        else
        {
            chips = new LinuxGpioChipProvider();
        }

        BoardPanel panel;
        try
        {
            panel = new BoardPanel(board, chips, startupLogs.CreateLogger<BoardPanel>());
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var identity = new TerminalIdentity(options.TerminalId, options.HallId, options.Window);
        services.AddSingleton(time);
        services.AddSystemdIntegration();
        services.AddSingleton(options);
        services.AddSingleton(board);
        services.AddSingleton(identity);
        services.AddSingleton<IDeviceClock>(new LinuxDeviceClock(time));
        services.AddSingleton(sp => new EventFactory(identity, sp.GetRequiredService<IDeviceClock>()));
        services.AddSingleton(sp => WindowFactory.Create(options, board, sp.GetRequiredService<EventFactory>(), time));
        services.AddSingleton(buffer);
        services.AddSingleton<IEventBuffer>(buffer);
        services.AddSingleton(panel);
        if (simulatedChip is not null)
        {
            services.AddSingleton(new SimulatedBoard(simulatedChip, board, time));
        }

        services.AddSingleton<IFeedbackDisplay, PanelFeedback>();
        services.AddSingleton<TerminalLoop>();
        services.AddSingleton<EdgeRouter>();
        services.AddSingleton<InboundMessages>();
        services.AddSingleton<HostCommands>();
        services.AddHttpClient();
        services.AddSingleton(sp => new UpdateStager(
            options.DataDir,
            UpdateStager.DeviceKeyPaths,
            (url, ct) => sp.GetRequiredService<IHttpClientFactory>().CreateClient("updates").GetStreamAsync(url, ct)));
        services.AddSingleton(sp => new WindowJournal(options.DataDir, sp.GetRequiredService<ILogger<WindowJournal>>()));
        services.AddSingleton(sp => new Lazy<IMqttClient>(sp.GetRequiredService<IMqttClient>));
        services.AddSingleton<IMqttClient>(sp => new MqttClient(
            BrokerConnection.ClientOptions(options, identity, sp.GetRequiredService<StatusReporter>()),
            time,
            sp.GetRequiredService<ILogger<MqttClient>>()));
        services.AddSingleton(sp => new StatusReporter(
            sp.GetRequiredService<ServiceWindow>(), buffer, sp.GetRequiredService<IDeviceClock>(), board.Name, time));
        services.AddSingleton<StatusPublisher>();
        services.AddHostedService<BrokerConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusPublisher>());
        services.AddHostedService<EventPublisher>();
        services.AddHostedService<TerminalWorker>();
        services.AddSelfTest();
        return new TerminalDevice(buffer, panel);
    }

    public async ValueTask DisposeAsync()
    {
        _panel.Dispose();
        await _buffer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The simulated chip, whatever label the board asks for.</summary>
    private sealed class SingleChipProvider(SimulatedGpioChip chip) : IGpioChipProvider
    {
        public IGpioChip Open(string label) =>
            label == chip.Label ? chip : throw new GpioException($"no GPIO chip labelled \"{label}\"; the simulator has \"{chip.Label}\"");
    }
}
