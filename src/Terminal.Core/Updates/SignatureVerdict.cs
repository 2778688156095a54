namespace Terminal.Core.Updates;

/// <summary>Outcome of checking an update package's signature (deploy/README.md#on-the-device).</summary>
public enum SignatureVerdict
{
    /// <summary>The signature was made over this package's SHA-256 by the key's owner.</summary>
    Valid,

    /// <summary>Well-formed, but not made over this package by this key: tampered, or another signer.</summary>
    Mismatch,

    /// <summary>The signature file is neither DER nor base64 of DER (RFC 3279 ECDSA-Sig-Value).</summary>
    MalformedSignature,

    /// <summary>The key is not a PEM ECDSA P-256 public key.</summary>
    UnusableKey,
}
