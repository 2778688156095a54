using Microsoft.Extensions.DependencyInjection;
using Terminal.Configuration;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.FrontPanel.Board;
using Terminal.Host.FrontPanel.Photos;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>The front panel's parts, wired into the host (docs/front-panel.md).</summary>
internal static class PanelServices
{
    public static IServiceCollection AddFrontPanel(this IServiceCollection services, TerminalOptions options, BoardDefinition board, SimulatedGpioChip? chip)
    {
        services.AddSingleton(options.Panel);
        services.AddSingleton<PanelCues>();
        services.AddSingleton<PanelAssets>();
        services.AddSingleton(sp => new PhotoCache(options.DataDir, sp.GetRequiredService<TimeProvider>()));
        // One long-lived client; pooled connections are renewed so a hall server's new address is seen.
        services.AddSingleton(new PhotoFetcher(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })));
        services.AddSingleton<PhotoSync>();
        if (chip is not null)
        {
            services.AddSingleton(new BoardView(board, chip));
        }

        services.AddSingleton(sp => new PanelView(board, sp.GetRequiredService<Core.Identity.TerminalIdentity>(), options.Panel, sp.GetRequiredService<PhotoCache>()));
        services.AddSingleton(sp => new PanelBroadcast(sp.GetRequiredService<SnapshotFeed>(), sp.GetRequiredService<PanelCues>(), chip, sp.GetService<BoardView>()));
        services.AddSingleton<ReviewCode>();
        services.AddHostedService<PhotoWorker>();
        return services;
    }
}
