using Terminal.Mqtt.Diagnostics;

namespace Terminal.Mqtt.Tests.Diagnostics;

public class ExceptionMessagesTests
{
    [Fact]
    public void Join_ListsEveryInnerMessage_OutermostFirst()
    {
        var e = new IOException("The decryption operation failed, see inner exception.", new InvalidOperationException("Decrypt failed with OpenSSL error - SSL_ERROR_SSL.", new InvalidDataException("error:0A00045C:SSL routines::tlsv13 alert certificate required")));

        Assert.Equal(
            "The decryption operation failed, see inner exception. → Decrypt failed with OpenSSL error - SSL_ERROR_SSL. → error:0A00045C:SSL routines::tlsv13 alert certificate required",
            ExceptionMessages.Join(e));
    }

    [Fact]
    public void Join_SaysAMessageOnce_WhenAWrapperAlreadyQuotesIt()
    {
        var inner = new InvalidOperationException("The provided key does not match.");
        var e = new ArgumentException($"TLS key 'k' is not the key of 'c': {inner.Message}", inner);

        Assert.Equal("TLS key 'k' is not the key of 'c': The provided key does not match.", ExceptionMessages.Join(e));
    }

    [Fact]
    public void Bracketed_IsEmptyWithoutAnException() => Assert.Equal(string.Empty, ExceptionMessages.Bracketed(null));
}
