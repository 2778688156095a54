namespace Terminal.TestUtils.Broker;

/// <summary>A TLS listener for <see cref="MosquittoBroker"/>: PEM files as mosquitto.conf takes them.</summary>
/// <param name="CaFile">CA that client certificates must chain to (<c>cafile</c>).</param>
/// <param name="CertFile">Server certificate (<c>certfile</c>).</param>
/// <param name="KeyFile">Server private key (<c>keyfile</c>).</param>
/// <param name="RequireClientCertificate">Mutual TLS: refuse clients without a certificate signed by the CA.</param>
public sealed record MosquittoTls(string CaFile, string CertFile, string KeyFile, bool RequireClientCertificate = false);
