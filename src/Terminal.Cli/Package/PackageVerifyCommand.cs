using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Terminal.Core.Updates;

namespace Terminal.Cli.Package;

/// <summary>
/// <c>terminalctl package verify FILE --key PUBLIC.pem [--signature FILE.sig] [--json]</c>.
/// Exit codes: 0 verified; 1 not verified (tampered, other signer, malformed signature);
/// 2 could not check (package, signature or key missing/unreadable, key not P-256).
/// </summary>
internal static class PackageVerifyCommand
{
    public const int Verified = 0;
    public const int NotVerified = 1;
    public const int CannotCheck = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The package, e.g. terminal_1.2.0_all.deb." };
        var key = new Option<FileInfo>("--key") { Description = "Trusted public key, PEM (ECDSA P-256).", Required = true };
        var signature = new Option<FileInfo?>("--signature")
        {
            Description = "Signature file (default FILE.sig): DER ECDSA-Sig-Value over the package's SHA-256, or its base64.",
        };
        var json = new Option<bool>("--json") { Description = "One JSON object: file, sha256, verdict, verified." };
        var command = new Command("verify", """
            Verify an update package before installing it: ECDSA P-256 over the package's SHA-256.
            Exit codes: 0 verified, 1 not verified (tampered, signed by another key, malformed
            signature), 2 could not check (missing or unreadable file, key not P-256).
            """)
        {
            file, key, signature, json,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(key)!,
            parse.GetValue(signature),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo package, FileInfo key, FileInfo? signature, bool json, TextWriter output, TextWriter error)
    {
        signature ??= new FileInfo(package.FullName + UpdateSignature.FileSuffix);
        byte[] digest;
        byte[] signatureBytes;
        string keyPem;
        try
        {
            using (var stream = package.OpenRead())
            {
                digest = SHA256.HashData(stream);
            }

            signatureBytes = File.ReadAllBytes(signature.FullName);
            keyPem = File.ReadAllText(key.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"package verify: cannot read {ex.Message}");
            return CannotCheck;
        }

        var verdict = UpdateSignature.Verify(digest, signatureBytes, keyPem);
        var sha = Convert.ToHexStringLower(digest);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new VerifyReport(package.FullName, sha, ToCode(verdict), verdict == SignatureVerdict.Valid), PackageJson.Default.VerifyReport));
        }
        else if (verdict == SignatureVerdict.Valid)
        {
            output.WriteLine($"{package.Name}: signature OK (sha256 {sha}, key {key.Name})");
        }

        if (verdict != SignatureVerdict.Valid && !json)
        {
            error.WriteLine($"{package.Name}: {Explain(verdict, signature, key)}");
        }

        return verdict switch
        {
            SignatureVerdict.Valid => Verified,
            SignatureVerdict.UnusableKey => CannotCheck,
            _ => NotVerified,
        };
    }

    internal static string ToCode(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.Valid => "valid",
        SignatureVerdict.Mismatch => "mismatch",
        SignatureVerdict.MalformedSignature => "malformed-signature",
        _ => "unusable-key",
    };

    private static string Explain(SignatureVerdict verdict, FileInfo signature, FileInfo key) => verdict switch
    {
        SignatureVerdict.Mismatch => $"signature {signature.Name} does not match: the package was changed or signed with another key than {key.Name}; do not install it",
        SignatureVerdict.MalformedSignature => $"{signature.Name} is not an ECDSA signature (expected DER, or base64 of DER)",
        _ => $"{key.Name} is not a PEM ECDSA P-256 public key",
    };
}
