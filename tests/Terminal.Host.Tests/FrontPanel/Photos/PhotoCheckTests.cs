using System.Security.Cryptography;
using Terminal.Host.FrontPanel.Photos;
using Terminal.TestUtils.Images;

namespace Terminal.Host.Tests.FrontPanel.Photos;

/// <summary>docs/mqtt.md#staff-photos: a photo is shown only when it is an image of the roster's hash, and not too big.</summary>
public class PhotoCheckTests
{
    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void PngOfTheRostersHash_IsAccepted()
    {
        var png = TestPng.Portrait();

        Assert.Equal(PhotoVerdict.Accepted("png"), PhotoCheck.Check(png, Sha(png)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "jpg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0 }, "webp")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, null)]
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' }, null)]
    public void Type_IsKnownByTheFirstBytes(byte[] bytes, string? type)
    {
        Assert.Equal(type, PhotoCheck.TypeOf(bytes));
    }

    [Fact]
    public void WrongType_IsRefused()
    {
        var html = "<html>not a photo</html>"u8.ToArray();

        Assert.Equal("not a JPEG, PNG or WebP image", PhotoCheck.Check(html, Sha(html)).Reason);
    }

    [Fact]
    public void WrongHash_IsRefused_NamingBoth()
    {
        var png = TestPng.Portrait();
        var other = Sha(TestPng.Portrait(hue: 40));

        var reason = PhotoCheck.Check(png, other).Reason!;

        Assert.Contains(Sha(png), reason, StringComparison.Ordinal);
        Assert.Contains(other, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TooBig_IsRefused()
    {
        var big = new byte[PhotoCheck.MaxBytes + 1];
        TestPng.Portrait().CopyTo(big, 0);

        Assert.Contains("over the 524288 allowed", PhotoCheck.Check(big, Sha(big)).Reason, StringComparison.Ordinal);
    }
}
