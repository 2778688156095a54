using System.Security.Cryptography;
using Terminal.Core.Attendance;
using Terminal.Host.FrontPanel.Photos;
using Terminal.TestUtils.Images;
using Terminal.TestUtils.Network;

namespace Terminal.Host.Tests.FrontPanel.Photos;

/// <summary>docs/mqtt.md#staff-photos: photos fetched over HTTP from the hall server, checked before they are kept.</summary>
public sealed class PhotoFetcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly StaticHttpServer _hall = new();
    private readonly HttpClient _http = new();
    private readonly PhotoFetcher _fetcher;

    public PhotoFetcherTests()
    {
        _hall.Start();
        _fetcher = new PhotoFetcher(_http);
    }

    [Fact]
    public async Task GoodPhoto_IsFetchedWithItsType()
    {
        var png = TestPng.Portrait();

        var fetched = await Fetch(_hall.Serve("/S-1.png", png), png);

        Assert.Equal(png, fetched.Bytes);
        Assert.Equal("png", fetched.Type);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TooBig_IsRefused_WithOrWithoutALength(bool chunked)
    {
        var big = new byte[PhotoCheck.MaxBytes + 4096];
        TestPng.Portrait().CopyTo(big, 0);

        var fetched = await Fetch(_hall.Serve("/big.png", big, chunked: chunked), big);

        Assert.Contains("over the 524288 allowed", fetched.RefusedBecause, StringComparison.Ordinal);
        Assert.Null(fetched.Bytes);
    }

    [Fact]
    public async Task WrongType_IsRefused()
    {
        var html = "<html>login page</html>"u8.ToArray();

        var fetched = await Fetch(_hall.Serve("/S-1.png", html, "text/html"), html);

        Assert.Equal("not a JPEG, PNG or WebP image", fetched.RefusedBecause);
    }

    [Fact]
    public async Task WrongHash_IsRefused()
    {
        var png = TestPng.Portrait();

        var fetched = await Fetch(_hall.Serve("/S-1.png", png), TestPng.Portrait(hue: 50));

        Assert.Contains("the roster says", fetched.RefusedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileOrServer_IsUnreachable_NotRefused()
    {
        var png = TestPng.Portrait();
        var missing = await Fetch($"http://127.0.0.1:{_hall.Port}/none.png", png);
        _hall.Stop();

        var down = await Fetch(_hall.Serve("/S-1.png", png), png);

        Assert.StartsWith("HTTP 404", missing.UnreachableBecause, StringComparison.Ordinal);
        Assert.NotNull(down.UnreachableBecause);
        Assert.Null(down.RefusedBecause);
    }

    public void Dispose()
    {
        _hall.Dispose();
        _http.Dispose();
    }

    private Task<PhotoFetch> Fetch(string url, byte[] expected) =>
        _fetcher.FetchAsync(new RosterPhoto(url, Convert.ToHexStringLower(SHA256.HashData(expected))), Timeout, CancellationToken.None);
}
