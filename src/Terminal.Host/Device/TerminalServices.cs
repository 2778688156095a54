using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Terminal.Configuration;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Time;
using Terminal.Core.Window;
using Terminal.Hardware.Audio;
using Terminal.Hardware.Board;
using Terminal.Host.Board;
using Terminal.Host.Inbound;
using Terminal.Host.Journal;
using Terminal.Host.Loop;
using Terminal.Host.Outbound;
using Terminal.Host.SelfTest;
using Terminal.Host.Simulation;
using Terminal.Host.Systemd;
using Terminal.Host.Updates;
using Terminal.Host.Voice;
using Terminal.Host.Workers;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host.Device;

/// <summary>The composition root: every part of the host, wired over the opened <see cref="DeviceResources"/>.</summary>
internal static class TerminalServices
{
    public static IServiceCollection AddTerminal(this IServiceCollection services, TerminalOptions options, BoardDefinition board, DeviceResources device)
    {
        var time = TimeProvider.System;
        var identity = new TerminalIdentity(options.TerminalId, options.HallId, options.Window);
        services.AddSingleton(time);
        services.AddSystemdIntegration();
        services.AddSingleton(options);
        services.AddSingleton(board);
        services.AddSingleton(identity);
        services.AddSingleton<IDeviceClock>(new LinuxDeviceClock(time));
        services.AddSingleton(sp => new EventFactory(identity, sp.GetRequiredService<IDeviceClock>()));
        services.AddSingleton(device.Buffer);
        services.AddSingleton<IEventBuffer>(device.Buffer);
        services.AddSingleton(device.Lines);
        if (device.SimulatedChip is { } chip && device.SimulatedReaders is { } readers)
        {
            services.AddSingleton(new SimulatedBoard(chip, readers, board, time));
        }

        services.AddSingleton(sp => StaffReaders.For(board, device.Lines, device.SimulatedReaders, time));
        services.AddSingleton(sp => new VoicePlayer(options.Voice, board, Path.Combine(AppContext.BaseDirectory, "voice"), sp.GetRequiredService<ILogger<VoicePlayer>>()));

        AddLoop(services, options, board);
        AddInbound(services, options);
        AddOutbound(services, options, identity);
        services.AddSelfTest();
        return services;
    }

    private static void AddLoop(IServiceCollection services, TerminalOptions options, BoardDefinition board)
    {
        services.AddSingleton(sp => new WorkerSupport(
            sp.GetRequiredService<WorkerHeartbeats>(), sp.GetRequiredService<FatalStop>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => WindowFactory.Create(options, board, sp.GetRequiredService<EventFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new HeldRatingJournal(options.DataDir, sp.GetRequiredService<ILogger<HeldRatingJournal>>()));
        services.AddSingleton(sp => new RosterCache(options.DataDir, sp.GetRequiredService<ILogger<RosterCache>>()));
        services.AddSingleton(new SettingsLayerFile(options.DataDir));
        services.AddSingleton<BoardFeedback>();
        services.AddSingleton<IFeedbackDisplay>(sp => new FeedbackDisplays([sp.GetRequiredService<BoardFeedback>(), new VoiceFeedback(sp.GetRequiredService<VoicePlayer>())]));
        services.AddSingleton<TerminalLoop>();
        services.AddSingleton(sp => sp.GetRequiredService<TerminalLoop>().Snapshots);
        services.AddSingleton<EdgeRouter>();
    }

    private static void AddInbound(IServiceCollection services, TerminalOptions options)
    {
        services.AddHttpClient();
        services.AddSingleton(sp => new UpdateStager(
            options.DataDir,
            UpdateStager.DeviceKeyPaths,
            (url, ct) => sp.GetRequiredService<IHttpClientFactory>().CreateClient("updates").GetStreamAsync(url, ct)));
        services.AddSingleton(sp => new Lazy<IMqttClient>(sp.GetRequiredService<IMqttClient>));
        services.AddSingleton<CommandReplies>();
        services.AddSingleton<HostCommandRunner>();
        services.AddSingleton<CommandInbox>();
        services.AddSingleton<RosterInbox>();
        services.AddSingleton<InboundRouter>();
    }

    private static void AddOutbound(IServiceCollection services, TerminalOptions options, TerminalIdentity identity)
    {
        services.AddSingleton<IMqttClient>(sp => new MqttClient(
            MqttClientSetup.Options(options, identity, sp.GetRequiredService<StatusReporter>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MqttClient>>()));
        services.AddSingleton(sp => new StatusReporter(
            sp.GetRequiredService<SnapshotFeed>(), sp.GetRequiredService<IEventBuffer>(), sp.GetRequiredService<IDeviceClock>(), sp.GetRequiredService<BoardDefinition>().Name, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StatusPublisher>();

        // Stopped in reverse: the decisions flush first, the goodbye goes last.
        services.AddHostedService<BrokerLink>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusPublisher>());
        services.AddHostedService<EventPublisher>();
        services.AddHostedService<SpeakerWatch>();
        services.AddHostedService<EdgeWorker>();
        services.AddHostedService<ReaderWorker>();
        services.AddHostedService<DecisionWorker>();
    }
}
