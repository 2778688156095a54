namespace Terminal.Mqtt.Tests.Support;

/// <summary>Stands for .NET's internal OpenSslCryptographicException: the OpenSSL error code is its HResult.</summary>
internal sealed class OpenSslError : Exception
{
    public OpenSslError(int code)
        : base($"error:{code:X8}:SSL routines::(as OpenSSL prints it)") => HResult = code;

    public OpenSslError()
    {
    }

    public OpenSslError(string message)
        : base(message)
    {
    }

    public OpenSslError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
