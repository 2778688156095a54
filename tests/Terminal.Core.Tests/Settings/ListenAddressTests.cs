using Terminal.Core.Settings;

namespace Terminal.Core.Tests.Settings;

/// <summary>docs/configuration.md#panel: <c>Panel:Listen</c>.</summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:0", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://10.1.2.3:80", false)]
    public void Address_IsReadAndItsReachSaid(string text, bool loopback)
    {
        Assert.True(ListenAddress.TryParse(text, out var address, out var reason), reason);
        Assert.Equal(loopback, ListenAddress.IsLoopback(address));
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "is not an address to listen on")]
    [InlineData("https://127.0.0.1:8443", "is not an address to listen on")]
    [InlineData("http://127.0.0.1:8080/panel", "is not an address to listen on")]
    [InlineData("http://terminal.hall:8080", "not a host name")]
    public void BadAddress_IsRefusedWithTheReason(string text, string expected)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
