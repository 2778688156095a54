using System.CommandLine;
using System.Security.Cryptography;
using Terminal.Core.Updates;

namespace Terminal.Cli.Package;

/// <summary>
/// <c>terminalctl package sign FILE --key PRIVATE.pem [--base64]</c>: the release side; writes FILE.sig.
/// Exit codes: 0 signed; 2 package or key missing/unreadable, or key not an ECDSA P-256 private key.
/// </summary>
internal static class PackageSignCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The package to sign." };
        var key = new Option<FileInfo>("--key") { Description = "Release private key, PEM (ECDSA P-256). Keep it off the devices.", Required = true };
        var base64 = new Option<bool>("--base64") { Description = "Write the signature as base64 text instead of DER." };
        var command = new Command("sign", """
            Sign an update package (release side): writes FILE.sig, ECDSA P-256 over the SHA-256.
            Make a key pair with: openssl ecparam -name prime256v1 -genkey -noout -out release.pem;
            openssl ec -in release.pem -pubout -out update-key.pem.
            Exit codes: 0 signed, 2 missing or unusable package or key.
            """)
        {
            file, key, base64,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(key)!, parse.GetValue(base64), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo package, FileInfo key, bool base64, TextWriter output, TextWriter error)
    {
        try
        {
            byte[] digest;
            using (var stream = package.OpenRead())
            {
                digest = SHA256.HashData(stream);
            }

            var signature = UpdateSignature.Sign(digest, File.ReadAllText(key.FullName));
            var target = package.FullName + UpdateSignature.FileSuffix;
            if (base64)
            {
                File.WriteAllText(target, Convert.ToBase64String(signature) + "\n");
            }
            else
            {
                File.WriteAllBytes(target, signature);
            }

            output.WriteLine($"wrote {target}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"package sign: {ex.Message}");
            return PackageVerifyCommand.CannotCheck;
        }
    }
}
