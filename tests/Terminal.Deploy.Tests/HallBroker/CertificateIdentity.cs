using Terminal.Mqtt;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>The three PEM files of one identity, as hall-pki writes them and terminalctl provision takes them.</summary>
internal sealed record CertificateIdentity(string Name, string Ca, string Cert, string Key)
{
    public static CertificateIdentity In(string name, string dir, string cert = "client.crt", string key = "client.key") =>
        new(name, Path.Combine(dir, "ca.crt"), Path.Combine(dir, cert), Path.Combine(dir, key));

    public MqttTlsOptions Tls => new(Ca, Cert, Key);
}
