using System.Diagnostics;

namespace Terminal.TestUtils.Broker;

/// <summary>
/// A throw-away PKI made with <c>openssl</c> in a temp dir: a CA, a server certificate for
/// <c>localhost</c>/127.0.0.1, a client certificate (mutual TLS), and to test refusals: an unrelated
/// CA with a client certificate of its own, a server certificate for another host name, and expired
/// client and server certificates (<see cref="BackdatedCertificate"/>). PEM files; deleted on dispose.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string dir) => Dir = dir;

    /// <summary>The directory holding every file.</summary>
    public string Dir { get; }

    /// <summary>The CA that signs the server and client certificates.</summary>
    public string CaCert => Path.Combine(Dir, "ca.crt");

    /// <summary>Server certificate (CN and SAN localhost, SAN IP 127.0.0.1).</summary>
    public string ServerCert => Path.Combine(Dir, "server.crt");

    /// <summary>Server private key.</summary>
    public string ServerKey => Path.Combine(Dir, "server.key");

    /// <summary>Client certificate (CN T-TEST) for mutual TLS.</summary>
    public string ClientCert => Path.Combine(Dir, "client.crt");

    /// <summary>Client private key.</summary>
    public string ClientKey => Path.Combine(Dir, "client.key");

    /// <summary>A CA that signed nothing here (the "wrong CA").</summary>
    public string OtherCaCert => Path.Combine(Dir, "other-ca.crt");

    /// <summary>A server certificate from the right CA for the wrong host (<c>elsewhere.invalid</c>).</summary>
    public string WrongNameCert => Path.Combine(Dir, "wrongname.crt");

    /// <summary>Key of <see cref="WrongNameCert"/>.</summary>
    public string WrongNameKey => Path.Combine(Dir, "wrongname.key");

    /// <summary>A client certificate (CN T-OTHER) signed by <see cref="OtherCaCert"/>'s CA, which the broker does not trust.</summary>
    public string OtherCaClientCert => Path.Combine(Dir, "other-ca-client.crt");

    /// <summary>Key of <see cref="OtherCaClientCert"/>.</summary>
    public string OtherCaClientKey => Path.Combine(Dir, "other-ca-client.key");

    /// <summary>A client certificate (CN T-EXPIRED) from the right CA that expired yesterday.</summary>
    public string ExpiredClientCert => Path.Combine(Dir, "expired-client.crt");

    /// <summary>Key of <see cref="ExpiredClientCert"/>.</summary>
    public string ExpiredClientKey => Path.Combine(Dir, "expired-client.key");

    /// <summary>A server certificate for localhost from the right CA that expired yesterday.</summary>
    public string ExpiredServerCert => Path.Combine(Dir, "expired-server.crt");

    /// <summary>Key of <see cref="ExpiredServerCert"/>.</summary>
    public string ExpiredServerKey => Path.Combine(Dir, "expired-server.key");

    /// <summary>Creates every file (a second or so of openssl).</summary>
    public static TestCertificates Create()
    {
        var certs = new TestCertificates(Directory.CreateTempSubdirectory("certs-").FullName);
        certs.MakeCa("ca", "Test Hall CA");
        certs.MakeCa("other-ca", "Some Other CA");
        certs.MakeLeaf("server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth");
        certs.MakeLeaf("client", "T-TEST", "extendedKeyUsage=clientAuth");
        certs.MakeLeaf("wrongname", "elsewhere.invalid", "subjectAltName=DNS:elsewhere.invalid\nextendedKeyUsage=serverAuth");
        certs.MakeLeaf("other-ca-client", "T-OTHER", "extendedKeyUsage=clientAuth", signer: "other-ca");
        BackdatedCertificate.Write(certs.Dir, "ca", "expired-client", "T-EXPIRED", server: false);
        BackdatedCertificate.Write(certs.Dir, "ca", "expired-server", "localhost", server: true);
        return certs;
    }

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Dir, recursive: true);

    private void MakeCa(string name, string subject) =>
        OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", $"{name}.key", "-out", $"{name}.crt", "-days", "2", "-subj", $"/CN={subject}");

    private void MakeLeaf(string name, string commonName, string extensions, string signer = "ca")
    {
        File.WriteAllText(Path.Combine(Dir, $"{name}.ext"), extensions + "\n");
        OpenSsl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", $"/CN={commonName}");
        OpenSsl("x509", "-req", "-in", $"{name}.csr", "-CA", $"{signer}.crt", "-CAkey", $"{signer}.key", "-CAcreateserial",
            "-out", $"{name}.crt", "-days", "2", "-extfile", $"{name}.ext");
    }

    private void OpenSsl(params string[] args)
    {
        var info = new ProcessStartInfo("openssl") { WorkingDirectory = Dir, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start openssl.");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {stderr.Result}");
        }
    }
}
