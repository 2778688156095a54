using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Terminal.Configuration;
using Terminal.Core.Settings;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// One host process, two listeners: the control socket (Unix, for <c>terminalctl</c>: sim, self-test,
/// buffer export…) and the front panel (TCP, <c>Panel:Listen</c>). A request is answered only by the
/// routes of the listener it came in on; anything else is 404, so the control API is never reachable
/// over TCP, even when the panel listens beyond loopback. Routes are the control socket's unless
/// marked <see cref="PanelRoute"/>: a route added later stays off TCP until someone says otherwise.
/// </summary>
internal static class ListenerSeparation
{
    /// <summary>What a browser may load and connect to: this host, nothing else (docs/front-panel.md#what-the-page-loads).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Use(WebApplication app, PanelOptions panel) => app.Use(async (context, next) =>
    {
        // Kestrel gives connections on a Unix socket no IP address.
        var overTcp = context.Connection.LocalIpAddress is not null;
        var panelRoute = context.GetEndpoint()?.Metadata.GetMetadata<PanelRoute>() is not null;
        if (overTcp != panelRoute || (overTcp && !panel.AllowRemote && !LoopbackHost(context.Request.Host)))
        {
            // A loopback-only panel answers only to loopback names: a web page elsewhere cannot
            // reach it by rebinding its own name to 127.0.0.1.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (overTcp)
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
        }

        await next(context).ConfigureAwait(false);
    });

    /// <summary>Whether a state-changing request comes from the panel's own page (or from no browser page at all).</summary>
    public static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Authority.Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static bool LoopbackHost(HostString host) =>
        host.HasValue && Uri.TryCreate($"http://{host.Value}/", UriKind.Absolute, out var uri) && ListenAddress.IsLoopback(uri);
}
