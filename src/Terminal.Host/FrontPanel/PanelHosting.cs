using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Terminal.Configuration;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The panel in the host process: its TCP listener (<c>Panel:Listen</c>) beside the control socket,
/// its routes kept apart from the control API's, and its address said once the terminal is ready.
/// </summary>
internal static partial class PanelHosting
{
    /// <summary>Adds the panel's listener; a loopback name is bound as 127.0.0.1 (port 0 picks a free port).</summary>
    public static void Listen(KestrelServerOptions kestrel, PanelOptions panel)
    {
        var address = panel.Listen.HostNameType is UriHostNameType.Dns ? IPAddress.Loopback : IPAddress.Parse(panel.Listen.Host.Trim('[', ']'));
        kestrel.Listen(address, panel.Listen.Port);
    }

    /// <summary>Maps the routes, separates the listeners, and logs the page's address once the host has started.</summary>
    public static void Map(WebApplication app, PanelOptions panel)
    {
        ListenerSeparation.Use(app, panel);
        PanelEndpoints.Map(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PanelHosting).FullName!);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var page = addresses.FirstOrDefault(a => !a.Contains("unix:", StringComparison.Ordinal)) ?? panel.Listen.ToString();
            LogAddress(logger, page.TrimEnd('/') + "/");
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Front panel: {Url} (open it in a browser; under --simulate it is also the virtual board)")]
    private static partial void LogAddress(ILogger logger, string url);
}
