using System.Net;

namespace Terminal.Core.Settings;

/// <summary>The front panel's <c>Panel:Listen</c> address (docs/configuration.md#panel): <c>http://</c>, an IP address or <c>localhost</c>, a port.</summary>
public static class ListenAddress
{
    /// <summary>What the setting accepts, in words.</summary>
    public const string Rule = "http://<IP address or localhost>:<port>, e.g. http://127.0.0.1:8080 (port 0: any free port)";

    /// <summary>Reads <paramref name="text"/>; false with the reason when it is not such an address.</summary>
    public static bool TryParse(string text, out Uri address, out string reason)
    {
        address = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            reason = $"'{text}' is not an address to listen on ({Rule})";
            return false;
        }

        if (uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) && !uri.IsLoopback)
        {
            reason = $"'{text}': listen on an IP address or localhost, not a host name";
            return false;
        }

        address = uri;
        reason = string.Empty;
        return true;
    }

    /// <summary>Whether only this machine can reach <paramref name="address"/> (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
